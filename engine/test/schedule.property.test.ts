// Property tests over random valid terms: the fast path equals the decimal.js reference, and the
// schedule invariants hold (sums, balances, scale, interest sign, last-installment residue, CAT).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, catResidual, roundTo, generateReferenceSchedule, generateSchedule, InvalidInputError, parseLoanTerms, planSchedule, type LoanTerms, type Schedule } from '../src/index.ts';
import { generateFastSchedule } from '../src/schedule/generate-schedule.ts';
import { loanTermsJson } from './arbitraries.ts';

/** Schedule or the InvalidInputError message, so both paths can be compared on every input. */
function outcome(f: () => Schedule): Schedule | string {
  try {
    return f();
  } catch (e) {
    if (e instanceof InvalidInputError) return `invalid: ${e.message}`;
    throw e;
  }
}

const scheduleOf = (json: Record<string, unknown>): { terms: LoanTerms; s: Schedule } | undefined => {
  const terms = parseLoanTerms(json);
  const s = outcome(() => generateSchedule(terms));
  return typeof s === 'string' ? undefined : { terms, s };
};

const scaled = (x: string, scale: number) => (scale === 0 ? /^-?\d+$/ : new RegExp(`^-?\\d+\\.\\d{${scale}}$`)).test(x);

describe('fast path', () => {
  it('returns exactly the decimal.js reference schedule (or the same error) on random terms', () => {
    fc.assert(
      fc.property(loanTermsJson, (json) => {
        const terms = parseLoanTerms(json);
        expect(outcome(() => generateSchedule(terms))).toEqual(outcome(() => generateReferenceSchedule(terms)));
      }),
      { numRuns: 500, seed: 20250106 },
    );
  });

  /** Whether the fast path (not the reference fallback) produces the terms' schedule. */
  const onFastPath = (terms: LoanTerms): boolean => {
    try {
      return generateFastSchedule(terms, planSchedule(terms)) !== undefined;
    } catch (e) {
      if (e instanceof InvalidInputError) return false;
      throw e;
    }
  };
  const sameAsReference = (json: Record<string, unknown>): LoanTerms => {
    const terms = parseLoanTerms(json);
    expect(outcome(() => generateSchedule(terms))).toEqual(outcome(() => generateReferenceSchedule(terms)));
    return terms;
  };

  it('the random comparison runs mostly on the fast path (it is not vacuous)', () => {
    const samples = fc.sample(loanTermsJson, { numRuns: 300, seed: 20250106 });
    expect(samples.filter((j) => onFastPath(parseLoanTerms(j))).length).toBeGreaterThan(200);
  });

  it('equals the reference at currency scale 0', () => {
    let fast = 0;
    fc.assert(
      fc.property(
        loanTermsJson.filter((j) => j['decimals'] === 0),
        (json) => {
          if (onFastPath(sameAsReference(json))) fast++;
        },
      ),
      { numRuns: 150, seed: 31 },
    );
    expect(fast).toBeGreaterThan(100);
  });

  it('equals the reference for principals near the fast-path bound, on both sides of it', () => {
    // The fast path keeps every amount below 2^52 units by bounding P·(2 + 2·r·years); principals
    // are drawn so that this product falls between 1/4 and 4 times 2^52 (big-integer products in
    // the interest rounding, and the fallback to the reference just past the bound).
    let fast = 0;
    let fallback = 0;
    const big = fc.record({
      scale: fc.constantFrom(0, 2, 3, 4),
      rateBp: fc.integer({ min: 0, max: 100_000 }),
      n: fc.integer({ min: 1, max: 120 }),
      frequency: fc.constantFrom('weekly', 'monthly'),
      method: fc.constantFrom('french', 'german', 'flat', 'bullet'),
      factor: fc.double({ min: -2, max: 2, noNaN: true }),
      rounding: fc.constantFrom('half-even', 'half-up'),
      tax: fc.boolean(),
      fee: fc.boolean(),
    });
    fc.assert(
      fc.property(big, (g) => {
        const n = g.method === 'bullet' ? 1 : g.n;
        const rate = g.rateBp / 10000;
        const years = g.frequency === 'weekly' ? Math.max(n / 52, (n * 7) / 360, n / 12) : Math.max(n / 12, (n * 31) / 360);
        const units = Math.min(2 ** 52 * 2 ** g.factor / (2 + 2 * rate * years), 1e12 * 10 ** g.scale);
        const principal = new Dec(Math.max(1, Math.floor(units))).div(new Dec(10).pow(g.scale)).toFixed(g.scale);
        const json: Record<string, unknown> = {
          principal, annualRate: rate.toFixed(4), installments: n, frequency: g.frequency, method: g.method,
          disbursementDate: '2025-01-31', decimals: g.scale, rounding: g.rounding,
        };
        if (g.tax) json['tax'] = { rate: '0.16', on: ['interest', 'fees'] };
        if (g.fee) json['fees'] = [{ name: 'apertura', percent: '0.035', timing: 'financed' }];
        if (onFastPath(sameAsReference(json))) fast++;
        else fallback++;
      }),
      { numRuns: 200, seed: 2 ** 20 },
    );
    expect(fast).toBeGreaterThan(40);
    expect(fallback).toBeGreaterThan(40);
  });

  it('agrees with the reference at exact rounding ties', () => {
    for (const rounding of ['half-even', 'half-up']) {
      for (let p = 1; p <= 60; p++) {
        const terms = parseLoanTerms({ principal: `${p}.00`, annualRate: '0.02', installments: 1, frequency: 'weekly', method: 'bullet', disbursementDate: '2025-01-06', rounding });
        expect(generateSchedule(terms)).toEqual(generateReferenceSchedule(terms));
      }
      const zero = parseLoanTerms({ principal: '10.01', annualRate: '0', installments: 2, frequency: 'monthly', disbursementDate: '2025-01-06', rounding });
      expect(generateSchedule(zero)).toEqual(generateReferenceSchedule(zero));
    }
  });

  it('equals the reference where interest, IVA, fees and the level payment round exact half-way ties', () => {
    // Period rates with a small even denominator make a tie likely in every row: 600% monthly is
    // 1/2 a period (a balance of an odd number of units ties), 300% monthly 1/4, 26% weekly 1/200;
    // IVA at 50% ties on odd interest, at 15% on interest ≡ 10 (mod 20) units; 2.5% and 50% fees
    // tie on a fortieth and a half; at a zero rate the level payment P/n ties when P is an odd
    // multiple of n/2 units (of 5 with a multiple). The ties counted below prove it is not vacuous.
    let fast = 0;
    let interestTies = 0;
    const ties = fc.record({
      scale: fc.constantFrom(0, 2),
      method: fc.constantFrom('french', 'german', 'flat'),
      n: fc.integer({ min: 2, max: 24 }),
      units: fc.integer({ min: 1000, max: 5_000_000 }),
      rounding: fc.constantFrom('half-even', 'half-up'),
      rate: fc.constantFrom('0', '6', '3', '0.26'),
      tax: fc.constantFrom('0.5', '0.15'),
      feePercent: fc.constantFrom('0.025', '0.5', '0.005'),
      multiple: fc.constantFrom(undefined, '5'),
      included: fc.boolean(),
    });
    fc.assert(
      fc.property(ties, (g) => {
        const zero = g.rate === '0';
        const step = g.multiple ? 5 * 10 ** g.scale : 1;
        const unitsP = zero ? ((2 * Math.floor(g.units / g.n / step) + 1) * g.n * step) / 2 : g.units;
        if (!Number.isInteger(unitsP)) return;
        const principal = new Dec(unitsP).div(new Dec(10).pow(g.scale)).toFixed(g.scale);
        const frequency = g.rate === '0.26' ? 'weekly' : 'monthly';
        const json: Record<string, unknown> = {
          principal, annualRate: g.rate, installments: g.n, frequency, method: g.method,
          disbursementDate: '2025-01-06', decimals: g.scale, rounding: g.rounding,
          tax: { rate: g.tax, on: ['interest', 'fees'], ...(g.included && g.method === 'french' ? { includedInInstallment: true } : {}) },
          fees: [{ name: 'apertura', percent: g.feePercent, timing: 'financed' }, { name: 'cobranza', percent: g.feePercent, of: 'balance', timing: 'per-installment' }],
        };
        if (g.multiple && g.method !== 'german') json['installmentMultipleOf'] = g.multiple;
        const terms = sameAsReference(json);
        if (!onFastPath(terms)) return;
        fast++;
        if (g.method === 'flat') return;
        const perPeriod = new Dec(g.rate).div(frequency === 'weekly' ? 52 : 12).times(new Dec(10).pow(g.scale));
        let prev = generateSchedule(terms).financed;
        for (const row of generateSchedule(terms).installments) {
          if (new Dec(prev).times(perPeriod).mod(1).eq(0.5)) interestTies++;
          prev = row.balance;
        }
      }),
      { numRuns: 300, seed: 5050 },
    );
    expect(fast).toBeGreaterThan(100);
    expect(interestTies).toBeGreaterThan(200);
  });
});

describe('schedule invariants', () => {
  const runs = { numRuns: 300, seed: 42 };

  it('principal parts sum to the financed amount; balances fall to exactly 0; every amount at scale; interest ≥ 0', () => {
    fc.assert(
      fc.property(loanTermsJson, (json) => {
        const r = scheduleOf(json);
        if (!r) return;
        const { terms, s } = r;
        const scale = terms.decimals;
        const sum = s.installments.reduce((a, i) => a.plus(i.principal), new Dec(0));
        expect(sum.toFixed(scale)).toBe(s.financed);
        expect(s.totals.principal).toBe(s.financed);
        let prev = new Dec(s.financed);
        s.installments.forEach((row, k) => {
          const b = new Dec(row.balance);
          if (k >= terms.graceInstallments.principal) expect(b.lt(prev)).toBe(true);
          else expect(b.eq(prev)).toBe(true);
          expect(b.gte(0)).toBe(true);
          prev = b;
          expect(new Dec(row.interest).gte(0)).toBe(true);
          for (const key of ['principal', 'interest', 'tax', 'fees', 'total', 'balance', 'taxOnInterest', 'taxOnFees'] as const) {
            expect(scaled(row[key], scale)).toBe(true);
          }
          expect(new Dec(row.principal).plus(row.interest).plus(row.tax).plus(row.fees).toFixed(scale)).toBe(row.total);
        });
        expect(prev.isZero()).toBe(true);
        for (const v of [...Object.values(s.totals), s.disbursed, s.financed, s.upfront, s.totalToPay, s.totalCost]) expect(scaled(v, scale)).toBe(true);
      }),
      runs,
    );
  });

  /** The same terms as a flat loan without interest grace (flat has no IVA-inclusive level). */
  const flatOf = (json: Record<string, unknown>) => {
    const tax = json['tax'] as { rate: string; on: string[] } | undefined;
    const grace = json['graceInstallments'] as { principal: number } | undefined;
    return { method: 'flat', ...(tax ? { tax: { rate: tax.rate, on: tax.on } } : {}), ...(grace ? { graceInstallments: { principal: grace.principal, interest: 0 } } : {}) };
  };

  it('no amount is ever negative, at tiny rates too; flat interest keeps Fineract rounding or spreads the total unit by unit', () => {
    // Tiny rates (0 to 0.2%) on every method: where Fineract's per-period flat rounding used to
    // leave the last installment a negative interest (725.33 at 0.01%, 52 monthly: −0.20).
    const tiny = fc
      .tuple(loanTermsJson, fc.integer({ min: 0, max: 20 }), fc.integer({ min: 5, max: 40 }), fc.boolean(), fc.boolean())
      .map(([json, bp, each, small, flat]) => ({
        ...json,
        ...(flat ? flatOf(json) : {}),
        annualRate: (bp / 10000).toFixed(4),
        // Small principals too, where a few units of interest are spread over many periods.
        ...(small ? { principal: (Number(json['installments']) * each + 0.33).toFixed(Number(json['decimals'])) } : {}),
      }));
    let spread = 0;
    fc.assert(
      fc.property(fc.oneof(tiny, loanTermsJson), (json) => {
        const r = scheduleOf(json);
        if (!r) return;
        const { terms, s } = r;
        expect(generateReferenceSchedule(terms)).toEqual(s);
        const amounts = [...Object.values(s.totals), s.disbursed, s.financed, s.upfront, s.totalToPay, s.totalCost];
        for (const row of s.installments) amounts.push(row.principal, row.interest, row.tax, row.fees, row.total, row.balance, row.taxOnInterest, row.taxOnFees);
        for (const a of amounts) expect(new Dec(a).gte(0), a).toBe(true);
        if (terms.method !== 'flat' || terms.graceInstallments.interest > 0) return;
        // Flat: the per-period interest by Fineract, the rest on the last, unless it would go negative.
        const unit = new Dec(10).pow(-terms.decimals);
        const rows = s.installments.map((row) => new Dec(row.interest));
        const total = rows.reduce((a, x) => a.plus(x), new Dec(0));
        const n = rows.length;
        const plan = planSchedule(terms);
        const per = roundTo(new Dec(s.financed).times(terms.annualRate).times(plan.term.num).div(plan.term.den * n), terms.decimals, terms.rounding);
        if (total.minus(per.times(n - 1)).gte(0)) {
          rows.slice(0, -1).forEach((x) => expect(x.eq(per)).toBe(true));
        } else {
          spread++;
          const q = total.div(unit).div(n).floor().times(unit);
          const extra = total.minus(q.times(n)).div(unit).toNumber();
          rows.forEach((x, k) => expect(x.eq(k < extra ? q.plus(unit) : q), `interest ${k + 1}`).toBe(true));
        }
      }),
      { numRuns: 600, seed: 43 },
    );
    expect(spread).toBeGreaterThan(5);
  });

  it('flat at 0.01%: 1,000.00 over 12 monthly and 725.33 over 52 monthly spread their interest, never below 0', () => {
    // 1,000 × 0.0001 × 1 year = 0.10 in total; round(0.10 / 12) = 0.01 each would need 0.11 (the
    // last −0.01): the 10 units go to installments 1..10, 11 and 12 bear 0.00.
    const a = generateSchedule(parseLoanTerms({ principal: '1000.00', annualRate: '0.0001', installments: 12, frequency: 'monthly', method: 'flat', disbursementDate: '2025-01-06', tax: { rate: '0.16', on: ['interest'] } }));
    expect(a.installments.map((i) => i.interest)).toEqual([...Array(10).fill('0.01'), '0.00', '0.00']);
    expect(a.totals.interest).toBe('0.10');
    // 725.33 × 0.0001 × 52/12 = 0.3143 → 0.31; round(0.31 / 52 = 0.00604) = 0.01 each would need
    // 0.51 (the last −0.20, IVA −0.03): 31 units to installments 1..31, the other 21 bear 0.00.
    const b = generateSchedule(parseLoanTerms({ principal: '725.33', annualRate: '0.0001', installments: 52, frequency: 'monthly', method: 'flat', disbursementDate: '2025-01-06', tax: { rate: '0.16', on: ['interest'] } }));
    expect(b.installments.map((i) => i.interest)).toEqual([...Array(31).fill('0.01'), ...Array(21).fill('0.00')]);
    expect(b.installments.every((i) => !i.taxOnInterest.startsWith('-') && !i.principal.startsWith('-'))).toBe(true);
    expect(b.totals.interest).toBe('0.31');
  });

  it('the last french/flat installment differs from the level one by less than one step per installment', () => {
    // Each installment's rounding (the level payment to its step, interest to the unit) moves the
    // final balance by at most (step + unit)/2, compounded; the last installment absorbs the sum.
    fc.assert(
      fc.property(loanTermsJson, (json) => {
        const r = scheduleOf(json);
        if (!r || (r.terms.method !== 'french' && r.terms.method !== 'flat') || r.terms.tax || r.terms.fees.length > 0) return;
        const { terms, s } = r;
        const rows = s.installments;
        const gp = terms.graceInstallments.principal;
        const gi = terms.graceInstallments.interest;
        const n = rows.length;
        const first = Math.max(gp, gi) + 1;
        if (n - first < 2) return;
        const level = new Dec(rows[first]!.total);
        const last = new Dec(rows[n - 1]!.total);
        const unit = new Dec(10).pow(-terms.decimals);
        const step = new Dec(terms.installmentMultipleOf ?? unit);
        const plan = planSchedule(terms);
        const iMax = plan.fractions.reduce((m, f) => Dec.max(m, new Dec(terms.annualRate).times(f.num).div(f.den)), new Dec(0));
        // Σ_j (1 + i)^j over the installments: how a unit of rounding in one period grows to the last.
        let compounded = new Dec(0);
        for (let j = 0; j < n; j++) compounded = compounded.plus(iMax.plus(1).pow(j));
        const bound = step.plus(unit).div(2).times(compounded).plus(step);
        expect(level.minus(last).abs().lte(bound)).toBe(true);
      }),
      runs,
    );
  });

  it('the CAT is a root of the Banxico equation to 1e-9 (decimal evaluation)', () => {
    fc.assert(
      fc.property(loanTermsJson, (json) => {
        const r = scheduleOf(json);
        if (!r) return;
        const { terms, s } = r;
        const plan = planSchedule(terms);
        const net = new Dec(terms.principal).minus(
          terms.fees.filter((f) => f.timing === 'upfront' || f.timing === 'deducted').reduce((a, f) => a.plus(feeAmount(f, terms)), new Dec(0)),
        );
        const periodic = plan.catPeriodic;
        const flows = s.installments.map((row, k) => ({
          timeNum: periodic ? (k + 1) * plan.periodsPerYear.den : plan.dueDays[k]! - plan.disbursementDay,
          timeDen: periodic ? plan.periodsPerYear.num : 365,
          amount: new Dec(row.principal).plus(row.interest).plus(row.fees),
        }));
        const residual = catResidual(net, flows, new Dec(s.catExact).div(100));
        expect(residual.abs().lte('1e-9')).toBe(true);
      }),
      { numRuns: 120, seed: 7 },
    );
  });

  it('the CAT increases with fees', () => {
    fc.assert(
      fc.property(loanTermsJson, fc.integer({ min: 1, max: 500 }), (json, extra) => {
        const r = scheduleOf({ ...json, fees: [] });
        if (!r) return;
        const withFee = scheduleOf({ ...json, fees: [{ name: 'apertura', amount: (extra * 0.1).toFixed(r.terms.decimals === 0 ? 0 : 1).padEnd(1), timing: 'upfront' }] });
        if (!withFee) return;
        if (new Dec(withFee.terms.fees[0]!.amount!).isZero()) return;
        expect(new Dec(withFee.s.catExact).gt(r.s.catExact)).toBe(true);
      }),
      { numRuns: 150, seed: 11 },
    );
  });

  it('is deterministic and frozen', () => {
    fc.assert(
      fc.property(loanTermsJson, (json) => {
        const r = scheduleOf(json);
        if (!r) return;
        expect(generateSchedule(parseLoanTerms(json))).toEqual(r.s);
        expect(Object.isFrozen(r.s) && Object.isFrozen(r.s.installments) && Object.isFrozen(r.s.installments[0])).toBe(true);
      }),
      { numRuns: 100, seed: 3 },
    );
  });

  it('random terms mostly produce a schedule (the generators are not vacuous)', () => {
    const samples = fc.sample(loanTermsJson, { numRuns: 300, seed: 5 });
    const ok = samples.filter((j) => scheduleOf(j) !== undefined).length;
    expect(ok).toBeGreaterThan(240);
  });
});

function feeAmount(f: LoanTerms['fees'][number], terms: LoanTerms): Dec {
  if (f.amount !== undefined) return new Dec(f.amount);
  let v = new Dec(terms.principal).times(f.percent!).toDecimalPlaces(terms.decimals, terms.rounding === 'half-up' ? Dec.ROUND_HALF_UP : Dec.ROUND_HALF_EVEN);
  if (f.min !== undefined && v.lt(f.min)) v = new Dec(f.min);
  if (f.max !== undefined && v.gt(f.max)) v = new Dec(f.max);
  return v;
}
