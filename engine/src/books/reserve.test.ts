// reserveOf on the DOMAIN.md illustrative table and on expected-loss expressions, and its money
// invariants as properties: never negative, never above the exposure, monotone in days past due
// for a monotone table.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../decimal.ts';
import { InvalidInputError } from '../errors.ts';
import type { ReserveRow, ReservesPolicy } from '../ir/product-ir.ts';
import type { ReserveFacts } from './books-types.ts';
import { reserveOf } from './reserve.ts';

const row = (fromDays: number, toDays: number | null, rate: string, stage: ReserveRow['stage'] = null): ReserveRow => ({ stage, fromDays, toDays, rate });

/** DOMAIN.md's illustrative consumer table, plus vencida reserved in full. */
const SOCAP: ReservesPolicy = {
  kind: 'table',
  rows: [
    row(0, 0, '0.01'),
    row(1, 7, '0.04'),
    row(8, 30, '0.15'),
    row(31, 60, '0.3'),
    row(61, 90, '0.5'),
    row(91, 120, '0.75'),
    row(121, 180, '0.9'),
    row(181, null, '1'),
    row(0, null, '1', 'vencida'),
  ],
};

function facts(over: Partial<ReserveFacts> = {}): ReserveFacts {
  const principal = over.principal ?? '1000.00';
  const accruedInterest = over.accruedInterest ?? '23.45';
  return {
    daysPastDue: 0,
    stage: 'vigente',
    restructured: false,
    principal,
    accruedInterest,
    exposure: new Dec(principal).plus(accruedInterest).toFixed(2),
    ...over,
  };
}

const num = (text: string) => ({ decimal: text });

describe('reserveOf: tables', () => {
  it('takes the rate of the row covering the days past due, over principal + accrued interest', () => {
    expect(reserveOf(SOCAP, facts(), 2, 'half-even')).toBe('10.23'); // 1% of 1023.45 = 10.2345
    expect(reserveOf(SOCAP, facts({ daysPastDue: 7 }), 2, 'half-even')).toBe('40.94'); // 40.938
    expect(reserveOf(SOCAP, facts({ daysPastDue: 8 }), 2, 'half-even')).toBe('153.52'); // 153.5175
    expect(reserveOf(SOCAP, facts({ daysPastDue: 180 }), 2, 'half-even')).toBe('921.10'); // 921.105 → even
    expect(reserveOf(SOCAP, facts({ daysPastDue: 180 }), 2, 'half-up')).toBe('921.11');
    expect(reserveOf(SOCAP, facts({ daysPastDue: 5000 }), 0, 'half-even')).toBe('1023');
  });

  it("prefers a row of the loan's stage, else the unqualified rows", () => {
    expect(reserveOf(SOCAP, facts({ stage: 'vencida', daysPastDue: 3 }), 2, 'half-even')).toBe('1023.45');
    const byStage: ReservesPolicy = { kind: 'table', rows: [row(0, null, '0.02', 'vigente'), row(0, 30, '0.5', 'vencida'), row(0, null, '0.9')] };
    expect(reserveOf(byStage, facts({ daysPastDue: 40 }), 2, 'half-even')).toBe('20.47');
    expect(reserveOf(byStage, facts({ stage: 'vencida', daysPastDue: 30 }), 2, 'half-even')).toBe('511.72'); // 511.725 → even
    expect(reserveOf(byStage, facts({ stage: 'vencida', daysPastDue: 31 }), 2, 'half-even')).toBe('921.10');
  });

  it('reserves 0 without a policy, without a covering row, or on a zero exposure', () => {
    expect(reserveOf(undefined, facts({ daysPastDue: 200 }), 2, 'half-even')).toBe('0.00');
    expect(reserveOf({ kind: 'table', rows: [row(10, null, '1')] }, facts({ daysPastDue: 3 }), 2, 'half-even')).toBe('0.00');
    expect(reserveOf(SOCAP, facts({ principal: '0', accruedInterest: '0', exposure: '0' }), 2, 'half-even')).toBe('0.00');
    expect(reserveOf(SOCAP, facts({ exposure: '-5.00' }), 2, 'half-even')).toBe('0.00');
  });

  it('refuses facts that are not numbers, naming each field', () => {
    const bad = { ...facts(), exposure: '1,000.00', daysPastDue: 1.5, stage: 'castigada' } as unknown as ReserveFacts;
    expect(() => reserveOf(SOCAP, bad, 2, 'half-even')).toThrow(InvalidInputError);
    try {
      reserveOf(SOCAP, bad, 2, 'half-even');
    } catch (error) {
      expect((error as InvalidInputError).issues.map((i) => i.path)).toEqual(['stage', 'daysPastDue', 'exposure']);
    }
  });
});

describe('reserveOf: expected loss', () => {
  const policy = (pd: unknown, lgd: unknown): ReservesPolicy => ({ kind: 'expected-loss', pd: pd as never, lgd: lgd as never });

  it('multiplies pd × lgd × exposure with the expressions over the loan facts', () => {
    // pd: 100% when vencida, else 2% + 1% per day past due; lgd 45%.
    const pd = { if: [{ var: 'loan.vencida' }, num('1'), { '+': [num('0.02'), { '*': [{ var: 'loan.days_past_due' }, num('0.01')] }] }] };
    const el = policy(pd, num('0.45'));
    expect(reserveOf(el, facts(), 2, 'half-even')).toBe('9.21'); // 0.02 × 0.45 × 1023.45 = 9.21105
    expect(reserveOf(el, facts({ daysPastDue: 10 }), 2, 'half-even')).toBe('55.27'); // 0.12 × 0.45 × 1023.45
    expect(reserveOf(el, facts({ stage: 'vencida', daysPastDue: 91 }), 2, 'half-even')).toBe('460.55'); // 460.5525
    // Money facts are money: the share of interest in the exposure, as lgd.
    const share = policy(num('1'), { '/': [{ var: 'loan.accrued_interest' }, { var: 'loan.exposure' }] });
    expect(reserveOf(share, facts(), 2, 'half-even')).toBe('23.45');
    expect(reserveOf(policy({ if: [{ var: 'loan.restructured' }, num('0.5'), num('0')] }, num('1')), facts({ restructured: true }), 2, 'half-even')).toBe('511.72');
  });

  it('clamps pd and lgd to 0..1 and counts a missing value as 0', () => {
    expect(reserveOf(policy(num('1.7'), num('1')), facts(), 2, 'half-even')).toBe('1023.45');
    expect(reserveOf(policy(num('-0.5'), num('1')), facts(), 2, 'half-even')).toBe('0.00');
    // division by a zero principal is null (missing)
    expect(reserveOf(policy({ '/': [num('1'), { var: 'loan.principal' }] }, num('1')), facts({ principal: '0', accruedInterest: '5.00', exposure: '5.00' }), 2, 'half-even')).toBe('0.00');
  });
});

describe('reserveOf: money invariants', () => {
  const cents = fc.bigInt({ min: 0n, max: 10n ** 12n }).map((c) => new Dec(c.toString()).div(100).toFixed(2));
  const rate = fc.integer({ min: 0, max: 10_000 }).map((bp) => new Dec(bp).div(10_000).toString());
  const anyFacts = fc.record({
    daysPastDue: fc.integer({ min: 0, max: 5000 }),
    stage: fc.constantFrom<'vigente' | 'vencida'>('vigente', 'vencida'),
    restructured: fc.boolean(),
    principal: cents,
    accruedInterest: cents,
  }).map((f): ReserveFacts => ({ ...f, exposure: new Dec(f.principal).plus(f.accruedInterest).toFixed(2) }));
  /** A table of ascending rows covering 0..∞ with non-decreasing rates, optionally a vencida override. */
  const monotoneTable = fc
    .array(fc.tuple(fc.integer({ min: 1, max: 60 }), rate), { minLength: 1, maxLength: 10 })
    .chain((steps) => fc.tuple(fc.constant(steps), fc.option(rate)))
    .map(([steps, vencida]): ReservesPolicy => {
      const rates = steps.map(([, r]) => new Dec(r)).sort((a, b) => a.comparedTo(b)).map((d) => d.toString());
      const rows: ReserveRow[] = [];
      let from = 0;
      steps.forEach(([width], i) => {
        const last = i === steps.length - 1;
        rows.push(row(from, last ? null : from + width - 1, rates[i]!));
        from += width;
      });
      if (vencida !== null) rows.push(row(0, null, vencida, 'vencida'));
      return { kind: 'table', rows };
    });
  const anyPolicy = fc.oneof(
    monotoneTable,
    fc.tuple(fc.integer({ min: -200, max: 300 }), fc.integer({ min: -200, max: 300 })).map(([pd, lgd]): ReservesPolicy => ({
      kind: 'expected-loss',
      pd: { '*': [{ var: 'loan.days_past_due' }, num(new Dec(pd).div(1000).toString())] },
      lgd: num(new Dec(lgd).div(100).toString()),
    })),
  );

  it('is never negative and never above the exposure, at the currency scale', () => {
    fc.assert(
      fc.property(anyPolicy, anyFacts, fc.integer({ min: 0, max: 4 }), fc.constantFrom('half-even' as const, 'half-up' as const), (policy, f, decimals, mode) => {
        const reserve = new Dec(reserveOf(policy, f, decimals, mode));
        expect(reserve.gte(0)).toBe(true);
        expect(reserve.lte(f.exposure)).toBe(true);
        expect(reserve.decimalPlaces()).toBeLessThanOrEqual(decimals);
      }),
    );
  });

  it('a table reserve is round(clamp(rate) × exposure) exactly, whatever the rate, scale and rounding (the integer path against Decimal)', () => {
    const anyRate = fc.integer({ min: -20_000, max: 30_000 }).chain((n) => fc.integer({ min: 0, max: 6 }).map((e) => new Dec(n).div(10 ** e).toFixed(e)));
    const exposure = fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n });
    fc.assert(
      fc.property(anyRate, exposure, fc.integer({ min: 0, max: 6 }), fc.constantFrom('half-even' as const, 'half-up' as const), (rate, units, decimals, mode) => {
        const text = new Dec(units.toString()).div(new Dec(10).pow(decimals)).toFixed(decimals);
        const f: ReserveFacts = { daysPastDue: 3, stage: 'vigente', restructured: false, principal: text, accruedInterest: new Dec(0).toFixed(decimals), exposure: text };
        const r = new Dec(rate);
        const clamped = r.lt(0) ? new Dec(0) : r.gt(1) ? new Dec(1) : r;
        const expected = new Dec(text).lte(0) ? new Dec(0) : clamped.times(text).toDecimalPlaces(decimals, mode === 'half-even' ? Dec.ROUND_HALF_EVEN : Dec.ROUND_HALF_UP);
        expect(reserveOf({ kind: 'table', rows: [row(0, null, rate)] }, f, decimals, mode)).toBe(expected.toFixed(decimals));
      }),
    );
  });

  it('never falls as days past due grow, for a monotone table and a stage', () => {
    fc.assert(
      fc.property(monotoneTable, anyFacts, fc.integer({ min: 0, max: 400 }), (policy, f, more) => {
        const before = new Dec(reserveOf(policy, f, 2, 'half-even'));
        const after = new Dec(reserveOf(policy, { ...f, daysPastDue: f.daysPastDue + more }, 2, 'half-even'));
        expect(after.gte(before)).toBe(true);
      }),
    );
  });
});
