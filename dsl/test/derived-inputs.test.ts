// Derived inputs (issue 14): `applicant.age: integer 18..99 from client.age` parses, formats
// canonically, checks against the client facts (unknown fact, type that cannot hold it, a request
// field) with file:line:col in Spanish and English, and compiles to an additive `from` in the IR.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runProductTests } from '@plazo/engine';
import { describe, expect, it } from 'vitest';
import { CLIENT_FACTS } from '../src/client-facts.ts';
import { compileText } from '../src/compile/compile.ts';
import { format } from '../src/format/format.ts';
import { localizeDiagnostic } from '../src/messages/catalogue.ts';
import { formatDiagnostic } from '../src/diagnostic.ts';
import { diagnose, found, mutate, positionOf, PRODUCT } from './check-helpers.ts';

const AGE = 'applicant.age: integer 18..99\n';

describe('derived inputs', () => {
  it('check clean and compile to `from` on the input, the rest of the IR as before', () => {
    const text = mutate(AGE, 'applicant.age: integer 18..99 from client.age\n');
    expect(found(diagnose(text))).toEqual([]);
    const derived = compileText(text).ir!;
    const typed = compileText(PRODUCT).ir!;
    expect(derived.inputs.find((f) => f.path === 'applicant.age')).toEqual({ ...typed.inputs.find((f) => f.path === 'applicant.age'), from: 'client.age' });
    expect(typed.inputs.some((f) => 'from' in f)).toBe(false);
    expect(derived.hash).not.toBe(typed.hash);
  });

  it('format canonically: after the bounds and `optional`, one space apart', () => {
    const text = mutate(AGE, 'applicant.age:integer   18..99\n      from    client.age\n    applicant.birth: date optional from client.birth_date\n');
    const out = format(text).text!;
    expect(out).toContain('    applicant.age: integer 18..99 from client.age\n');
    expect(out).toContain('    applicant.birth: date optional from client.birth_date\n');
    expect(format(out).text).toBe(out);
  });

  it('refuse an unknown client fact, with a suggestion, at file:line:col in both languages', () => {
    const text = mutate(AGE, 'applicant.age: integer 18..99 from client.edad\n');
    const [d, ...others] = diagnose(text).filter((x) => x.severity === 'error');
    expect(others).toEqual([]);
    expect(found([d!])).toEqual([`${positionOf(text, 'client.edad')} unknown-client-fact unknown client fact \`client.edad\``]);
    expect(formatDiagnostic('nomina.plazo', d!)).toMatch(new RegExp(`^nomina\\.plazo:${positionOf(text, 'client.edad')}: error unknown-client-fact: `));
    const es = localizeDiagnostic(d!, 'es');
    expect(es.message).toBe('dato del cliente desconocido `client.edad`');
    const typo = diagnose(mutate(AGE, 'applicant.age: integer 18..99 from client.cicle\n')).find((x) => x.code === 'unknown-client-fact')!;
    expect(typo.help).toBe('did you mean `client.cycle`?');
  });

  it('refuse a type that cannot hold the fact, an enum lacking its values, and a derived request field', () => {
    const text = mutate(AGE, 'applicant.age: money from client.age\n    applicant.sex: enum { H, M } from client.sex\n    applicant.born: date from client.birth_date\n');
    expect(found(diagnose(text), 'type-mismatch')).toEqual([
      `${positionOf(text, 'money from')} type-mismatch \`applicant.age\` is declared \`money\`, but \`client.age\` is \`integer\``,
      `${positionOf(text, 'enum { H, M }')} type-mismatch the enum of \`applicant.sex\` lacks \`X\`, which \`client.sex\` may be`,
    ]);
    const es = diagnose(text).filter((d) => d.code === 'type-mismatch').map((d) => localizeDiagnostic(d, 'es').message);
    expect(es[0]).toBe('`applicant.age` se declara `money`, pero `client.age` es `integer`');
    const request = mutate('request.payments: integer\n', 'request.payments: integer from client.cycle\n');
    expect(found(diagnose(request), 'derived-request-input')).toEqual([
      `${positionOf(request, 'client.cycle')} derived-request-input \`request.payments\` cannot come from the client record`,
    ]);
  });

  it('every client fact can be derived into an input of its own type', () => {
    const lines = CLIENT_FACTS.map((f, i) => `    derived.f${i}: ${f.type === 'enum' ? `enum { ${f.values!.join(', ')} }` : f.type} optional from ${f.name}\n`).join('');
    expect(found(diagnose(mutate(AGE, `${AGE}${lines}`)))).toEqual([]);
    expect(new Set(CLIENT_FACTS.map((f) => f.name)).size).toBe(CLIENT_FACTS.length);
    for (const f of CLIENT_FACTS) expect(f.doc.es && f.doc.en).toBeTruthy();
  });

  it('product tests may still give a derived input: it is a fact for the test', () => {
    const text = mutate(AGE, 'applicant.age: integer 18..99 from client.age\n');
    const { ir, diagnostics } = compileText(text);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const report = runProductTests(ir!);
    expect(report.results.length).toBeGreaterThan(0);
    expect(report.results.filter((r) => r.status !== 'passed')).toEqual([]);
  });

  it('leave the hash of a product without derived inputs as it was before they existed', () => {
    // Recorded on the commit before derived inputs (15b5805).
    expect(compileText(PRODUCT).ir!.hash).toBe('e747d4d4590eacaee7d831b98cda7b8647d5b547b8308f2c81b08e8a912dd8a9');
    const nomina = readFileSync(fileURLToPath(new URL('../../examples/nomina.plazo', import.meta.url)), 'utf8');
    // nómina gained a `reserves` section (issue 15); without it, its hash is the one recorded then.
    const withoutReserves = nomina.replace(/\n(?: {2}\/\/\/[^\n]*\n)* {2}reserves \{\n[\s\S]*?\n {2}\}\n/, '\n');
    expect(withoutReserves).not.toBe(nomina);
    expect(compileText(withoutReserves).ir!.hash).toBe('ab2feab806a857a05379b5d5e710a94c15e1b84e0663ffa3e88e53635677db15');
  });
});
