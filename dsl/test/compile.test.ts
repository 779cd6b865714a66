// The compiler on real text: the IR's content, JSON Logic shapes, defaults, stable hashing, and
// refusal while errors stand.
import { canonicalJson, hashProduct, verifyProductHash, type JsonLogic, type ProductIR } from '@plazo/engine';
import { describe, expect, it } from 'vitest';
import { compileText } from '../src/compile/compile.ts';
import { PRODUCT, mutate } from './check-helpers.ts';

function compiled(text: string): ProductIR {
  const { ir, diagnostics } = compileText(text);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return ir!;
}

/** Every JS number inside the IR, with its path: only counts, days and scales may be numbers. */
function numbersIn(value: unknown, path = '$'): string[] {
  if (typeof value === 'number') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => numbersIn(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => numbersIn(v, `${path}.${k}`));
  return [];
}

describe('compile', () => {
  const ir = compiled(PRODUCT);

  it('fills identity, inputs and limits with normalized decimal strings', () => {
    expect(ir.code).toBe('nomina_quincenal');
    expect(ir.name).toBe('Crédito de Nómina');
    expect(ir.currency).toBe('MXN');
    expect(ir.kind).toBe('consumer');
    expect(ir.inputs.find((i) => i.path === 'bureau.utilization')).toEqual({ path: 'bureau.utilization', type: 'percent', optional: true, min: '0', max: '1' });
    expect(ir.inputs.find((i) => i.path === 'applicant.age')).toEqual({ path: 'applicant.age', type: 'integer', optional: false, min: '18', max: '99', doc: 'Edad cumplida del solicitante' });
    expect(ir.limits).toEqual({
      amount: { min: '5000', max: '150000', step: '500' },
      terms: [{ frequency: 'semimonthly', payments: { min: 6, max: 48 } }],
      firstPaymentDays: { min: 7, max: 45 },
    });
  });

  it('writes rates as fractions and fills the pricing defaults', () => {
    expect(ir.pricing.rate).toEqual({
      kind: 'table',
      keys: ['band'],
      rows: [
        { cells: [{ band: 'A' }], rate: '0.36' },
        { cells: [{ band: 'B' }], rate: '0.48' },
        { cells: [{ band: 'C' }], rate: '0.62' },
      ],
    });
    expect(ir.pricing.tax).toEqual({ rate: '0.16', on: ['interest', 'fees'] });
    expect(ir.pricing.businessDays).toBe('none');
    expect(ir.pricing.grace).toEqual({ principal: 0, interest: 0 });
    expect(ir.fees).toEqual([
      { name: 'apertura', amount: { kind: 'percent', rate: '0.025', of: 'amount' }, min: '150', max: '5000', timing: 'financed', taxable: true, inCat: true },
    ]);
  });

  it('compiles expressions to JSON Logic with decimal literals, fractions and `!` for unless', () => {
    const when = (reason: string): JsonLogic => ir.eligibility.find((r) => r.reason === reason)!.when;
    expect(when('EDAD')).toEqual({ '>': [{ var: 'applicant.age' }, { decimal: '70' }] });
    expect(when('CONVENIO')).toEqual({ '!': { var: 'employment.employer_in_agreement' } });
    expect(when('UTILIZACION')).toEqual({
      and: [{ '!': { missing: ['bureau.utilization'] } }, { '>': [{ var: 'bureau.utilization' }, { decimal: '0.9' }] }],
    });
    expect(ir.derived[0]).toEqual({
      name: 'capacity',
      type: 'money',
      doc: 'Capacidad de pago por quincena',
      expr: { '/': [{ '*': [{ var: 'applicant.net_income' }, { decimal: '0.3' }] }, { decimal: '2' }] },
    });
    expect(ir.offer.caps[0]).toEqual({ kind: 'max-installment', expr: { var: 'capacity' } });
  });

  it('compiles enum values to strings and `in` to a list', () => {
    const text = mutate('decline "UTILIZACION"', 'refer "ESTADO" when applicant.state in { JAL, NL } or applicant.state = CDMX\n    decline "UTILIZACION"');
    const rule = compiled(text).eligibility.find((r) => r.reason === 'ESTADO')!;
    expect(rule.when).toEqual({ or: [{ in: [{ var: 'applicant.state' }, ['JAL', 'NL']] }, { '==': [{ var: 'applicant.state' }, 'CDMX'] }] });
  });

  it('compiles the scorecard with bin ids, signed points and the otherwise outcome', () => {
    const scorecard = ir.scorecard!;
    expect(scorecard.base).toBe('600');
    expect(scorecard.characteristics[0]!.bins).toEqual([
      { id: 'bureau.score#0', match: { kind: 'missing' }, points: '-40', reason: 'SIN_HISTORIAL' },
      { id: 'bureau.score#1', match: { kind: 'range', max: '579' }, points: '-60', reason: 'BURO_BAJO' },
      { id: 'bureau.score#2', match: { kind: 'range', min: '580', max: '679' }, points: '0' },
      { id: 'bureau.score#3', match: { kind: 'range', min: '680' }, points: '50' },
    ]);
    expect(scorecard.characteristics[2]!.bins.map((b) => b.match)).toEqual([
      { kind: 'values', values: [true] },
      { kind: 'values', values: [false] },
    ]);
    expect(scorecard.bands).toEqual([
      { name: 'A', minScore: '640' },
      { name: 'B', minScore: '600' },
      { name: 'C', minScore: '560' },
    ]);
    expect(scorecard.otherwise).toEqual({ outcome: 'decline', reason: 'SCORE_BAJO', message: 'Puntaje insuficiente' });
  });

  it('compiles servicing: penalties with the pricing basis and IVA, collection, defaults', () => {
    expect(ir.penalties).toEqual({ moratorium: { rate: { kind: 'multiple', factor: '1.5' }, on: 'overdue-principal', basis: 'actual/360', taxable: true } });
    expect(ir.collection[0]).toEqual({ kind: 'at', day: -3, actions: [{ kind: 'notify', channel: 'whatsapp', template: 'recordatorio_pago' }] });
    expect(ir.collection[3]).toEqual({ kind: 'stage', stage: 'judicial', from: 91, actions: [{ kind: 'stop-accrual' }] });
    expect(ir.prepayment).toBe('reduce-term');
    expect(ir.offer.counteroffer).toBe(true);
  });

  it('compiles a restructuring offer with only the terms written', () => {
    const stage = (text: string) => compiled(text).collection.find((s) => s.kind === 'stage' && s.stage === 'tardia')!;
    expect(stage(PRODUCT).actions).toContainEqual({ kind: 'offer-restructure' });
    const withTerms = mutate('offer restructure', 'offer restructure payments 12 semimonthly rate 30%');
    expect(stage(withTerms).actions).toContainEqual({ kind: 'offer-restructure', installments: 12, frequency: 'semimonthly', annualRate: '0.3' });
    expect(stage(mutate('offer restructure', 'offer restructure rate 24.5%')).actions).toContainEqual({ kind: 'offer-restructure', annualRate: '0.245' });
    expect(stage(mutate('offer restructure', 'offer restructure payments 8 every 14 days')).actions).toContainEqual({ kind: 'offer-restructure', installments: 8, frequency: { everyDays: 14 } });
    expect(compiled(withTerms).hash).not.toBe(ir.hash);
  });

  it('compiles tests: given values as decimal strings, enum names, booleans; reasons apart from the outcome', () => {
    expect(ir.tests[0]!.given).toMatchObject({ 'applicant.net_income': '24000', 'applicant.state': 'CDMX', 'employment.employer_in_agreement': true });
    expect(ir.tests[1]!.expect).toEqual([
      { kind: 'outcome', outcome: 'decline' },
      { kind: 'reasons', reasons: ['EDAD', 'CONVENIO'] },
    ]);
  });

  it('never writes a money amount or rate as a JS number', () => {
    const allowed = /(\.payments\.(min|max)|firstPaymentDays\.(min|max)|\.decimals|\.grace\.(principal|interest)|\.day|\.from|\.to|irVersion)$/;
    expect(numbersIn(ir).filter((path) => !allowed.test(path))).toEqual([]);
    expect(() => canonicalJson(ir)).not.toThrow();
  });

  it('hashes the canonical JSON without the hash, and freezes the IR', () => {
    expect(ir.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(ir.hash).toBe(hashProduct(ir));
    expect(verifyProductHash(ir)).toBe(true);
    expect(Object.isFrozen(ir) && Object.isFrozen(ir.limits.amount)).toBe(true);
  });

  it('gives the same hash to texts that differ only in layout, comments and digit grouping', () => {
    const relaid = PRODUCT.replace(/\/\/ monthly net salary/, '')
      .replace('5_000..150_000', '5000..150000')
      .replace('iva 16% on interest, fees', 'iva 16.0% on fees, interest')
      .replace(/\n {4}/g, '\n      ');
    expect(compiled(relaid).hash).toBe(ir.hash);
  });

  it('changes the hash when the meaning changes', () => {
    expect(compiled(mutate('A: 36%', 'A: 35%')).hash).not.toBe(ir.hash);
    expect(compiled(mutate('base 600', 'base 601')).hash).not.toBe(ir.hash);
  });

  it('refuses to compile while an error stands, from the checker or the parser', () => {
    const checked = compileText(mutate('when applicant.age > 70', 'when applicant.ages > 70'));
    expect(checked.ir).toBeUndefined();
    expect(checked.diagnostics.map((d) => d.code)).toContain('unknown-name');
    const parsed = compileText(mutate('  penalties {\n', '  penalties \n'));
    expect(parsed.ir).toBeUndefined();
    expect(parsed.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  });

  it('compiles with warnings', () => {
    const { ir: warned, diagnostics } = compileText(mutate('iva 16% on interest, fees', 'iva 16% on fees'));
    expect(diagnostics.map((d) => d.code)).toEqual(['iva-missing']);
    expect(warned?.pricing.tax).toEqual({ rate: '0.16', on: ['fees'] });
  });

  it('fills the documented defaults for a minimal product', () => {
    const minimal = compiled(`product mini "Mini" {
      currency MXN
      kind business
      input { request.amount: money  request.payments: integer }
      limits { amount 1_000..5_000  payments 4..12 every 10 days }
      pricing { method flat  rate 60% }
      fee apertura 2% deducted
    }`);
    expect(minimal.pricing).toMatchObject({ basis: 'period', rounding: { decimals: 2, mode: 'half-even' }, businessDays: 'none', installmentIncludesTax: false });
    expect(minimal.pricing.tax).toBeUndefined();
    expect(minimal.limits.amount.step).toBe('1');
    expect(minimal.limits.terms).toEqual([{ frequency: { everyDays: 10 }, payments: { min: 4, max: 12 } }]);
    expect(minimal.fees[0]).toMatchObject({ amount: { kind: 'percent', rate: '0.02', of: 'amount' }, timing: 'deducted', taxable: false });
    expect(minimal.allocation).toEqual(['penalties', 'moratorium', 'iva', 'interest', 'fees', 'principal']);
    expect(minimal.prepayment).toBe('reduce-term');
    expect(minimal.offer).toEqual({ caps: [], counteroffer: true });
    expect(minimal.penalties).toEqual({});
    expect(minimal.scorecard).toBeUndefined();
  });
});
