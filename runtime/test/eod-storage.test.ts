// The end of day's storage pieces: a checkpoint kept across quiet days and restored, the array
// literals a chunk sends (round trip through the database), and the penalty accrual entry.
import { addDays, closeDay, compactCheckpoint, Dec, type LoanEvent } from '@plazo/engine';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { penaltyAccrual, ZERO_ACCRUED, ZERO_PENALTIES, type PenaltyAmounts } from '../src/eod/penalty-accrual.ts';
import { bare, texts } from '../src/db/pg-arrays.ts';
import { onlyDateMoved, restoreCheckpoint, sameJson } from '../src/eod/stored-checkpoint.ts';
import { planPortfolio } from '../bench/eod-portfolio.ts';
import { publishPortfolioProducts } from './eod-support.ts';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from './support/test-database.ts';

describe('a checkpoint kept across quiet days', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase('pglite');
  });
  afterAll(async () => t?.destroy());

  it('equals the engine checkpoint when restored: quiet days are recognized, others are not', async () => {
    const irs = await publishPortfolioProducts(t.db);
    const plans = planPortfolio(irs, { n: 16, seed: 11, from: '2025-01-06', to: '2025-02-01', horizon: '2025-03-15', mix: { 'on-time': 0.4, late: 0.4, defaulted: 0.2 } });
    let quiet = 0;
    let moved = 0;
    for (const plan of plans) {
      const ir = irs.get(plan.product)!;
      const events: LoanEvent[] = [{ kind: 'disbursement', date: plan.terms.disbursementDate }];
      let stored = JSON.stringify(compactCheckpoint(ir, plan.terms, events, plan.terms.disbursementDate));
      let storedAsOf = plan.terms.disbursementDate;
      // Close 40 days with no payments in between: keep the text when only the date moved.
      for (let d = 1; d <= 40; d++) {
        const date = addDays(plan.terms.disbursementDate, d);
        const previous = restoreCheckpoint(stored, storedAsOf);
        const day = closeDay(ir, plan.terms, previous, date);
        events.push({ kind: 'day-close', date });
        expect(day.checkpoint).toEqual(compactCheckpoint(ir, plan.terms, events, date));
        if (onlyDateMoved(previous, day.checkpoint, date)) quiet++;
        else {
          moved++;
          stored = JSON.stringify(day.checkpoint);
        }
        storedAsOf = date;
        expect(restoreCheckpoint(stored, storedAsOf)).toEqual(day.checkpoint);
      }
    }
    expect(quiet).toBeGreaterThan(0);
    expect(moved).toBeGreaterThan(0);
  });

  it('sameJson is deep equality of JSON values, key order aside', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        expect(sameJson(a, JSON.parse(JSON.stringify(a)))).toBe(true);
        expect(sameJson(a, b)).toBe(JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b)));
      }),
    );
    expect(sameJson({ a: 1, b: [1, { c: '2' }] }, { b: [1, { c: '2' }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameJson([1, 2], { 0: 1, 1: 2 })).toBe(false);
  });
});

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  return Object.is(v, -0) ? 0 : v;
}

describe.each(DATABASE_KINDS)('array literals on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind, false);
  });
  afterAll(async () => t?.destroy());

  it('text values come back as sent, whatever their characters', async () => {
    const text = fc.oneof(fc.string(), fc.json(), fc.string({ unit: 'binary' }).map((s) => s.replace(/\0/g, '')));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.option(text, { nil: null }), { maxLength: 20 }), async (values) => {
        const r = await sql<{ v: (string | null)[] }>`select ${texts(values)}::text[] as v`.execute(t.db);
        expect(r.rows[0]!.v).toEqual(values);
      }),
      { numRuns: 80 },
    );
    const r = await sql<{ v: string[] }>`select ${texts(['a"b\\c', 'línea\notra', 'null', 'NULL', '', '{x,y}'])}::text[] as v`.execute(t.db);
    expect(r.rows[0]!.v).toEqual(['a"b\\c', 'línea\notra', 'null', 'NULL', '', '{x,y}']);
  });

  it('uuids, integers, dates, decimals and booleans need no quotes; anything else is refused', async () => {
    const r = await sql<{ u: string[]; i: number[]; d: string[]; n: string[]; b: boolean[] }>`
      select ${bare(['0190a0a0-0000-7000-8000-000000000001', null])}::uuid[] as u, ${bare([1, -2, null])}::int[] as i,
             ${bare(['2025-07-01', null])}::date[]::text[] as d, ${bare(['1234.50', '-0.01', null])}::numeric[]::text[] as n, ${bare([true, false, null])}::boolean[] as b`.execute(t.db);
    expect(r.rows[0]).toEqual({ u: ['0190a0a0-0000-7000-8000-000000000001', null], i: [1, -2, null], d: ['2025-07-01', null], n: ['1234.50', '-0.01', null], b: [true, false, null] });
    expect(bare([])).toBe('{}');
    for (const bad of ['a,b', 'x y', '"', '{1}', 'null', 'NULL', '']) expect(() => bare([bad])).toThrow(/needs quoting/);
  });
});

describe('penalty accrual entry', () => {
  const amounts = (lateFees: string, lateFeesIva: string, moratorium: string, moratoriumIva: string): PenaltyAmounts => ({ lateFees, lateFeesIva, moratorium, moratoriumIva });
  const balance = (lines: readonly { debit: string; credit: string }[]) => lines.reduce((a, l) => a.plus(l.debit).minus(l.credit), new Dec(0));

  it('posts nothing when no figure moved', () => {
    const charged = amounts('50.00', '8.00', '12.34', '1.97');
    const before = { ...ZERO_ACCRUED, charged, recognized: charged };
    expect(penaltyAccrual(before, { charged: amounts('50.00', '8.00', '12.34', '1.97'), collected: ZERO_PENALTIES, active: true }, 2).lines).toEqual([]);
    expect(penaltyAccrual(before, { charged: amounts('50', '8', '12.340', '1.97'), collected: ZERO_PENALTIES, active: true }, 2).lines).toEqual([]);
  });

  it('recognizes what was charged, reclassifies what was collected, reverses the rest when the loan leaves active', () => {
    const step1 = penaltyAccrual(ZERO_ACCRUED, { charged: amounts('50.00', '8.00', '1.50', '0.24'), collected: ZERO_PENALTIES, active: true }, 2);
    expect(step1.lines).toEqual([
      { account: '1130', debit: '51.50', credit: '0.00' },
      { account: '1140', debit: '8.24', credit: '0.00' },
      { account: '2105', debit: '0.00', credit: '8.24' },
      { account: '4300', debit: '0.00', credit: '50.00' },
      { account: '4310', debit: '0.00', credit: '1.50' },
    ]);
    const step2 = penaltyAccrual(step1.accrued, { charged: amounts('50.00', '8.00', '3.00', '0.48'), collected: amounts('50.00', '8.00', '0', '0'), active: true }, 2);
    expect(step2.lines).toEqual([
      { account: '1130', debit: '0.00', credit: '48.50' },
      { account: '1140', debit: '0.00', credit: '7.76' },
      { account: '2105', debit: '7.76', credit: '0.00' },
      { account: '4300', debit: '50.00', credit: '0.00' },
      { account: '4310', debit: '0.00', credit: '1.50' },
    ]);
    const paidOff = penaltyAccrual(step2.accrued, { charged: amounts('50.00', '8.00', '3.00', '0.48'), collected: amounts('50.00', '8.00', '1.00', '0.16'), active: false }, 2);
    for (const step of [step1, step2, paidOff]) expect(balance(step.lines).isZero()).toBe(true);
    // Over the loan's life: receivables back to zero, income = what was collected.
    const total = (account: string) => [step1, step2, paidOff].flatMap((s) => s.lines).filter((l) => l.account === account).reduce((a, l) => a.plus(l.debit).minus(l.credit), new Dec(0));
    expect(total('1130').toFixed(2)).toBe('0.00');
    expect(total('1140').toFixed(2)).toBe('0.00');
    expect(total('4300').toFixed(2)).toBe('0.00');
    expect(total('4310').toFixed(2)).toBe('0.00');
  });
});
