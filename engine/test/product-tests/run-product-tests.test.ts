// runProductTests on the hand-written payroll product with tests added: passing and failing
// expectations (expected vs actual), reason sets, the regular installment, decision dates, invalid
// `given`, loan-state expectations and coverage.
import { describe, expect, it } from 'vitest';
import { Dec, generateSchedule, runProductTests, type ProductTest, type TestExpectation } from '../../src/index.ts';
import { payrollSource, payrollVariant } from '../decision/payroll-product.ts';

/** goodApplicant as a test writes it: dotted paths, decimals as strings (score 50 + 30 + 20 + 600 = 700, band A). */
const good = {
  'applicant.age': '35', 'applicant.net_income': '24000', 'employment.months': '30', 'employment.employer_in_agreement': true,
  'employment.type': 'formal', 'bureau.score': '710', 'bureau.monthly_debt': '2400', 'request.amount': '20000', 'request.payments': '24',
};

function test(name: string, expectations: TestExpectation[], given: ProductTest['given'] = good, dates: Partial<ProductTest> = {}): ProductTest {
  return { name, given, payments: [], expect: expectations, ...dates };
}

function run(tests: ProductTest[], change: Partial<typeof payrollSource> = {}) {
  return runProductTests(payrollVariant({ ...change, tests }));
}

describe('runProductTests: decision expectations', () => {
  it('passes a test whose every expectation holds, worked out by hand', () => {
    const report = run([
      test('banda A', [
        { kind: 'outcome', outcome: 'approve' },
        { kind: 'band', band: 'A' },
        { kind: 'score', score: '700.0' },
        { kind: 'offer-amount', amount: '20000' },
        { kind: 'rate', rate: '0.360' },
        { kind: 'reasons', reasons: [] },
      ]),
    ]);
    expect(report.passed).toBe(1);
    expect(report.failed).toBe(0);
    const r = report.results[0]!;
    expect(r.status).toBe('passed');
    expect(r.asOf).toBe('2025-01-01');
    expect(r.expectations.map((e) => [e.expected, e.actual])).toEqual([
      ['approve', 'approve'], ['band A', 'band A'], ['score 700.0', 'score 700'], ['offer 20000', 'offer 20000'], ['rate 36%', 'rate 36%'],
      ['reasons (none)', 'reasons (none)'],
    ]);
  });

  it('fails with expected vs actual for each wrong expectation, and keeps the decision and its trace', () => {
    const report = run([
      test('wrong', [
        { kind: 'outcome', outcome: 'decline' },
        { kind: 'band', band: 'B' },
        { kind: 'score', score: '650' },
        { kind: 'counteroffer', amount: '20000' },
        { kind: 'cat', cat: '0.1' },
        { kind: 'total', amount: '1' },
      ]),
    ]);
    const r = report.results[0]!;
    expect(r.status).toBe('failed');
    expect(report.failed).toBe(1);
    expect(r.expectations.every((e) => !e.passed)).toBe(true);
    const offer = r.decision!.offer!;
    expect(r.expectations.map((e) => e.actual)).toEqual([
      'approve', 'band A', 'score 700', 'offer of the requested 20000 (no counteroffer)', `cat ${offer.cat}%`, `total ${offer.totalToPay}`,
    ]);
    expect(r.decision!.trace.some((t) => t.step === 'eligibility')).toBe(true);
  });

  it('compares reasons as a set: order and repeats do not matter, a missing or extra code fails', () => {
    const old = { ...good, 'applicant.age': '75', 'employment.employer_in_agreement': false };
    const report = run([
      test('set', [{ kind: 'outcome', outcome: 'decline' }, { kind: 'reasons', reasons: ['CONVENIO', 'EDAD', 'CONVENIO'] }], old),
      test('missing one', [{ kind: 'reasons', reasons: ['EDAD'] }], old),
      test('offer of a decline', [{ kind: 'offer-amount', amount: '20000' }], old),
    ]);
    expect(report.results.map((r) => r.status)).toEqual(['passed', 'failed', 'failed']);
    expect(report.results[1]!.expectations[0]).toMatchObject({ expected: 'reasons EDAD', actual: 'reasons CONVENIO, EDAD' });
    expect(report.results[2]!.expectations[0]).toMatchObject({ expected: 'offer 20000', actual: 'no offer (decline)' });
  });

  it('expects a counteroffer by kind and amount', () => {
    // Bureau 600 → 0, dti 10,000 / 100,000 = 0.1 → 30, formal 20: 650 → band B, capped at 80,000.
    // Capacity 100,000 × 30% / 2 = 15,000 per quincena, far above the installment of 80,000 (≈ 4,100);
    // net income × 5 = 500,000. So the 100,000 asked becomes a counteroffer of 80,000.
    const asking = { ...good, 'applicant.net_income': '100000', 'bureau.monthly_debt': '10000', 'bureau.score': '600', 'request.amount': '100000' };
    const report = run([
      test('counteroffer', [{ kind: 'counteroffer', amount: '80000' }, { kind: 'offer-amount', amount: '80000' }, { kind: 'band', band: 'B' }], asking),
      test('wrong amount', [{ kind: 'counteroffer', amount: '100000' }], asking),
    ]);
    expect(report.results.map((r) => r.status)).toEqual(['passed', 'failed']);
    expect(report.results[0]!.expectations[1]!.actual).toBe('counteroffer 80000');
    expect(report.results[1]!.expectations[0]).toMatchObject({ expected: 'counteroffer 100000', actual: 'counteroffer 80000' });
  });

  it('compares `installment` with the regular installment, not the first one carrying the financed fee IVA', () => {
    const pricing = { ...payrollSource.pricing, installmentIncludesTax: true };
    const probe = run([test('probe', [{ kind: 'outcome', outcome: 'approve' }])], { pricing });
    const rows = generateSchedule(probe.results[0]!.decision!.offer!.terms).installments;
    const first = rows[0]!.total;
    const level = rows[1]!.total;
    // The first installment also carries 16% IVA of the financed 2% fee: 400 × 0.16 = 64.00.
    expect(new Dec(first).minus(level).toFixed(2)).toBe('64.00');
    const report = run([
      test('level', [{ kind: 'installment', amount: level }]),
      test('first', [{ kind: 'installment', amount: first }]),
    ], { pricing });
    expect(report.results.map((r) => r.status)).toEqual(['passed', 'failed']);
    expect(report.results[0]!.expectations[0]!.note).toBe(`the regular installment; the largest (offer.installment) is ${first}`);
    expect(report.results[1]!.expectations[0]).toMatchObject({ expected: `installment ${first}`, actual: `installment ${level}` });
  });
});

describe('runProductTests: dates, invalid tests, state', () => {
  it('decides on `today`, else the disbursement date, else the default date', () => {
    const report = run([
      test('today', [], good, { asOf: '2025-03-03', disburseOn: '2025-03-05' }),
      test('disburse', [], good, { disburseOn: '2025-03-05' }),
      test('default', []),
    ]);
    expect(report.results.map((r) => [r.asOf, r.decision!.asOf])).toEqual([
      ['2025-03-03', '2025-03-03'], ['2025-03-05', '2025-03-05'], ['2025-01-01', '2025-01-01'],
    ]);
    expect(runProductTests(payrollVariant({ tests: [test('default', [])] }), { defaultAsOf: '2026-02-02' }).results[0]!.asOf).toBe('2026-02-02');
  });

  it('reports a test whose `given` is not a valid application as an error with each field path', () => {
    const { ['applicant.age']: _age, ...noAge } = good;
    const report = run([test('broken', [{ kind: 'outcome', outcome: 'approve' }], { ...noAge, 'bureau.score': 'alto' })]);
    const r = report.results[0]!;
    expect(r.status).toBe('error');
    expect(report.failed).toBe(1);
    expect(r.decision).toBeNull();
    expect(r.errors.map((e) => e.path).sort()).toEqual(['given applicant.age', 'given bureau.score']);
  });

  it('rejects a loan the servicing engine cannot open as an error, never a pass', () => {
    // A payment dated before the disbursement: the events are out of order.
    const report = run([{ ...test('bad events', [{ kind: 'state', on: '2025-02-10', dpd: 10 }], good, { disburseOn: '2025-01-06' }), payments: [{ date: '2025-01-02', amount: '100' }] }]);
    const r = report.results[0]!;
    expect(r.status).toBe('error');
    expect(r.errors[0]!.path).toBe('expect[0] on 2025-02-10');
    expect(r.errors[0]!.message).toContain('the loan cannot be serviced');
  });

  it('returns a frozen report', () => {
    const report = run([test('a', [{ kind: 'outcome', outcome: 'approve' }])]);
    expect(Object.isFrozen(report)).toBe(true);
    expect(Object.isFrozen(report.results)).toBe(true);
    expect(Object.isFrozen(report.results[0]!.expectations[0])).toBe(true);
    expect(Object.isFrozen(report.coverage.bins.uncovered)).toBe(true);
  });
});

describe('runProductTests: coverage', () => {
  it('lists the rules that never fired, the bins never reached and the bands never landed in', () => {
    const report = run([test('banda A', [])]);
    const c = report.coverage;
    expect(c.eligibility).toMatchObject({ total: 3, covered: 0 });
    expect(c.eligibility.uncovered.map((u) => u.id)).toEqual(['eligibility[0] EDAD', 'eligibility[1] CONVENIO', 'eligibility[2] ANTIGUEDAD']);
    expect(c.eligibility.uncovered[0]!.label).toBe('decline "EDAD" — La edad máxima es 70 años');
    // The good applicant reaches bureau.score#3, dti#1 and employment.type#0.
    expect(c.bins.uncovered.map((u) => u.id)).not.toContain('bureau.score#3');
    expect(c.bins.uncovered.map((u) => u.id)).toContain('bureau.score#0');
    expect(c.bins.covered).toBe(3);
    expect(c.bins.uncovered.find((u) => u.id === 'dti#2')!.label).toBe('dti 0.3..<0.45 -> 0');
    expect(c.bands.uncovered.map((u) => u.id)).toEqual(['band B', 'band C', 'band otherwise']);
  });

  it('counts a rule as covered once a test makes it fire, and a band once a score lands in it', () => {
    const young = { ...good, 'employment.months': '3', 'bureau.score': '600', 'bureau.monthly_debt': null };
    const report = run([test('a', []), test('refer', [], young)]);
    // bureau 600 → 0, dti missing → 0, formal 20: 620 → band B; 3 months → ANTIGUEDAD fires.
    expect(report.results[1]!.decision!.band).toBe('B');
    expect(report.coverage.eligibility.uncovered.map((u) => u.id)).toEqual(['eligibility[0] EDAD', 'eligibility[1] CONVENIO']);
    expect(report.coverage.bands.uncovered.map((u) => u.id)).toEqual(['band C', 'band otherwise']);
    expect(report.coverage.bins.uncovered.map((u) => u.id)).not.toContain('dti#0');
  });
});

describe('runProductTests: loan-state expectations', () => {
  // A fixed late fee of 150 + IVA after 3 days of grace, an early-collection stage from 1 to 30 DPD.
  const servicing = {
    penalties: { lateFee: { amount: { kind: 'fixed', value: '150' }, graceDays: 3, taxable: true } },
    collection: [{ kind: 'stage', stage: 'temprana', from: 1, to: 30, actions: [] }],
  } as const;
  const runServicing = (tests: ProductTest[]) => run(tests, servicing);

  it('disburses the offer, applies the payments and compares dpd, stage, outstanding and penalties', () => {
    // Disbursed 2025-01-06, semimonthly: the first due date is the first 15th or month end at least
    // 15 days later, 2025-01-31. Unpaid on 2025-02-10: 10 days past due, stage temprana, one late fee
    // of 150 (+ 24 IVA) charged after the 3 days of grace; the schedule owes all of its total plus the fee.
    const probe = runServicing([test('probe', [], good, { disburseOn: '2025-01-06' })]);
    const offer = probe.results[0]!.decision!.offer!;
    expect(offer.schedule.firstDueDate).toBe('2025-01-31');
    const owed = new Dec(offer.schedule.totals.total).plus('174').toFixed(2);
    const report = runServicing([
      test('late', [{ kind: 'state', on: '2025-02-10', dpd: 10, stage: 'temprana', outstanding: owed, lateFees: '150', moratorium: '0' }], good, { disburseOn: '2025-01-06' }),
      test('late, decided earlier', [{ kind: 'state', on: '2025-02-10', dpd: 10, lateFees: '150' }], good, { asOf: '2025-01-02', disburseOn: '2025-01-06' }),
      test('wrong dpd', [{ kind: 'state', on: '2025-02-10', dpd: 9, stage: 'tardia' }], good, { disburseOn: '2025-01-06' }),
    ]);
    expect(report.results.map((r) => r.status)).toEqual(['passed', 'passed', 'failed']);
    expect(report.results[0]!.expectations[0]!.actual).toBe(`on 2025-02-10 dpd 10 stage temprana outstanding ${owed} late fees 150.00 moratorium 0.00`);
    expect(report.results[2]!.expectations[0]).toMatchObject({ expected: 'on 2025-02-10 dpd 9 stage tardia', actual: 'on 2025-02-10 dpd 10 stage temprana' });
  });

  it('applies the test payments: the first installment paid on its due date leaves nothing past due', () => {
    const probe = runServicing([test('probe', [], good, { disburseOn: '2025-01-06' })]);
    const first = generateSchedule(probe.results[0]!.decision!.offer!.terms).installments[0]!;
    const paid = { ...test('paid', [{ kind: 'state', on: '2025-02-10', dpd: 0, stage: 'none', lateFees: '0' }], good, { disburseOn: '2025-01-06' }), payments: [{ date: first.dueDate, amount: first.total }] };
    const report = runServicing([paid]);
    expect(report.results[0]!.status).toBe('passed');
  });

  it('fails a state expectation when the decision opens no loan', () => {
    const old = { ...good, 'applicant.age': '75' };
    const report = runServicing([test('declined', [{ kind: 'state', on: '2025-02-10', dpd: 0 }], old, { disburseOn: '2025-01-06' })]);
    expect(report.results[0]!.status).toBe('failed');
    expect(report.results[0]!.expectations[0]!.actual).toBe('no loan to service: no offer (decline)');
  });
});

describe('runProductTests: books expectations', () => {
  // DOMAIN.md's illustrative table, shortened: 0 days 1%, 1–30 15%, 31–90 50%, then 100%.
  const reserves = {
    kind: 'table',
    rows: [
      { stage: null, fromDays: 0, toDays: 0, rate: '0.01' },
      { stage: null, fromDays: 1, toDays: 30, rate: '0.15' },
      { stage: null, fromDays: 31, toDays: 90, rate: '0.5' },
      { stage: null, fromDays: 91, toDays: null, rate: '1' },
    ],
  } as const;
  const unpaid = (expectations: TestExpectation[], dates: Partial<ProductTest> = { disburseOn: '2025-01-06' }) => test('unpaid', expectations, good, dates);

  it("books the test's loan day by day and reads its stage, reserve, accrued interest and deferred fees", () => {
    // 20,000 + the financed 2% opening fee = 20,400 of principal, 36% a year by semimonthly periods:
    // 306.00 of interest a period. Disbursed 2025-01-06, first due 2025-01-31, never paid.
    // - 2025-01-06: nothing earned, the 400 fee deferred, no reserve yet.
    // - 2025-01-31 (a month end, due that day: 0 days past due): the first period's 306.00 earned;
    //   reserve 1% × (20,400 + 306.00) = 207.06.
    // - 2025-02-15: not a month end, the reserve of January stays.
    // - 2025-02-28 (28 days past due): reserve 15% × (20,400 + 885.78 earned unpaid) = 3,192.867 → 3,192.87.
    // - 2025-05-15: 104 days past due, a periodic loan is vencida from 90.
    const report = run(
      [
        unpaid([
          { kind: 'books', on: '2025-01-06', stage: 'vigente', reserve: '0', accrued: '0', deferred: '400' },
          { kind: 'books', on: '2025-01-31', reserve: '207.06', accrued: '306' },
          { kind: 'books', on: '2025-02-15', reserve: '207.06' },
          { kind: 'books', on: '2025-02-28', stage: 'vigente', reserve: '3192.87', accrued: '885.78' },
          { kind: 'books', on: '2025-05-15', stage: 'vencida' },
        ]),
      ],
      { reserves },
    );
    const r = report.results[0]!;
    expect(r.errors).toEqual([]);
    expect(r.expectations.map((e) => [e.passed, e.actual])).toEqual([
      [true, 'on 2025-01-06 books stage vigente reserve 0.00 accrued 0.00 deferred 400.00'],
      [true, 'on 2025-01-31 books reserve 207.06 accrued 306.00'],
      [true, 'on 2025-02-15 books reserve 207.06'],
      [true, 'on 2025-02-28 books stage vigente reserve 3192.87 accrued 885.78'],
      [true, 'on 2025-05-15 books stage vencida'],
    ]);
    expect(r.status).toBe('passed');
  });

  it('reserves nothing on a vigente loan of a product without reserves, and fails a wrong figure with expected vs actual', () => {
    const report = run([unpaid([{ kind: 'books', on: '2025-02-28', reserve: '0' }]), unpaid([{ kind: 'books', on: '2025-02-28', stage: 'vencida', reserve: '3192.86' }])], { reserves });
    expect(report.results.map((r) => r.status)).toEqual(['failed', 'failed']);
    expect(report.results[1]!.expectations[0]).toMatchObject({ passed: false, expected: 'on 2025-02-28 books stage vencida reserve 3192.86', actual: 'on 2025-02-28 books stage vigente reserve 3192.87' });
    expect(run([unpaid([{ kind: 'books', on: '2025-02-28', reserve: '0' }])]).results[0]!.status).toBe('passed');
  });

  it('fails when the decision opens no loan, and is an error for a date before the disbursement', () => {
    const old = { ...good, 'applicant.age': '75' };
    const declined = run([test('declined', [{ kind: 'books', on: '2025-02-10', reserve: '0' }], old, { disburseOn: '2025-01-06' })]);
    expect(declined.results[0]!.status).toBe('failed');
    expect(declined.results[0]!.expectations[0]!.actual).toBe('no loan to book: no offer (decline)');
    const early = run([unpaid([{ kind: 'books', on: '2025-01-02', reserve: '0' }])], { reserves });
    expect(early.results[0]!.status).toBe('error');
    expect(early.results[0]!.errors[0]!.path).toBe('expect[0] on 2025-01-02');
    expect(early.results[0]!.errors[0]!.message).toContain('the loan cannot be booked');
  });
});
