// /api/v1/applications: the review queue of referred decisions (issue 14, origination) — list
// (JSON or CSV), one application with its decision, client and history, and the reviewer's
// answers: approve (the engine decides again; the loan opens through the `POST /loans` path),
// decline with a reason code, ask for documents; the desk resumes or withdraws it. The authority
// limits (the largest amount each role may approve) are read and replaced at /authority-limits.
import { createRoute, z } from '@hono/zod-openapi';
import { Dec } from '@plazo/engine';
import {
  applicationDetail,
  approveApplication,
  AUTHORITY_CURRENCY,
  authorityLimits,
  authorityOf,
  declineApplication,
  listApplications,
  requestDocuments,
  resumeApplication,
  setAuthorityLimits,
  withdrawApplication,
  type ReviewContext,
} from '../applications/application-service.ts';
import { principalOf } from '../auth/auth.middleware.ts';
import { ROLES, roleHasPermission } from '../auth/permissions.ts';
import { readableGroups } from '../clients/field-groups.ts';
import { actorOf, personOf } from '../auth/principal.ts';
import { APPLICATION_STATUSES } from '../db/tables/applications.table.ts';
import type { ContextVariables } from '../http/app-env.ts';
import { csvText, wantsCsv } from '../http/csv.ts';
import { errorResponses, guarded, jsonBody, jsonResponse, newRouter } from '../http/openapi.ts';
import { DecisionSchema } from './decisions.routes.ts';
import { ActorSchema, IdParamSchema, RoleSchema, TimestampSchema, UuidSchema } from './schemas.ts';
import { MoneySchema, PositiveMoneySchema, ProductCodeSchema } from './servicing-schemas.ts';

const StatusSchema = z.enum(APPLICATION_STATUSES);
const ActorDisplaySchema = z.object({ kind: z.enum(['user', 'api-key', 'system', 'unknown']), name: z.string(), email: z.string().nullable() });
const ReasonSchema = z.object({ code: z.string(), outcome: z.string(), message: z.string().nullable() });

export const ApplicationSchema = z
  .object({
    id: z.string(),
    decisionId: z.string().openapi({ description: 'The referred decision' }),
    clientId: z.string().nullable(),
    product: z.object({ code: z.string(), version: z.number().int() }),
    requestedAmount: z.string(),
    requestedPayments: z.number().int(),
    offeredAmount: z.string().nullable().openapi({ description: "The referred decision's offer amount" }),
    status: StatusSchema,
    requestedBy: ActorSchema.openapi({ description: 'The person who asked for the decision (may not review it)' }),
    requestedByDisplay: ActorDisplaySchema,
    reviewer: ActorSchema.nullable(),
    reviewerDisplay: ActorDisplaySchema.nullable(),
    reviewedAt: TimestampSchema.nullable(),
    note: z.string().nullable(),
    reasonCode: z.string().nullable().openapi({ description: 'Why it was declined' }),
    documents: z.array(z.string()).openapi({ description: 'Documents asked for' }),
    approvedDecisionId: z.string().nullable(),
    approvedAmount: z.string().nullable(),
    approvedPayments: z.number().int().nullable(),
    loanId: z.string().nullable(),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
    reasons: z.array(ReasonSchema).optional().openapi({ description: 'The reasons the decision referred it' }),
  })
  .openapi('Application');

const ListQuery = z
  .strictObject({
    status: StatusSchema.optional().openapi({ param: { name: 'status', in: 'query' } }),
    product: ProductCodeSchema.optional().openapi({ param: { name: 'product', in: 'query' } }),
    clientId: UuidSchema.optional().openapi({ param: { name: 'clientId', in: 'query' } }),
    minAmount: MoneySchema.optional().openapi({ param: { name: 'minAmount', in: 'query' }, description: 'Requested amount at least' }),
    maxAmount: MoneySchema.optional().openapi({ param: { name: 'maxAmount', in: 'query' }, description: 'Requested amount at most' }),
    mine: z.enum(['true', 'false']).optional().openapi({ param: { name: 'mine', in: 'query' }, description: "`true`: only what the caller's role may approve (requested amount within its authority)" }),
    after: UuidSchema.optional().openapi({ param: { name: 'after', in: 'query' }, description: 'The last id of the previous page' }),
    limit: z.coerce.number().int().min(1).max(5000).default(50).openapi({ param: { name: 'limit', in: 'query' }, description: 'Up to 500 in JSON, 5000 in CSV' }),
    format: z.enum(['json', 'csv']).optional().openapi({ param: { name: 'format', in: 'query' } }),
  })
  .superRefine((q, ctx) => {
    if (q.minAmount !== undefined && q.maxAmount !== undefined && new Dec(q.minAmount).gt(q.maxAmount)) ctx.addIssue({ code: 'custom', path: ['minAmount'], message: 'must not be more than `maxAmount`' });
    if (q.format !== 'csv' && q.limit > 500) ctx.addIssue({ code: 'custom', path: ['limit'], message: 'at most 500 in JSON (5000 with `format=csv`)' });
  });

const NoteSchema = z.string().trim().min(1).max(2000);
const ApproveSchema = z
  .strictObject({
    amount: PositiveMoneySchema.optional().openapi({ description: 'A changed amount (default: as requested)' }),
    payments: z.number().int().min(1).max(1000).optional().openapi({ description: 'A changed number of payments (default: as requested)' }),
    note: NoteSchema.openapi({ description: "The reviewer's note" }),
  })
  .openapi('ApproveApplication');
const DeclineSchema = z
  .strictObject({
    reasonCode: z.string().regex(/^[A-Z][A-Z0-9_]{0,39}$/, 'an upper-case code like `CAPACIDAD_PAGO`'),
    note: NoteSchema,
  })
  .openapi('DeclineApplication');
const DocumentsSchema = z
  .strictObject({
    documents: z.array(z.string().regex(/^[a-z][a-z0-9-]{0,59}$/, 'a document kind like `comprobante-domicilio`')).min(1).max(20),
    note: NoteSchema,
  })
  .openapi('RequestDocuments');
const OptionalNoteSchema = z.strictObject({ note: NoteSchema.optional() });
const LimitsSchema = z
  .strictObject({
    limits: z
      .array(z.strictObject({ role: RoleSchema, maxAmount: MoneySchema.nullable().openapi({ description: 'MXN; null: no limit' }) }))
      .max(ROLES.length)
      .superRefine((ls, ctx) => {
        const seen = new Set<string>();
        ls.forEach((l, i) => {
          if (seen.has(l.role)) ctx.addIssue({ code: 'custom', path: [i, 'role'], message: `\`${l.role}\` is listed twice` });
          seen.add(l.role);
        });
      })
      .openapi({ description: 'Every role with authority; a role left out has none' }),
  })
  .openapi('AuthorityLimits');
const LimitSchema = z.object({ role: RoleSchema, maxAmount: z.string().nullable(), updatedAt: TimestampSchema, updatedBy: ActorSchema });

function writeCtx(c: ContextVariables) {
  const principal = principalOf(c);
  return { actor: actorOf(principal), person: personOf(principal), at: c.get('clock').now().toISOString(), requestId: c.get('requestId'), today: c.get('clock').today() };
}
function reviewCtx(c: ContextVariables): ReviewContext {
  return { ...writeCtx(c), role: principalOf(c).role };
}

const CSV_HEADER = ['application_id', 'status', 'product', 'version', 'client_id', 'requested_amount', 'requested_payments', 'offered_amount', 'reasons', 'created_at', 'reviewer', 'reviewed_at', 'reason_code', 'approved_amount', 'loan_id'];
const Answer = z.object({ application: ApplicationSchema });

export const applicationsRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/authority-limits',
      tags: ['applications'],
      summary: 'The largest amount each role may approve, and the caller’s own',
      ...guarded('applications:read'),
      responses: {
        200: jsonResponse(
          z.object({ currency: z.string(), limits: z.array(LimitSchema), yours: z.object({ role: RoleSchema, canReview: z.boolean(), maxAmount: z.string().nullable(), unlimited: z.boolean() }) }),
          'The limits (a role not listed has no authority)',
        ),
        ...errorResponses(401, 403),
      },
    }),
    async (c) => {
      const role = principalOf(c).role;
      const mine = await authorityOf(c.get('db'), role);
      return c.json(
        {
          currency: AUTHORITY_CURRENCY,
          limits: await authorityLimits(c.get('db')),
          yours: { role, canReview: roleHasPermission(role, 'applications:review') && mine !== 'none', maxAmount: mine === 'none' || mine === 'unlimited' ? null : mine, unlimited: mine === 'unlimited' },
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/authority-limits',
      tags: ['applications'],
      summary: 'Replace the authority limits (audited)',
      ...guarded('users:admin'),
      request: { body: jsonBody(LimitsSchema) },
      responses: { 200: jsonResponse(z.object({ currency: z.string(), limits: z.array(LimitSchema) }), 'The limits now'), ...errorResponses(400, 401, 403, 415, 422) },
    }),
    async (c) => c.json({ currency: AUTHORITY_CURRENCY, limits: await setAuthorityLimits(c.get('db'), c.req.valid('json').limits, writeCtx(c)) }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['applications'],
      summary: 'The review queue, oldest first (`format=csv` for a spreadsheet)',
      ...guarded('applications:read'),
      request: { query: ListQuery },
      responses: {
        200: {
          description: 'Applications, and the id to pass as `after` for the next page (null on the last)',
          content: { 'application/json': { schema: z.object({ applications: z.array(ApplicationSchema), next: z.string().nullable() }) }, 'text/csv': { schema: z.string() } },
        },
        ...errorResponses(401, 403, 422),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const rows = await listApplications(c.get('db'), {
        status: q.status,
        product: q.product,
        clientId: q.clientId,
        minAmount: q.minAmount,
        maxAmount: q.maxAmount,
        withinAuthorityOf: q.mine === 'true' ? principalOf(c).role : undefined,
        after: q.after,
        limit: q.limit,
      });
      if (wantsCsv(q.format, c.req.header('accept'))) {
        const body = csvText(
          CSV_HEADER,
          rows.map((a) => [a.id, a.status, a.product.code, a.product.version, a.clientId, a.requestedAmount, a.requestedPayments, a.offeredAmount, (a.reasons ?? []).map((r) => r.code).join(' '), a.createdAt, a.reviewer, a.reviewedAt, a.reasonCode, a.approvedAmount, a.loanId]),
        );
        return new Response(body, { status: 200, headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="applications.csv"' } }) as never;
      }
      return c.json({ applications: rows, next: rows.length === q.limit ? rows[rows.length - 1]!.id : null } as never, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags: ['applications'],
      summary: 'One application: the referred decision with its reasons, the client, the history',
      description: "The client's name for callers with `clients:read`, the CURP with the identity group, the PEP flag with the KYC group.",
      ...guarded('applications:read'),
      request: { params: IdParamSchema },
      responses: {
        200: jsonResponse(
          z.object({
            application: ApplicationSchema,
            decision: DecisionSchema,
            input: z.record(z.string(), z.unknown()).openapi({ description: 'The application as sent to the decision' }),
            client: z.object({ id: z.string(), name: z.string().nullable(), curp: z.string().nullable(), pep: z.boolean().nullable() }).nullable(),
            approvedOffer: z.record(z.string(), z.unknown()).nullable(),
            events: z.array(z.object({ kind: z.string(), note: z.string().nullable(), details: z.record(z.string(), z.unknown()), at: TimestampSchema, by: ActorSchema, byDisplay: ActorDisplaySchema })),
          }),
          'The application',
        ),
        ...errorResponses(401, 403, 404, 422),
      },
    }),
    async (c) => {
      const { role } = principalOf(c);
      const readable = { name: roleHasPermission(role, 'clients:read'), groups: readableGroups(role) };
      return c.json((await applicationDetail(c.get('db'), c.req.valid('param').id, readable)) as never, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/approve',
      tags: ['applications'],
      summary: 'Approve (optionally a changed amount or number of payments): decides again and opens the loan',
      description:
        'The engine decides again on the application with the changed request, as of today: 422 `redecision-declined` names the decline reasons, 422 `redecision-referred` the refer reasons the application did not have. The offer amount must be within the role authority (403 `over-authority` names the limit, `no-authority`). 403 `same-author` for the person who asked for the decision; 409 `application-not-open` once answered. The loan opens `pending` (disburse it at `/loans/{id}/disbursement`).',
      ...guarded('applications:review'),
      request: { params: IdParamSchema, body: jsonBody(ApproveSchema) },
      responses: {
        200: jsonResponse(Answer.extend({ decision: DecisionSchema, loan: z.record(z.string(), z.unknown()) }), 'The approved application, the approved decision and the loan'),
        ...errorResponses(400, 401, 403, 404, 409, 415, 422),
      },
    }),
    async (c) => c.json((await approveApplication(c.get('db'), c.req.valid('param').id, c.req.valid('json'), reviewCtx(c))) as never, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/decline',
      tags: ['applications'],
      summary: 'Decline with a reason code and a note',
      ...guarded('applications:review'),
      request: { params: IdParamSchema, body: jsonBody(DeclineSchema) },
      responses: { 200: jsonResponse(Answer, 'The declined application'), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
    }),
    async (c) => c.json((await declineApplication(c.get('db'), c.req.valid('param').id, c.req.valid('json'), reviewCtx(c))) as never, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/request-documents',
      tags: ['applications'],
      summary: 'Ask for documents: the application waits until resumed',
      ...guarded('applications:review'),
      request: { params: IdParamSchema, body: jsonBody(DocumentsSchema) },
      responses: { 200: jsonResponse(Answer, 'The application, `documents-requested`'), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
    }),
    async (c) => c.json((await requestDocuments(c.get('db'), c.req.valid('param').id, c.req.valid('json'), reviewCtx(c))) as never, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/resume',
      tags: ['applications'],
      summary: 'The documents are in: back to the queue',
      ...guarded('decisions:write'),
      request: { params: IdParamSchema, body: jsonBody(OptionalNoteSchema) },
      responses: { 200: jsonResponse(Answer, 'The application, `pending`'), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
    }),
    async (c) => c.json((await resumeApplication(c.get('db'), c.req.valid('param').id, c.req.valid('json'), writeCtx(c))) as never, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/withdraw',
      tags: ['applications'],
      summary: 'The client gives up: the application leaves the queue',
      ...guarded('decisions:write'),
      request: { params: IdParamSchema, body: jsonBody(OptionalNoteSchema) },
      responses: { 200: jsonResponse(Answer, 'The application, `withdrawn`'), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
    }),
    async (c) => c.json((await withdrawApplication(c.get('db'), c.req.valid('param').id, c.req.valid('json'), writeCtx(c))) as never, 200),
  );
