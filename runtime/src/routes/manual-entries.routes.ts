// /api/v1/ledger/manual-entries: manual journal entries with maker-checker (ledger/manual-entries.ts):
// propose (idempotent by the required Idempotency-Key), list and read, approve (posts the entry)
// or reject with a reason — by someone other than the maker.
import { createRoute, z } from '@hono/zod-openapi';
import { ValidationError } from '../errors.ts';
import { errorResponses, guarded, jsonBody, jsonResponse, newRouter } from '../http/openapi.ts';
import { approveManualEntry, getManualEntry, listManualEntries, proposeManualEntry, rejectManualEntry } from '../ledger/manual-entries.ts';
import { ctxOf } from './accounting.routes.ts';
import { ActorDisplaySchema, TimestampSchema, UuidSchema } from './schemas.ts';
import { DateSchema, IdempotencyHeaders, MoneySchema } from './servicing-schemas.ts';

const STATUSES = ['pending', 'approved', 'rejected'] as const;

const LineSchema = z.strictObject({
  account: z.string().regex(/^\d{4}$/, 'an account code of four digits').openapi({ example: '2600' }),
  debit: MoneySchema.optional().openapi({ description: 'Default 0; exactly one of debit and credit is greater than zero' }),
  credit: MoneySchema.optional(),
});

const ProposeSchema = z
  .strictObject({
    date: DateSchema.openapi({ description: 'The entry’s date: not in the future, not inside a closed period' }),
    description: z.string().trim().min(1).max(500),
    currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code like "MXN"').default('MXN'),
    lines: z.array(LineSchema).max(200).openapi({ description: 'At least two; balanced; known accounts outside the loan subledger; at most 2 decimals' }),
  })
  .openapi('ProposeManualEntry');

const ManualEntrySchema = z
  .object({
    id: z.string(),
    status: z.enum(STATUSES),
    date: z.string(),
    description: z.string(),
    currency: z.string(),
    lines: z.array(z.object({ account: z.string(), debit: z.string(), credit: z.string() })),
    maker: z.string().openapi({ description: 'The person who proposed it' }),
    makerDisplay: ActorDisplaySchema,
    createdBy: z.string(),
    createdByDisplay: ActorDisplaySchema,
    createdAt: TimestampSchema,
    decidedBy: z.string().nullable().openapi({ description: 'The checker: the person who approved or rejected it' }),
    decidedByDisplay: ActorDisplaySchema.nullable(),
    decidedAt: TimestampSchema.nullable(),
    reason: z.string().nullable().openapi({ description: 'Why it was rejected' }),
    journalEntryId: z.string().nullable().openapi({ description: 'The journal entry its approval posted' }),
  })
  .openapi('ManualEntry');

const IdParams = z.object({ id: UuidSchema.openapi({ param: { name: 'id', in: 'path' } }) });
const Answer = z.object({ manualEntry: ManualEntrySchema });

export const manualEntriesRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['ledger'],
      summary: 'Propose a manual journal entry (pending until another person approves it)',
      description:
        'Requires `Idempotency-Key`: the same key and body return the first entry (`Idempotent-Replayed: true`); the key with another body is 409 `idempotency-key-reused`. 422 `validation-failed` names each problem by path (`lines[2].account`: unknown, or a loan subledger account; `lines`: fewer than two, unbalanced, memorandum accounts unbalanced; `date`: in the future or inside a closed period).',
      ...guarded('accounting:post-manual'),
      request: { headers: IdempotencyHeaders, body: jsonBody(ProposeSchema) },
      responses: { 201: jsonResponse(Answer, 'The pending entry'), ...errorResponses(400, 401, 403, 409, 413, 415, 422) },
    }),
    async (c) => {
      const key = c.req.valid('header')['idempotency-key'];
      if (key === undefined) throw new ValidationError([{ path: 'idempotency-key', message: 'required: one key per entry the person means' }], 'the request header is not valid');
      const { manualEntry, replayed } = await proposeManualEntry(c.get('db'), c.req.valid('json'), key, { ...ctxOf(c), today: c.get('clock').today() });
      if (replayed) c.header('Idempotent-Replayed', 'true');
      return c.json({ manualEntry }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['ledger'],
      summary: 'Manual entries, newest first (the checkers’ queue with `status=pending`)',
      ...guarded('accounting:read'),
      request: { query: z.strictObject({ status: z.enum(STATUSES).optional().openapi({ param: { name: 'status', in: 'query' } }) }) },
      responses: { 200: jsonResponse(z.object({ manualEntries: z.array(ManualEntrySchema) }), 'Entries'), ...errorResponses(401, 403, 422) },
    }),
    async (c) => c.json({ manualEntries: await listManualEntries(c.get('db'), c.req.valid('query').status) }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags: ['ledger'],
      summary: 'One manual entry',
      ...guarded('accounting:read'),
      request: { params: IdParams },
      responses: { 200: jsonResponse(Answer, 'The entry'), ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) => c.json({ manualEntry: await getManualEntry(c.get('db'), c.req.valid('param').id) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/approve',
      tags: ['ledger'],
      summary: 'Approve: post the journal entry (source `manual`)',
      description:
        'By another person than the maker (403 `same-author`). An entry already approved or rejected is 409 `manual-entry-not-pending` (two approvals at once post it once); a month closed since it was proposed is 409 `period-closed`.',
      ...guarded('accounting:approve-manual'),
      request: { params: IdParams, body: jsonBody(z.strictObject({}).openapi('ApproveManualEntry')) },
      responses: { 200: jsonResponse(Answer, 'The approved entry and the journal entry posted'), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
    }),
    async (c) => c.json({ manualEntry: await approveManualEntry(c.get('db'), c.req.valid('param').id, ctxOf(c)) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/reject',
      tags: ['ledger'],
      summary: 'Reject with a reason for the maker; nothing is posted',
      description: 'By another person than the maker (403 `same-author`); 409 `manual-entry-not-pending` when already decided.',
      ...guarded('accounting:approve-manual'),
      request: { params: IdParams, body: jsonBody(z.strictObject({ reason: z.string().trim().min(1).max(2000) }).openapi('RejectManualEntry')) },
      responses: { 200: jsonResponse(Answer, 'The rejected entry'), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
    }),
    async (c) => c.json({ manualEntry: await rejectManualEntry(c.get('db'), c.req.valid('param').id, c.req.valid('json').reason, ctxOf(c)) }, 200),
  );
