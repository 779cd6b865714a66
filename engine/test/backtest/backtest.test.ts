// backtest and compareBacktests on the hand-written payroll product over a small CSV whose every
// row is decided by hand: rates, cost, bands, reasons, separation, unmappable rows, map validation.
import { describe, expect, it } from 'vitest';
import { InvalidInputError, backtest, compareBacktests, parseCsv, type BacktestProgress } from '../../src/index.ts';
import { payrollProduct, payrollSource, payrollVariant } from '../decision/payroll-product.ts';

// Base row = the decision tests' good applicant: bureau 710 → +50, dti 2,400 / 24,000 = 0.1 → +30,
// formal → +20: 700, band A; 20,000 over 24 quincenas fits every cap.
const CSV = [
  'folio,edad,ingreso,antiguedad,convenio,tipo,buro,deuda,monto,default',
  'F1,35,24000,30,S,F,710,2400,"20,000",0', //  approve, band A, good
  'F2,75,24000,30,S,F,710,2400,"20,000",1', //  decline EDAD (score 700, band A), bad
  'F3,35,24000,3,S,F,710,2400,"20,000",1', //   refer ANTIGUEDAD (700, band A), bad
  'F4,35,24000,30,S,F,600,,"20,000",0', //      600 + 0 (no debt: dti missing) + 20 = 620 → band B, approve, good
  'F5,35,24000,30,S,I,500,2400,"20,000",0', //  −60 + 30 − 10 = 560 < 580 → decline SCORE_BAJO, good
  'F6,x,24000,30,S,F,710,2400,"20,000",0', //   unmappable: age
  'F7,35,24000,30,quizá,F,710,2400,"20,000",0', // unmappable: agreement
  'F8,35,24000,30,S,F,710,2400,"20,000",?', //  unmappable: outcome
  'F9,35,24000,30,S,F,710,2400,"20,000",1', //  approve, band A, bad
].join('\n');

const map = {
  fields: {
    'applicant.age': 'edad',
    'applicant.net_income': { column: 'ingreso' },
    'employment.months': 'antiguedad',
    'employment.employer_in_agreement': { column: 'convenio', true: ['S'], false: ['N'] },
    'employment.type': { column: 'tipo', values: { F: 'formal', I: 'informal' } },
    'bureau.score': 'buro',
    'bureau.monthly_debt': 'deuda',
    'request.amount': { column: 'monto', thousandsSeparator: ',' },
    'request.payments': { value: '24' },
  },
  outcome: { column: 'default', bad: ['1'], good: ['0'] },
  id: 'folio',
};

const data = parseCsv(CSV);
const AS_OF = '2025-01-06';

describe('backtest', () => {
  const progress: BacktestProgress[] = [];
  const report = backtest(payrollProduct, data, { map, asOf: AS_OF, costMatrix: { badApproved: '5', goodDeclined: '1' }, progressEvery: 4, onProgress: (p) => progress.push(p) });

  it('decides every readable row on the date and counts outcomes and bads', () => {
    expect(report.asOf).toBe(AS_OF);
    expect(report.decisions.map((d) => [d.id, d.outcome, d.score, d.band, d.bad])).toEqual([
      ['F1', 'approve', '700', 'A', false],
      ['F2', 'decline', '700', 'A', true],
      ['F3', 'refer', '700', 'A', true],
      ['F4', 'approve', '620', 'B', false],
      ['F5', 'decline', '560', null, false],
      ['F9', 'approve', '700', 'A', true],
    ]);
    expect(report).toMatchObject({ rows: 9, decided: 6, goods: 3, bads: 3, outcomes: { approve: 3, refer: 1, decline: 2 } });
    expect(report.approvalRate).toBe('0.5000');
    expect(report.badRate).toEqual({ approved: '0.3333', referred: '1.0000', declined: '0.5000', all: '0.5000' });
  });

  it('lists unmappable rows with their line and field error, without stopping', () => {
    expect(report.unmappable.count).toBe(3);
    expect(report.unmappable.rows.map((r) => [r.id, r.line, r.issues.map((i) => `${i.path}: ${i.message}`)])).toEqual([
      ['F6', 7, ['applicant.age: column `edad`: "x" is not a number']],
      ['F7', 8, ['employment.employer_in_agreement: column `convenio`: "quizá" is neither true (S) nor false (N)']],
      ['F8', 9, ['outcome: column `default`: "?" is neither bad (1) nor good (0)']],
    ]);
  });

  it('prices the decisions with the cost matrix, refers counted as approved by default', () => {
    // Bads accepted: F9 (approve) and F3 (refer) = 2 × 5; goods declined: F5 = 1 × 1.
    expect(report.cost).toEqual({
      badApproved: '5', goodDeclined: '1', referAs: 'approve', badsApproved: 2, goodsDeclined: 1, total: '11', perApplication: '1.8333',
      declineAll: '3', approveAll: '15',
    });
    const declineRefers = backtest(payrollProduct, data, { map, asOf: AS_OF, costMatrix: { badApproved: '5', goodDeclined: '1', referAs: 'decline' } });
    expect(declineRefers.cost).toMatchObject({ badsApproved: 1, goodsDeclined: 1, total: '6' });
  });

  it('tabulates bands (every product band, then `none` below the lowest) and reasons', () => {
    expect(report.bands).toEqual([
      { band: 'A', count: 4, approved: 2, referred: 1, declined: 1, bads: 3, badRate: '0.7500' },
      { band: 'B', count: 1, approved: 1, referred: 0, declined: 0, bads: 0, badRate: '0.0000' },
      { band: 'C', count: 0, approved: 0, referred: 0, declined: 0, bads: 0, badRate: null },
      { band: 'none', count: 1, approved: 0, referred: 0, declined: 1, bads: 0, badRate: '0.0000' },
    ]);
    expect(report.reasons).toEqual([
      { code: 'ANTIGUEDAD', count: 1, share: '0.1667' },
      { code: 'EDAD', count: 1, share: '0.1667' },
      { code: 'SCORE_BAJO', count: 1, share: '0.1667' },
    ]);
  });

  it('measures score separation over every scored applicant', () => {
    // Goods 700, 620, 560 against bads 700 × 3: only three ties → AUC 1.5 / 9; KS at 620: 2/3 − 0.
    expect(report.separation).toEqual({ n: 6, goods: 3, bads: 3, ks: 0.6667, ksScore: 620, auc: 0.1667, gini: -0.6667 });
  });

  it('reports progress every N rows and after the last, and freezes the report', () => {
    expect(progress).toEqual([{ done: 4, total: 9 }, { done: 8, total: 9 }, { done: 9, total: 9 }]);
    expect(Object.isFrozen(report)).toBe(true);
    expect(Object.isFrozen(report.decisions[0])).toBe(true);
    expect(Object.isFrozen(report.bands[0])).toBe(true);
  });

  it('takes the cost matrix and the date from the map when the options do not give them', () => {
    const r = backtest(payrollProduct, data, { map: { ...map, cost: { badApproved: '2', goodDeclined: '1' }, asOf: '2025-02-03' } });
    expect(r.asOf).toBe('2025-02-03');
    expect(r.cost).toMatchObject({ total: '5' });
    expect(backtest(payrollProduct, data, { map }).asOf).toBe('2025-01-01');
  });

  it('counts a row the product cannot decide (an invalid application) as unmappable', () => {
    const bad = parseCsv(CSV.replace('F1,35,', 'F1,17,'));
    const r = backtest(payrollProduct, bad, { map, asOf: AS_OF });
    expect(r.unmappable.rows[0]).toEqual({ id: 'F1', line: 2, issues: [{ path: 'applicant.age', message: 'must be at least 18, got "17"' }] });
  });

  it('reads columns named like the inputs without a map', () => {
    const csv = 'applicant.age,applicant.net_income,employment.months,employment.employer_in_agreement,employment.type,request.amount,request.payments,outcome\n35,24000,30,true,formal,20000,24,good\n';
    const r = backtest(payrollProduct, parseCsv(csv), { asOf: AS_OF });
    // No bureau file → −40, no debt (dti missing) → 0, formal → +20: 580, band C.
    expect(r.decisions.map((d) => [d.outcome, d.score, d.band, d.bad])).toEqual([['approve', '580', 'C', false]]);
  });
});

describe('parseDataMap (through backtest)', () => {
  it('reports every problem of a map at once, by path', () => {
    const broken = {
      fields: { 'applicant.edad': 'edad', 'applicant.age': 'age', 'employment.type': { column: 'tipo', thousandsSeparator: ',' }, 'request.payments': { value: 24 } },
      outcome: { column: 'default', bad: ['1'] },
    };
    let issues: string[] = [];
    try {
      backtest(payrollProduct, data, { map: broken });
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      issues = error.issues.map((i) => `${i.path}: ${i.message}`);
    }
    expect(issues).toEqual([
      'fields.applicant.edad: the product has no input `applicant.edad`',
      'fields.applicant.age: no column "age" in the data (columns: folio, edad, ingreso, antiguedad, convenio, tipo, buro, deuda, monto, default)',
      'fields.employment.type.thousandsSeparator: only numeric fields convert separators; `employment.type` is enum',
      'fields.request.payments.value: write numbers as decimal strings ("24"), never JSON numbers',
      'fields: the required input `applicant.net_income` is not mapped to a column or a constant',
      'fields: the required input `employment.months` is not mapped to a column or a constant',
      'fields: the required input `employment.employer_in_agreement` is not mapped to a column or a constant',
      'fields: the required input `request.amount` is not mapped to a column or a constant',
      'outcome: must be { "column": "...", "bad": ["..."], "good": ["..."] } with at least one value each',
    ]);
  });
});

describe('compareBacktests', () => {
  it('counts each outcome flip between two versions, with bads and example row ids', () => {
    // The variant drops band C and raises B to 650: F4 (620, a good) falls below the bands and is declined.
    const stricter = payrollVariant({ scorecard: { ...payrollSource.scorecard!, bands: [{ name: 'A', minScore: '680' }, { name: 'B', minScore: '650' }] } });
    const before = backtest(payrollProduct, data, { map, asOf: AS_OF });
    const after = backtest(stricter, data, { map, asOf: AS_OF });
    const c = compareBacktests(before, after);
    expect(c).toMatchObject({ matched: 6, changed: 1, onlyBefore: [], onlyAfter: [] });
    expect(c.matrix.approve.decline).toEqual({ count: 1, bads: 0, examples: ['F4'] });
    expect(c.matrix.approve.approve).toEqual({ count: 2, bads: 1, examples: ['F1', 'F9'] });
    expect(c.matrix.refer.refer.count).toBe(1);
    expect(c.matrix.decline.decline).toEqual({ count: 2, bads: 1, examples: ['F2', 'F5'] });
    expect(c.matrix.decline.approve.count + c.matrix.approve.refer.count + c.matrix.refer.approve.count).toBe(0);
    expect(compareBacktests(before, after, { examples: 1 }).matrix.approve.approve.examples).toEqual(['F1']);
  });

  it('lists rows decided by only one version', () => {
    const fewer = backtest(payrollProduct, parseCsv(CSV.split('\n').slice(0, 3).join('\n')), { map, asOf: AS_OF });
    const all = backtest(payrollProduct, data, { map, asOf: AS_OF });
    const c = compareBacktests(fewer, all);
    expect(c.matched).toBe(2);
    expect(c.onlyAfter).toEqual(['F3', 'F4', 'F5', 'F9']);
  });
});
