// The exceptions queue with its candidate loans (issue 16, H6) over EXC_BENCH_LINES (10,000) open
// exception lines and EXC_BENCH_LOANS (200,000) active loans, each with a payment reference, a
// client with name words and 3 open installments — written in bulk by SQL. The lines are a third
// references one digit off a loan's, a third amounts equal to an open installment, a third payers
// named like a client. Per page of 50 lines, p50 and p99 in ms, pages from across the queue:
// baseline in the same run: the same pages without candidates (the bare queue and its totals).
// On a fresh in-memory PGlite; EXC_BENCH_DB=postgres uses the empty database of DATABASE_URL.
//   EXC_BENCH_LINES (10000) · EXC_BENCH_LOANS (200000) · EXC_BENCH_PAGES (20)
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { exceptionsQueue } from '../src/banking/exceptions-queue.ts';
import { loadExampleProducts } from '../src/bootstrap/first-start.ts';
import { fixedClock } from '../src/clock.ts';
import { migrateToLatest } from '../src/db/migrator.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { jsonLogger } from '../src/logger.ts';
import { timed } from './timing.ts';

const LINES = Number(process.env.EXC_BENCH_LINES ?? 10_000);
const LOANS = Number(process.env.EXC_BENCH_LOANS ?? 200_000);
const PAGES = Number(process.env.EXC_BENCH_PAGES ?? 20);
const PAGE = 50;
const WIDTH = 60;
const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
const GIVEN = ['MARIA', 'JOSE', 'JUAN', 'GUADALUPE', 'FRANCISCO', 'ALEJANDRA', 'ROSA', 'MIGUEL', 'ANA', 'LUIS', 'PATRICIA', 'JORGE', 'ELENA', 'CARLOS', 'SOFIA', 'PEDRO', 'LAURA', 'RICARDO', 'TERESA', 'ARTURO', 'DIANA', 'RAUL', 'GABRIELA', 'SERGIO', 'MONICA', 'ALBERTO', 'VERONICA', 'FERNANDO', 'CLAUDIA', 'HECTOR'];
const SURNAMES = ['HERNANDEZ', 'GARCIA', 'MARTINEZ', 'LOPEZ', 'GONZALEZ', 'PEREZ', 'RODRIGUEZ', 'SANCHEZ', 'RAMIREZ', 'CRUZ', 'FLORES', 'GOMEZ', 'MORALES', 'VAZQUEZ', 'REYES', 'JIMENEZ', 'TORRES', 'DIAZ', 'GUTIERREZ', 'RUIZ', 'MENDOZA', 'AGUILAR', 'ORTIZ', 'MORENO', 'CASTILLO', 'ROMERO', 'ALVAREZ', 'MENDEZ', 'CHAVEZ', 'RIVERA', 'JUAREZ', 'RAMOS', 'DOMINGUEZ', 'HERRERA', 'MEDINA', 'CASTRO', 'VARGAS', 'GUZMAN', 'VELAZQUEZ', 'SALAZAR'];

const postgres = process.env.EXC_BENCH_DB === 'postgres' && process.env.DATABASE_URL;
const { db } = await openDatabase(postgres ? { kind: 'postgres', connectionString: process.env.DATABASE_URL! } : { kind: 'pglite' });
try {
  await migrateToLatest(db);
  await loadExampleProducts(db, EXAMPLES, fixedClock('2025-01-01T12:00:00Z'), jsonLogger('silent'));
  const version = await db.selectFrom('product_versions').select('id').limit(1).executeTakeFirstOrThrow();
  const t0 = performance.now();
  const given = sql.val(GIVEN);
  const surnames = sql.val(SURNAMES);
  // Client g: given name, two surnames chosen from g; loan g: reference 4000000000 + g·7 (10 digits), that client.
  await sql`
    insert into clients (id, kind, given_names, paternal_surname, maternal_surname, name_search, own_account, pep, created_at, created_by, updated_at, updated_by)
    select ('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 'person', n.gn, n.p, n.m, n.gn || ' ' || n.p || ' ' || n.m, true, false, now(), 'system', now(), 'system'
    from generate_series(1, ${LOANS}) g,
      lateral (select (${given}::text[])[1 + g % ${GIVEN.length}] as gn, (${surnames}::text[])[1 + (g / ${GIVEN.length}) % ${SURNAMES.length}] as p,
        (${surnames}::text[])[1 + (g / ${GIVEN.length * SURNAMES.length} + g * 7) % ${SURNAMES.length}] as m) n
  `.execute(db);
  await sql`
    insert into client_name_words (word, client_id)
    select distinct w, id from clients, unnest(string_to_array(name_search, ' ')) w
  `.execute(db);
  await sql`
    insert into loans (id, product_version_id, product_code, external_ref, client_id, payment_reference, terms, status, currency, principal, opened_on, disbursed_on, state, last_event_seq, updated_at, updated_by, created_at, created_by)
    select ('00000000-0000-4000-9000-' || lpad(to_hex(g), 12, '0'))::uuid, ${version.id}, 'bench', 'B-' || g, ('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid,
      (4000000000 + g * 7)::text, '{}'::jsonb, 'active', 'MXN', 10000, date '2025-01-06', date '2025-01-06', '{}'::jsonb, 1, now(), 'system', now(), 'system'
    from generate_series(1, ${LOANS}) g
  `.execute(db);
  // Three open installments each, 15 days apart; amounts spread over 500.00–5,499.99.
  await sql`
    insert into loan_open_installments (loan_id, installment, due_date, principal, interest, iva, fees)
    select ('00000000-0000-4000-9000-' || lpad(to_hex(g), 12, '0'))::uuid, k, date '2025-02-01' + 15 * (k - 1),
      ((50000 + (g * 7919 + k * 104729) % 500000)::numeric / 100) - 100, 86.21, 13.79, 0
    from generate_series(1, ${LOANS}) g, generate_series(1, 3) k
  `.execute(db);
  const account = '00000000-0000-4000-a000-000000000001';
  const statement = '00000000-0000-4000-a000-000000000002';
  await sql`insert into bank_accounts (id, name, bank_code, created_at, created_by) values (${account}, 'Bench', '012', now(), 'system')`.execute(db);
  await sql`
    insert into bank_statements (id, bank_account_id, format, file_name, file_sha256, status, imported_at, imported_by)
    values (${statement}, ${account}, 'csv', 'bench.csv', repeat('a', 64), 'imported', now(), 'system')
  `.execute(db);
  // Line i targets loan t = 1 + (i·7907) mod LOANS: i%3 = 0 a reference one digit off (last digit + 1 mod 10),
  // 1 the amount of its 2nd installment, 2 its client's name as the payer.
  await sql`
    insert into bank_statement_lines (id, statement_id, bank_account_id, line_no, tracking_key, value_date, direction, amount, currency, reference, payer_name, raw, status, created_at)
    select ('00000000-0000-4000-b000-' || lpad(to_hex(i), 12, '0'))::uuid, ${statement}, ${account}, i, 'BENCH' || i, date '2025-02-01' + (i % 40), 'credit',
      case when i % 3 = 1 then (select principal + interest + iva + fees from loan_open_installments o where o.loan_id = ('00000000-0000-4000-9000-' || lpad(to_hex(t), 12, '0'))::uuid and o.installment = 2)
           else 100 + (i % 9000) end,
      'MXN',
      case when i % 3 = 0 then left((4000000000 + t * 7)::text, 9) || ((right((4000000000 + t * 7)::text, 1)::int + 1) % 10)::text else 'SIN REF ' || i end,
      case when i % 3 = 2 then (select name_search from clients c where c.id = ('00000000-0000-4000-8000-' || lpad(to_hex(t), 12, '0'))::uuid) else 'PAGADOR ' || i end,
      '{}'::jsonb, 'exception', now()
    from generate_series(1, ${LINES}) i, lateral (select 1 + (i::bigint * 7907) % ${LOANS} as t) x
  `.execute(db);
  for (const t of ['clients', 'client_name_words', 'loans', 'loan_open_installments', 'bank_statement_lines']) await sql`analyze ${sql.table(t)}`.execute(db);
  console.log(`\n== exceptions.bench.ts (${postgres ? 'postgres' : 'pglite'}): ${LINES} open exceptions, ${LOANS} loans (3 open installments each), written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  // Cursors spread over the queue: the pages start after lines of evenly spaced value dates.
  const cursors = await sql<{ after: string | null }>`
    select case when n = 0 then null else value_date::text || '_' || id::text end as after from (
      select value_date, id, (row_number() over (order by value_date, id) - 1) as n from bank_statement_lines where status = 'exception'
    ) x where n % ${Math.max(1, Math.floor(LINES / PAGES))} = 0 order by n limit ${PAGES}
  `.execute(db);
  const pages = cursors.rows.map((r) => r.after ?? undefined);
  const first = await exceptionsQueue(db, { limit: PAGE });
  const found = first.exceptions.filter((e) => e.candidates.length > 0).length;
  const rules = new Set(first.exceptions.flatMap((e) => e.candidates.flatMap((c) => c.reasons.map((r) => r.rule))));
  console.log(`  first page: ${first.exceptions.length} lines, ${found} with candidates (rules: ${[...rules].sort().join(', ')}), totals ${first.totals.count} / ${first.totals.amount}`);
  if (found < PAGE * 0.9) throw new Error(`only ${found} of ${PAGE} lines found a candidate`);
  await timed(`baseline: a page of ${PAGE} without candidates`, pages.map((after) => () => exceptionsQueue(db, { limit: PAGE, after, candidates: false })), WIDTH);
  await timed(`a page of ${PAGE} with candidates`, pages.map((after) => () => exceptionsQueue(db, { limit: PAGE, after })), WIDTH);
  await timed(`a page of ${PAGE} with candidates, text filter "GARCIA"`, pages.slice(0, 5).map(() => () => exceptionsQueue(db, { limit: PAGE, q: 'GARCIA' })), WIDTH);
} finally {
  await db.destroy();
}
