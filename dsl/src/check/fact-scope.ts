// Expressions over a closed set of facts instead of a product's inputs: the PLD policy's client and
// operation facts, the reserves policy's loan facts. A scope whose only names are the facts, and
// an `accept` that reports an unknown name as an unknown fact with the closest one.
import type { InputFieldDecl, ProductDecl } from '../ast/nodes.ts';
import type { Accept } from '../diagnostic.ts';
import { error } from './diagnostics.ts';
import type { InputSymbol, Scope } from './scope.ts';
import { closestName } from './suggest.ts';
import { fieldType } from './value-types.ts';

/** A fact's type as the engine declares it (PldFactType, ReserveFactType). */
export interface FactType {
  readonly kind: 'string' | 'boolean' | 'integer' | 'money';
}
export type FactTypes = Readonly<Record<string, FactType | { readonly kind: 'enum'; readonly values: readonly string[] }>>;

/** A scope whose only names are the facts (the expression checker resolves against it). */
export function factScope(facts: FactTypes): Scope {
  const inputs = new Map<string, InputSymbol>();
  for (const [name, type] of Object.entries(facts)) {
    const exprType = type.kind === 'enum' ? fieldType('enum', type.values) : fieldType(type.kind, []);
    inputs.set(name, { kind: 'input', name, decl: {} as InputFieldDecl, type: exprType, optional: false });
  }
  const inputGroups = new Map<string, string>();
  for (const name of inputs.keys()) inputGroups.set(name.split('.')[0]!, name);
  return {
    product: { kind: 'ProductDecl', sections: [] } as unknown as ProductDecl,
    inputs,
    inputGroups,
    lets: new Map(),
    bands: new Map(),
    reasons: new Set(),
    stages: new Set(),
  };
}

/** The product checker says "unknown name … declare it as an input"; here there are facts instead. */
export function factAccept(accept: Accept, facts: FactTypes): Accept {
  return (d) => {
    if (d.id !== 'unknown-name') return accept(d);
    const name = String(d.args?.['name'] ?? '');
    accept(unknownFact(name, facts, d.range));
  };
}

/** `unknown-name/fact`: the name is no fact; `help` names the closest one, or all of them. */
export function unknownFact(name: string, facts: FactTypes, range: Parameters<typeof error>[2]): ReturnType<typeof error> {
  const names = Object.keys(facts);
  return error('unknown-name/fact', { name, suggestion: closestName(name, names) ?? null, facts: names }, range);
}
