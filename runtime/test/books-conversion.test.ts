// Upgrading a database of the cash-basis ledger to accrual books: a database built by the code
// before (main 6986d02: cash-basis postings, penalty accrual entries, `loans.state.posted`; nine
// loans closed daily through 2025-04-27, test/fixtures/legacy-cash-books.*), migrated, then closed
// once more. The first close converts every loan — open and closed — and posts exactly the
// catch-up to accrual: afterwards each loan's books are those it would have had with accrual books
// from its disbursement, the journal's balance of every account is Σ of the loans' books (cash and
// income included: no cent lost, none made up), and cash did not move. A loan in a `write off`
// stage is written off by that close. An event on a loan not yet converted converts it the same way.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { Dec, type LoanEvent } from '@plazo/engine';
import { Migrator, sql, type Migration } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knownMigrations, migrateToLatest } from '../src/db/migrator.ts';
import { runEndOfDay } from '../src/eod/eod-run.ts';
import { checkBooks } from '../src/ledger/books-check.ts';
import { paymentRequest, disbursementRequest } from '../src/servicing/loan-event-requests.ts';
import { appendLoanEvent } from '../src/servicing/loan-servicing.ts';
import { expectBalanced, expectBooksAgree, expectBooksMatchHistory } from './eod-support.ts';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from './support/test-database.ts';

const CHART = '2026-12-10-10-regulatory-chart';
const LAST_CLOSED = '2025-04-27';
const FIRST_CLOSE = '2025-04-28';

/** A database as the cash-basis code left it: its migrations, then the fixture's rows; then the rest of the migrations. */
async function legacyDatabase(kind: TestDatabase['kind']): Promise<TestDatabase> {
  const t = await openTestDatabase(kind, false);
  const upTo: Record<string, Migration> = {};
  for (const name of knownMigrations().filter((n) => n <= CHART)) upTo[name] = (await import(`../src/db/migrations/${name}.ts`)) as Migration;
  const { error } = await new Migrator({ db: t.db, provider: { getMigrations: async () => upTo } }).migrateToLatest();
  if (error) throw error;
  const dump = gunzipSync(readFileSync(new URL('./fixtures/legacy-cash-books.sql.gz', import.meta.url))).toString('utf8');
  await t.db.transaction().execute((tx) => sql.raw(dump).execute(tx));
  await migrateToLatest(t.db);
  return t;
}

/** Balance of every account in the journal (debit positive). */
async function balances(t: TestDatabase): Promise<Map<string, string>> {
  const rows = await sql<{ code: string; b: string }>`select account_code as code, sum(debit - credit)::text as b from journal_lines group by 1`.execute(t.db);
  return new Map(rows.rows.map((r) => [r.code, r.b]));
}

/** Σ of the loans' stored positions, every account. */
async function booksTotals(t: TestDatabase): Promise<Map<string, string>> {
  const rows = await sql<{ code: string; b: string }>`
    select p.key as code, sum(p.value::numeric)::text as b from loans l cross join lateral jsonb_each_text(l.state->'books'->'position') p
    where jsonb_typeof(l.state->'books') = 'object' group by 1`.execute(t.db);
  return new Map(rows.rows.map((r) => [r.code, r.b]));
}

const same = (a: Map<string, string>, b: Map<string, string>) => {
  for (const code of new Set([...a.keys(), ...b.keys()])) expect(new Dec(a.get(code) ?? '0').eq(b.get(code) ?? '0'), `account ${code}: ${a.get(code)} vs ${b.get(code)}`).toBe(true);
};

async function loanByRef(t: TestDatabase, ref: string) {
  return t.db.selectFrom('loans').selectAll().where('external_ref', '=', ref).executeTakeFirstOrThrow();
}

describe.each(DATABASE_KINDS)('converting a cash-basis database on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await legacyDatabase(kind);
  }, 120_000);
  afterAll(async () => t?.destroy());

  it('the first close converts every loan, posts only the catch-up and loses no cent; the `write off` stage is carried out', async () => {
    const before = await balances(t);
    const legacy = await sql<{ n: number }>`select count(*)::int as n from loans where state ? 'posted' and not state ? 'books'`.execute(t.db);
    expect(legacy.rows[0]!.n).toBe(9);
    // Before the close, the check counts each loan with what the journal holds for it: it agrees.
    expect((await checkBooks(t.db)).ok).toBe(true);

    const [report] = await runEndOfDay(t.db, { through: FIRST_CLOSE, chunkSize: 4, now: () => new Date(`${FIRST_CLOSE}T23:00:00Z`) });
    expect(report).toMatchObject({ date: FIRST_CLOSE, status: 'done', loansFailed: 0 });

    // Every disbursed loan has books now (the one never disbursed converts at its disbursement).
    const left = await sql<{ ref: string }>`select external_ref as ref from loans where not state ? 'books'`.execute(t.db);
    expect(left.rows.map((r) => r.ref)).toEqual(['L9-pending']);
    // Books = the books from history, loan by loan; the journal = Σ of the books, every account.
    expect(await expectBooksMatchHistory(t, FIRST_CLOSE)).toBe(8);
    same(await balances(t), await booksTotals(t));
    await expectBooksAgree(t);
    await expectBalanced(t);
    // Cash never moves at a close: the catch-up only reclassifies what the journal held.
    const after = await balances(t);
    expect(new Dec(after.get('1000')!).eq(before.get('1000')!)).toBe(true);
    // The catch-up recognised interest earned and not yet paid (cash basis had none) and deferred the opening fees.
    expect(new Dec(after.get('1110') ?? '0').plus(after.get('1310') ?? '0').gt(0)).toBe(true);
    expect(new Dec(after.get('2400') ?? '0').lt(0)).toBe(true);
    expect(new Dec(before.get('1110') ?? '0').isZero()).toBe(true);

    // L3 stood at 96 dpd in a stage that writes off (at 91): the close wrote it off, once, as the route would.
    const l3 = await loanByRef(t, 'L3-grupal-stopped');
    expect(l3.status).toBe('written-off');
    const events = await t.db.selectFrom('loan_events').select(['type', 'effective_on', 'idempotency_key']).where('loan_id', '=', l3.id).orderBy('seq', 'desc').limit(2).execute();
    expect(events.map((e) => [e.type, String(e.effective_on).slice(0, 10)])).toEqual([
      ['write-off', FIRST_CLOSE],
      ['day-close', FIRST_CLOSE],
    ]);
    const books = (l3.state as { books: { position: Record<string, string> } }).books.position;
    for (const account of ['1100', '1110', '1130', '1140', '1300', '1310', '1330', '2105', '7100', '7900']) expect(books[account], account).toBeUndefined();

    // The next close posts accrual only: one entry per chunk, no loan on it.
    const [next] = await runEndOfDay(t.db, { through: '2025-04-29', chunkSize: 4, now: () => new Date('2025-04-29T23:00:00Z') });
    expect(next).toMatchObject({ status: 'done', loansFailed: 0 });
    const entries = await sql<{ description: string; loan_id: string | null }>`select description, loan_id from journal_entries where entry_date = '2025-04-29'`.execute(t.db);
    expect(entries.rows.length).toBeGreaterThan(0);
    for (const e of entries.rows) {
      expect(e.loan_id).toBeNull();
      expect(e.description).toMatch(/^day close 2025-04-29 \(accrual, \d+ loans\)$/);
    }
    expect(await expectBooksMatchHistory(t, '2025-04-29')).toBeGreaterThan(0);
    await expectBooksAgree(t);
    same(await balances(t), await booksTotals(t));
  }, 300_000);
});

describe.each(DATABASE_KINDS)('an event on a loan not yet converted, on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await legacyDatabase(kind);
  }, 120_000);
  afterAll(async () => t?.destroy());

  it('converts it: its entry is the catch-up plus the event; the journal stays Σ of the books and the cash-basis positions', async () => {
    const l1 = await loanByRef(t, 'L1-nomina-on-time');
    const before = await balances(t);
    const ctx = { actor: 'system', at: '2025-04-28T18:00:00.000Z', requestId: null, today: '2025-04-28' };
    const paid = await appendLoanEvent(t.db, l1.id, paymentRequest({ amount: '1000.00', date: '2025-04-28' }, 'conv-1'), ctx);
    expect(paid.status).toBe(201);
    const body = JSON.parse(paid.text);
    expect(body.loan.books).toMatchObject({ stage: 'vigente', daysPastDue: 0 });
    // Cash moved by the payment, nothing else moved cash.
    const after = await balances(t);
    expect(new Dec(after.get('1000')!).minus(before.get('1000')!).toFixed(2)).toBe('1000.00');
    const converted = await loanByRef(t, 'L1-nomina-on-time');
    expect((converted.state as Record<string, unknown>).posted).toBeUndefined();
    expect(await expectBooksMatchHistory(t, '2025-04-28')).toBe(1);
    await expectBooksAgree(t);

    // The loan never disbursed converts at its disbursement (nothing was on the books for it).
    const l9 = await loanByRef(t, 'L9-pending');
    const disbursed = await appendLoanEvent(t.db, l9.id, disbursementRequest({}, 'conv-2'), { ...ctx, today: '2025-04-28' });
    expect(disbursed.status, disbursed.text).toBe(201);
    await expectBooksAgree(t);
    await expectBalanced(t);
    const events = (await sql<{ payload: LoanEvent }>`select payload from loan_events where loan_id = ${l9.id}`.execute(t.db)).rows;
    expect(events.map((e) => e.payload.kind)).toEqual(['disbursement']);
  }, 300_000);
});
