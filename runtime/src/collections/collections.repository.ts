// Collection queues (from the end of day's summary: the queue of each loan's stage), agent
// assignments and contact results with promises to pay. Writes are audited in their transaction.
// Each queue entry says whether the loan's product offers restructuring at its stage. Agents are
// users of the institution (collection-agents.ts); a contact's business date is the day it
// happened in the institution's time zone.
import { stageRestructureOffer } from '@plazo/engine';
import { sql, type Kysely } from 'kysely';
import { appendAudit } from '../audit/audit.repository.ts';
import { dateInTimeZone } from '../clock.ts';
import type { Database, Executor } from '../db/database.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { uuidv7 } from '../ids.ts';
import { irOf } from '../products/product-versions.ts';
import type { Agent } from './collection-agents.ts';

export interface WriteCtx {
  readonly actor: string;
  readonly at: string;
  readonly requestId?: string | null;
}

/** Whether the product version offers restructuring at `stage` (its collection policy's `offer restructure`). */
async function offersAt(db: Executor, versionId: string, stage: string | null): Promise<boolean> {
  return stage !== null && stageRestructureOffer(await irOf(db, versionId), stage) !== undefined;
}

/**
 * Each queue (and stage) with its loans, amount overdue, average and maximum days past due, how
 * many are assigned and to how many the product offers restructuring at that stage.
 */
export async function listQueues(db: Executor) {
  const r = await sql<{ queue: string; stage: string | null; loans: number; overdue: string; outstanding: string; avg_dpd: string; max_dpd: number; assigned: number }>`
    select s.collection_queue as queue, s.stage, count(*)::int as loans, sum(s.overdue_total)::text as overdue, sum(s.total_outstanding)::text as outstanding,
           round(avg(s.days_past_due), 1)::text as avg_dpd, max(s.days_past_due)::int as max_dpd, count(a.loan_id)::int as assigned
    from loan_servicing s left join collection_assignments a on a.loan_id = s.loan_id
    where s.collection_queue is not null and s.status = 'active'
    group by 1, 2 order by 1, 2`.execute(db);
  const byVersion = await sql<{ queue: string; stage: string | null; version: string; loans: number }>`
    select collection_queue as queue, stage, product_version_id as version, count(*)::int as loans
    from loan_servicing where collection_queue is not null and status = 'active' group by 1, 2, 3`.execute(db);
  const offers = new Map<string, number>();
  for (const v of byVersion.rows) {
    if (await offersAt(db, v.version, v.stage)) offers.set(`${v.queue}|${v.stage}`, (offers.get(`${v.queue}|${v.stage}`) ?? 0) + v.loans);
  }
  return r.rows.map((q) => ({ ...q, restructuring_offers: offers.get(`${q.queue}|${q.stage}`) ?? 0 }));
}

/**
 * The loans of a queue, most days past due first (keyset on dpd desc, loan id), with their agent
 * (user id and name), last contact and whether a restructuring offer applies at their stage.
 * `agent` filters on a user (by id), or on an old free-text agent (`agentText`) naming no user.
 */
export async function queueLoans(
  db: Executor,
  queue: string,
  options: { limit: number; agent?: { readonly userId?: string | undefined; readonly text: string } | undefined; after?: { dpd: number; id: string } | undefined },
) {
  const agent = options.agent;
  const r = await sql<Record<string, unknown>>`
    select s.loan_id, l.external_ref, s.product_code, s.product_version_id, s.stage, s.days_past_due, s.overdue_total::text, s.total_outstanding::text, s.next_due_date::text,
           s.next_due_amount::text, s.as_of::text, a.agent, coalesce(u.name, a.agent) as agent_name, lc.contacted_at as last_contact_at, lc.result as last_contact_result,
           lc.promise_date::text as promise_date, lc.promise_amount::text as promise_amount
    from loan_servicing s
    join loans l on l.id = s.loan_id
    left join collection_assignments a on a.loan_id = s.loan_id
    left join users u on u.id = a.agent_id
    left join lateral (select contacted_at, result, promise_date, promise_amount from collection_contacts c where c.loan_id = s.loan_id order by contacted_at desc limit 1) lc on true
    where s.collection_queue = ${queue} and s.status = 'active'
      ${agent ? (agent.userId ? sql`and a.agent_id = ${agent.userId}::uuid` : sql`and a.agent_id is null and a.agent = ${agent.text}`) : sql``}
      ${options.after ? sql`and (s.days_past_due < ${options.after.dpd} or (s.days_past_due = ${options.after.dpd} and s.loan_id > ${options.after.id}::uuid))` : sql``}
    order by s.days_past_due desc, s.loan_id
    limit ${options.limit + 1}`.execute(db);
  const rows: Record<string, unknown>[] = [];
  for (const { product_version_id: version, ...row } of r.rows.slice(0, options.limit)) {
    rows.push({ ...row, restructuring_offer: await offersAt(db, version as string, row.stage as string | null) });
  }
  const last = rows.at(-1);
  return { loans: rows, nextAfter: r.rows.length > options.limit && last ? `${last.days_past_due}/${last.loan_id}` : null };
}

async function requireLoan(db: Executor, loanId: string) {
  const loan = await db.selectFrom('loans').select(['id']).where('id', '=', loanId).executeTakeFirst();
  if (!loan) throw new NotFoundError('loan', loanId);
}

/** Assigns (or reassigns) a loan to an agent (an active user, see resolveAgent). */
export async function assignLoan(db: Kysely<Database>, loanId: string, agent: Agent, ctx: WriteCtx) {
  return db.transaction().execute(async (tx) => {
    await requireLoan(tx, loanId);
    const before = await tx.selectFrom('collection_assignments').select(['agent', 'assigned_at']).where('loan_id', '=', loanId).forUpdate().executeTakeFirst();
    await sql`
      insert into collection_assignments (loan_id, agent, agent_id, assigned_at, created_at, created_by) values (${loanId}, ${agent.id}, ${agent.id}, ${ctx.at}, ${ctx.at}, ${ctx.actor})
      on conflict (loan_id) do update set agent = excluded.agent, agent_id = excluded.agent_id, assigned_at = excluded.assigned_at`.execute(tx);
    await appendAudit(tx, {
      actor: ctx.actor, action: 'assign', entityType: 'collection-assignment', entityId: loanId,
      before: before ?? null, after: { agent: agent.id, assignedAt: ctx.at }, details: { loanId, agent: agent.id, agentName: agent.name }, requestId: ctx.requestId ?? null, at: ctx.at,
    });
    return { loanId, agent: agent.id, agentName: agent.name, assignedAt: ctx.at, previousAgent: before?.agent ?? null };
  });
}

export interface ContactInput {
  readonly channel: 'phone' | 'sms' | 'whatsapp' | 'email' | 'visit' | 'other';
  readonly result: 'no-answer' | 'wrong-number' | 'contacted' | 'promise-to-pay' | 'refused' | 'paid' | 'other';
  readonly notes?: string | undefined;
  readonly promiseAmount?: string | undefined;
  readonly promiseDate?: string | undefined;
  /** When it happened (ISO-8601 with offset); default now. */
  readonly contactedAt?: string | undefined;
}

/**
 * Records a contact (and a promise to pay when the result says so) by `agent`. Its business date
 * (`contacted_on`) is the day of `contactedAt` in `timeZone`; it cannot lie in the future, nor can
 * a promise date come before it.
 */
export async function recordContact(db: Kysely<Database>, loanId: string, agent: Agent, input: ContactInput, ctx: WriteCtx & { readonly timeZone: string }) {
  const contactedAt = input.contactedAt === undefined ? ctx.at : new Date(input.contactedAt).toISOString();
  if (contactedAt > ctx.at) throw new ValidationError([{ path: 'contactedAt', message: `must not be in the future (now is ${ctx.at})` }]);
  const contactedOn = dateInTimeZone(new Date(contactedAt), ctx.timeZone);
  if (input.promiseDate !== undefined && input.promiseDate < contactedOn) {
    throw new ValidationError([{ path: 'promiseDate', message: `must not be before the contact's date ${contactedOn} (${ctx.timeZone})` }]);
  }
  return db.transaction().execute(async (tx) => {
    await requireLoan(tx, loanId);
    const row = {
      id: uuidv7(),
      loan_id: loanId,
      agent: agent.id,
      agent_id: agent.id,
      channel: input.channel,
      result: input.result,
      notes: input.notes ?? null,
      promise_amount: input.promiseAmount ?? null,
      promise_date: input.promiseDate ?? null,
      contacted_at: contactedAt,
      created_at: ctx.at,
      created_by: ctx.actor,
    };
    await tx.insertInto('collection_contacts').values(row).execute();
    await appendAudit(tx, {
      actor: ctx.actor, action: 'record-contact', entityType: 'collection-contact', entityId: row.id,
      before: null, after: row, details: { loanId, result: input.result, agentName: agent.name }, requestId: ctx.requestId ?? null, at: ctx.at,
    });
    return { ...row, agent_name: agent.name, contacted_on: contactedOn };
  });
}

/** A loan's contacts, newest first, each with its agent's name and business date in `timeZone`. */
export async function loanContacts(db: Executor, loanId: string, timeZone: string) {
  await requireLoan(db, loanId);
  const r = await sql<Record<string, unknown>>`
    select c.id, c.loan_id, c.agent, c.agent_id, coalesce(u.name, c.agent) as agent_name, c.channel, c.result, c.notes, c.promise_amount, c.promise_date,
           c.contacted_at, to_char(c.contacted_at at time zone ${timeZone}, 'YYYY-MM-DD') as contacted_on, c.created_at, c.created_by
    from collection_contacts c left join users u on u.id = c.agent_id
    where c.loan_id = ${loanId}
    order by c.contacted_at desc`.execute(db);
  return r.rows;
}
