// The end of day's storage pieces: a checkpoint kept across quiet days and restored, the array
// literals a chunk sends (round trip through the database), and the chunk's day-close entry.
import { addDays, closeDay, compactCheckpoint, Dec, type LoanEvent } from '@plazo/engine';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayCloseEntries } from '../src/eod/chunk-write.ts';
import type { LoanCloseResult } from '../src/eod/day-close.ts';
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

describe("a chunk's day-close entry", () => {
  type Line = { account: string; debit: string; credit: string };
  const result = (lines: Line[] | null) => ({ books: lines === null ? null : { books: {} as never, lines } }) as unknown as LoanCloseResult;
  const net = (lines: readonly Line[], account: string) => lines.filter((l) => l.account === account).reduce((a, l) => a.plus(l.debit).minus(l.credit), new Dec(0));

  it('is, per currency and account, the exact sum of the loans\' lines; balanced; none when nothing moved', () => {
    const account = fc.constantFrom('1000', '1110', '1140', '2105', '4100', '4310');
    const cents = fc.bigInt({ min: -10_000_000n, max: 10_000_000n });
    // A loan's lines: balanced amounts over a few accounts (the last account takes the rest).
    const loanLines = fc.array(fc.tuple(account, cents), { minLength: 1, maxLength: 5 }).map((parts) => {
      const lines: Line[] = [];
      let rest = 0n;
      for (const [a, c] of parts) {
        rest -= c;
        lines.push(lineOf(a, c));
      }
      lines.push(lineOf('1190', rest));
      return lines;
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('MXN', 'USD'), fc.option(loanLines, { nil: null })), { maxLength: 12 }), (loans) => {
        const results = loans.map(([, lines]) => result(lines));
        const currencies = new Map(results.map((r, i) => [r, loans[i]![0]]));
        const entries = dayCloseEntries('2025-07-01', results, (r) => currencies.get(r)!);
        for (const currency of ['MXN', 'USD']) {
          const mine = loans.filter(([c, lines]) => c === currency && lines !== null && lines.length > 0);
          const entry = entries.find((e) => e.currency === currency);
          const all = mine.flatMap(([, lines]) => lines!);
          for (const a of ['1000', '1110', '1140', '2105', '4100', '4310', '1190']) expect(net(entry?.lines ?? [], a).eq(net(all, a))).toBe(true);
          if (entry) {
            expect(entry.description).toBe(`day close 2025-07-01 (accrual, ${mine.length} loans)`);
            expect(net(entry.lines, '1000').plus(net(entry.lines, '1110')).plus(net(entry.lines, '1140')).plus(net(entry.lines, '2105')).plus(net(entry.lines, '4100')).plus(net(entry.lines, '4310')).plus(net(entry.lines, '1190')).isZero()).toBe(true);
            for (const l of entry.lines) expect(new Dec(l.debit).isZero() !== new Dec(l.credit).isZero()).toBe(true);
          }
        }
      }),
    );
    expect(dayCloseEntries('2025-07-01', [result(null), result([])], () => 'MXN')).toEqual([]);
    // Movements that cancel out post nothing.
    expect(dayCloseEntries('2025-07-01', [result([lineOf('1110', 100n), lineOf('4100', -100n)]), result([lineOf('1110', -100n), lineOf('4100', 100n)])], () => 'MXN')).toEqual([]);
  });
});

function lineOf(account: string, cents: bigint): { account: string; debit: string; credit: string } {
  const text = (c: bigint) => `${c / 100n}.${String(c % 100n).padStart(2, '0')}`;
  return cents >= 0n ? { account, debit: text(cents), credit: '0.00' } : { account, debit: '0.00', credit: text(-cents) };
}
