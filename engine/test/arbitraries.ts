// fast-check generators of valid LoanTerms JSON covering every option, sized so that a schedule
// exists (the principal is large enough for the installments and the multiple).
import fc from 'fast-check';

const money = (min: number, max: number, scale: number) =>
  fc.integer({ min: min * 10 ** scale, max: max * 10 ** scale }).map((u) => (u / 10 ** scale).toFixed(scale));

export const loanTermsJson = fc
  .record({
    scale: fc.constantFrom(0, 2, 2, 2, 4),
    method: fc.constantFrom('french', 'french', 'german', 'flat', 'bullet'),
    frequency: fc.constantFrom<unknown>('weekly', 'biweekly', 'semimonthly', 'monthly', { everyDays: 10 }, { everyDays: 28 }),
    basis: fc.constantFrom('period', 'actual/360', 'actual/365', '30/360'),
    n: fc.integer({ min: 1, max: 60 }),
    rateBp: fc.integer({ min: 0, max: 25000 }),
    rounding: fc.constantFrom('half-even', 'half-up'),
    day: fc.integer({ min: 0, max: 700 }),
    firstOffset: fc.option(fc.integer({ min: 1, max: 45 }), { nil: undefined }),
    tax: fc.option(fc.record({ rate: fc.constantFrom('0.16', '0.08'), on: fc.subarray(['interest', 'fees'] as const), included: fc.boolean() }), { nil: undefined }),
    multiple: fc.option(fc.constantFrom('1', '5', '0.5'), { nil: undefined }),
    fees: fc.array(
      fc.record({
        timing: fc.constantFrom('upfront', 'deducted', 'financed', 'per-installment'),
        kind: fc.constantFrom('amount', 'percent', 'percent-capped'),
        of: fc.constantFrom('balance', 'principal'),
        taxable: fc.option(fc.boolean(), { nil: undefined }),
        pct: fc.integer({ min: 0, max: 300 }),
      }),
      { maxLength: 3 },
    ),
    gp: fc.integer({ min: 0, max: 3 }),
    gi: fc.integer({ min: 0, max: 3 }),
    bd: fc.option(fc.record({ rule: fc.constantFrom('next', 'previous', 'none'), calendar: fc.constantFrom('mx', 'none') }), { nil: undefined }),
    principalWhole: fc.integer({ min: 1000, max: 2_000_000 }),
    principalFrac: fc.integer({ min: 0, max: 9999 }),
  })
  .map((g) => {
    const scale = g.scale;
    const n = g.method === 'bullet' ? 1 : g.n;
    const frac = scale === 0 ? '' : '.' + String(g.principalFrac).padStart(4, '0').slice(0, scale);
    const disb = new Date(Date.UTC(2024, 0, 1) + g.day * 86400000).toISOString().slice(0, 10);
    const terms: Record<string, unknown> = {
      principal: `${g.principalWhole * n}${frac}`,
      annualRate: (g.rateBp / 10000).toFixed(4),
      installments: n,
      frequency: g.frequency,
      method: g.method,
      interestBasis: g.basis,
      disbursementDate: disb,
      decimals: scale,
      rounding: g.rounding,
    };
    if (g.firstOffset !== undefined && g.frequency !== 'semimonthly') {
      terms['firstDueDate'] = new Date(Date.UTC(2024, 0, 1) + (g.day + g.firstOffset) * 86400000).toISOString().slice(0, 10);
    }
    if (g.multiple !== undefined && (g.method === 'french' || g.method === 'flat') && scale > 0) terms['installmentMultipleOf'] = g.multiple;
    if (g.tax) terms['tax'] = { rate: g.tax.rate, on: g.tax.on, ...(g.tax.included && g.method === 'french' ? { includedInInstallment: true } : {}) };
    terms['fees'] = g.fees.map((f, i) => {
      const fee: Record<string, unknown> = { name: `fee${i}`, timing: f.timing };
      if (f.kind === 'amount') fee['amount'] = (f.pct * 3).toFixed(scale);
      else {
        fee['percent'] = (f.pct / 10000).toFixed(4);
        if (f.timing === 'per-installment') fee['of'] = f.of;
        if (f.kind === 'percent-capped') {
          fee['min'] = (1).toFixed(scale);
          fee['max'] = (200).toFixed(scale);
        }
      }
      if (f.taxable !== undefined) fee['taxable'] = f.taxable;
      return fee;
    });
    if (n > 1) terms['graceInstallments'] = { principal: Math.min(g.gp, n - 1), interest: Math.min(g.gi, n - 1) };
    if (g.bd && (typeof g.frequency === 'string' || (g.frequency as { everyDays: number }).everyDays >= 7)) terms['businessDays'] = g.bd;
    return terms;
  });

// Keeps `money` exported for tests that need plain amounts.
export { money };
