// Checks on a derived input (`group.cycle: integer 1..50 from client.cycle`): the fact is one of
// the client facts (client-facts.ts), the declared type can hold it, and what the client asks for
// (`request.*`) is never derived.
import type { InputFieldDecl } from '../ast/nodes.ts';
import { CLIENT_FACTS, clientFact } from '../client-facts.ts';
import type { Accept } from '../diagnostic.ts';
import { error } from './diagnostics.ts';
import { closestName } from './suggest.ts';

/** The `from client.…` of one input field, if it has one. */
export function checkDerivedInput(field: InputFieldDecl, accept: Accept): void {
  const from = field.from;
  if (!from) return;
  const name = field.name?.name ?? '';
  if (name.startsWith('request.')) {
    accept(error('derived-request-input', { path: name }, from.range));
    return;
  }
  const fact = clientFact(from.name);
  if (!fact) {
    const suggestion = closestName(from.name, CLIENT_FACTS.map((f) => f.name)) ?? null;
    accept(error('unknown-client-fact', { fact: from.name, suggestion, facts: CLIENT_FACTS.map((f) => f.name) }, from.range));
    return;
  }
  if (field.type !== fact.type) {
    const type = fact.type === 'enum' ? `enum { ${fact.values!.join(', ')} }` : fact.type;
    accept(error('type-mismatch/client-fact', { name, fact: fact.name, type, declared: field.type }, field.typeRange));
    return;
  }
  if (fact.type === 'enum') {
    const declared = new Set(field.enumValues.map((v) => v.name));
    const missing = fact.values!.filter((v) => !declared.has(v));
    if (missing.length > 0) accept(error('type-mismatch/client-fact-enum', { name, fact: fact.name, missing }, field.typeRange));
  }
}
