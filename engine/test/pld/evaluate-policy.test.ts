// gradeClient and findUnusualOperations on hand-written IR (the engine does not depend on the
// language): the matrix sums first-matching bins and holding conditions, grades by cut-offs; a
// grade is monotone in points; a rule fires exactly when its condition holds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findUnusualOperations,
  gradeClient,
  gradeForPoints,
  hashPldPolicy,
  riskGradeRank,
  withPldPolicyHash,
  type ClientRiskFacts,
  type OperationFacts,
  type PldPolicyIR,
} from '../../src/index.ts';

const policy: PldPolicyIR = withPldPolicyHash({
  irVersion: 1,
  code: 'pld',
  name: 'PLD',
  risk: {
    factors: [
      { kind: 'fact', fact: 'client.occupation', bins: [{ match: { kind: 'values', values: ['cambista', 'casa de empeño'] }, points: '40' }, { match: { kind: 'missing' }, points: '15' }, { match: { kind: 'otherwise' }, points: '0' }] },
      { kind: 'fact', fact: 'client.pep', bins: [{ match: { kind: 'values', values: [true] }, points: '50' }] },
      { kind: 'fact', fact: 'client.age', bins: [{ match: { kind: 'range', max: '21', maxExclusive: true }, points: '5' }, { match: { kind: 'range', min: '76' }, points: '5.5' }] },
      { kind: 'fact', fact: 'product.code', bins: [{ match: { kind: 'values', values: ['capital_trabajo'] }, points: '10' }, { match: { kind: 'values', values: ['nomina'] }, points: '-5' }] },
      { kind: 'condition', label: 'EXTRANJERA', when: { and: [{ '==': [{ var: 'client.kind' }, 'company'] }, { '!=': [{ var: 'client.nationality' }, 'MX'] }] }, points: '20' },
    ],
    grades: [{ grade: 'high', minPoints: '50' }, { grade: 'medium', minPoints: '25' }],
    otherwise: 'low',
  },
  unusual: [
    { code: 'CUOTA', when: { '>': [{ var: 'operation.amount' }, { '*': [{ var: 'loan.installment' }, { decimal: '3' }] }] }, message: 'Pago mayor a tres cuotas' },
    { code: 'TERCERO', when: { var: 'operation.third_party' } },
  ],
});

function client(over: Partial<ClientRiskFacts['client']> = {}, product: ClientRiskFacts['product']['code'] = null): ClientRiskFacts {
  return { client: { occupation: 'empleado', nationality: 'MX', pep: false, kind: 'person', age: 40, birth_state: 'JC', ...over }, product: { code: product }, channel: 'branch' };
}

function operation(amount: string, installment: string | null, thirdParty = false): OperationFacts {
  return {
    operation: { amount, cash: false, third_party: thirdParty, days_since_disbursement: 40, kind: 'payment' },
    loan: { installment, amount: '10000.00' },
    month: { cash_total: '0', cash_count: 0 },
    client: { risk_grade: 'low', pep: false },
  };
}

describe('gradeClient', () => {
  it('sums the first matching bin of each factor, text without accents or case', () => {
    expect(gradeClient(policy, client({ occupation: ' CASA DE EMPEÑO ' }))).toEqual({
      grade: 'medium',
      points: '40',
      reasons: [{ factor: 'client.occupation', value: ' CASA DE EMPEÑO ', points: '40' }],
    });
    expect(gradeClient(policy, client({ occupation: null })).reasons).toEqual([{ factor: 'client.occupation', value: 'missing', points: '15' }]);
  });

  it('grades a PEP high, decimals exact, ranges with exclusive ends', () => {
    expect(gradeClient(policy, client({ pep: true, age: 80 }))).toMatchObject({ grade: 'high', points: '55.5' });
    expect(gradeClient(policy, client({ age: 20 })).points).toBe('5');
    expect(gradeClient(policy, client({ age: 21 })).points).toBe('0');
  });

  it('takes the highest-scoring of the client\'s products', () => {
    expect(gradeClient(policy, client({}, ['nomina', 'capital_trabajo'])).reasons).toEqual([{ factor: 'product.code', value: 'capital_trabajo', points: '10' }]);
    expect(gradeClient(policy, client({}, 'nomina')).points).toBe('-5');
  });

  it('adds a condition\'s points when it holds', () => {
    const foreign = client({ kind: 'company', nationality: 'US', occupation: 'cambista' });
    expect(gradeClient(policy, foreign)).toMatchObject({ grade: 'high', points: '60' });
    expect(gradeClient(policy, foreign).reasons.at(-1)).toEqual({ factor: 'EXTRANJERA', value: 'true', points: '20' });
  });

  it('a grade is monotone in points (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (a, d) => {
        expect(riskGradeRank(gradeForPoints(policy, String(a + d)))).toBeGreaterThanOrEqual(riskGradeRank(gradeForPoints(policy, String(a))));
      }),
      { seed: 3, numRuns: 1000 },
    );
  });

  it('its grade is the grade of its points (property)', () => {
    const arbitrary = fc.record({
      occupation: fc.option(fc.constantFrom('cambista', 'Casa de Empeño', 'empleado', 'x'), { nil: null }),
      nationality: fc.option(fc.constantFrom('MX', 'US'), { nil: null }),
      pep: fc.boolean(),
      kind: fc.constantFrom('person' as const, 'company' as const),
      age: fc.option(fc.integer({ min: 16, max: 99 }), { nil: null }),
      birth_state: fc.constant(null),
    });
    fc.assert(
      fc.property(arbitrary, (c) => {
        const graded = gradeClient(policy, client(c));
        expect(graded.grade).toBe(gradeForPoints(policy, graded.points));
        expect(graded.reasons.reduce((s, r) => s + Number(r.points), 0)).toBeCloseTo(Number(graded.points), 9);
      }),
      { seed: 5, numRuns: 500 },
    );
  });

  it('hashes its content, not its key order', () => {
    const { hash, ...rest } = policy;
    expect(hashPldPolicy(policy)).toBe(hash);
    expect(hashPldPolicy({ ...rest, name: 'Otra' })).not.toBe(hash);
  });
});

describe('findUnusualOperations', () => {
  it('fires the rules whose condition holds, with the written message or the code', () => {
    expect(findUnusualOperations(policy, operation('3000.01', '1000.00', true))).toEqual([
      { code: 'CUOTA', message: 'Pago mayor a tres cuotas' },
      { code: 'TERCERO', message: 'TERCERO' },
    ]);
    expect(findUnusualOperations(policy, operation('3000.00', '1000.00'))).toEqual([]);
  });

  it('a missing installment makes the comparison false, not an error', () => {
    expect(findUnusualOperations(policy, operation('999999.00', null))).toEqual([]);
  });

  it('a rule never fires on facts that make its condition false (property)', () => {
    const cents = fc.integer({ min: 1, max: 10_000_000 }).map((c) => (c / 100).toFixed(2));
    fc.assert(
      fc.property(cents, cents, fc.boolean(), (amount, installment, third) => {
        const codes = findUnusualOperations(policy, operation(amount, installment, third)).map((f) => f.code);
        const above = Math.round(Number(amount) * 100) > 3 * Math.round(Number(installment) * 100);
        expect(codes.includes('CUOTA')).toBe(above);
        expect(codes.includes('TERCERO')).toBe(third);
      }),
      { seed: 11, numRuns: 2000 },
    );
  });
});
