// Collection queues (from the end of day's summary: the queue of each loan's stage; a written-off
// loan in its product's write-off stage, castigo), filters, agent assignments and contact results
// with promises to pay and their outcome. Writes are audited in their transaction. Each queue entry
// says whether the loan's product offers restructuring, or writes off, at its stage. Agents are
// users of the institution (collection-agents.ts); a contact's business date is the day it
// happened in the institution's time zone.
import { stageRestructureOffer, type ProductIR } from '@plazo/engine';
import { sql, type Kysely } from 'kysely';
import { appendAudit } from '../audit/audit.repository.ts';
import { dateInTimeZone } from '../clock.ts';
import type { Database, Executor } from '../db/database.ts';
import { bare, texts } from '../db/pg-arrays.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { uuidv7 } from '../ids.ts';
import { irOf } from '../products/product-versions.ts';
import type { Agent } from './collection-agents.ts';
import { promiseOutcome, promisePaid, type PromiseOutcome } from './promise-outcome.ts';

export interface WriteCtx {
  readonly actor: string;
  readonly at: string;
  readonly requestId?: string | null;
}

/** Whether the product version offers restructuring at `stage` (its collection policy's `offer restructure`). */
async function offersAt(db: Executor, versionId: string, stage: string | null): Promise<boolean> {
  return stage !== null && stageRestructureOffer(await irOf(db, versionId), stage) !== undefined;
}

/** The stage of a product's collection policy that writes loans off (`write off`: castigo), if any. */
function writeOffStep(ir: ProductIR) {
  const step = ir.collection.find((s) => s.kind === 'stage' && s.actions.some((a) => a.kind === 'write-off'));
  return step?.kind === 'stage' ? step : undefined;
}

/** Whether `stage` is the product version's write-off stage. */
async function writesOffAt(db: Executor, versionId: string, stage: string | null): Promise<boolean> {
  return stage !== null && writeOffStep(await irOf(db, versionId))?.stage === stage;
}

/** The stage of each product version's collection policy that writes loans off (castigo) and its queue, if any. */
async function writeOffStages(db: Executor): Promise<{ versions: string[]; stages: string[]; queues: (string | null)[] }> {
  const r = await sql<{ version: string }>`select distinct product_version_id as version from loan_servicing where status = 'written-off'`.execute(db);
  const out = { versions: [] as string[], stages: [] as string[], queues: [] as (string | null)[] };
  for (const { version } of r.rows) {
    const step = writeOffStep(await irOf(db, version));
    if (!step) continue;
    const queue = step.actions.find((a) => a.kind === 'queue');
    out.versions.push(version);
    out.stages.push(step.stage);
    out.queues.push(queue?.kind === 'queue' ? queue.queue : null);
  }
  return out;
}

/**
 * The loans collection works: active loans in a collection stage (and its queue, none when the
 * stage names no queue), and written-off loans (what is left to recover) in their product's
 * write-off stage — castigo — and its queue. Selects from `loan_servicing s` with `w.stage`/`w.queue`
 * set for written-off ones.
 */
function collectedLoans(w: { versions: string[]; stages: string[]; queues: (string | null)[] }) {
  return sql`loan_servicing s
    left join unnest(${bare(w.versions)}::uuid[], ${texts(w.stages)}::text[], ${texts(w.queues)}::text[]) as w(version, stage, queue)
      on s.status = 'written-off' and w.version = s.product_version_id`;
}
const QUEUE = sql`case when s.status = 'written-off' then w.queue else s.collection_queue end`;
const STAGE = sql`case when s.status = 'written-off' then w.stage else s.stage end`;
const COLLECTED = sql`((s.status = 'active' and s.stage is not null) or w.version is not null)`;

/**
 * Each queue (and stage) with its loans, how many of them are written off, amount overdue, average
 * and maximum days past due, how many are assigned, to how many the product offers restructuring
 * at that stage, and whether it is a write-off stage (castigo) for them. Stages without a queue
 * (often castigo) come last with queue null: visible, not worked as a queue.
 */
export async function listQueues(db: Executor) {
  const w = await writeOffStages(db);
  const r = await sql<{ queue: string | null; stage: string | null; loans: number; written_off: number; overdue: string; outstanding: string; avg_dpd: string; max_dpd: number; assigned: number }>`
    select ${QUEUE} as queue, ${STAGE} as stage, count(*)::int as loans, count(*) filter (where s.status = 'written-off')::int as written_off,
           sum(s.overdue_total)::text as overdue, sum(s.total_outstanding)::text as outstanding,
           round(avg(s.days_past_due), 1)::text as avg_dpd, max(s.days_past_due)::int as max_dpd, count(a.loan_id)::int as assigned
    from ${collectedLoans(w)} left join collection_assignments a on a.loan_id = s.loan_id
    where ${COLLECTED}
    group by 1, 2 order by 1 nulls last, 2`.execute(db);
  const byVersion = await sql<{ queue: string | null; stage: string | null; version: string; status: string; loans: number }>`
    select ${QUEUE} as queue, ${STAGE} as stage, s.product_version_id as version, s.status, count(*)::int as loans
    from ${collectedLoans(w)} where ${COLLECTED} group by 1, 2, 3, 4`.execute(db);
  const offers = new Map<string, number>();
  const writeOff = new Set<string>();
  for (const v of byVersion.rows) {
    const key = `${v.queue}|${v.stage}`;
    if (v.status === 'active' && (await offersAt(db, v.version, v.stage))) offers.set(key, (offers.get(key) ?? 0) + v.loans);
    if (await writesOffAt(db, v.version, v.stage)) writeOff.add(key);
  }
  return r.rows.map((q) => ({ ...q, restructuring_offers: offers.get(`${q.queue}|${q.stage}`) ?? 0, write_off_stage: writeOff.has(`${q.queue}|${q.stage}`) }));
}

/** Filters of a queue's loans; each absent one filters nothing. */
export interface QueueFilters {
  /** A user (by id), or an old free-text agent (`text`) naming no user. */
  readonly agent?: { readonly userId?: string | undefined; readonly text: string } | undefined;
  /** Only the loans no agent is assigned to. */
  readonly unassigned?: boolean | undefined;
  readonly dpdMin?: number | undefined;
  readonly dpdMax?: number | undefined;
  /** The outcome of the loan's latest promise to pay, or `none` (no promise ever). */
  readonly promise?: PromiseOutcome | 'none' | undefined;
  readonly stage?: string | undefined;
}

/**
 * The loans of a queue, most days past due first (keyset on dpd desc, loan id), with their status
 * (active, or written-off in castigo), agent (user id and name), last contact, latest promise to
 * pay with what was paid on it and its outcome as of `today`, and whether a restructuring offer
 * applies at their stage. No `limit`: every loan (the CSV export).
 */
export async function queueLoans(db: Executor, queue: string, options: QueueFilters & { today: string; timeZone: string; limit?: number | undefined; after?: { dpd: number; id: string } | undefined }) {
  const { agent, limit } = options;
  const w = await writeOffStages(db);
  const paid = promisePaid(sql`s.loan_id`, sql`(p.contacted_at at time zone ${options.timeZone})::date`, sql`p.promise_date`);
  const r = await sql<Record<string, unknown>>`
    select * from (
      select s.loan_id, l.external_ref, s.product_code, s.product_version_id, s.status, ${STAGE} as stage, s.days_past_due, s.overdue_total::text, s.total_outstanding::text,
             s.next_due_date::text, s.next_due_amount::text, s.as_of::text, a.agent, coalesce(u.name, a.agent) as agent_name, lc.contacted_at as last_contact_at,
             lc.result as last_contact_result, p.promise_date::text as promise_date, p.promise_amount::text as promise_amount, p.paid::text as promise_paid,
             ${promiseOutcome(sql`p.paid`, sql`p.promise_amount`, sql`p.promise_date`, options.today)} as promise_outcome, a.agent_id
      from ${collectedLoans(w)}
      join loans l on l.id = s.loan_id
      left join collection_assignments a on a.loan_id = s.loan_id
      left join users u on u.id = a.agent_id
      left join lateral (select contacted_at, result from collection_contacts c where c.loan_id = s.loan_id order by contacted_at desc, id desc limit 1) lc on true
      left join lateral (select p.promise_date, p.promise_amount, ${paid} as paid from collection_contacts p
                         where p.loan_id = s.loan_id and p.result = 'promise-to-pay' order by p.contacted_at desc, p.id desc limit 1) p on true
      where ${COLLECTED} and ${QUEUE} = ${queue}
        ${options.after ? sql`and (s.days_past_due < ${options.after.dpd} or (s.days_past_due = ${options.after.dpd} and s.loan_id > ${options.after.id}::uuid))` : sql``}
    ) q
    where true
      ${agent ? (agent.userId ? sql`and q.agent_id = ${agent.userId}::uuid` : sql`and q.agent_id is null and q.agent = ${agent.text}`) : sql``}
      ${options.unassigned ? sql`and q.agent is null` : sql``}
      ${options.dpdMin !== undefined ? sql`and q.days_past_due >= ${options.dpdMin}` : sql``}
      ${options.dpdMax !== undefined ? sql`and q.days_past_due <= ${options.dpdMax}` : sql``}
      ${options.stage !== undefined ? sql`and q.stage = ${options.stage}` : sql``}
      ${options.promise === 'none' ? sql`and q.promise_outcome is null` : options.promise ? sql`and q.promise_outcome = ${options.promise}` : sql``}
    order by q.days_past_due desc, q.loan_id
    ${limit === undefined ? sql`` : sql`limit ${limit + 1}`}`.execute(db);
  const rows: Record<string, unknown>[] = [];
  const taken = limit === undefined ? r.rows : r.rows.slice(0, limit);
  for (const { product_version_id: version, agent_id: _agentId, ...row } of taken) {
    const stage = row.stage as string | null;
    rows.push({ ...row, restructuring_offer: row.status === 'active' && (await offersAt(db, version as string, stage)), write_off_stage: await writesOffAt(db, version as string, stage) });
  }
  const last = rows.at(-1);
  return { loans: rows, nextAfter: limit !== undefined && r.rows.length > limit && last ? `${last.days_past_due}/${last.loan_id}` : null };
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

/**
 * A loan's contacts, newest first, each with its agent's name and business date in `timeZone`; a
 * promise to pay also with what was paid on it and its outcome as of `today` (promise-outcome.ts).
 */
export async function loanContacts(db: Executor, loanId: string, options: { timeZone: string; today: string }) {
  await requireLoan(db, loanId);
  const r = await sql<Record<string, unknown>>`
    select c.id, c.loan_id, c.agent, c.agent_id, coalesce(u.name, c.agent) as agent_name, c.channel, c.result, c.notes, c.promise_amount, c.promise_date,
           c.contacted_at, to_char(c.contacted_at at time zone ${options.timeZone}, 'YYYY-MM-DD') as contacted_on, c.created_at, c.created_by,
           case when c.result = 'promise-to-pay' then c.paid::text end as promise_paid,
           ${promiseOutcome(sql`c.paid`, sql`c.promise_amount`, sql`c.promise_date`, options.today)} as promise_outcome
    from (select c.*, ${promisePaid(sql`c.loan_id`, sql`(c.contacted_at at time zone ${options.timeZone})::date`, sql`c.promise_date`)} as paid from collection_contacts c where c.loan_id = ${loanId}) c
    left join users u on u.id = c.agent_id
    order by c.contacted_at desc, c.id desc`.execute(db);
  return r.rows;
}
