// /api/v1/products: drafts (create, edit, check), immutable published versions (publish,
// list, get, diff), the impact of publishing the draft, and retirement.
import type { ContextVariables } from '../http/app-env.ts';
import { createRoute, z } from '@hono/zod-openapi';
import { principalOf } from '../auth/auth.middleware.ts';
import { actorOf, personOf } from '../auth/principal.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { errorResponses, guarded, jsonBody, jsonResponse, newRouter } from '../http/openapi.ts';
import { jsonDiff } from '../products/json-diff.ts';
import { editableSectionsFor, roleHasPermission } from '../auth/permissions.ts';
import { actorNames } from '../products/actor-names.ts';
import { PART_KINDS, type PartKind } from '@plazo/dsl/parts';
import { latestRequestOf, requestApproval } from '../products/approval-requests.ts';
import { ApprovalRequestSchema } from './approval-requests.routes.ts';
import { actorsOf, createProduct, discardDraft, draftJson, productView, publishDraft, retireProduct, saveDraft, versionJson, versionSummaryJson, withWarningsIn } from '../products/product-catalog.ts';
import { compileProductSource } from '../products/product-compiler.ts';
import { DEFAULT_IMPACT_DECISIONS, draftImpact, MAX_IMPACT_DECISIONS } from '../products/product-impact.ts';
import type { NewProductOrigin } from '../products/new-product-source.ts';
import { diffHunks, lineDiff, unifiedDiff } from '../products/text-diff.ts';
import { findDraft, findLatestVersion, findProductByCode, findVersion, listProductsWithLatest, listVersions } from '../repositories/product.repository.ts';
import type { Executor } from '../db/database.ts';
import { ActorDisplaySchema, ActorSchema, TimestampSchema } from './schemas.ts';

const MAX_SOURCE = 500_000;

const CodeSchema = z
  .string()
  .regex(/^[a-z_][a-z0-9_]{0,63}$/, 'a product code: lowercase letters, digits and `_`, starting with a letter or `_`')
  .openapi({ example: 'nomina_quincenal' });
const SourceSchema = z.string().max(MAX_SOURCE).openapi({ description: 'Plazo source text' });

const CodeParams = z.object({ code: CodeSchema.openapi({ param: { name: 'code', in: 'path' } }) });
const VersionParams = z.object({
  code: CodeSchema.openapi({ param: { name: 'code', in: 'path' } }),
  version: z.coerce.number().int().min(1).max(1_000_000).openapi({ param: { name: 'version', in: 'path' }, example: 1 }),
});

const ProductSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    status: z.enum(['draft', 'active', 'retired']),
    latestVersion: z.number().int().nullable(),
    createdAt: TimestampSchema,
    createdBy: ActorSchema,
    updatedAt: TimestampSchema,
    updatedBy: ActorSchema,
    retiredAt: TimestampSchema.nullable(),
    retiredBy: ActorSchema.nullable(),
  })
  .openapi('Product');

const MakersSchema = z
  .array(ActorSchema)
  .openapi({ description: 'Every person who changed the draft since the last version (a user, or an API key acting for its owner): none of them may publish it' });

const DraftSchema = z
  .object({
    source: z.string(),
    revision: z.number().int(),
    updatedAt: TimestampSchema,
    updatedBy: ActorSchema,
    updatedByDisplay: ActorDisplaySchema,
    makers: MakersSchema,
    makersDisplay: z.array(ActorDisplaySchema),
  })
  .openapi('ProductDraft');

const PartKindSchema = z.enum(PART_KINDS).openapi('ProductPartKind', { description: '`product` is the header; the others are top-level sections' });
const EditableSectionsSchema = z
  .union([z.literal('all'), z.array(PartKindSchema)])
  .openapi('EditableSections', { description: "What the caller's role may change in the draft: `all`, these parts, or nothing (`[]`)" });

const PositionSchema = z.object({ line: z.number().int(), column: z.number().int(), offset: z.number().int() });
const WarningsAcknowledgedSchema = z
  .object({
    codes: z.array(z.string()),
    reason: z.string(),
    warnings: z.array(
      z.object({
        code: z.string(),
        message: z.string().openapi({ description: 'In the language `Accept-Language` asks for when the version kept the message id' }),
        range: z.object({ start: PositionSchema, end: PositionSchema }),
        help: z.string().optional(),
        id: z.string().optional(),
        args: z.record(z.string(), z.unknown()).optional(),
      }),
    ),
  })
  .openapi('WarningsAcknowledged', { description: 'The warnings the publisher acknowledged (codes, the warnings as they were) and why; null when there were none' });

const VersionSummarySchema = z
  .object({
    version: z.number().int(),
    contentHash: z.string().openapi({ description: 'SHA-256 of the source text' }),
    irHash: z.string().openapi({ description: 'The Product IR hash' }),
    author: ActorSchema.openapi({ description: 'The last maker' }),
    authorDisplay: ActorDisplaySchema,
    makers: MakersSchema.nullable().openapi({ description: 'Every person who changed the draft since the version before (the makers); null for versions published before makers were recorded' }),
    makersDisplay: z.array(ActorDisplaySchema).nullable(),
    publisher: ActorSchema.openapi({ description: 'The checker' }),
    publisherDisplay: ActorDisplaySchema,
    warningsAcknowledged: WarningsAcknowledgedSchema.nullable(),
    publishedAt: TimestampSchema,
  })
  .openapi('ProductVersionSummary');

const VersionSchema = VersionSummarySchema.extend({
  code: z.string(),
  id: z.string(),
  source: z.string(),
  ir: z.record(z.string(), z.unknown()).openapi({ description: 'The Product IR' }),
}).openapi('ProductVersion');

const DiagnosticSchema = z
  .object({
    severity: z.enum(['error', 'warning', 'info']),
    code: z.string(),
    message: z.string(),
    range: z.object({ start: PositionSchema, end: PositionSchema }),
    help: z.string().optional(),
    id: z.string().optional().openapi({ description: "The language's message id (`code` or `code/variant`)" }),
    args: z.record(z.string(), z.unknown()).optional().openapi({ description: 'The arguments of the message, to write it in another language' }),
  })
  .openapi('Diagnostic', { description: 'Ranges are 0-based lines and columns; `message` and `help` are in the language `Accept-Language` asks for (Spanish or English; English by default)' });

const CurrencySchema = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code: three capital letters').openapi({ example: 'MXN' });
const NewProductSchema = z
  .strictObject({
    code: CodeSchema,
    name: z.string().trim().min(1).max(200),
    source: SourceSchema.optional(),
    template: z.string().min(1).max(100).optional().openapi({ description: 'Start from this template (`GET /product-templates`)', example: 'nomina' }),
    copyFrom: z
      .strictObject({
        product: CodeSchema,
        version: z.number().int().min(1).max(1_000_000).optional().openapi({ description: 'Default: the latest published version' }),
      })
      .optional()
      .openapi({ description: 'Start from a copy of a published version of another product' }),
    currency: CurrencySchema.optional().openapi({ description: 'With `template` or `copyFrom`: the new product\'s currency (default: the one it had)' }),
  })
  .superRefine((body, ctx) => {
    const given = (['source', 'template', 'copyFrom'] as const).filter((k) => body[k] !== undefined);
    for (const path of given.length === 0 ? ['source'] : given.length > 1 ? given : []) {
      ctx.addIssue({ code: 'custom', path: [path], message: 'give exactly one of `source`, `template` or `copyFrom`' });
    }
    if (body.currency !== undefined && body.source !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['currency'], message: '`currency` goes with `template` or `copyFrom`; with `source`, write it in the text' });
    }
  })
  .openapi('NewProduct', { description: 'A code, a name and exactly one of: `source` (the text), `template` or `copyFrom`' });

/** The body's origin of the first draft, as createProduct takes it. */
function originOf(body: z.infer<typeof NewProductSchema>): NewProductOrigin {
  if (body.template !== undefined) return { template: body.template, currency: body.currency };
  if (body.copyFrom !== undefined) return { copyFrom: body.copyFrom, currency: body.currency };
  return { source: body.source ?? '' };
}
const DraftUpdateSchema = z
  .strictObject({
    source: SourceSchema,
    name: z.string().trim().min(1).max(200).optional(),
    baseRevision: z.number().int().min(1).optional().openapi({ description: 'Refuse (409) if the draft moved past this revision' }),
  })
  .openapi('DraftUpdate');
const PublishSchema = z
  .strictObject({
    baseRevision: z.number().int().min(1).optional().openapi({ description: 'Publish only if the draft is at this revision' }),
    acknowledgeWarnings: z
      .strictObject({
        codes: z.array(z.string().min(1).max(100)).max(200).openapi({ description: "The draft's warning codes, as the publisher saw them (`POST …/draft/check`)" }),
        reason: z.string().trim().min(1).max(2000).openapi({ description: 'Why publish despite them (recorded on the version and in the audit log)', example: 'El cargo por atraso no se cobra en periodos con moratorios (cobranza lo garantiza)' }),
      })
      .optional()
      .openapi({ description: "Required when the draft has warnings: exactly the set of its warning codes (else 409 `warnings-changed`)" }),
  })
  .openapi('Publish');
const DiffQuery = z.strictObject({
  from: z.coerce.number().int().min(1).max(1_000_000).openapi({ param: { name: 'from', in: 'query' }, example: 1 }),
  to: z.coerce.number().int().min(1).max(1_000_000).openapi({ param: { name: 'to', in: 'query' }, example: 2 }),
});

const ImpactQuery = z.object({
  decisions: z.coerce
    .number()
    .int()
    .min(0)
    .max(MAX_IMPACT_DECISIONS)
    .default(DEFAULT_IMPACT_DECISIONS)
    .openapi({ param: { name: 'decisions', in: 'query' }, description: `How many of the product's last stored decisions to replay (default ${DEFAULT_IMPACT_DECISIONS}, at most ${MAX_IMPACT_DECISIONS})`, example: 200 }),
});
const ImpactOutcomeSchema = z.enum(['approve', 'refer', 'decline', 'invalid']);
const ImpactSideSchema = z.object({
  outcome: ImpactOutcomeSchema,
  band: z.string().nullable(),
  score: z.string().nullable(),
  amount: z.string().nullable().openapi({ description: 'Offered amount' }),
  annualRate: z.string().nullable(),
  installment: z.string().nullable(),
  cat: z.string().nullable().openapi({ description: 'CAT in percent, one decimal' }),
  reasons: z.array(z.string()),
});
const ImpactRowSchema = z
  .object({
    id: z.string().openapi({ description: "The product test's name, or the stored decision's id" }),
    source: z.enum(['sample', 'decision']),
    asOf: z.string(),
    before: ImpactSideSchema,
    after: ImpactSideSchema,
    outcomeChanged: z.boolean(),
    amountChange: z.string().nullable(),
    rateChange: z.string().nullable(),
    catChange: z.string().nullable(),
    changed: z.boolean(),
  })
  .openapi('ImpactRow', { description: 'One application under the published version (`before`) and the draft (`after`); changes are after − before' });
const ImpactSummarySchema = z
  .object({
    applications: z.number().int(),
    changed: z.number().int(),
    outcomeChanges: z.number().int(),
    flips: z.array(z.object({ from: ImpactOutcomeSchema, to: ImpactOutcomeSchema, count: z.number().int() })),
    amountChanges: z.number().int(),
    rateChanges: z.number().int(),
    catChanges: z.number().int(),
    offeredBefore: z.string(),
    offeredAfter: z.string(),
  })
  .openapi('ImpactSummary');
const ScheduleSideSchema = z.union([z.object({ annualRate: z.string(), installment: z.string(), totalToPay: z.string(), cat: z.string() }), z.object({ error: z.string() })]);
const ImpactResponseSchema = z
  .object({
    code: z.string(),
    draft: z.object({ revision: z.number().int(), irHash: z.string() }),
    published: z.object({ version: z.number().int(), irHash: z.string() }).nullable(),
    tests: z.object({
      passed: z.number().int(),
      failed: z.number().int(),
      total: z.number().int(),
      failing: z.array(z.object({ index: z.number().int(), name: z.string(), status: z.enum(['failed', 'error']), failures: z.array(z.unknown()), errors: z.array(z.unknown()) })),
    }),
    warnings: z.object({ codes: z.array(z.string()).openapi({ description: 'What `acknowledgeWarnings.codes` must be to publish' }), warnings: z.array(DiagnosticSchema) }),
    impact: z
      .object({
        asOf: z.string().openapi({ description: "Disbursement date of the representative loans (today)" }),
        samples: z.object({ summary: ImpactSummarySchema, applications: z.array(ImpactRowSchema) }),
        decisions: z.object({ requested: z.number().int(), summary: ImpactSummarySchema, changed: z.array(ImpactRowSchema).openapi({ description: 'Only the replayed decisions that change' }) }),
        schedules: z.array(
          z.object({
            loan: z.object({
              amount: z.enum(['min', 'typical', 'max']),
              term: z.enum(['shortest', 'longest']),
              request: z.object({ amount: z.string(), payments: z.number().int(), frequency: z.unknown() }),
              band: z.string().nullable(),
            }),
            before: ScheduleSideSchema,
            after: ScheduleSideSchema,
            changed: z.boolean(),
          }),
        ),
      })
      .nullable(),
  })
  .openapi('ProductImpact');

function ctxOf(c: ContextVariables) {
  const principal = principalOf(c);
  return { actor: actorOf(principal), person: personOf(principal), at: c.get('clock').now().toISOString(), requestId: c.get('requestId') };
}

/** What the caller may change in a draft, as the API shows it. */
function editableJson(c: ContextVariables): 'all' | PartKind[] {
  const editable = editableSectionsFor(principalOf(c).role);
  return editable === 'all' ? 'all' : [...editable];
}

/** The write context with the caller's role and the parts of a draft it may change. */
function draftCtxOf(c: ContextVariables) {
  const { role } = principalOf(c);
  return { ...ctxOf(c), role, editable: editableSectionsFor(role) };
}

async function productOr404(db: Executor, code: string) {
  const product = await findProductByCode(db, code);
  if (!product) throw new NotFoundError('product', code);
  return product;
}

async function versionOr404(db: Executor, productId: string, code: string, version: number) {
  const row = await findVersion(db, productId, version);
  if (!row) throw new NotFoundError('product version', `${code}@${version}`);
  return row;
}

export const productsRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['products'],
      summary: 'List products with their latest version',
      ...guarded('products:read'),
      responses: { 200: jsonResponse(z.object({ products: z.array(ProductSchema) }), 'Products by code'), ...errorResponses(401, 403) },
    }),
    async (c) => {
      const rows = await listProductsWithLatest(c.get('db'));
      return c.json({ products: rows.map((r) => productView(r, r.latest_version === null ? null : Number(r.latest_version))) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['products'],
      summary: 'Create a product with its first draft',
      description:
        'The first draft is `source` as sent, or a template (`template`, see `GET /product-templates`) or a copy of a published version (`copyFrom`) under the new code, name and `currency`, formatted. The code follows the language\'s rule (422 `code`); a taken code is 409 `product-exists` naming the product. A role limited to some sections of a draft (a risk analyst) may not create products: 403 `section-locked`.',
      ...guarded('products:write'),
      request: { body: jsonBody(NewProductSchema) },
      responses: {
        201: jsonResponse(z.object({ product: ProductSchema, draft: DraftSchema }), 'The new product'),
        ...errorResponses(400, 401, 403, 409, 413, 415, 422),
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      return c.json(await createProduct(c.get('db'), { code: body.code, name: body.name, ...originOf(body) }, draftCtxOf(c)), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{code}',
      tags: ['products'],
      summary: 'A product, its draft and its latest version summary',
      ...guarded('products:read'),
      request: { params: CodeParams },
      responses: {
        200: jsonResponse(
          z.object({
            product: ProductSchema,
            draft: DraftSchema.nullable(),
            latestVersion: VersionSummarySchema.nullable(),
            editableSections: EditableSectionsSchema,
            approvalRequest: ApprovalRequestSchema.nullable().openapi({ description: 'The latest approval request (pending or answered); null when none was made' }),
          }),
          'The product',
        ),
        ...errorResponses(401, 403, 404, 422),
      },
    }),
    async (c) => {
      const { code } = c.req.valid('param');
      const product = await productOr404(c.get('db'), code);
      const [draft, latest, approvalRequest] = await Promise.all([findDraft(c.get('db'), product.id), findLatestVersion(c.get('db'), product.id), latestRequestOf(c.get('db'), product.id)]);
      const names = await actorNames(c.get('db'), [...actorsOf(draft), ...actorsOf(latest)]);
      return c.json(
        {
          product: productView(product, latest?.version ?? null),
          draft: draft ? draftJson(draft, names) : null,
          latestVersion: latest ? versionSummaryJson(latest, names) : null,
          editableSections: editableJson(c),
          approvalRequest,
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{code}/draft',
      tags: ['products'],
      summary: "The product's draft, and what the caller may change in it",
      ...guarded('products:read'),
      request: { params: CodeParams },
      responses: { 200: jsonResponse(z.object({ draft: DraftSchema, editableSections: EditableSectionsSchema }), 'The draft'), ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) => {
      const { code } = c.req.valid('param');
      const product = await productOr404(c.get('db'), code);
      const draft = await findDraft(c.get('db'), product.id);
      if (!draft) throw new NotFoundError('draft of product', code);
      const names = await actorNames(c.get('db'), actorsOf(draft));
      return c.json({ draft: draftJson(draft, names), editableSections: editableJson(c) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/{code}/draft',
      tags: ['products'],
      summary: 'Save the draft source (and optionally the name)',
      description:
        'A role limited to some parts of a product (a risk analyst: eligibility, scorecard, tests) may change only those: 403 `section-locked` names every other part that changed and where (`details.changes`, ranges 0-based in the sent text).',
      ...guarded('products:write'),
      request: { params: CodeParams, body: jsonBody(DraftUpdateSchema) },
      responses: {
        200: jsonResponse(z.object({ draft: DraftSchema }), 'The saved draft'),
        ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422),
      },
    }),
    async (c) => {
      const { code } = c.req.valid('param');
      return c.json(await saveDraft(c.get('db'), code, c.req.valid('json'), draftCtxOf(c)), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/{code}/draft',
      tags: ['products'],
      summary: 'Discard the draft: back to the latest published text',
      description:
        'The draft takes the latest version\'s source, its makers start again empty and a pending approval request is superseded (audited as `discard`). A draft already equal to it is returned as it is. A product never published has nothing to go back to (409 `never-published`); a role limited to some sections may not (403 `section-locked`).',
      ...guarded('products:write'),
      request: { params: CodeParams },
      responses: { 200: jsonResponse(z.object({ draft: DraftSchema }), 'The draft, as published'), ...errorResponses(401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const { code } = c.req.valid('param');
      return c.json(await discardDraft(c.get('db'), code, draftCtxOf(c)), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{code}/approval-requests',
      tags: ['approvals'],
      summary: 'Send the draft, at its current revision, for approval',
      description:
        'The draft must pass what publishing checks: it compiles (422 `draft-has-errors`), its tests pass (422 `tests-failing`) and it differs from the latest version (409 `unchanged`); its warnings are for the approver to acknowledge. Sending the same revision again returns the pending request (200); a newer revision supersedes it (201). Approvers get a notice.',
      ...guarded('products:write'),
      request: { params: CodeParams, body: jsonBody(z.strictObject({ note: z.string().trim().min(1).max(2000).openapi({ description: 'What changed and why, for the approver' }) }).openapi('NewApprovalRequest')) },
      responses: {
        200: jsonResponse(z.object({ request: ApprovalRequestSchema }), 'The pending request for this revision, sent before'),
        201: jsonResponse(z.object({ request: ApprovalRequestSchema }), 'The new request'),
        ...errorResponses(400, 401, 403, 404, 409, 415, 422, 503),
      },
    }),
    async (c) => {
      const { code } = c.req.valid('param');
      const { request, created } = await requestApproval(c.get('db'), code, c.req.valid('json'), { ...ctxOf(c), lints: c.get('config').lints, lang: c.get('lang') });
      return created ? c.json({ request }, 201) : c.json({ request }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{code}/draft/check',
      tags: ['products'],
      summary: 'Check the draft: diagnostics with 0-based ranges',
      ...guarded('products:read'),
      request: { params: CodeParams },
      responses: {
        200: jsonResponse(
          z.object({ ok: z.boolean().openapi({ description: 'No errors (warnings allowed)' }), revision: z.number().int(), diagnostics: z.array(DiagnosticSchema) }),
          'Diagnostics',
        ),
        ...errorResponses(401, 403, 404, 422, 503),
      },
    }),
    async (c) => {
      const { code } = c.req.valid('param');
      const product = await productOr404(c.get('db'), code);
      const draft = await findDraft(c.get('db'), product.id);
      if (!draft) throw new NotFoundError('draft of product', code);
      const { ir, diagnostics } = await compileProductSource(draft.source, c.get('config').lints, c.get('lang'));
      return c.json({ ok: ir !== null, revision: draft.revision, diagnostics: [...diagnostics] }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{code}/versions',
      tags: ['products'],
      summary: 'Publish the draft as the next immutable version (maker-checker)',
      description:
        'Maker-checker: no one who changed the draft since the last version (its `makers`: users, and API keys as the user who owns them) may publish it (403 `same-author`). The draft must compile (422 `draft-has-errors`, with diagnostics), differ from the latest version (409 `unchanged`) and pass its tests (422 `tests-failing`, with the failing tests); its warnings need `acknowledgeWarnings` with exactly their codes and a reason (422 `warnings-not-acknowledged`, 409 `warnings-changed`).',
      ...guarded('products:publish'),
      request: { params: CodeParams, body: jsonBody(PublishSchema) },
      responses: {
        201: jsonResponse(z.object({ product: ProductSchema, version: VersionSchema, warnings: z.array(DiagnosticSchema) }), 'The new version'),
        ...errorResponses(400, 401, 403, 404, 409, 415, 422, 503),
      },
    }),
    async (c) => {
      const { code } = c.req.valid('param');
      const published = await publishDraft(c.get('db'), code, c.req.valid('json'), { ...ctxOf(c), lints: c.get('config').lints, lang: c.get('lang') });
      return c.json({ ...published, version: await withWarningsIn(published.version, c.get('lang')), warnings: [...published.warnings] }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{code}/versions',
      tags: ['products'],
      summary: 'List published versions, newest first',
      ...guarded('products:read'),
      request: { params: CodeParams },
      responses: { 200: jsonResponse(z.object({ versions: z.array(VersionSummarySchema) }), 'Versions'), ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) => {
      const { code } = c.req.valid('param');
      const product = await productOr404(c.get('db'), code);
      const rows = await listVersions(c.get('db'), product.id);
      const names = await actorNames(c.get('db'), rows.flatMap(actorsOf));
      return c.json({ versions: await Promise.all(rows.map((r) => withWarningsIn(versionSummaryJson(r, names), c.get('lang')))) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{code}/versions/{version}',
      tags: ['products'],
      summary: 'One published version: source, IR, hashes, who and when',
      ...guarded('products:read'),
      request: { params: VersionParams },
      responses: { 200: jsonResponse(z.object({ version: VersionSchema }), 'The version'), ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) => {
      const { code, version } = c.req.valid('param');
      const product = await productOr404(c.get('db'), code);
      const row = await versionOr404(c.get('db'), product.id, code, version);
      const names = await actorNames(c.get('db'), actorsOf(row));
      return c.json({ version: await withWarningsIn(versionJson(code, row, names), c.get('lang')) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{code}/diff',
      tags: ['products'],
      summary: 'Diff two versions: source lines (hunks and unified text) and IR changes by JSON path',
      ...guarded('products:read'),
      request: { params: CodeParams, query: DiffQuery },
      responses: {
        200: jsonResponse(
          z.object({
            from: z.number().int(),
            to: z.number().int(),
            text: z.object({
              unified: z.string(),
              hunks: z.array(
                z.object({
                  oldStart: z.number().int(),
                  oldLines: z.number().int(),
                  newStart: z.number().int(),
                  newLines: z.number().int(),
                  lines: z.array(z.object({ op: z.enum(['equal', 'delete', 'insert']), oldLine: z.number().int().optional(), newLine: z.number().int().optional(), text: z.string() })),
                }),
              ),
            }),
            ir: z.array(z.object({ path: z.string(), op: z.enum(['added', 'removed', 'changed']), before: z.unknown().optional(), after: z.unknown().optional() })),
          }),
          'The differences',
        ),
        ...errorResponses(401, 403, 404, 422),
      },
    }),
    async (c) => {
      const { code } = c.req.valid('param');
      const { from, to } = c.req.valid('query');
      const product = await productOr404(c.get('db'), code);
      const [a, b] = await Promise.all([versionOr404(c.get('db'), product.id, code, from), versionOr404(c.get('db'), product.id, code, to)]);
      const { hash: _ha, ...irA } = a.ir as Record<string, unknown>;
      const { hash: _hb, ...irB } = b.ir as Record<string, unknown>;
      return c.json(
        {
          from,
          to,
          text: {
            unified: unifiedDiff(a.source, b.source, { before: `${code}@${from}`, after: `${code}@${to}` }),
            hunks: diffHunks(lineDiff(a.source, b.source)).map((h) => ({ ...h, lines: [...h.lines] })),
          },
          ir: jsonDiff(irA, irB),
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{code}/impact',
      tags: ['products'],
      summary: 'What publishing the draft would change: who flips, amounts, rates and CAT, tests and warnings',
      description:
        "Compiles the draft and the latest published version and replays under both the product tests' applicants and the applications of the product's last `decisions` stored decisions (each on its own date): outcome flips by direction, offered amount, rate and CAT changes. Also the representative loans (smallest, typical and largest amount at the shortest and longest term) priced under both, the draft's test results and the warnings its publisher must acknowledge. Needs `decisions:read` as well as `products:read` (it reads stored applications). Without a published version `impact` is null. 422 `draft-has-errors` when the draft does not compile.",
      ...guarded('decisions:read'),
      request: { params: CodeParams, query: ImpactQuery },
      responses: { 200: jsonResponse(ImpactResponseSchema, 'The impact report'), ...errorResponses(401, 403, 404, 422, 503) },
    }),
    async (c) => {
      const { role } = principalOf(c);
      if (!roleHasPermission(role, 'products:read')) throw new ForbiddenError('products:read', role);
      const { code } = c.req.valid('param');
      const { decisions } = c.req.valid('query');
      const report = await draftImpact(c.get('db'), code, { decisions, asOf: c.get('clock').today(), lints: c.get('config').lints, lang: c.get('lang') });
      return c.json(report as z.infer<typeof ImpactResponseSchema>, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{code}/retire',
      tags: ['products'],
      summary: 'Retire a product (existing loans keep their version)',
      ...guarded('products:retire'),
      request: { params: CodeParams },
      responses: { 200: jsonResponse(z.object({ product: ProductSchema }), 'The retired product'), ...errorResponses(401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const { code } = c.req.valid('param');
      return c.json(await retireProduct(c.get('db'), code, ctxOf(c)), 200);
    },
  );
