// Applications (issue 14, origination): a referred decision is an application in the review
// queue (decision-service.ts stores it with the decision). A reviewer — `applications:review`,
// never the person who asked for the decision — approves it, declines it with a reason code, or
// asks for documents; the desk (`decisions:write`) resumes it once the documents are in, or
// withdraws it. An approval decides again with the engine (the same application, the request
// changed if the reviewer changed amount or payments, as of today): a `decline` is refused (422
// naming the reasons), a `refer` passes only on the reasons the reviewer is approving (those of
// the referred decision); the offer's amount must be within the reviewer's role authority
// (`authority_limits`). The approved decision is stored linked to the application and the loan
// is opened from it by openLoanFromDecision — the path of `POST /loans` with `decisionId`.
// Each step locks the application row (one outcome under concurrency), adds an event to its
// history and an audit entry.
import type { FieldGroup } from '../clients/field-groups.ts';
import { Dec, decide, withReasons, type Decision, type DecisionReason } from '@plazo/engine';
import { sql, type Kysely } from 'kysely';
import { appendAudit } from '../audit/audit.repository.ts';
import { ROLES } from '../auth/permissions.ts';
import type { Database, Executor } from '../db/database.ts';
import type { ApplicationEventKind, ApplicationRow, ApplicationStatus } from '../db/tables/applications.table.ts';
import type { ActorRef, RoleName, StoredJson } from '../db/tables/columns.ts';
import { decisionView, storeDecisionIn } from '../decisions/decision-service.ts';
import { AppError, ConflictError, NotFoundError } from '../errors.ts';
import { withEngineInput } from '../http/engine-errors.ts';
import { uuidv7 } from '../ids.ts';
import { actorNames, displayOf, type ActorNames } from '../products/actor-names.ts';
import { resolveVersion, versionLabel } from '../products/product-versions.ts';
import { screeningReasons } from '../screening/screening.ts';
import { openLoanFromDecision, type LoanWriteContext } from '../servicing/loan-servicing.ts';

/** Who reviews: the actor, the person behind it (maker-checker) and the role (authority). */
export interface ReviewContext extends LoanWriteContext {
  readonly person: ActorRef;
  readonly role: RoleName;
}

/** The currency of the authority limits. */
export const AUTHORITY_CURRENCY = 'MXN';

type ListedRow = ApplicationRow & { reasons: unknown };

export function applicationView(row: ApplicationRow & { reasons?: unknown }, names: ActorNames) {
  return {
    id: row.id,
    decisionId: row.decision_id,
    clientId: row.client_id,
    product: { code: row.product_code, version: row.product_version },
    requestedAmount: row.requested_amount,
    requestedPayments: row.requested_payments,
    offeredAmount: row.offered_amount,
    status: row.status,
    requestedBy: row.requested_by,
    requestedByDisplay: displayOf(names, row.requested_by),
    reviewer: row.reviewer,
    reviewerDisplay: row.reviewer === null ? null : displayOf(names, row.reviewer),
    reviewedAt: row.reviewed_at,
    note: row.note,
    reasonCode: row.reason_code,
    documents: row.documents ?? [],
    approvedDecisionId: row.approved_decision_id,
    approvedAmount: row.approved_amount,
    approvedPayments: row.approved_payments,
    loanId: row.loan_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.reasons === undefined ? {} : { reasons: ((row.reasons as DecisionReason[] | null) ?? []).map((r) => ({ code: r.code, outcome: r.outcome, message: r.message ?? null })) }),
  };
}

export type ApplicationView = ReturnType<typeof applicationView>;

export interface ApplicationFilter {
  readonly status?: ApplicationStatus | undefined;
  readonly product?: string | undefined;
  readonly clientId?: string | undefined;
  readonly minAmount?: string | undefined;
  readonly maxAmount?: string | undefined;
  /** Only what `role` may approve: a requested amount within its authority. */
  readonly withinAuthorityOf?: RoleName | undefined;
  readonly after?: string | undefined;
  readonly limit: number;
}

/** The queue, oldest first (ids are time-ordered), by page (`after` the last id). */
export async function listApplications(db: Executor, filter: ApplicationFilter): Promise<ApplicationView[]> {
  let q = db
    .selectFrom('applications as a')
    .innerJoin('decisions as d', 'd.id', 'a.decision_id')
    .selectAll('a')
    .select(sql<unknown>`d.decision -> 'reasons'`.as('reasons'))
    .orderBy('a.id')
    .limit(filter.limit);
  if (filter.status) q = q.where('a.status', '=', filter.status);
  if (filter.product) q = q.where('a.product_code', '=', filter.product);
  if (filter.clientId) q = q.where('a.client_id', '=', filter.clientId);
  if (filter.minAmount !== undefined) q = q.where('a.requested_amount', '>=', filter.minAmount);
  if (filter.maxAmount !== undefined) q = q.where('a.requested_amount', '<=', filter.maxAmount);
  if (filter.after) q = q.where('a.id', '>', filter.after);
  if (filter.withinAuthorityOf) {
    const limit = await authorityOf(db, filter.withinAuthorityOf);
    if (limit === 'none') return [];
    if (limit !== 'unlimited') q = q.where('a.requested_amount', '<=', limit);
  }
  const rows = (await q.execute()) as ListedRow[];
  const names = await actorNames(db, rows.flatMap((r) => [r.requested_by, r.reviewer]));
  return rows.map((r) => applicationView(r, names));
}

async function findRow(db: Executor, id: string, forUpdate = false): Promise<ApplicationRow> {
  let q = db.selectFrom('applications').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw new NotFoundError('application', id);
  return row;
}

/**
 * One application with what the reviewer reads: the referred decision (reasons with their
 * messages, score, offer), the application as sent, the client's name (for `withClient`), the
 * history, and the approved decision's offer once approved.
 */
/**
 * An application with its decision, input, history and client. The client is named for readers of
 * `clients:read`; its CURP needs the identity group, its PEP flag the KYC group (clients/field-groups.ts).
 */
export async function applicationDetail(db: Executor, id: string, readable: { readonly name: boolean; readonly groups: readonly FieldGroup[] }) {
  const row = await findRow(db, id);
  const decision = await db.selectFrom('decisions').selectAll().where('id', '=', row.decision_id).executeTakeFirstOrThrow();
  const events = await db.selectFrom('application_events').selectAll().where('application_id', '=', id).orderBy('created_at').orderBy('id').execute();
  const names = await actorNames(db, [row.requested_by, row.reviewer, ...events.map((e) => e.created_by)]);
  const client =
    row.client_id === null
      ? null
      : await db
          .selectFrom('clients')
          .select(['id', 'kind', 'given_names', 'paternal_surname', 'maternal_surname', 'legal_name', 'curp', 'pep'])
          .where('id', '=', row.client_id)
          .executeTakeFirst();
  let approvedOffer: unknown = null;
  if (row.approved_decision_id) {
    const approved = await db.selectFrom('decisions').select('decision').where('id', '=', row.approved_decision_id).executeTakeFirst();
    approvedOffer = (approved?.decision as unknown as Decision | undefined)?.offer ?? null;
  }
  return {
    application: applicationView({ ...row, reasons: (decision.decision as unknown as Decision).reasons }, names),
    decision: decisionView(decision, await versionLabel(db, decision.product_version_id), decision.decision as unknown as Decision),
    input: decision.application,
    client:
      client === undefined || client === null
        ? row.client_id === null
          ? null
          : { id: row.client_id, name: null, curp: null, pep: null }
        : {
            id: client.id,
            name: readable.name ? (client.kind === 'company' ? client.legal_name : [client.given_names, client.paternal_surname, client.maternal_surname].filter(Boolean).join(' ')) : null,
            curp: readable.groups.includes('identity') ? client.curp : null,
            pep: readable.groups.includes('kyc') ? client.pep : null,
          },
    approvedOffer,
    events: events.map((e) => ({ kind: e.kind, note: e.note, details: e.details, at: e.created_at, by: e.created_by, byDisplay: displayOf(names, e.created_by) })),
  };
}

/** A role's authority: the largest amount it may approve, `unlimited`, or `none`. */
export async function authorityOf(db: Executor, role: RoleName): Promise<string | 'unlimited' | 'none'> {
  const row = await db.selectFrom('authority_limits').select('max_amount').where('role', '=', role).executeTakeFirst();
  if (!row) return 'none';
  return row.max_amount === null ? 'unlimited' : row.max_amount;
}

function checkAuthority(limit: string | 'unlimited' | 'none', amount: string, role: RoleName): void {
  if (limit === 'unlimited') return;
  if (limit === 'none') {
    throw new AppError(403, 'no-authority', `the role \`${role}\` has no authority to approve applications`, { role, limit: null, amount });
  }
  if (new Dec(amount).gt(limit)) {
    throw new AppError(403, 'over-authority', `the amount ${amount} ${AUTHORITY_CURRENCY} exceeds the authority of the role \`${role}\`: at most ${limit} ${AUTHORITY_CURRENCY}`, {
      role,
      limit,
      amount,
      currency: AUTHORITY_CURRENCY,
    });
  }
}

/** Locks the application; 409 `application-not-open` unless its status is one of `allowed`. */
async function lockIn(tx: Executor, id: string, allowed: readonly ApplicationStatus[]): Promise<ApplicationRow> {
  const row = await findRow(tx, id, true);
  if (!allowed.includes(row.status)) {
    throw new ConflictError('application-not-open', `the application is ${row.status}`, { status: row.status, reviewer: row.reviewer, expected: allowed });
  }
  return row;
}

function refuseOwn(row: ApplicationRow, ctx: ReviewContext, what: string): void {
  if (row.requested_by === ctx.person) {
    throw new AppError(403, 'same-author', `maker-checker: the person who asked for the decision may not ${what} its application`, { requestedBy: row.requested_by, reviewer: ctx.person });
  }
}

const AUDIT_ACTIONS: Readonly<Record<ApplicationEventKind, string>> = {
  created: 'create',
  'documents-requested': 'request-documents',
  resumed: 'resume',
  approved: 'approve',
  declined: 'decline',
  withdrawn: 'withdraw',
};

/** Writes the application's new state, its history event and the audit entry. */
async function record(
  tx: Executor,
  before: ApplicationRow,
  change: Partial<Omit<ApplicationRow, 'documents'>> & { documents?: readonly string[] },
  event: { kind: ApplicationEventKind; note: string | null; details: StoredJson },
  ctx: ReviewContext | LoanWriteContext,
) {
  const { documents, ...rest } = change;
  const after = await tx
    .updateTable('applications')
    .set({ ...rest, ...(documents === undefined ? {} : { documents: JSON.stringify(documents) }), updated_at: ctx.at })
    .where('id', '=', before.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('application_events')
    .values({ id: uuidv7(), application_id: before.id, kind: event.kind, note: event.note, details: JSON.stringify(event.details), created_at: ctx.at, created_by: ctx.actor })
    .execute();
  await appendAudit(tx, {
    actor: ctx.actor,
    action: AUDIT_ACTIONS[event.kind],
    entityType: 'application',
    entityId: before.id,
    before: { status: before.status, reviewer: before.reviewer, note: before.note },
    after: { status: after.status, reviewer: after.reviewer, note: after.note, reasonCode: after.reason_code, documents: after.documents, approvedDecisionId: after.approved_decision_id, loanId: after.loan_id },
    details: { status: after.status, ...event.details },
    requestId: ctx.requestId ?? null,
    at: ctx.at,
  });
  return after;
}

async function viewOf(tx: Executor, row: ApplicationRow): Promise<ApplicationView> {
  return applicationView(row, await actorNames(tx, [row.requested_by, row.reviewer]));
}

/** The application as sent, with the request's amount and payments changed where given. */
function changedApplication(application: unknown, change: { amount?: string | undefined; payments?: number | undefined }): Record<string, unknown> {
  const base = { ...(application as Record<string, unknown>) };
  const request = { ...((base.request as Record<string, unknown> | undefined) ?? {}) };
  if (change.amount !== undefined) request.amount = change.amount;
  if (change.payments !== undefined) request.payments = change.payments;
  return { ...base, request };
}

export interface ApproveInput {
  readonly amount?: string | undefined;
  readonly payments?: number | undefined;
  readonly note: string;
}

/**
 * Approves a pending application (see the file comment): decides again, checks the reviewer's
 * authority against the offer's amount, stores the approved decision and opens the loan
 * (`pending` until disbursed). Returns the application, the approved decision and the loan.
 */
export async function approveApplication(db: Kysely<Database>, id: string, input: ApproveInput, ctx: ReviewContext) {
  return db.transaction().execute(async (tx) => {
    const row = await lockIn(tx, id, ['pending']);
    refuseOwn(row, ctx, 'approve');
    const limit = await authorityOf(tx, ctx.role);
    if (limit === 'none') checkAuthority(limit, row.offered_amount ?? row.requested_amount, ctx.role);
    const original = await tx.selectFrom('decisions').selectAll().where('id', '=', row.decision_id).executeTakeFirstOrThrow();
    const referred = original.decision as unknown as Decision;
    const application = changedApplication(original.application, input);
    const pinned = await resolveVersion(tx, row.product_code, row.product_version, { forNewBusiness: true });
    let redecided = withEngineInput(() => decide(pinned.ir, application, ctx.today), {
      mapPath: (path) => (path === 'request.amount' ? 'amount' : path === 'request.payments' ? 'payments' : path === '' ? 'application' : `application.${path}`),
      message: 'the changed request is not valid for this product',
    });
    if (row.client_id !== null) redecided = withReasons(redecided, await screeningReasons(tx, row.client_id));
    const brief = (r: DecisionReason) => ({ code: r.code, outcome: r.outcome, message: r.message ?? null });
    if (redecided.outcome === 'decline') {
      const reasons = redecided.reasons.filter((r) => r.outcome === 'decline');
      throw new AppError(422, 'redecision-declined', `the engine declines the request as approved: ${reasons.map((r) => r.code).join(', ')}`, { reasons: reasons.map(brief) });
    }
    const approvedCodes = new Set(referred.reasons.filter((r) => r.outcome === 'refer').map((r) => r.code));
    const fresh = redecided.reasons.filter((r) => r.outcome === 'refer' && !approvedCodes.has(r.code));
    if (fresh.length > 0) {
      throw new AppError(422, 'redecision-referred', `the request as approved is referred for reasons the application was not: ${fresh.map((r) => r.code).join(', ')}`, { reasons: fresh.map(brief) });
    }
    const offer = redecided.offer!;
    checkAuthority(limit, offer.amount, ctx.role);
    const overridden = redecided.reasons.map(brief);
    const approvedRecord = {
      ...redecided,
      outcome: 'approve' as const,
      reasons: [],
      review: { applicationId: row.id, referredDecisionId: row.decision_id, approvedReasons: overridden, reviewer: ctx.person, note: input.note },
    };
    const decision = await storeDecisionIn(
      tx,
      pinned,
      { application, record: approvedRecord as unknown as Decision, clientId: row.client_id, details: { applicationId: row.id, referredDecisionId: row.decision_id } },
      ctx,
    );
    const loan = await openLoanFromDecision(tx, decision.id, null, ctx);
    const after = await record(
      tx,
      row,
      {
        status: 'approved',
        reviewer: ctx.person,
        reviewed_at: ctx.at,
        note: input.note,
        approved_decision_id: decision.id,
        approved_amount: offer.amount,
        approved_payments: offer.payments,
        loan_id: loan.id,
      },
      {
        kind: 'approved',
        note: input.note,
        details: { decisionId: decision.id, loanId: loan.id, amount: offer.amount, payments: offer.payments, changed: input.amount !== undefined || input.payments !== undefined, approvedReasons: overridden.map((r) => r.code) },
      },
      ctx,
    );
    return { application: await viewOf(tx, after), decision, loan };
  });
}

/** Declines a pending (or waiting-for-documents) application with a reason code. */
export async function declineApplication(db: Kysely<Database>, id: string, input: { reasonCode: string; note: string }, ctx: ReviewContext) {
  return db.transaction().execute(async (tx) => {
    const row = await lockIn(tx, id, ['pending', 'documents-requested']);
    refuseOwn(row, ctx, 'decline');
    const after = await record(
      tx,
      row,
      { status: 'declined', reviewer: ctx.person, reviewed_at: ctx.at, note: input.note, reason_code: input.reasonCode },
      { kind: 'declined', note: input.note, details: { reasonCode: input.reasonCode } },
      ctx,
    );
    return { application: await viewOf(tx, after) };
  });
}

/** Asks for documents: the application waits (`documents-requested`) until resumed. */
export async function requestDocuments(db: Kysely<Database>, id: string, input: { documents: readonly string[]; note: string }, ctx: ReviewContext) {
  return db.transaction().execute(async (tx) => {
    const row = await lockIn(tx, id, ['pending']);
    refuseOwn(row, ctx, 'review');
    const after = await record(
      tx,
      row,
      { status: 'documents-requested', reviewer: ctx.person, note: input.note, documents: input.documents },
      { kind: 'documents-requested', note: input.note, details: { documents: [...input.documents] } },
      ctx,
    );
    return { application: await viewOf(tx, after) };
  });
}

/** The documents are in: back to the queue (`pending`). */
export async function resumeApplication(db: Kysely<Database>, id: string, input: { note?: string | undefined }, ctx: LoanWriteContext) {
  return db.transaction().execute(async (tx) => {
    const row = await lockIn(tx, id, ['documents-requested']);
    const after = await record(tx, row, { status: 'pending' }, { kind: 'resumed', note: input.note ?? null, details: {} }, ctx);
    return { application: await viewOf(tx, after) };
  });
}

/** The client or the desk gives up the application. */
export async function withdrawApplication(db: Kysely<Database>, id: string, input: { note?: string | undefined }, ctx: LoanWriteContext) {
  return db.transaction().execute(async (tx) => {
    const row = await lockIn(tx, id, ['pending', 'documents-requested']);
    const after = await record(tx, row, { status: 'withdrawn', note: input.note ?? null }, { kind: 'withdrawn', note: input.note ?? null, details: {} }, ctx);
    return { application: await viewOf(tx, after) };
  });
}

/** Every role with its authority (`maxAmount` null: unlimited; a role not listed has none). */
export async function authorityLimits(db: Executor) {
  const rows = await db.selectFrom('authority_limits').selectAll().execute();
  const order = (role: string) => (ROLES as readonly string[]).indexOf(role);
  return rows.sort((a, b) => order(a.role) - order(b.role)).map((r) => ({ role: r.role as RoleName, maxAmount: r.max_amount, updatedAt: r.updated_at, updatedBy: r.updated_by }));
}

/** Replaces the authority table (roles left out lose their authority); audited with before and after. */
export async function setAuthorityLimits(db: Kysely<Database>, limits: readonly { role: RoleName; maxAmount: string | null }[], ctx: LoanWriteContext) {
  return db.transaction().execute(async (tx) => {
    await sql`select 1 from authority_limits for update`.execute(tx);
    const before = await authorityLimits(tx);
    await tx.deleteFrom('authority_limits').execute();
    if (limits.length > 0) {
      await tx
        .insertInto('authority_limits')
        .values(limits.map((l) => ({ role: l.role, max_amount: l.maxAmount === null ? null : new Dec(l.maxAmount).toFixed(), updated_at: ctx.at, updated_by: ctx.actor })))
        .execute();
    }
    const after = await authorityLimits(tx);
    const brief = (ls: readonly { role: string; maxAmount: string | null }[]) => ls.map((l) => ({ role: l.role, maxAmount: l.maxAmount }));
    await appendAudit(tx, {
      actor: ctx.actor,
      action: 'update',
      entityType: 'authority-limits',
      entityId: 'applications',
      before: brief(before),
      after: brief(after),
      details: { limits: brief(after) },
      requestId: ctx.requestId ?? null,
      at: ctx.at,
    });
    return after;
  });
}
