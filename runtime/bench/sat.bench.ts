// The SAT electronic accounting files of a busy month: SAT_BENCH_LINES (100,000) journal lines
// dated in June 2025 — payment-shaped entries of four lines (Bancos / capital / IVA / interest) —
// over SAT_BENCH_HISTORY (100,000) lines dated before it (half in 2024, so the balanza's fiscal
// year matters), written straight into a fresh in-memory PGlite (SAT_BENCH_DB=postgres: a
// temporary database on DATABASE_URL's server, dropped afterwards). Lines, in the same run:
//   baseline — the trial balance of the month alone (ledger.repository.ts `trialBalance`);
//   reference — the month's entries and lines read alone, in pólizas order (what pólizas must read);
//   balanza — the whole file: RFC, mapping check, currency check, trial balances of the month
//             and of the year, nature signs, XML, SHA-256, the audit entry;
//   pólizas — the whole file: every entry and line of the month as Poliza/Transaccion, XML, audit;
//   catálogo — for scale.
// Each line runs SAT_BENCH_RUNS (5) times; prints p50/p99 ms and the file's size.
//   SAT_BENCH_LINES (100000) · SAT_BENCH_HISTORY (100000) · SAT_BENCH_RUNS (5)
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { parseSatPeriod } from '../src/accounting/sat/sat-period.ts';
import { generateSatFile, type SatFileRequest } from '../src/accounting/sat/sat-files.ts';
import { setSatRfc } from '../src/accounting/sat/sat-settings.ts';
import type { Database } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrator.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { trialBalance } from '../src/ledger/ledger.repository.ts';
import { percentile } from './timing.ts';

const LINES = Number(process.env.SAT_BENCH_LINES ?? 100_000);
const HISTORY = Number(process.env.SAT_BENCH_HISTORY ?? 100_000);
const RUNS = Number(process.env.SAT_BENCH_RUNS ?? 5);
const AT = '2025-07-03T18:00:00.000Z';
const PERIOD = parseSatPeriod('2025-06')!;

async function adminQuery(url: string, text: string): Promise<void> {
  const u = new URL(url);
  u.pathname = '/postgres';
  const client = new pg.Client({ connectionString: u.toString() });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * `lines / 4` payment entries from `from` over `days` days: 1000 debit = 1100 + 2101 + 4100
 * credits, amounts varied in cents. One statement per 5,000 entries (the balance trigger checks
 * each entry at commit).
 */
async function writeEntries(db: Kysely<Database>, lines: number, from: string, days: number, tag: string): Promise<void> {
  const entries = Math.floor(lines / 4);
  for (let start = 0; start < entries; start += 5000) {
    const end = Math.min(entries, start + 5000) - 1;
    await db.transaction().execute(async (tx) => {
      await sql`
        insert into journal_entries (id, entry_date, description, currency, loan_id, loan_event_seq, created_at, created_by)
        select md5(${tag} || i)::uuid, ${from}::date + (i % ${days}), 'payment loan bench ' || i, 'MXN', null, null, ${AT}::timestamptz, 'system'
        from generate_series(${start}::int, ${end}::int) i`.execute(tx);
      // Cents: a (capital) + b (IVA) + c (interest) credited, their sum debited to Bancos.
      await sql`
        insert into journal_lines (entry_id, line_no, account_code, debit, credit, created_at, created_by)
        select md5(${tag} || i)::uuid, n, code,
          case when n = 1 then (a + b + c)::numeric / 100 else 0 end,
          case n when 2 then a::numeric / 100 when 3 then b::numeric / 100 when 4 then c::numeric / 100 else 0 end,
          ${AT}::timestamptz, 'system'
        from (select i, 100000 + (i % 9973) * 7 as a, 1 + (i % 97) * 3 as b, 1 + (i % 89) * 11 as c from generate_series(${start}::int, ${end}::int) i) s
        cross join (values (1, '1000'), (2, '1100'), (3, '2101'), (4, '4100')) as l (n, code)`.execute(tx);
    });
  }
}

const postgresUrl = process.env.SAT_BENCH_DB === 'postgres' ? process.env.DATABASE_URL : undefined;
const tempName = `plazo_sat_bench_${randomBytes(4).toString('hex')}`;
if (postgresUrl) await adminQuery(postgresUrl, `create database ${tempName}`);
const url = postgresUrl ? Object.assign(new URL(postgresUrl), { pathname: `/${tempName}` }).toString() : undefined;
const { db } = await openDatabase(url ? { kind: 'postgres', connectionString: url } : { kind: 'pglite' });
try {
  await migrateToLatest(db);
  await setSatRfc(db, 'PLZ250106AB5', { actor: 'system', at: AT });
  const t0 = performance.now();
  await writeEntries(db, HISTORY / 2, '2024-01-01', 366, 'h24-');
  await writeEntries(db, HISTORY / 2, '2025-01-01', 151, 'h25-');
  await writeEntries(db, LINES, PERIOD.from, 30, 'm-');
  await sql`analyze`.execute(db);
  const counts = await sql<{ month: number; all: number }>`
    select count(*) filter (where e.entry_date between ${PERIOD.from}::date and ${PERIOD.to}::date)::int as month, count(*)::int as all
    from journal_lines l join journal_entries e on e.id = l.entry_id`.execute(db);
  const { month, all } = counts.rows[0]!;
  console.log(`\n== sat.bench.ts (${url ? 'postgres' : 'pglite'}): ${month} journal lines in ${PERIOD.period}, ${all} in all (written in ${((performance.now() - t0) / 1000).toFixed(1)} s); ${RUNS} runs per line`);

  const ctx = { actor: 'system', at: AT, timeZone: 'America/Mexico_City' };
  const line = async (label: string, run: () => Promise<{ bytes?: number } | unknown>) => {
    const ms: number[] = [];
    let bytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      const result = (await run()) as { bytes?: number };
      ms.push(performance.now() - t);
      bytes = result?.bytes ?? 0;
    }
    const size = bytes === 0 ? '' : bytes < 1024 * 1024 ? `   ${(bytes / 1024).toFixed(1)} KB` : `   ${(bytes / 1024 / 1024).toFixed(1)} MB`;
    console.log(`  ${label.padEnd(54)} p50 ${percentile(ms, 0.5)} ms   p99 ${percentile(ms, 0.99)} ms${size}`);
  };
  const file = (request: SatFileRequest) => () => generateSatFile(db, request, ctx);
  await line('baseline: trial balance of the month alone', () => trialBalance(db, PERIOD.from, PERIOD.to));
  await line("reference: the month's journal lines read alone", () =>
    db.selectFrom('journal_entries as e').innerJoin('journal_lines as l', 'l.entry_id', 'e.id')
      .select(['e.id', 'e.entry_date', 'e.description', 'l.account_code', 'l.debit', 'l.credit'])
      .where('e.entry_date', '>=', PERIOD.from).where('e.entry_date', '<=', PERIOD.to)
      .orderBy('e.entry_date').orderBy('e.id').orderBy('l.line_no').execute());
  await line('balanza (BN): file, checks, audit', file({ kind: 'balanza', period: PERIOD, tipoEnvio: 'N' }));
  await line(`pólizas (PL): ${month} lines as Transaccion, audit`, file({ kind: 'polizas', period: PERIOD, request: { tipoSolicitud: 'AF', numOrden: 'ABC1234567/01' } }));
  await line('catálogo (CT)', file({ kind: 'catalogo', period: PERIOD }));
} finally {
  await db.destroy();
  if (postgresUrl) await adminQuery(postgresUrl, `drop database if exists ${tempName} with (force)`);
}
