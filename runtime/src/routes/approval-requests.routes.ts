// /api/v1/approval-requests: the approvers' queue of drafts sent for approval, one request, and
// its answers (approve — which publishes —, reject, withdraw). Requests are made at
// POST /api/v1/products/{code}/approval-requests (products.routes.ts).
import { createRoute, z } from '@hono/zod-openapi';
import { principalOf } from '../auth/auth.middleware.ts';
import { actorOf, personOf } from '../auth/principal.ts';
import type { ContextVariables } from '../http/app-env.ts';
import { errorResponses, guarded, jsonBody, jsonResponse, newRouter } from '../http/openapi.ts';
import { approvalRequestDetail, approveRequest, listApprovalRequests, rejectRequest, withdrawRequest } from '../products/approval-requests.ts';
import { ActorDisplaySchema, ActorSchema, TimestampSchema, UuidSchema } from './schemas.ts';

export const APPROVAL_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn', 'superseded'] as const;

export const ApprovalRequestSchema = z
  .object({
    id: z.string(),
    product: z.object({ code: z.string(), name: z.string() }),
    draftRevision: z.number().int().openapi({ description: 'The draft revision the request was made from' }),
    sourceHash: z.string().openapi({ description: "SHA-256 of that revision's source" }),
    maker: ActorSchema.openapi({ description: 'The person who asked' }),
    makerDisplay: ActorDisplaySchema,
    note: z.string(),
    status: z.enum(APPROVAL_STATUSES),
    decidedBy: ActorSchema.nullable(),
    decidedByDisplay: ActorDisplaySchema.nullable(),
    decidedAt: TimestampSchema.nullable(),
    comment: z.string().nullable().openapi({ description: "The approver's comment (required on a rejection)" }),
    version: z.number().int().nullable().openapi({ description: 'The version an approval published' }),
    draftChanged: z.boolean().openapi({ description: 'The draft is no longer at the requested revision (an approval would be refused)' }),
    createdAt: TimestampSchema,
  })
  .openapi('ApprovalRequest');

const PositionSchema = z.object({ line: z.number().int(), column: z.number().int(), offset: z.number().int() });
const ReviewSchema = z
  .object({
    latestVersion: z.number().int().nullable(),
    errors: z.number().int(),
    warnings: z.array(z.object({ severity: z.string(), code: z.string(), message: z.string(), range: z.object({ start: PositionSchema, end: PositionSchema }) })),
    tests: z.object({ passed: z.number().int(), failed: z.number().int(), failing: z.array(z.string()) }).nullable(),
    diff: z.object({ added: z.number().int(), removed: z.number().int() }).openapi({ description: 'Source lines added and removed against the latest version' }),
  })
  .openapi('ApprovalReview', { description: 'What the approver checks; null unless the request is pending and the draft unchanged' });

const IdParams = z.object({ id: UuidSchema.openapi({ param: { name: 'id', in: 'path' }, example: '0b0e7a1c-…' }) });
const ListQuery = z.strictObject({ status: z.enum(APPROVAL_STATUSES).optional().openapi({ param: { name: 'status', in: 'query' } }) });
const CommentSchema = z.string().trim().min(1).max(2000);
const ApproveSchema = z
  .strictObject({
    comment: CommentSchema.optional(),
    acknowledgedWarnings: z
      .strictObject({
        codes: z.array(z.string().min(1).max(100)).max(200),
        reason: CommentSchema.optional().openapi({ description: 'Default: the comment' }),
      })
      .optional()
      .openapi({ description: "Required when the draft has warnings: exactly their codes (as `review.warnings` shows them)" }),
  })
  .openapi('ApproveRequest');
const RejectSchema = z.strictObject({ comment: CommentSchema.openapi({ description: 'What the maker should fix' }) }).openapi('RejectRequest');

function ctxOf(c: ContextVariables) {
  const principal = principalOf(c);
  return { actor: actorOf(principal), person: personOf(principal), at: c.get('clock').now().toISOString(), requestId: c.get('requestId') };
}

const Answer = z.object({ request: ApprovalRequestSchema });

export const approvalRequestsRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['approvals'],
      summary: 'Approval requests, newest first (the approvers’ queue with `status=pending`)',
      ...guarded('products:read'),
      request: { query: ListQuery },
      responses: { 200: jsonResponse(z.object({ requests: z.array(ApprovalRequestSchema) }), 'Requests'), ...errorResponses(401, 403, 422) },
    }),
    async (c) => c.json({ requests: await listApprovalRequests(c.get('db'), c.req.valid('query').status) }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags: ['approvals'],
      summary: 'One approval request and what the approver checks',
      ...guarded('products:read'),
      request: { params: IdParams },
      responses: { 200: jsonResponse(z.object({ request: ApprovalRequestSchema, review: ReviewSchema.nullable() }), 'The request'), ...errorResponses(401, 403, 404, 422, 503) },
    }),
    async (c) => c.json(await approvalRequestDetail(c.get('db'), c.req.valid('param').id, c.get('config').lints, c.get('lang')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/approve',
      tags: ['approvals'],
      summary: 'Approve: publish the draft revision the request was made from',
      description:
        'Publishes as `POST /products/{code}/versions` does (same checks: 403 `same-author` for a maker of the draft, 422 `tests-failing`, `warnings-not-acknowledged`…). The person who asked may not approve (403 `same-author`); a draft changed since the request is 409 `draft-changed-since-request`; an answered request is 409 `request-not-pending`.',
      ...guarded('products:publish'),
      request: { params: IdParams, body: jsonBody(ApproveSchema) },
      responses: {
        200: jsonResponse(Answer.extend({ version: z.object({ version: z.number().int() }).passthrough(), warnings: z.array(z.unknown()) }), 'The approved request and the new version'),
        ...errorResponses(400, 401, 403, 404, 409, 415, 422, 503),
      },
    }),
    async (c) => c.json(await approveRequest(c.get('db'), c.req.valid('param').id, c.req.valid('json'), { ...ctxOf(c), lints: c.get('config').lints, lang: c.get('lang') }), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/reject',
      tags: ['approvals'],
      summary: 'Reject with a comment for the maker; the draft stays for them to fix',
      ...guarded('products:publish'),
      request: { params: IdParams, body: jsonBody(RejectSchema) },
      responses: { 200: jsonResponse(Answer, 'The rejected request'), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
    }),
    async (c) => c.json(await rejectRequest(c.get('db'), c.req.valid('param').id, c.req.valid('json'), ctxOf(c)), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/withdraw',
      tags: ['approvals'],
      summary: 'The maker takes the request back',
      ...guarded('products:write'),
      request: { params: IdParams },
      responses: { 200: jsonResponse(Answer, 'The withdrawn request'), ...errorResponses(401, 403, 404, 409, 422) },
    }),
    async (c) => c.json(await withdrawRequest(c.get('db'), c.req.valid('param').id, ctxOf(c)), 200),
  );
