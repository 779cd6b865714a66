// PLD policy documents: parsing with recovery, the checker's diagnostics (with suggestions, in
// both languages), the formatter (canonical, idempotent, meaning-preserving) and the IR.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, localizeDiagnostic } from '../index.ts';
import { compilePolicyText } from './check-policy.ts';
import { formatPolicy } from './format-policy.ts';
import { isPolicyText, parsePolicy } from './parse-policy.ts';

const BASE = `policy pld "PLD" {
  risk grade {
    factor client.pep { true -> 50  false -> 0 }
    factor client.age {
      ..<21 -> 5
      76.. -> 5
    }
    when client.kind = company and client.nationality != "MX" -> +20 reason "EXTRANJERA"
    high when points >= 50
    medium when points >= 20
    otherwise low
  }
  unusual "TERCERO" when operation.third_party message "Pago de un tercero"
}
`;

function shown(text: string, lang: 'en' | 'es' = 'en'): string[] {
  return compilePolicyText(text).diagnostics.map((d) => formatDiagnostic('p.plazo', localizeDiagnostic(d, lang)));
}

describe('policy documents', () => {
  it('compiles a policy to its IR, conditions and rules as JSON Logic', () => {
    const { ir, diagnostics } = compilePolicyText(BASE);
    expect(diagnostics).toEqual([]);
    expect(ir).toMatchObject({
      code: 'pld',
      name: 'PLD',
      risk: {
        factors: [
          { kind: 'fact', fact: 'client.pep', bins: [{ match: { kind: 'values', values: [true] }, points: '50' }, { match: { kind: 'values', values: [false] }, points: '0' }] },
          { kind: 'fact', fact: 'client.age', bins: [{ match: { kind: 'range', max: '21', maxExclusive: true }, points: '5' }, { match: { kind: 'range', min: '76' }, points: '5' }] },
          { kind: 'condition', label: 'EXTRANJERA', points: '20', when: { and: [{ '==': [{ var: 'client.kind' }, 'company'] }, { '!=': [{ var: 'client.nationality' }, 'MX'] }] } },
        ],
        grades: [{ grade: 'high', minPoints: '50' }, { grade: 'medium', minPoints: '20' }],
        otherwise: 'low',
      },
      unusual: [{ code: 'TERCERO', when: { var: 'operation.third_party' }, message: 'Pago de un tercero' }],
    });
    expect(ir!.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('tells a policy from a product by its first word', () => {
    expect(isPolicyText(`// política\n${BASE}`)).toBe(true);
    expect(isPolicyText('product p "P" { currency MXN }')).toBe(false);
  });

  it('suggests the closest fact for a typo, at file:line:col, in Spanish too', () => {
    const text = BASE.replace('factor client.age', 'factor client.ag').replace('operation.third_party', 'operation.thrd_party');
    expect(shown(text)).toEqual([
      'p.plazo:4:12: error unknown-name: unknown fact `client.ag`\n  help: did you mean `client.age`?',
      'p.plazo:13:26: error unknown-name: unknown fact `operation.thrd_party`\n  help: did you mean `operation.third_party`?',
    ]);
    expect(shown(text, 'es')[0]).toBe('p.plazo:4:12: error unknown-name: dato desconocido `client.ag`\n  help: ¿quisiste decir `client.age`?');
  });

  it('keeps client and operation facts apart: a rule cannot read the occupation', () => {
    expect(shown(BASE.replace('operation.third_party', 'client.occupation = "cambista"'))[0]).toMatch(/unknown fact `client.occupation`/);
  });

  it('reports types: a non-boolean rule, a range on a text fact, an enum value that does not exist', () => {
    const text = BASE.replace('when operation.third_party', 'when operation.amount')
      .replace('true -> 50  false -> 0', '1..2 -> 50')
      .replace('client.kind = company', 'client.kind = compnay');
    const out = shown(text).join('\n');
    expect(out).toMatch(/3:25: error policy-bin-type: `client.pep` is `boolean`/);
    expect(out).toMatch(/unknown-enum-value/);
    expect(out).toMatch(/13:26: error type-mismatch: the condition of rule `TERCERO` must be/);
  });

  it('refuses cut-offs out of order, unknown grades and duplicates', () => {
    expect(shown(BASE.replace('medium when points >= 20', 'medium when points >= 60')).join('\n')).toMatch(/policy-grade-order: `medium` from 60 points must be below `high` from 50/);
    expect(shown(BASE.replace('otherwise low', 'otherwise alto')).join('\n')).toMatch(/policy-grade: unknown risk grade `alto`/);
    expect(shown(BASE.replace('otherwise low', 'otherwise high')).join('\n')).toMatch(/policy-grade-order/);
    const twice = BASE.replace('  unusual "TERCERO"', '  unusual "TERCERO" when operation.cash\n  unusual "TERCERO"');
    expect(shown(twice).join('\n')).toMatch(/duplicate-name: unusual-operation rule `TERCERO` is already declared on line 13/);
    expect(compilePolicyText(twice).ir).toBeUndefined();
  });

  it('recovers after a syntax error and reports the next one too', () => {
    const text = BASE.replace('true -> 50  false -> 0', 'true -> ').replace('operation.third_party', 'operation.amount > > 3');
    const out = shown(text);
    expect(out[0]).toBe('p.plazo:3:34: error policy-syntax: expected points (a number), found `}`');
    expect(out.some((line) => line.startsWith('p.plazo:13:45: error unexpected-token'))).toBe(true);
    expect(parsePolicy(text).file.policy?.rules.length).toBe(1);
  });

  it('a product file or an empty one is not a policy', () => {
    expect(shown('')).toEqual(['p.plazo:1:1: error policy-missing: a policy file holds `policy CODE "Name" { ... }`']);
    expect(shown('product p "P" { currency MXN }')[0]).toMatch(/policy-syntax: expected `policy`/);
  });

  it('formats canonically and idempotently, keeping comments and the hash', () => {
    const messy = `// arriba\npolicy   pld "PLD"{risk grade{factor client.pep{true->50 false->0}\n// corte\nhigh when points>=50 otherwise low}\nunusual "T" when operation.third_party and operation.amount>1_000 message "m"}`;
    const once = formatPolicy(messy);
    expect(once.diagnostics).toEqual([]);
    expect(once.text).toBe(
      '// arriba\npolicy pld "PLD" {\n  risk grade {\n    factor client.pep { true -> 50  false -> 0 }\n    // corte\n    high when points >= 50\n    otherwise low\n  }\n  unusual "T" when operation.third_party and operation.amount > 1_000 message "m"\n}\n',
    );
    expect(formatPolicy(once.text).text).toBe(once.text);
    expect(compilePolicyText(once.text).ir!.hash).toBe(compilePolicyText(messy).ir!.hash);
    expect(formatPolicy(BASE).text).toBe(BASE);
  });

  it('never throws on arbitrary edits of a valid policy (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: BASE.length }), fc.integer({ min: 0, max: 30 }), fc.string({ maxLength: 6 }), (at, cut, insert) => {
        const text = BASE.slice(0, at) + insert + BASE.slice(at + cut);
        const { ir, diagnostics } = compilePolicyText(text);
        expect(ir !== undefined || diagnostics.some((d) => d.severity === 'error')).toBe(true);
        const formatted = formatPolicy(text);
        if (formatted.diagnostics.length === 0) expect(formatPolicy(formatted.text).text).toBe(formatted.text);
      }),
      { seed: 14, numRuns: 400 },
    );
  });
});
