// Shared steps of the servicing tests: an approved decision, an open and disbursed loan, and
// checks that the ledger and the audit chain agree with the loan events.
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { Harness } from './harness.ts';
import { NOMINA_APPLICATION } from './products.ts';

/** Moves the test clock to noon (Mexico City) of `date`. */
export function setToday(h: Harness, date: string): void {
  h.clock.advance(Date.parse(`${date}T18:00:00Z`) - h.clock.now().getTime());
}

/** Decides, opens and disburses a nomina loan (60,000 on 2025-01-06, 24 semimonthly); returns its id. */
export async function disbursedLoan(h: Harness, application: unknown = NOMINA_APPLICATION): Promise<string> {
  const today = h.clock.today();
  setToday(h, '2025-01-06');
  const decision = await h.request('POST', '/api/v1/decisions', { body: { product: 'nomina', application, asOf: '2025-01-06' } });
  expect(decision.status, decision.text).toBe(201);
  const loan = await h.request('POST', '/api/v1/loans', { body: { decisionId: decision.body.decision.id } });
  expect(loan.status, loan.text).toBe(201);
  const disbursed = await h.request('POST', `/api/v1/loans/${loan.body.loan.id}/disbursement`, { body: {} });
  expect(disbursed.status, disbursed.text).toBe(201);
  setToday(h, today);
  return loan.body.loan.id as string;
}

/** Row counts of every table a write touches, and the audit stream heads: what must not move on a refused request. */
export async function databaseFingerprint(h: Harness): Promise<Record<string, unknown>> {
  const counts = await sql<Record<string, number>>`
    select
      (select count(*) from decisions) as decisions,
      (select count(*) from loans) as loans,
      (select count(*) from loan_events) as loan_events,
      (select count(*) from journal_entries) as journal_entries,
      (select count(*) from journal_lines) as journal_lines,
      (select count(*) from audit_log) as audit_log,
      (select count(*) from products) as products,
      (select max(updated_at)::text from loans) as loans_updated
  `.execute(h.db);
  return { ...counts.rows[0], heads: await auditHeads(h) };
}

/** Every audit stream's head (count, total length and a digest of all heads): moves on any audited write. */
export async function auditHeads(h: Pick<Harness, 'db'>): Promise<Record<string, unknown>> {
  const heads = await sql<Record<string, unknown>>`
    select count(*)::int as streams, coalesce(sum(last_seq), 0)::text as entries,
      md5(coalesce(string_agg(stream || ' ' || last_seq || ' ' || last_hash, ',' order by stream), '')) as digest
    from audit_streams
  `.execute(h.db);
  return heads.rows[0]!;
}

/** Every entry balances, each loan's journal entry has its event (a day close's entry names no loan) and each event one audit entry. */
export async function expectLedgerConsistent(h: Harness): Promise<void> {
  const unbalanced = await sql<{ id: string }>`
    select e.id from journal_entries e join journal_lines l on l.entry_id = e.id
    group by e.id having sum(l.debit) <> sum(l.credit)
  `.execute(h.db);
  expect(unbalanced.rows).toEqual([]);
  const orphans = await sql<{ id: string }>`
    select e.id from journal_entries e left join loan_events v on v.loan_id = e.loan_id and v.seq = e.loan_event_seq where e.loan_id is not null and v.seq is null
  `.execute(h.db);
  expect(orphans.rows).toEqual([]);
  const unaudited = await sql<{ loan_id: string; seq: number }>`
    select v.loan_id, v.seq from loan_events v
    where not exists (select 1 from audit_log a where a.entity_type = 'loan' and a.entity_id = v.loan_id::text and (a.details->>'seq')::int = v.seq)
  `.execute(h.db);
  expect(unaudited.rows).toEqual([]);
  const totals = await sql<{ d: string; c: string }>`select coalesce(sum(debit),0)::text as d, coalesce(sum(credit),0)::text as c from journal_lines`.execute(h.db);
  expect(totals.rows[0]!.d).toBe(totals.rows[0]!.c);
}
