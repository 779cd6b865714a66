// What can happen to a product: create it with a draft, edit the draft, publish the draft as an
// immutable version (maker-checker: no one who changed the draft since the last version may publish
// it; its tests must pass and its warnings be acknowledged), retire it. Each write and its audit
// entry commit together.
import { createHash, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Lang, LintThresholds } from '@plazo/dsl';
import { appendAudit } from '../audit/audit.repository.ts';
import { bindRows } from '../audit/row-binding.ts';
import type { Database, Executor } from '../db/database.ts';
import type { ActorRef } from '../db/tables/columns.ts';
import type { ProductDraftRow } from '../db/tables/product-drafts.table.ts';
import type { ProductVersionRow, WarningsAcknowledged } from '../db/tables/product-versions.table.ts';
import type { ProductRow } from '../db/tables/products.table.ts';
import { isUniqueViolation } from '../db/postgres-errors.ts';
import { AppError, ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import {
  findDraft,
  findLatestVersion,
  findProductByCode,
  insertDraft,
  insertProduct,
  insertVersion,
  updateDraft,
  updateProduct,
} from '../repositories/product.repository.ts';
import type { RoleName } from '../db/tables/columns.ts';
import { actorNames, displayOf, type ActorNames } from './actor-names.ts';
import type { PartKind } from '@plazo/dsl/parts';
import { compileProductSource, localizeDiagnostics } from './product-compiler.ts';
import { acknowledgedWarnings, assertTestsPass, type WarningsAcknowledgement } from './publication-gates.ts';
import { productCodeProblem } from './product-compiler.ts';
import { newProductSource, type NewProductOrigin } from './new-product-source.ts';
import { assertSectionRights } from './section-rights.ts';
import { settlePendingRequest } from './approval-request-store.ts';

export interface WriteContext {
  readonly actor: ActorRef;
  /** The person behind `actor` whom maker-checker compares (principal.ts `personOf`); default `actor`. */
  readonly person?: ActorRef;
  readonly at: string;
  readonly requestId?: string | null;
}

const personIn = (ctx: WriteContext): ActorRef => ctx.person ?? ctx.actor;

export function productView(row: ProductRow, latestVersion: number | null) {
  return {
    code: row.code,
    name: row.name,
    status: row.status,
    latestVersion,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    retiredAt: row.retired_at,
    retiredBy: row.retired_by,
  };
}

export function draftView(row: ProductDraftRow) {
  return { source: row.source, revision: row.revision, updatedAt: row.updated_at, updatedBy: row.updated_by, makers: [...row.makers] };
}

type VersionSummaryRow = Pick<ProductVersionRow, 'version' | 'content_hash' | 'ir_hash' | 'author' | 'makers' | 'publisher' | 'warnings_acknowledged' | 'published_at'>;

export function versionSummaryView(row: VersionSummaryRow) {
  return {
    version: row.version,
    contentHash: row.content_hash,
    irHash: row.ir_hash,
    author: row.author,
    makers: row.makers === null ? null : [...row.makers],
    publisher: row.publisher,
    warningsAcknowledged: row.warnings_acknowledged,
    publishedAt: row.published_at,
  };
}

// What the API returns: the views above (also what the audit log records) plus who each actor
// is for people (`actor-names.ts`).

export function draftJson(row: ProductDraftRow, names: ActorNames) {
  return { ...draftView(row), updatedByDisplay: displayOf(names, row.updated_by), makersDisplay: row.makers.map((m) => displayOf(names, m)) };
}

export function versionSummaryJson(row: VersionSummaryRow, names: ActorNames) {
  return {
    ...versionSummaryView(row),
    authorDisplay: displayOf(names, row.author),
    makersDisplay: row.makers === null ? null : row.makers.map((m) => displayOf(names, m)),
    publisherDisplay: displayOf(names, row.publisher),
  };
}

/** The version (or summary) with its acknowledged warnings written in `lang`. 503 without the language. */
export async function withWarningsIn<V extends { readonly warningsAcknowledged: WarningsAcknowledged | null }>(version: V, lang: Lang): Promise<V> {
  const ack = version.warningsAcknowledged;
  if (!ack) return version;
  return { ...version, warningsAcknowledged: { ...ack, warnings: await localizeDiagnostics(ack.warnings, lang) } };
}

/** Every actor a draft or version names, for one `actorNames` lookup. */
export function actorsOf(row: { readonly updated_by?: ActorRef; readonly author?: ActorRef; readonly publisher?: ActorRef; readonly makers?: readonly ActorRef[] | null } | null | undefined): ActorRef[] {
  if (!row) return [];
  return [row.updated_by, row.author, row.publisher, ...(row.makers ?? [])].filter((a): a is ActorRef => a !== undefined);
}

export function versionJson(code: string, row: ProductVersionRow, names: ActorNames) {
  return { code, ...versionSummaryJson(row, names), id: row.id, source: row.source, ir: row.ir };
}

/** SHA-256 hex of the source text. */
export function sourceHash(source: string): string {
  return createHash('sha256').update(source, 'utf8').digest('hex');
}

async function requireProduct(db: Executor, code: string, lock = false): Promise<ProductRow> {
  const product = await findProductByCode(db, code, lock);
  if (!product) throw new NotFoundError('product', code);
  return product;
}

/**
 * Creates a product in status `draft` with its first draft: the text given, a template's or a
 * copy of a published version's (new-product-source.ts). The code must follow the language's rule
 * (422 naming `code`); a taken code is 409 `product-exists` naming the product that has it.
 * A role limited to some sections (`editable`) may not: a new product is every part at once
 * (403 `section-locked`).
 */
export async function createProduct(
  db: Kysely<Database>,
  input: { code: string; name: string } & NewProductOrigin,
  ctx: WriteContext & { readonly role?: RoleName; readonly editable?: 'all' | readonly PartKind[]; readonly templatesDir?: string },
) {
  if (ctx.editable !== undefined && ctx.editable !== 'all') {
    throw new AppError(403, 'section-locked', `role \`${ctx.role ?? 'admin'}\` may change only some sections of a product's draft; a new product is every section`, {
      role: ctx.role ?? 'admin',
      editable: ctx.editable,
      changes: [],
    });
  }
  const codeProblem = await productCodeProblem(input.code);
  if (codeProblem) throw new ValidationError([{ path: 'code', message: codeProblem }]);
  await refuseTakenCode(db, input.code);
  const { source, details } = await newProductSource(db, input, input, ctx.templatesDir);
  try {
    return await db.transaction().execute(async (tx) => {
      const product = await insertProduct(tx, {
        id: randomUUID(),
        code: input.code,
        name: input.name,
        status: 'draft',
        updated_at: ctx.at,
        updated_by: ctx.actor,
        created_at: ctx.at,
        created_by: ctx.actor,
      });
      const draft = await insertDraft(tx, {
        product_id: product.id,
        source,
        revision: 1,
        updated_at: ctx.at,
        updated_by: ctx.actor,
        makers: JSON.stringify([personIn(ctx)]),
        created_at: ctx.at,
        created_by: ctx.actor,
      });
      await appendAudit(tx, {
        actor: ctx.actor,
        action: 'create',
        entityType: 'product',
        entityId: product.code,
        before: null,
        after: { product: productView(product, null), draft: { ...draftView(draft), source: sourceHash(draft.source) } },
        details: { code: product.code, revision: 1, ...details },
        requestId: ctx.requestId ?? null,
        at: ctx.at,
      });
      return { product: productView(product, null), draft: draftJson(draft, await actorNames(tx, actorsOf(draft))) };
    });
  } catch (error) {
    // Two creations of one code at once: the second insert loses the race.
    if (isUniqueViolation(error)) await refuseTakenCode(db, input.code);
    throw error;
  }
}

/** 409 `product-exists` naming the product that holds `code`, if one does. */
async function refuseTakenCode(db: Executor, code: string): Promise<void> {
  const existing = await findProductByCode(db, code);
  if (existing) {
    throw new ConflictError('product-exists', `product \`${code}\` exists: “${existing.name}”`, { code, name: existing.name, status: existing.status });
  }
}

/**
 * Saves new draft source. With `baseRevision`, refuses (409 `draft-changed`) when someone saved
 * since that revision, so two editors never overwrite each other silently. A role limited to some
 * sections (`editable`, from permissions.ts) may change only those: 403 `section-locked`
 * otherwise (section-rights.ts).
 */
export async function saveDraft(
  db: Kysely<Database>,
  code: string,
  input: { source: string; name?: string | undefined; baseRevision?: number | undefined },
  ctx: WriteContext & { readonly role?: RoleName; readonly editable?: 'all' | readonly PartKind[] },
) {
  return db.transaction().execute(async (tx) => {
    const product = await requireProduct(tx, code, true);
    if (product.status === 'retired') throw new ConflictError('product-retired', `product \`${code}\` is retired`);
    const before = await findDraft(tx, product.id);
    if (!before) throw new NotFoundError('draft of product', code);
    if (input.baseRevision !== undefined && input.baseRevision !== before.revision) {
      throw new ConflictError('draft-changed', `the draft is at revision ${before.revision}, not ${input.baseRevision}`, {
        revision: before.revision,
        updatedBy: before.updated_by,
      });
    }
    if (ctx.editable !== undefined && ctx.editable !== 'all') {
      await assertSectionRights({
        role: ctx.role ?? 'admin',
        editable: ctx.editable,
        stored: before.source,
        next: input.source,
        storedName: product.name,
        nextName: input.name,
      });
    }
    // Whoever changes the text or the name is a maker of the next version.
    const changes = input.source !== before.source || (input.name !== undefined && input.name !== product.name);
    const makers = changes && !before.makers.includes(personIn(ctx)) ? [...before.makers, personIn(ctx)] : before.makers;
    const draft = await updateDraft(tx, product.id, {
      source: input.source,
      revision: before.revision + 1,
      updated_at: ctx.at,
      updated_by: ctx.actor,
      makers: JSON.stringify(makers),
    });
    let updated = product;
    if (input.name !== undefined && input.name !== product.name) {
      updated = await updateProduct(tx, product.id, { name: input.name, updated_at: ctx.at, updated_by: ctx.actor });
    }
    await appendAudit(tx, {
      actor: ctx.actor,
      action: 'update',
      entityType: 'product-draft',
      entityId: code,
      before: { ...draftView(before), source: sourceHash(before.source), name: product.name },
      after: { ...draftView(draft), source: sourceHash(draft.source), name: updated.name },
      details: { code, revision: draft.revision },
      requestId: ctx.requestId ?? null,
      at: ctx.at,
    });
    return { draft: draftJson(draft, await actorNames(tx, actorsOf(draft))) };
  });
}

/**
 * Publishes the current draft as the next immutable version. Maker-checker: no one who changed the
 * draft since the last version — its makers, each the person behind a user or an API key
 * (principal.ts `personOf`) — may publish it (403 `same-author`), unless `selfApproved` (the
 * system loading the examples). The draft must compile (422 `draft-has-errors`), its code must be
 * the product's, its IR must differ from the latest version's (409 `unchanged`), its tests must
 * pass (422 `tests-failing`) and its warnings be acknowledged with a reason
 * (`acknowledgeWarnings`: 422 `warnings-not-acknowledged`, 409 `warnings-changed`). The version
 * records the makers, the publisher (the checker) and the acknowledgement; the draft's makers
 * start again empty.
 */
export async function publishDraft(
  db: Kysely<Database>,
  code: string,
  input: PublishInput,
  ctx: PublishContext,
) {
  return db.transaction().execute((tx) => publishDraftIn(tx, code, input, ctx));
}

export interface PublishInput {
  readonly baseRevision?: number | undefined;
  readonly acknowledgeWarnings?: WarningsAcknowledgement | undefined;
}

export interface PublishContext extends WriteContext {
  readonly selfApproved?: boolean;
  readonly lints?: Partial<LintThresholds> | undefined;
  /** The approver's comment, recorded on the approval request this publication answers. */
  readonly approvalComment?: string | undefined;
  /** The language of the diagnostics a refusal carries. */
  readonly lang?: Lang;
}

/**
 * The gates a draft passes before it is published or sent for approval: it compiles (422
 * `draft-has-errors`), defines this product (422 `code-mismatch`), differs from the latest version
 * (409 `unchanged`) and its tests pass (422 `tests-failing`).
 */
export async function assertDraftPublishable(tx: Executor, product: ProductRow, draft: ProductDraftRow, lints: Partial<LintThresholds> | undefined, lang?: Lang) {
  const { ir, diagnostics } = await compileProductSource(draft.source, lints, lang);
  if (!ir) {
    throw new AppError(422, 'draft-has-errors', 'the draft does not compile', { diagnostics });
  }
  if (ir.code !== product.code) {
    throw new AppError(422, 'code-mismatch', `the source defines product \`${ir.code}\`, not \`${product.code}\``, {
      sourceCode: ir.code,
      productCode: product.code,
    });
  }
  const latest = await findLatestVersion(tx, product.id);
  if (latest && latest.ir_hash === ir.hash) {
    throw new ConflictError('unchanged', `the draft compiles to the same product as version ${latest.version}`, { version: latest.version });
  }
  assertTestsPass(ir);
  return { ir, diagnostics, latest };
}

/** publishDraft inside the caller's transaction (an approval publishes this way too). */
export async function publishDraftIn(tx: Transaction<Database>, code: string, input: PublishInput, ctx: PublishContext) {
  const product = await requireProduct(tx, code, true);
  if (product.status === 'retired') throw new ConflictError('product-retired', `product \`${code}\` is retired`);
  const draft = await findDraft(tx, product.id);
  if (!draft) throw new NotFoundError('draft of product', code);
  if (input.baseRevision !== undefined && input.baseRevision !== draft.revision) {
    throw new ConflictError('draft-changed', `the draft is at revision ${draft.revision}, not ${input.baseRevision}`, {
      revision: draft.revision,
    });
  }
  const checker = personIn(ctx);
  if (!ctx.selfApproved && (draft.makers.includes(checker) || draft.updated_by === ctx.actor)) {
    throw new AppError(403, 'same-author', 'maker-checker: the draft must be published by someone who did not change it since the last version', {
      author: draft.updated_by,
      makers: draft.makers,
      publisher: checker,
    });
  }
  const { ir, diagnostics, latest } = await assertDraftPublishable(tx, product, draft, ctx.lints, ctx.lang);
  const acknowledged = acknowledgedWarnings(diagnostics, input.acknowledgeWarnings);
  const version = await insertVersion(tx, {
    id: randomUUID(),
    product_id: product.id,
    version: (latest?.version ?? 0) + 1,
    source: draft.source,
    ir: JSON.stringify(ir),
    content_hash: sourceHash(draft.source),
    ir_hash: ir.hash,
    author: draft.updated_by,
    makers: JSON.stringify(draft.makers),
    publisher: ctx.actor,
    warnings_acknowledged: acknowledged === null ? null : JSON.stringify(acknowledged),
    published_at: ctx.at,
    created_at: ctx.at,
    created_by: ctx.actor,
  });
  await updateDraft(tx, product.id, { makers: '[]' });
  const updated = await updateProduct(tx, product.id, {
    status: 'active',
    name: ir.name || product.name,
    updated_at: ctx.at,
    updated_by: ctx.actor,
  });
  await appendAudit(tx, {
    actor: ctx.actor,
    action: 'publish',
    entityType: 'product-version',
    entityId: `${code}@${version.version}`,
    before: latest ? versionSummaryView(latest) : null,
    after: versionSummaryView(version),
    details: {
      code,
      version: version.version,
      irHash: ir.hash,
      author: draft.updated_by,
      makers: draft.makers,
      checker,
      warningsAcknowledged: acknowledged && { codes: acknowledged.codes, reason: acknowledged.reason },
    },
    requestId: ctx.requestId ?? null,
    at: ctx.at,
    bound: bindRows([['product_versions', version]]),
  });
  // The pending approval request for this revision is answered; one for an older revision is moot.
  await settlePendingRequest(tx, product, draft.revision, { kind: 'published', version: version.version, comment: ctx.approvalComment ?? null }, ctx);
  const names = await actorNames(tx, actorsOf(version));
  return { product: productView(updated, version.version), version: versionJson(code, version, names), warnings: diagnostics };
}

/**
 * Discards the draft: its text goes back to the latest published version's, its makers start
 * again empty, and a pending approval request is superseded. A draft already equal to the
 * published text is left as it is (resending is harmless). A product never published has nothing
 * to go back to (409 `never-published`); a role limited to some sections may not (403
 * `section-locked`: discarding changes every section).
 */
export async function discardDraft(
  db: Kysely<Database>,
  code: string,
  ctx: WriteContext & { readonly role?: RoleName; readonly editable?: 'all' | readonly PartKind[] },
) {
  if (ctx.editable !== undefined && ctx.editable !== 'all') {
    throw new AppError(403, 'section-locked', `role \`${ctx.role ?? 'admin'}\` may change only some sections of a product's draft; discarding it changes every section`, {
      role: ctx.role ?? 'admin',
      editable: ctx.editable,
      changes: [],
    });
  }
  return db.transaction().execute(async (tx) => {
    const product = await requireProduct(tx, code, true);
    if (product.status === 'retired') throw new ConflictError('product-retired', `product \`${code}\` is retired`);
    const before = await findDraft(tx, product.id);
    if (!before) throw new NotFoundError('draft of product', code);
    const latest = await findLatestVersion(tx, product.id);
    if (!latest) throw new ConflictError('never-published', `product \`${code}\` has no published version to go back to`);
    let draft = before;
    if (before.source !== latest.source || before.makers.length > 0) {
      draft = await updateDraft(tx, product.id, { source: latest.source, revision: before.revision + 1, updated_at: ctx.at, updated_by: ctx.actor, makers: '[]' });
      await appendAudit(tx, {
        actor: ctx.actor,
        action: 'discard',
        entityType: 'product-draft',
        entityId: code,
        before: { ...draftView(before), source: sourceHash(before.source) },
        after: { ...draftView(draft), source: sourceHash(draft.source) },
        details: { code, revision: draft.revision, backTo: latest.version },
        requestId: ctx.requestId ?? null,
        at: ctx.at,
      });
      await settlePendingRequest(tx, product, before.revision, { kind: 'discarded' }, ctx);
    }
    return { draft: draftJson(draft, await actorNames(tx, actorsOf(draft))) };
  });
}

/** Retires a product: no new versions, decisions or loans; existing loans keep their version. */
export async function retireProduct(db: Kysely<Database>, code: string, ctx: WriteContext) {
  return db.transaction().execute(async (tx) => {
    const product = await requireProduct(tx, code, true);
    if (product.status === 'retired') throw new ConflictError('already-retired', `product \`${code}\` is already retired`);
    const latest = await findLatestVersion(tx, product.id);
    const updated = await updateProduct(tx, product.id, {
      status: 'retired',
      retired_at: ctx.at,
      retired_by: ctx.actor,
      updated_at: ctx.at,
      updated_by: ctx.actor,
    });
    await appendAudit(tx, {
      actor: ctx.actor,
      action: 'retire',
      entityType: 'product',
      entityId: code,
      before: productView(product, latest?.version ?? null),
      after: productView(updated, latest?.version ?? null),
      details: { code },
      requestId: ctx.requestId ?? null,
      at: ctx.at,
    });
    return { product: productView(updated, latest?.version ?? null) };
  });
}
