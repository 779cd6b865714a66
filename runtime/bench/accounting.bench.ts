// The financial statements over a large ledger: ACCOUNTING_BENCH_ENTRIES (50,000) balanced journal
// entries of 4 lines each (200,000 lines) spread over 2025, shaped like a loan book's postings —
// payments, disbursements, reserves with memorandum lines, accruals — written in bulk by SQL
// (the balance and period triggers off for the load: every entry balances by construction).
// Per call, p50 and p99 in ms: the balance sheet at the year's end, the income statement of the
// year, the books report; baseline in the same run: the trial balance of the year (the existing
// GET /api/v1/ledger/trial-balance query over the same lines).
// On a fresh in-memory PGlite; ACCOUNTING_BENCH_DB=postgres uses the empty database of DATABASE_URL.
//   ACCOUNTING_BENCH_ENTRIES (50000) · ACCOUNTING_BENCH_CALLS (10)
import { sql } from 'kysely';
import { migrateToLatest } from '../src/db/migrator.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { balanceSheet, incomeStatement } from '../src/ledger/financial-statements.ts';
import { trialBalance } from '../src/ledger/ledger.repository.ts';
import { booksReport } from '../src/reports/books-report.ts';
import { timed } from './timing.ts';

const ENTRIES = Number(process.env.ACCOUNTING_BENCH_ENTRIES ?? 50_000);
const CALLS = Number(process.env.ACCOUNTING_BENCH_CALLS ?? 10);
const WIDTH = 60;

const postgres = process.env.ACCOUNTING_BENCH_DB === 'postgres' && process.env.DATABASE_URL;
const { db } = await openDatabase(postgres ? { kind: 'postgres', connectionString: process.env.DATABASE_URL! } : { kind: 'pglite' });
try {
  await migrateToLatest(db);
  const t0 = performance.now();
  // Amounts in cents from the entry number g: a (100–10,072.00), b < a, c < b; each pattern's
  // four lines balance: a + b = a + (b − c) + c.
  await db.transaction().execute(async (tx) => {
    await sql`alter table journal_entries disable trigger all`.execute(tx);
    await sql`alter table journal_lines disable trigger all`.execute(tx);
    await sql`
      insert into journal_entries (id, entry_date, description, currency, loan_id, loan_event_seq, source, created_at, created_by)
      select ('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, date '2025-01-01' + (g % 365), 'bench ' || g, 'MXN', null, null,
        case when g % 4 in (2, 3) then 'day-close' else 'other' end, now(), 'system'
      from generate_series(1, ${ENTRIES}) as g
    `.execute(tx);
    await sql`
      insert into journal_lines (entry_id, line_no, account_code, debit, credit, created_at, created_by)
      select ('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, x.n, x.account, x.debit, x.credit, now(), 'system'
      from generate_series(1, ${ENTRIES}) as g,
        lateral (select (100 + g % 9973)::numeric / 100 as a, (50 + g % 1000)::numeric / 100 as b, (1 + g % 50)::numeric / 100 as c) m,
        lateral (values
          (1, case g % 4 when 0 then '1000' when 1 then '1100' when 2 then '5200' else '1110' end, case g % 4 when 0 then m.a + m.b when 1 then m.a + m.b when 2 then m.a else m.b end, 0::numeric),
          (2, case g % 4 when 0 then '1100' when 1 then '1000' when 2 then '7100' else '1140' end, case g % 4 when 2 then m.c when 3 then m.c else 0 end, case g % 4 when 0 then m.a when 1 then m.a else 0 end),
          (3, case g % 4 when 0 then '4100' when 1 then '4200' when 2 then '1190' else '4100' end, 0, case g % 4 when 2 then m.a else m.b - m.c end + case g % 4 when 3 then m.c else 0 end),
          (4, case g % 4 when 0 then '2101' when 1 then '2102' when 2 then '7900' else '2105' end, 0, m.c)
        ) as x(n, account, debit, credit)
    `.execute(tx);
    await sql`alter table journal_lines enable trigger all`.execute(tx);
    await sql`alter table journal_entries enable trigger all`.execute(tx);
  });
  await sql`analyze journal_entries`.execute(db);
  await sql`analyze journal_lines`.execute(db);
  const counts = await sql<{ entries: number; lines: number; unbalanced: number }>`
    select (select count(*)::int from journal_entries) as entries, (select count(*)::int from journal_lines) as lines,
      (select count(*)::int from (select entry_id from journal_lines group by entry_id having sum(debit) <> sum(credit)) u) as unbalanced
  `.execute(db);
  const c = counts.rows[0]!;
  if (c.unbalanced !== 0) throw new Error(`${c.unbalanced} generated entries do not balance`);
  console.log(`\n== accounting.bench.ts (${postgres ? 'postgres' : 'pglite'}): ${c.entries} entries, ${c.lines} lines over 2025, written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const sheet = await balanceSheet(db, '2025-12-31', 'MXN');
  const income = await incomeStatement(db, '2025-01-01', '2025-12-31', 'MXN');
  if (!sheet.balanced || income.totals.net !== sheet.result) throw new Error('the statements disagree with each other');
  console.log(`  balance sheet 2025-12-31: assets ${sheet.totals.assets}, result ${sheet.result}, balanced ${sheet.balanced}`);
  const times = <T>(call: () => Promise<T>) => Array.from({ length: CALLS }, () => call);
  await timed('baseline: trial balance of 2025 (GET /ledger/trial-balance)', times(() => trialBalance(db, '2025-01-01', '2025-12-31')), WIDTH);
  await timed('balance sheet at 2025-12-31', times(() => balanceSheet(db, '2025-12-31', 'MXN')), WIDTH);
  await timed('balance sheet at 2025-06-30', times(() => balanceSheet(db, '2025-06-30', 'MXN')), WIDTH);
  await timed('income statement 2025-01-01..2025-12-31', times(() => incomeStatement(db, '2025-01-01', '2025-12-31', 'MXN')), WIDTH);
  await timed('income statement of one month (2025-06)', times(() => incomeStatement(db, '2025-06-01', '2025-06-30', 'MXN')), WIDTH);
  await timed('books report at 2025-12-31', times(() => booksReport(db, '2025-12-31', 'MXN')), WIDTH);
} finally {
  await db.destroy();
}
