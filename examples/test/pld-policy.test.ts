// The institution's default PLD policy (pld.plazo): it compiles, its hash is stable under
// formatting, and it grades and flags the cases its comments promise.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compilePolicyText, formatDiagnostic, formatPolicy } from '@plazo/dsl';
import { findUnusualOperations, gradeClient, type ClientRiskFacts, type OperationFacts } from '@plazo/engine';

const text = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'pld.plazo'), 'utf8');
const { ir, diagnostics } = compilePolicyText(text);

function client(over: Partial<ClientRiskFacts['client']> = {}, channel = 'branch', product: string[] = ['nomina']): ClientRiskFacts {
  return { client: { occupation: 'empleado', nationality: 'MX', pep: false, kind: 'person', age: 35, birth_state: 'JC', ...over }, product: { code: product }, channel };
}

function operation(over: Partial<OperationFacts['operation']> = {}, month = { cash_total: '0', cash_count: 0 }): OperationFacts {
  return {
    operation: { amount: '1500.00', cash: false, third_party: false, days_since_disbursement: 90, kind: 'payment', ...over },
    loan: { installment: '1500.00', amount: '20000.00' },
    month,
    client: { risk_grade: 'low', pep: false },
  };
}

describe('examples/pld.plazo', () => {
  it('compiles without errors or warnings, with a hash that formatting keeps', () => {
    expect(diagnostics.map((d) => formatDiagnostic('examples/pld.plazo', d))).toEqual([]);
    expect(ir?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(compilePolicyText(formatPolicy(text).text).ir?.hash).toBe(ir?.hash);
    expect(ir?.unusual.map((r) => r.code)).toEqual(['FRACCIONAMIENTO', 'PAGO_SUPERIOR_CUOTA', 'LIQUIDACION_TEMPRANA', 'PAGO_TERCERO']);
  });

  it('grades an employee with a payroll loan at a branch low, with no reasons', () => {
    expect(gradeClient(ir!, client())).toEqual({ grade: 'low', points: '0', reasons: [] });
  });

  it('grades a PEP high whatever else', () => {
    const graded = gradeClient(ir!, client({ pep: true }));
    expect(graded.grade).toBe('high');
    expect(graded.reasons).toEqual([{ factor: 'client.pep', value: 'true', points: '50' }]);
  });

  it('grades a foreign national medium, and a money changer applying online high', () => {
    expect(gradeClient(ir!, client({ nationality: 'VE' })).grade).toBe('medium');
    expect(gradeClient(ir!, client({ occupation: 'Cambista' }, 'online')).grade).toBe('high');
    expect(gradeClient(ir!, client({ occupation: 'comerciante' }, 'online', ['nomina', 'capital_trabajo']))).toMatchObject({ grade: 'medium', points: '40' });
  });

  it('flags the four unusual operations of the issue, and none on an ordinary payment', () => {
    expect(findUnusualOperations(ir!, operation())).toEqual([]);
    const codes = (facts: OperationFacts) => findUnusualOperations(ir!, facts).map((f) => f.code);
    expect(codes(operation({ cash: true, amount: '60000.00' }, { cash_total: '145000.00', cash_count: 3 }))).toContain('FRACCIONAMIENTO');
    expect(codes(operation({ cash: true, amount: '60000.00' }, { cash_total: '120000.00', cash_count: 2 }))).not.toContain('FRACCIONAMIENTO');
    expect(codes(operation({ amount: '4500.01' }))).toEqual(['PAGO_SUPERIOR_CUOTA']);
    expect(codes(operation({ amount: '4500.00' }))).toEqual([]);
    expect(codes(operation({ kind: 'payoff', amount: '21000.00', days_since_disbursement: 30 }))).toEqual(['LIQUIDACION_TEMPRANA']);
    expect(codes(operation({ kind: 'payoff', amount: '21000.00', days_since_disbursement: 31 }))).toEqual([]);
    expect(findUnusualOperations(ir!, operation({ third_party: true }))).toEqual([{ code: 'PAGO_TERCERO', message: 'Pago realizado por un tercero' }]);
  });
});
