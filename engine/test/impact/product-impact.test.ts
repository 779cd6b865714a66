// The impact of a new version of the payroll product: every flip counted by hand on a few
// applicants, amounts and rates compared exactly, the representative loans priced under both.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, productImpact, representativeLoans, sampleApplications, withProductHash, type EligibilityRule, type ImpactApplication, type ProductIR } from '../../src/index.ts';
import { goodApplicant, payrollProduct, payrollSource, payrollVariant } from '../decision/payroll-product.ts';

const on = '2025-03-03';
const app = (id: string, change: Record<string, unknown> = {}): ImpactApplication => ({
  id,
  source: 'decision',
  asOf: on,
  application: { ...goodApplicant, ...change },
});

// good: band A, approve 20,000. old: 75 → decline EDAD. young job: refer ANTIGUEDAD. mid: bureau 600 → band B.
const applicants = [
  app('good'),
  app('old', { applicant: { age: 75, net_income: '24000' } }),
  app('young-job', { employment: { months: 3, employer_in_agreement: true, type: 'formal' } }),
  app('mid', { bureau: { score: 600, monthly_debt: '2400' } }),
];

describe('the impact of a new version', () => {
  it('a stricter age limit flips the good applicant from approved to declined, and nobody else', () => {
    const stricter = payrollVariant({
      eligibility: payrollSource.eligibility.map((r): EligibilityRule => (r.reason === 'EDAD' ? { ...r, when: { '>': [{ var: 'applicant.age' }, { decimal: '30' }] } } : r)),
    });
    const report = productImpact(payrollProduct, stricter, applicants, { disbursementDate: on });
    const good = report.applications.find((r) => r.id === 'good')!;
    expect(good.before).toMatchObject({ outcome: 'approve', band: 'A', amount: '20000', annualRate: '0.36' });
    expect(good.after).toMatchObject({ outcome: 'decline', amount: null, reasons: ['EDAD'] });
    expect(good).toMatchObject({ outcomeChanged: true, changed: true, amountChange: null });
    // The other three are over 30 too (35), but already declined, referred… only `old` stays as it was.
    expect(report.summary.flips).toEqual([
      { from: 'approve', to: 'decline', count: 2 },
      { from: 'refer', to: 'decline', count: 1 },
    ]);
    expect(report.summary).toMatchObject({ applications: 4, changed: 3, outcomeChanges: 3, offeredAfter: '0' });
    expect(report.bySource.decision).toEqual(report.summary);
    expect(report.bySource.sample.applications).toBe(0);
  });

  it('a higher band-A rate moves the rate and CAT of band A applicants, not their outcome', () => {
    const rate = payrollSource.pricing.rate;
    if (rate.kind !== 'table') throw new Error('the payroll product prices by table');
    const dearer = payrollVariant({ pricing: { ...payrollSource.pricing, rate: { ...rate, rows: rate.rows.map((r) => (r.rate === '0.36' ? { ...r, rate: '0.40' } : r)) } } });
    const report = productImpact(payrollProduct, dearer, applicants, { disbursementDate: on });
    const good = report.applications.find((r) => r.id === 'good')!;
    expect(good.outcomeChanged).toBe(false);
    expect(good.rateChange).toBe('0.04');
    expect(new Dec(good.catChange!).gt(0)).toBe(true);
    expect(new Dec(good.catChange!).eq(new Dec(good.after.cat!).minus(good.before.cat!))).toBe(true);
    expect(report.applications.find((r) => r.id === 'mid')!.changed).toBe(false); // band B keeps 48%
    // `good` and the referred `young-job` (band A, offered while referred) move; `old` has no offer.
    expect(report.summary).toMatchObject({ outcomeChanges: 0, flips: [], rateChanges: 2, catChanges: 2, changed: 2 });
    // Schedules: band A loans (the rate table's first band) cost more at every representative size.
    expect(report.schedules.length).toBe(6);
    for (const s of report.schedules) {
      expect(s.changed).toBe(true);
      if ('error' in s.before || 'error' in s.after) throw new Error('both versions price every representative loan');
      expect(s.before.annualRate).toBe('0.36');
      expect(s.after.annualRate).toBe('0.40');
      expect(new Dec(s.after.cat).gt(s.before.cat)).toBe(true);
    }
  });

  it('a lower cap changes the offered amount exactly', () => {
    const offer = payrollSource.offer!;
    const capped = payrollVariant({ offer: { ...offer, caps: offer.caps.map((c) => (c.kind === 'max-amount-by-band' ? { ...c, values: { A: '15000.50', B: '80000', C: '30000' } } : c)) } });
    const report = productImpact(payrollProduct, capped, [app('good')], { disbursementDate: on });
    const row = report.applications[0]!;
    expect(new Dec(row.after.amount!).lte('15000.50')).toBe(true);
    expect(row.amountChange).toBe(new Dec(row.after.amount!).minus('20000').toFixed());
    expect(new Dec(row.amountChange!).lt(0)).toBe(true);
    expect(report.summary).toMatchObject({ amountChanges: 1, offeredBefore: '20000', offeredAfter: row.after.amount });
  });

  it('an application one version does not accept is `invalid` there, by field path', () => {
    const report = productImpact(payrollProduct, payrollProduct, [app('no-age', { applicant: { net_income: '24000' } })], { disbursementDate: on });
    expect(report.applications[0]!.before).toMatchObject({ outcome: 'invalid', reasons: ['applicant.age'] });
    expect(report.applications[0]!.changed).toBe(false);
  });

  it('samples are both versions\' test applicants by name, on each test\'s date', () => {
    const withTests = (names: string[]): ProductIR =>
      withProductHash({ ...payrollSource, tests: names.map((name) => ({ name, given: { 'applicant.age': '35' }, asOf: '2025-02-01', payments: [], expect: [] })) });
    const samples = sampleApplications(withTests(['a', 'b']), withTests(['b', 'c']));
    expect(samples.map((s) => [s.id, s.source, s.asOf])).toEqual([
      ['a', 'sample', '2025-02-01'],
      ['b', 'sample', '2025-02-01'],
      ['c', 'sample', '2025-02-01'],
    ]);
  });

  it('representative loans: min, typical and max amount at the shortest and longest term, plus those of moved limits', () => {
    expect(representativeLoans(payrollProduct, payrollProduct).map((l) => `${l.amount}/${l.term} ${l.request.amount}×${l.request.payments} ${l.band}`)).toEqual([
      'min/shortest 5000×6 A',
      'min/longest 5000×48 A',
      'typical/shortest 77500×6 A',
      'typical/longest 77500×48 A',
      'max/shortest 150000×6 A',
      'max/longest 150000×48 A',
    ]);
    const wider = payrollVariant({ limits: { ...payrollSource.limits, amount: { min: '5000', max: '200000', step: '500' } } });
    expect(representativeLoans(payrollProduct, wider).length).toBe(10); // 102,500 and 200,000 of the wider limits, 77,500 and 150,000 of the old
  });
});

describe('impact properties', () => {
  it('comparing a product with itself flips nothing and changes nothing', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            age: fc.integer({ min: 18, max: 99 }),
            income: fc.integer({ min: 1, max: 2000 }).map((k) => String(k * 50)),
            months: fc.integer({ min: 0, max: 120 }),
            agreement: fc.boolean(),
            type: fc.constantFrom('formal', 'informal'),
            score: fc.option(fc.integer({ min: 300, max: 850 }), { nil: undefined }),
            amount: fc.integer({ min: 5, max: 400 }).map((k) => String(k * 500)),
            payments: fc.integer({ min: 1, max: 60 }),
          }),
          { maxLength: 8 },
        ),
        (people) => {
          const apps = people.map((p, i) =>
            app(String(i), {
              applicant: { age: p.age, net_income: p.income },
              employment: { months: p.months, employer_in_agreement: p.agreement, type: p.type },
              bureau: p.score === undefined ? {} : { score: p.score },
              request: { amount: p.amount, payments: p.payments },
            }),
          );
          const report = productImpact(payrollProduct, payrollProduct, apps, { disbursementDate: on });
          expect(report.summary).toMatchObject({ applications: apps.length, changed: 0, outcomeChanges: 0, flips: [], amountChanges: 0, rateChanges: 0, catChanges: 0 });
          expect(report.summary.offeredBefore).toBe(report.summary.offeredAfter);
          expect(report.schedules.every((s) => !s.changed)).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });
});
