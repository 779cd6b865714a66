// Bank statement import at scale (issue 16): a CSV statement of STATEMENTS_BENCH_LINES lines —
// 80 % payment references of real loans, 5 % beneficiary CLABEs, 5 % amount/date lines (no loan
// due in the days before the statement, without a name: candidates found, none above the threshold), 5 % unmatched references, 5 %
// repeats of an earlier line's tracking key (duplicates) — against STATEMENTS_BENCH_LOANS loans
// written straight into a fresh database (bench/eod-portfolio.ts, payment references and some
// CLABEs set). Measured in the same run:
//   baseline   the plain per-line lookup: one query per line (reference, else CLABE);
//   matching   statement-matching.ts on batches of 200 lines (three queries a batch);
//   import     importStatement end to end: streamed, matched, each matched line applied as a loan
//              payment, exceptions held in 2210, batches of 200 lines per transaction;
//   re-import  the same file again (replayed: nothing changes).
// and the peak RSS of this process (VmHWM) with the file's size.
//   STATEMENTS_BENCH_LINES (10000) · STATEMENTS_BENCH_LOANS (100000) · DATABASE_URL (PostgreSQL;
//   PGlite without it) · STATEMENTS_BENCH_KEEP=1 keeps the database.
import { randomBytes } from 'node:crypto';
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProductIR } from '@plazo/engine';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { createBankAccount, createBankFileLayout } from '../src/banking/bank-setup.ts';
import { DEFAULT_IMPORT_SETTINGS, importStatement, spoolUpload } from '../src/banking/statement-import.ts';
import { matchLines } from '../src/banking/statement-matching.ts';
import type { StatementLine } from '../src/banking/statement-line.ts';
import { csvStatementParser } from '../src/banking/formats/csv.ts';
import { loadExampleProducts } from '../src/bootstrap/first-start.ts';
import { fixedClock } from '../src/clock.ts';
import type { Database } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrator.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { jsonLogger } from '../src/logger.ts';
import { irOf } from '../src/products/product-versions.ts';
import { runEndOfDay } from '../src/eod/eod-run.ts';
import { insertPortfolio, planPortfolio } from './eod-portfolio.ts';

const LINES = Number(process.env.STATEMENTS_BENCH_LINES ?? 10_000);
const LOANS = Number(process.env.STATEMENTS_BENCH_LOANS ?? 100_000);
/** Distinct loan plans; the portfolio repeats them (the import's cost does not depend on the terms' variety). */
const PLANS = 5_000;
const VALUE_DATE = '2025-04-15';
const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
const mb = (b: number) => `${Math.round(b / 1048576)} MB`;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function peakRss(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) * 1024 : process.memoryUsage().rss;
}

async function openBench(): Promise<{ db: Kysely<Database>; kind: string; drop: () => Promise<void> }> {
  if (!process.env.DATABASE_URL) {
    const { db } = await openDatabase({ kind: 'pglite' });
    return { db, kind: 'pglite', drop: () => db.destroy() };
  }
  const base = new URL(process.env.DATABASE_URL);
  const at = (name: string) => Object.assign(new URL(base), { pathname: `/${name}` }).toString();
  const name = `plazo_bench_statements_${randomBytes(4).toString('hex')}`;
  const server = new pg.Client({ connectionString: at('postgres') });
  await server.connect();
  await server.query(`create database ${name}`);
  await server.end();
  const { db } = await openDatabase({ kind: 'postgres', connectionString: at(name), poolSize: 4 });
  return {
    db,
    kind: 'postgres',
    drop: async () => {
      await db.destroy();
      if (process.env.STATEMENTS_BENCH_KEEP === '1') return console.log(`  kept database ${name}`);
      const c = new pg.Client({ connectionString: at('postgres') });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** A seeded generator (mulberry32). */
function seeded(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const reference = (n: number) => `7${String(n).padStart(9, '0')}`;
const clabe = (n: number) => `6461800${String(n).padStart(11, '0')}`;

const b = await openBench();
console.log(`\nbank statement import on ${b.kind}: ${fmt(LINES)} lines against ${fmt(LOANS)} loans`);
const dir = mkdtempSync(join(tmpdir(), 'plazo-statements-bench-'));
try {
  await migrateToLatest(b.db);
  await loadExampleProducts(b.db, EXAMPLES, fixedClock('2025-01-01T12:00:00Z'), jsonLogger('silent'));
  const versions = new Map<string, string>();
  const irs = new Map<string, ProductIR>();
  for (const r of await b.db.selectFrom('product_versions').innerJoin('products', 'products.id', 'product_versions.product_id').select(['products.code', 'product_versions.id']).execute()) {
    versions.set(r.code, r.id);
    irs.set(r.code, await irOf(b.db, r.id));
  }
  // Loans disbursed in the first quarter, no payments yet; every one with a reference, one in 20
  // with a CLABE. The first PLANS loans (one per distinct plan) are closed by the end of day
  // through the day before the statement (their books posted, open installments written); the
  // others repeat a plan and take its loan's books and open installments of the month.
  let t = performance.now();
  const plans = planPortfolio(irs, { n: Math.min(PLANS, LOANS), seed: 16, from: '2025-01-06', to: '2025-03-31', horizon: '2025-01-05' });
  await insertPortfolio(b.db, plans, versions, { batch: 5_000, refOffset: 0 });
  await runEndOfDay(b.db, { through: '2025-04-14', actor: 'system' });
  for (let done = plans.length; done < LOANS; done += 20_000) {
    const part = Array.from({ length: Math.min(20_000, LOANS - done) }, (_, k) => plans[(done + k) % plans.length]!);
    await insertPortfolio(b.db, part, versions, { batch: 5_000, refOffset: done });
  }
  await sql`
    update loans l set state = t.state, status = t.status, last_event_seq = t.last_event_seq
    from loans t where t.external_ref = 'P-' || ((substr(l.external_ref, 3)::int - 1) % ${plans.length} + 1) and substr(l.external_ref, 3)::int > ${plans.length}
  `.execute(b.db);
  await sql`
    insert into loan_open_installments (loan_id, installment, due_date, principal, interest, iva, fees)
    select l.id, oi.installment, oi.due_date, oi.principal, oi.interest, oi.iva, oi.fees
    from loans l join loans t on t.external_ref = 'P-' || ((substr(l.external_ref, 3)::int - 1) % ${plans.length} + 1)
    join loan_open_installments oi on oi.loan_id = t.id and oi.due_date between '2025-04-01' and '2025-04-30'
    where substr(l.external_ref, 3)::int > ${plans.length}
  `.execute(b.db);
  await sql`update loans set payment_reference = '7' || lpad(substr(external_ref, 3), 9, '0'), clabe = case when substr(external_ref, 3)::int % 20 = 0 then '6461800' || lpad(substr(external_ref, 3), 11, '0') end`.execute(b.db);
  await sql`analyze`.execute(b.db);
  const dues = (await sql<{ amount: string; due: string }>`
    select (oi.principal + oi.interest + oi.iva + oi.fees)::text as amount, to_char(oi.due_date, 'DD/MM/YYYY') as due from loan_open_installments oi join loans l on l.id = oi.loan_id
    where substr(l.external_ref, 3)::int <= ${plans.length} and oi.due_date between '2025-04-10' and '2025-04-15' limit 500
  `.execute(b.db)).rows;
  console.log(`  ${fmt(LOANS)} loans written (${fmt(plans.length)} closed by the end of day, the rest copies) in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  // The statement: each matched line pays 100.00 to a distinct loan (a loan's events stay in date order).
  const rnd = seeded(7);
  const used = new Set<number>();
  const pick = (ok: (n: number) => boolean) => {
    for (;;) {
      const n = 1 + Math.floor(rnd() * LOANS);
      if (!used.has(n) && ok(n)) return used.add(n), n;
    }
  };
  const rows = ['Fecha,Concepto,Referencia,Clave de rastreo,Ordenante,CLABE,Cargo,Abono'];
  const kinds = { reference: 0, clabe: 0, 'amount-date': 0, unmatched: 0, duplicate: 0 };
  for (let i = 0; i < LINES; i++) {
    const r = rnd();
    const key = `BNK${String(i).padStart(8, '0')}`;
    if (r < 0.8 || LOANS < 40) {
      kinds.reference++;
      rows.push(`15/04/2025,PAGO REF,${reference(pick(() => true))},${key},CLIENTE ${i},,,100.00`);
    } else if (r < 0.85) {
      kinds.clabe++;
      rows.push(`15/04/2025,SPEI RECIBIDO,,${key},CLIENTE ${i},${clabe(pick((n) => n % 20 === 0))},,100.00`);
    } else if (r < 0.9) {
      kinds['amount-date']++;
      const due = dues[i % Math.max(1, dues.length)];
      rows.push(`${due?.due ?? '15/04/2025'},DEPOSITO EFECTIVO,,${key},PAGADOR ${i},,,${due ? Number(due.amount).toFixed(2) : '1000.00'}`);
    } else if (r < 0.95) {
      kinds.unmatched++;
      rows.push(`15/04/2025,DEPOSITO,X${i},${key},DESCONOCIDO,,,250.00`);
    } else {
      kinds.duplicate++;
      rows.push(`15/04/2025,PAGO REF,ZZ${i},BNK${String(Math.max(0, i - 1 - Math.floor(rnd() * 50))).padStart(8, '0')},REPETIDO,,,100.00`);
    }
  }
  const file = join(dir, 'statement.csv');
  writeFileSync(file, `${rows.join('\n')}\n`, 'latin1');
  rows.length = 0;
  console.log(`  statement: ${fmt(LINES)} lines (${Object.entries(kinds).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}), ${mb(statSync(file).size)}`);

  const actor = 'system';
  const at = '2025-04-16T12:00:00Z';
  const account = await createBankAccount(b.db, { name: 'Bench', bankCode: '072' }, { actor, at });
  const layout = await createBankFileLayout(b.db, { name: 'Bench CSV', format: 'csv', options: { encoding: 'latin1', direction: { by: 'columns' }, columns: { date: 1, description: 2, reference: 3, trackingKey: 4, payerName: 5, beneficiaryClabe: 6, debit: 7, credit: 8 } } }, { actor, at });
  const options = { encoding: 'latin1', direction: { by: 'columns' }, columns: { date: 1, description: 2, reference: 3, trackingKey: 4, payerName: 5, beneficiaryClabe: 6, debit: 7, credit: 8 } };

  // Baseline: one query per line.
  t = performance.now();
  let found = 0;
  for await (const line of csvStatementParser.parse(createReadStream(file), options) as AsyncIterable<StatementLine>) {
    const hit = line.reference
      ? await b.db.selectFrom('loans').select('id').where('payment_reference', '=', line.reference).executeTakeFirst()
      : line.beneficiaryClabe
        ? await b.db.selectFrom('loans').select('id').where('clabe', '=', line.beneficiaryClabe).executeTakeFirst()
        : undefined;
    if (hit) found++;
  }
  const baseline = (performance.now() - t) / 1000;
  console.log(`  baseline  per-line lookup (one query a line)      ${baseline.toFixed(1).padStart(7)} s   ${fmt(LINES / baseline)} lines/s   ${fmt(found)} found`);

  // Batched matching alone.
  t = performance.now();
  let matched = 0;
  let batch: StatementLine[] = [];
  const flush = async () => {
    matched += (await matchLines(b.db, batch)).filter((m) => m.loan).length;
    batch = [];
  };
  for await (const line of csvStatementParser.parse(createReadStream(file), options) as AsyncIterable<StatementLine>) {
    batch.push(line);
    if (batch.length === DEFAULT_IMPORT_SETTINGS.batchSize) await flush();
  }
  await flush();
  const matching = (performance.now() - t) / 1000;
  console.log(`  matching  batches of ${DEFAULT_IMPORT_SETTINGS.batchSize} (3 queries a batch)            ${matching.toFixed(1).padStart(7)} s   ${fmt(LINES / matching)} lines/s   ${fmt(matched)} matched   (${(baseline / matching).toFixed(1)}× the baseline)`);

  // The import, end to end.
  const ctx = { actor, at, requestId: null, today: '2025-04-16' };
  const source = { bankAccountId: account.id, format: 'csv' as const, layoutId: layout.id, fileName: 'statement.csv' };
  const rssBefore = peakRss();
  t = performance.now();
  let spooled = await spoolUpload(createReadStream(file));
  const { statement } = await importStatement(b.db, source, spooled, DEFAULT_IMPORT_SETTINGS, ctx);
  await spooled.remove();
  const imported = (performance.now() - t) / 1000;
  console.log(`  import    streamed, matched, applied, held in 2210 ${imported.toFixed(1).padStart(7)} s   ${fmt(LINES / imported)} lines/s   ${JSON.stringify(statement.lines)}`);
  t = performance.now();
  spooled = await spoolUpload(createReadStream(file));
  const again = await importStatement(b.db, source, spooled, DEFAULT_IMPORT_SETTINGS, ctx);
  await spooled.remove();
  console.log(`  re-import the same file (replayed: ${again.replayed})          ${((performance.now() - t) / 1000).toFixed(1).padStart(7)} s`);
  const balance = await sql<{ d: string; c: string; s: string; held: string }>`
    select (select sum(debit)::text from journal_lines) as d, (select sum(credit)::text from journal_lines) as c,
      (select coalesce(sum(credit) - sum(debit), 0)::text from journal_lines where account_code = '2210') as s,
      (select coalesce(sum(exception_amount), 0)::text from bank_statement_lines where status = 'exception') as held
  `.execute(b.db);
  const x = balance.rows[0]!;
  console.log(`  ledger    debits ${x.d} = credits ${x.c}: ${x.d === x.c}; 2210 ${x.s} = open exceptions ${x.held}: ${Number(x.s) === Number(x.held)}`);
  console.log(`  memory    peak RSS ${mb(peakRss())} (before the import ${mb(rssBefore)}; the file ${mb(statSync(file).size)})`);
} finally {
  rmSync(dir, { recursive: true, force: true });
  await b.drop();
}
