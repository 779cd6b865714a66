// The statements over generated ledgers (fast-check), on PGlite and PostgreSQL: whatever balanced
// entries are posted, on any accounts and dates, the balance sheet balances at every date, its
// result is the income statement's net since the beginning, income statements add up over
// adjacent ranges, and the amounts are exact to the cent.
import { addDays, Dec } from '@plazo/engine';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../src/ids.ts';
import { balanceSheet, incomeStatement } from '../src/ledger/financial-statements.ts';
import { openTestDatabase, DATABASE_KINDS, type TestDatabase } from './support/test-database.ts';

const RUNS = Number(process.env.STATEMENTS_RUNS ?? 12);
const START = '2025-01-01';

describe.each(DATABASE_KINDS)('financial statements on %s', (kind) => {
  let t: TestDatabase;
  let accounts: string[];
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    // Memorandum accounts balance among themselves (as every posting path keeps them): they come in pairs below.
    accounts = (await t.db.selectFrom('ledger_accounts').select('code').where('type', '<>', 'memorandum').orderBy('code').execute()).map((a) => a.code);
  });
  afterAll(async () => t?.destroy());

  it('balance at every date, with the result equal to the net income since the beginning', async () => {
    const cents = fc.integer({ min: 1, max: 5_000_000_00 }).map((c) => new Dec(c).div(100));
    const entry = fc.record({
      day: fc.integer({ min: 0, max: 90 }),
      debits: fc.array(fc.record({ account: fc.integer({ min: 0, max: 1000 }), amount: cents }), { minLength: 1, maxLength: 4 }),
      credits: fc.array(fc.record({ account: fc.integer({ min: 0, max: 1000 }), weight: fc.integer({ min: 1, max: 5 }) }), { minLength: 1, maxLength: 4 }),
      memorandum: fc.option(cents, { nil: null }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 15 }), fc.integer({ min: 0, max: 95 }), fc.integer({ min: 0, max: 95 }), async (entries, d1, d2) => {
        await t.db.transaction().execute(async (tx) => {
          for (const e of entries) {
            const id = uuidv7();
            const total = e.debits.reduce((a, l) => a.plus(l.amount), new Dec(0));
            // The credits share the total by weight, the last taking the rounding rest: balanced to the cent.
            const weights = e.credits.reduce((a, c) => a + c.weight, 0);
            let left = total;
            const credits = e.credits.map((c, i) => {
              const amount = i === e.credits.length - 1 ? left : total.times(c.weight).div(weights).toDecimalPlaces(2, Dec.ROUND_DOWN);
              left = left.minus(amount);
              return { account: accounts[c.account % accounts.length]!, amount };
            });
            const lines = [
              ...e.debits.map((l) => ({ account: accounts[l.account % accounts.length]!, debit: l.amount, credit: new Dec(0) })),
              ...credits.filter((c) => c.amount.gt(0)).map((c) => ({ account: c.account, debit: new Dec(0), credit: c.amount })),
              ...(e.memorandum === null
                ? []
                : [
                    { account: '7100', debit: e.memorandum, credit: new Dec(0) },
                    { account: '7900', debit: new Dec(0), credit: e.memorandum },
                  ]),
            ];
            await sql`insert into journal_entries (id, entry_date, description, currency, source, created_at, created_by)
              values (${id}, ${addDays(START, e.day)}, 'generated', 'MXN', 'other', now(), 'system')`.execute(tx);
            for (const [i, l] of lines.entries()) {
              await sql`insert into journal_lines (entry_id, line_no, account_code, debit, credit, created_at, created_by)
                values (${id}, ${i + 1}, ${l.account}, ${l.debit.toFixed(2)}, ${l.credit.toFixed(2)}, now(), 'system')`.execute(tx);
            }
          }
        });
        const [a, b] = d1 <= d2 ? [addDays(START, d1), addDays(START, d2)] : [addDays(START, d2), addDays(START, d1)];
        for (const date of [a, b]) {
          const sheet = await balanceSheet(t.db, date, 'MXN');
          expect(sheet.balanced).toBe(true);
          const memo = new Map(sheet.memorandum.map((m) => [m.code, m.balance]));
          expect(memo.get('7100')).toBe(memo.get('7900'));
          const income = await incomeStatement(t.db, '2024-12-31', date, 'MXN');
          expect(new Dec(income.totals.net).equals(sheet.result)).toBe(true);
        }
        // Adjacent ranges add up.
        const whole = await incomeStatement(t.db, a, b, 'MXN');
        const left = await incomeStatement(t.db, a, a, 'MXN');
        const right = a === b ? null : await incomeStatement(t.db, addDays(a, 1), b, 'MXN');
        expect(new Dec(left.totals.net).plus(right?.totals.net ?? 0).equals(whole.totals.net)).toBe(true);
        // Another currency sees none of it.
        expect((await balanceSheet(t.db, b, 'USD')).totals.assets).toBe('0.00');
      }),
      { numRuns: RUNS },
    );
  });
});
