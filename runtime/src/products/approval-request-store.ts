// Approval requests in the database: find them, answer one (status, who, when, comment, audit
// entry and the maker's notice in the caller's transaction), and settle a product's pending
// request when its draft is published or discarded.
import type { Executor } from '../db/database.ts';
import type { ApprovalRequestRow, ApprovalStatus } from '../db/tables/approval-requests.table.ts';
import type { ActorRef } from '../db/tables/columns.ts';
import type { ProductRow } from '../db/tables/products.table.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { queueApprovalNotices } from '../notifications/approval-notifications.ts';

export interface ApprovalContext {
  readonly actor: ActorRef;
  /** The person behind `actor` (principal.ts `personOf`); default `actor`. */
  readonly person?: ActorRef;
  readonly at: string;
  readonly requestId?: string | null;
}

/** What the audit log records of a request. */
export function approvalRequestView(row: ApprovalRequestRow) {
  return {
    id: row.id,
    draftRevision: row.draft_revision,
    sourceHash: row.source_hash,
    maker: row.maker,
    note: row.note,
    status: row.status,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    comment: row.comment,
    version: row.version,
    createdAt: row.created_at,
  };
}

export async function findApprovalRequest(db: Executor, id: string, lock = false): Promise<ApprovalRequestRow | undefined> {
  let q = db.selectFrom('approval_requests').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function findPendingRequest(db: Executor, productId: string, lock = false): Promise<ApprovalRequestRow | undefined> {
  let q = db.selectFrom('approval_requests').selectAll().where('product_id', '=', productId).where('status', '=', 'pending');
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

const ACTIONS: Record<Exclude<ApprovalStatus, 'pending'>, string> = {
  approved: 'approve',
  rejected: 'reject',
  withdrawn: 'withdraw',
  superseded: 'supersede',
};

/** Answers a pending request: records it, audits it and tells the maker (unless they did it). */
export async function closeRequest(
  tx: Executor,
  request: ApprovalRequestRow,
  code: string,
  outcome: { readonly status: Exclude<ApprovalStatus, 'pending'>; readonly comment?: string | null; readonly version?: number | null },
  ctx: ApprovalContext,
): Promise<ApprovalRequestRow> {
  const closed = await tx
    .updateTable('approval_requests')
    .set({ status: outcome.status, decided_by: ctx.actor, decided_at: ctx.at, comment: outcome.comment ?? null, version: outcome.version ?? null })
    .where('id', '=', request.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAudit(tx, {
    actor: ctx.actor,
    action: ACTIONS[outcome.status],
    entityType: 'approval-request',
    entityId: request.id,
    before: approvalRequestView(request),
    after: approvalRequestView(closed),
    details: { code, draftRevision: request.draft_revision, status: closed.status, ...(closed.version === null ? {} : { version: closed.version }) },
    requestId: ctx.requestId ?? null,
    at: ctx.at,
  });
  // The maker hears of what others did to their request, not of their own withdrawal or resend.
  if ((ctx.person ?? ctx.actor) !== request.maker) await queueApprovalNotices(tx, closed, code, outcome.status, ctx);
  return closed;
}

/**
 * Settles the product's pending request, if any, when its draft was published at `revision`
 * (approved when the request was made from that revision — with the approver's comment and the
 * new version — else superseded) or discarded (superseded).
 */
export async function settlePendingRequest(
  tx: Executor,
  product: ProductRow,
  revision: number,
  outcome: { readonly kind: 'published'; readonly version: number; readonly comment: string | null } | { readonly kind: 'discarded' },
  ctx: ApprovalContext,
): Promise<void> {
  const pending = await findPendingRequest(tx, product.id, true);
  if (!pending) return;
  if (outcome.kind === 'published' && pending.draft_revision === revision) {
    await closeRequest(tx, pending, product.code, { status: 'approved', comment: outcome.comment, version: outcome.version }, ctx);
  } else {
    await closeRequest(tx, pending, product.code, { status: 'superseded' }, ctx);
  }
}
