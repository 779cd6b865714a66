// Approval requests (issue 19): a maker sends the product's draft, at its current revision, for
// approval with a note; an approver (someone else) approves it — which publishes that revision
// through publishDraftIn, the one publication path — or rejects it with a comment, and the draft
// stays for the maker to fix; the maker may withdraw it. A request is refused for a draft that
// would not publish (errors, failing tests, nothing changed); sending it again for the same
// revision returns the pending request; a newer revision supersedes it. Each change is audited
// and notified (approval-notifications.ts).
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Lang, LintThresholds } from '@plazo/dsl';
import { runProductTests } from '@plazo/engine';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Database, Executor } from '../db/database.ts';
import type { ApprovalRequestRow, ApprovalStatus } from '../db/tables/approval-requests.table.ts';
import type { ActorRef } from '../db/tables/columns.ts';
import { AppError, ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { queueApprovalNotices } from '../notifications/approval-notifications.ts';
import { findDraft, findLatestVersion, findProductByCode } from '../repositories/product.repository.ts';
import { actorNames, displayOf, type ActorNames } from './actor-names.ts';
import { approvalRequestView, closeRequest, findApprovalRequest, findPendingRequest } from './approval-request-store.ts';
import { assertDraftPublishable, publishDraftIn, sourceHash, type WriteContext } from './product-catalog.ts';
import { compileProductSource } from './product-compiler.ts';
import type { WarningsAcknowledgement } from './publication-gates.ts';
import { lineDiff } from './text-diff.ts';

type ApprovalWriteContext = WriteContext & { readonly lints?: Partial<LintThresholds> | undefined; readonly lang?: Lang };

const personIn = (ctx: WriteContext): ActorRef => ctx.person ?? ctx.actor;

interface RequestRowWithProduct extends ApprovalRequestRow {
  readonly code: string;
  readonly product_name: string;
  /** The product's draft revision now. */
  readonly current_revision: number | null;
}

function withProduct(db: Executor) {
  return db
    .selectFrom('approval_requests as r')
    .innerJoin('products as p', 'p.id', 'r.product_id')
    .leftJoin('product_drafts as d', 'd.product_id', 'r.product_id')
    .selectAll('r')
    .select(['p.code as code', 'p.name as product_name', 'd.revision as current_revision']);
}

/** The request as the API shows it. */
export function approvalRequestJson(row: RequestRowWithProduct, names: ActorNames) {
  return {
    ...approvalRequestView(row),
    product: { code: row.code, name: row.product_name },
    makerDisplay: displayOf(names, row.maker),
    decidedByDisplay: row.decided_by === null ? null : displayOf(names, row.decided_by),
    draftChanged: row.current_revision !== row.draft_revision,
  };
}

async function requestJsonById(db: Executor, id: string) {
  const row = await withProduct(db).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('approval request', id);
  return approvalRequestJson(row, await actorNames(db, [row.maker, row.decided_by]));
}

/** Lists requests, newest first, optionally of one status. */
export async function listApprovalRequests(db: Executor, status: ApprovalStatus | undefined, limit = 200) {
  let q = withProduct(db).orderBy('r.created_at', 'desc').orderBy('r.id').limit(limit);
  if (status) q = q.where('r.status', '=', status);
  const rows = await q.execute();
  const names = await actorNames(db, rows.flatMap((r) => [r.maker, r.decided_by]));
  return rows.map((r) => approvalRequestJson(r, names));
}

/**
 * One request, and — while it is pending and the draft is still the one it was made from — what
 * the approver checks: the draft's warnings (to acknowledge), its tests and the size of the
 * change against the latest version.
 */
export async function approvalRequestDetail(db: Executor, id: string, lints: Partial<LintThresholds> | undefined, lang?: Lang) {
  const request = await requestJsonById(db, id);
  if (request.status !== 'pending' || request.draftChanged) return { request, review: null };
  const product = await findProductByCode(db, request.product.code);
  const draft = product && (await findDraft(db, product.id));
  if (!product || !draft) return { request, review: null };
  const latest = await findLatestVersion(db, product.id);
  const { ir, diagnostics } = await compileProductSource(draft.source, lints, lang);
  const tests = ir ? runProductTests(ir) : null;
  const lines = lineDiff(latest?.source ?? '', draft.source);
  return {
    request,
    review: {
      latestVersion: latest?.version ?? null,
      errors: diagnostics.filter((d) => d.severity === 'error').length,
      warnings: diagnostics.filter((d) => d.severity === 'warning'),
      tests: tests && {
        passed: tests.passed,
        failed: tests.failed,
        failing: tests.results.filter((r) => r.status !== 'passed').map((r) => r.name),
      },
      diff: { added: lines.filter((l) => l.op === 'insert').length, removed: lines.filter((l) => l.op === 'delete').length },
    },
  };
}

/**
 * Sends the draft, at its current revision, for approval. The draft must pass the gates of a
 * publication (assertDraftPublishable: 422 `draft-has-errors`, `tests-failing`, 409 `unchanged`);
 * its warnings are for the approver to acknowledge. The same revision sent again returns the
 * pending request (`created: false`); a pending request for an older revision is superseded.
 */
export async function requestApproval(db: Kysely<Database>, code: string, input: { note: string }, ctx: ApprovalWriteContext) {
  return db.transaction().execute(async (tx) => {
    const product = await findProductByCode(tx, code, true);
    if (!product) throw new NotFoundError('product', code);
    if (product.status === 'retired') throw new ConflictError('product-retired', `product \`${code}\` is retired`);
    const draft = await findDraft(tx, product.id);
    if (!draft) throw new NotFoundError('draft of product', code);
    const pending = await findPendingRequest(tx, product.id, true);
    if (pending && pending.draft_revision === draft.revision) return { request: await requestJsonById(tx, pending.id), created: false };
    await assertDraftPublishable(tx, product, draft, ctx.lints, ctx.lang);
    if (pending) await closeRequest(tx, pending, code, { status: 'superseded' }, ctx);
    const request = await tx
      .insertInto('approval_requests')
      .values({
        id: randomUUID(),
        product_id: product.id,
        draft_revision: draft.revision,
        source_hash: sourceHash(draft.source),
        maker: personIn(ctx),
        note: input.note,
        status: 'pending',
        created_at: ctx.at,
        created_by: ctx.actor,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(tx, {
      actor: ctx.actor,
      action: 'request',
      entityType: 'approval-request',
      entityId: request.id,
      before: null,
      after: approvalRequestView(request),
      details: { code, draftRevision: request.draft_revision, ...(pending ? { supersedes: pending.id } : {}) },
      requestId: ctx.requestId ?? null,
      at: ctx.at,
    });
    await queueApprovalNotices(tx, request, code, 'requested', ctx);
    return { request: await requestJsonById(tx, request.id), created: true };
  });
}

async function pendingOr409(tx: Executor, id: string) {
  const request = await findApprovalRequest(tx, id, true);
  if (!request) throw new NotFoundError('approval request', id);
  if (request.status !== 'pending') {
    throw new ConflictError('request-not-pending', `the approval request is already ${request.status}`, { status: request.status, decidedBy: request.decided_by });
  }
  const product = await tx.selectFrom('products').selectAll().where('id', '=', request.product_id).forUpdate().executeTakeFirstOrThrow();
  return { request, product };
}

function refuseMaker(request: ApprovalRequestRow, ctx: WriteContext, what: string): void {
  if (personIn(ctx) === request.maker) {
    throw new AppError(403, 'same-author', `maker-checker: the person who asked for the approval may not ${what} it; withdraw it instead`, {
      maker: request.maker,
      checker: personIn(ctx),
    });
  }
}

/**
 * Approves a pending request: publishes the draft revision it was made from (publishDraftIn, with
 * its maker-checker and gates; the draft's warnings acknowledged as for a publication, the reason
 * defaulting to the comment). A draft changed since the request is refused (409
 * `draft-changed-since-request`): the maker sends it again.
 */
export async function approveRequest(
  db: Kysely<Database>,
  id: string,
  input: { comment?: string | undefined; acknowledgedWarnings?: { codes: readonly string[]; reason?: string | undefined } | undefined },
  ctx: ApprovalWriteContext,
) {
  return db.transaction().execute(async (tx) => {
    const { request, product } = await pendingOr409(tx, id);
    refuseMaker(request, ctx, 'approve');
    const draft = await findDraft(tx, product.id);
    if (!draft || draft.revision !== request.draft_revision || sourceHash(draft.source) !== request.source_hash) {
      throw new ConflictError(
        'draft-changed-since-request',
        `the draft changed since the request (revision ${request.draft_revision}, now ${draft?.revision ?? 'none'}): the maker must send it for approval again`,
        { requestedRevision: request.draft_revision, revision: draft?.revision ?? null },
      );
    }
    let acknowledgeWarnings: WarningsAcknowledgement | undefined;
    if (input.acknowledgedWarnings) {
      const reason = input.acknowledgedWarnings.reason ?? input.comment;
      if (!reason) throw new ValidationError([{ path: 'acknowledgedWarnings.reason', message: 'say why publish despite the warnings (or write a comment)' }]);
      acknowledgeWarnings = { codes: input.acknowledgedWarnings.codes, reason };
    }
    const published = await publishDraftIn(tx, product.code, { baseRevision: request.draft_revision, acknowledgeWarnings }, { ...ctx, approvalComment: input.comment });
    return { request: await requestJsonById(tx, id), version: published.version, warnings: [...published.warnings] };
  });
}

/** Rejects a pending request with a comment for the maker; the draft stays as it is. */
export async function rejectRequest(db: Kysely<Database>, id: string, input: { comment: string }, ctx: WriteContext) {
  return db.transaction().execute(async (tx) => {
    const { request, product } = await pendingOr409(tx, id);
    refuseMaker(request, ctx, 'reject');
    await closeRequest(tx, request, product.code, { status: 'rejected', comment: input.comment }, ctx);
    return { request: await requestJsonById(tx, id) };
  });
}

/** The maker takes a pending request back (403 `not-the-maker` for anyone else). */
export async function withdrawRequest(db: Kysely<Database>, id: string, ctx: WriteContext) {
  return db.transaction().execute(async (tx) => {
    const { request, product } = await pendingOr409(tx, id);
    if (personIn(ctx) !== request.maker) {
      throw new AppError(403, 'not-the-maker', 'only the person who asked for the approval may withdraw it', { maker: request.maker });
    }
    await closeRequest(tx, request, product.code, { status: 'withdrawn' }, ctx);
    return { request: await requestJsonById(tx, id) };
  });
}

/** The product's latest request (pending or answered), for its page; null when it has none. */
export async function latestRequestOf(db: Executor, productId: string) {
  const row = await withProduct(db).where('r.product_id', '=', productId).orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(1).executeTakeFirst();
  if (!row) return null;
  return approvalRequestJson(row, await actorNames(db, [row.maker, row.decided_by]));
}
