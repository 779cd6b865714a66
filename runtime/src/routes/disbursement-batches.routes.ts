// /api/v1/disbursement-batches (issue 16): loans ready to disburse, batches prepared by a maker
// (`disbursements:prepare`) and approved by another person (`disbursements:approve`), the SPEI
// layout file, sending through a channel, and importing the bank's answers
// (disbursements/*.ts; runtime/README.md documents the files).
import { createRoute, z } from '@hono/zod-openapi';
import { CHANNELS } from '../disbursements/disbursement-channel.ts';
import { approveBatch, batchItems, cancelBatch, createBatch, getBatch, listBatches, listCandidates, markSent, orderOf } from '../disbursements/disbursement-batches.ts';
import { layoutBytes, type StatusLine, parseStatusFile } from '../disbursements/spei-layout.ts';
import { importStatus } from '../disbursements/status-import.ts';
import { ConflictError } from '../errors.ts';
import type { ContextVariables } from '../http/app-env.ts';
import { errorResponses, guarded, jsonBody, jsonResponse, newRouter } from '../http/openapi.ts';
import { ctxOf } from './accounting.routes.ts';
import { ActorDisplaySchema, TimestampSchema, UuidSchema } from './schemas.ts';
import { DateSchema } from './servicing-schemas.ts';

const BATCH_STATUSES = ['prepared', 'approved', 'sent', 'closed', 'cancelled'] as const;
const ITEM_STATUSES = ['pending', 'liquidated', 'returned', 'cancelled'] as const;
const CHANNEL_NAMES = ['file', 'spei-test'] as const;

const Reason = z.object({ code: z.string(), message: z.string() });
const CandidateSchema = z
  .object({
    loanId: z.string(),
    status: z.string().nullable(),
    clientId: z.string().nullable(),
    amount: z.string().nullable().openapi({ description: 'The cash the client receives (disbursed − upfront), 2 decimals' }),
    clabe: z.string().nullable(),
    holderName: z.string().nullable(),
    disbursementDate: z.string().nullable().openapi({ description: 'The terms’ disbursement date' }),
    openBatchId: z.string().nullable(),
    paymentReference: z.string().nullable(),
    reasons: z.array(Reason).openapi({ description: 'Why it cannot be disbursed now (empty: ready): not-found, not-pending, no-client, no-disbursement-account, invalid-clabe, holder-missing, in-open-batch, currency, amount' }),
  })
  .openapi('DisbursementCandidate');

const BatchSchema = z
  .object({
    id: z.string(),
    status: z.enum(BATCH_STATUSES),
    valueDate: z.string(),
    currency: z.string(),
    itemsCount: z.number(),
    totalAmount: z.string(),
    counts: z.object({ pending: z.number(), liquidated: z.number(), returned: z.number(), cancelled: z.number() }),
    channel: z.enum(CHANNEL_NAMES).nullable(),
    maker: z.string(),
    makerDisplay: ActorDisplaySchema,
    checker: z.string().nullable(),
    checkerDisplay: ActorDisplaySchema.nullable(),
    approvedAt: TimestampSchema.nullable(),
    sentAt: TimestampSchema.nullable(),
    sentBy: z.string().nullable(),
    closedAt: TimestampSchema.nullable(),
    cancelledAt: TimestampSchema.nullable(),
    cancelledBy: z.string().nullable(),
    cancelReason: z.string().nullable(),
    createdAt: TimestampSchema,
    createdBy: z.string(),
  })
  .openapi('DisbursementBatch');

const ItemSchema = z
  .object({
    id: z.string(),
    seq: z.number(),
    loanId: z.string(),
    amount: z.string(),
    clabe: z.string(),
    bankCode: z.string(),
    holderName: z.string(),
    trackingKey: z.string().openapi({ description: 'SPEI clave de rastreo: ≤ 30 alphanumerics, unique' }),
    numericReference: z.string().openapi({ description: 'SPEI referencia numérica: 7 digits' }),
    concept: z.string(),
    status: z.enum(ITEM_STATUSES),
    settledOn: z.string().nullable(),
    settlementTime: z.string().nullable(),
    returnReason: z.string().nullable(),
    answeredAt: TimestampSchema.nullable(),
    answeredBy: z.string().nullable(),
  })
  .openapi('DisbursementItem');

const LeftOut = z.object({ loanId: z.string(), reasons: z.array(Reason) });
const LineResultSchema = z
  .object({
    line: z.number().openapi({ description: 'The line of the status file (1 is the header); for a channel’s answers, their order from 1' }),
    trackingKey: z.string().nullable(),
    outcome: z.enum(['liquidated', 'returned', 'unchanged', 'unknown-tracking-key', 'contradicts-final-status', 'item-cancelled', 'invalid', 'refused']),
    message: z.string(),
    loanId: z.string().optional(),
  })
  .openapi('DisbursementStatusLine');
const ImportResult = z.object({ lines: z.array(LineResultSchema), summary: z.record(z.string(), z.number()), batchStatus: z.enum(BATCH_STATUSES) }).openapi('DisbursementStatusImport');

const IdParams = z.object({ id: UuidSchema.openapi({ param: { name: 'id', in: 'path' } }) });
const WithItems = z.object({ batch: BatchSchema, items: z.array(ItemSchema) });

function dctx(c: ContextVariables) {
  return { ...ctxOf(c), today: c.get('clock').today() };
}

/** A channel's answers as status lines (numbered from 1 in the channel's order). */
function channelLines(answers: Awaited<ReturnType<(typeof CHANNELS)['spei-test']['answers']>>): StatusLine[] {
  return answers.map((answer, i) => ({ line: i + 1, trackingKey: answer.trackingKey, answer }));
}

export const disbursementBatchesRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/candidates',
      tags: ['disbursements'],
      summary: 'Pending loans, each ready to disburse or with the reasons it is not',
      ...guarded('disbursements:read'),
      request: {
        query: z.strictObject({
          after: UuidSchema.optional().openapi({ param: { name: 'after', in: 'query' }, description: 'The last loan id of the previous page' }),
          limit: z.coerce.number().int().min(1).max(1000).default(200).openapi({ param: { name: 'limit', in: 'query' } }),
        }),
      },
      responses: { 200: jsonResponse(z.object({ loans: z.array(CandidateSchema), nextAfter: z.string().nullable() }), 'Pending loans'), ...errorResponses(401, 403, 422) },
    }),
    async (c) => c.json(await listCandidates(c.get('db'), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['disbursements'],
      summary: 'Prepare a batch (the maker): from named loans, or every pending loan ready',
      description:
        'Each item: the loan, the cash the client receives (disbursed − upfront), the client’s CLABE and holder, a generated tracking key, a numeric reference and a concept. Named loans that cannot go: 422 `loans-not-ready` with `details[]` `{ path: loanIds[i], loanId, reasons }`, unless `skipIneligible: true` (the batch without them; `leftOut` lists them). None ready: 422 `no-loans-ready`. A loan is in one open batch only (a unique index).',
      ...guarded('disbursements:prepare'),
      request: {
        body: jsonBody(
          z
            .strictObject({
              loanIds: z.array(UuidSchema).min(1).max(20000).optional().openapi({ description: 'Default: every pending loan that is ready' }),
              valueDate: DateSchema.openapi({ description: 'The transfers’ value date (fecha de operación): today or later' }),
              skipIneligible: z.boolean().optional(),
            })
            .openapi('NewDisbursementBatch'),
        ),
      },
      responses: { 201: jsonResponse(WithItems.extend({ leftOut: z.array(LeftOut) }), 'The prepared batch'), ...errorResponses(400, 401, 403, 413, 415, 422) },
    }),
    async (c) => c.json(await createBatch(c.get('db'), c.req.valid('json'), dctx(c)), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['disbursements'],
      summary: 'Batches, newest first (at most 200)',
      ...guarded('disbursements:read'),
      request: { query: z.strictObject({ status: z.enum(BATCH_STATUSES).optional().openapi({ param: { name: 'status', in: 'query' } }) }) },
      responses: { 200: jsonResponse(z.object({ batches: z.array(BatchSchema) }), 'Batches'), ...errorResponses(401, 403, 422) },
    }),
    async (c) => c.json({ batches: await listBatches(c.get('db'), c.req.valid('query').status) }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags: ['disbursements'],
      summary: 'One batch with its items',
      ...guarded('disbursements:read'),
      request: { params: IdParams },
      responses: { 200: jsonResponse(WithItems, 'The batch'), ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) => c.json(await getBatch(c.get('db'), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/approve',
      tags: ['disbursements'],
      summary: 'Approve a prepared batch (another person than its maker)',
      description: 'The maker: 403 `same-author` (people are compared: an API key acts for its owner). Not prepared: 409 `batch-not-prepared`.',
      ...guarded('disbursements:approve'),
      request: { params: IdParams, body: jsonBody(z.strictObject({}).openapi('ApproveDisbursementBatch')) },
      responses: { 200: jsonResponse(z.object({ batch: BatchSchema }), 'The approved batch'), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
    }),
    async (c) => c.json({ batch: await approveBatch(c.get('db'), c.req.valid('param').id, dctx(c)) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/cancel',
      tags: ['disbursements'],
      summary: 'Cancel a batch not yet sent; its loans may go into another batch',
      description: 'Sent or closed: 409 `batch-already-sent`.',
      ...guarded('disbursements:prepare'),
      request: { params: IdParams, body: jsonBody(z.strictObject({ reason: z.string().trim().min(1).max(500).optional() }).openapi('CancelDisbursementBatch')) },
      responses: { 200: jsonResponse(z.object({ batch: BatchSchema }), 'The cancelled batch'), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
    }),
    async (c) => c.json({ batch: await cancelBatch(c.get('db'), c.req.valid('param').id, c.req.valid('json').reason, dctx(c)) }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/layout.csv',
      tags: ['disbursements'],
      summary: 'The SPEI layout file of an approved batch; downloading it marks the batch sent (file channel)',
      description:
        'Columns in runtime/README.md. `?encoding=iso-8859-1` for banks that take Latin-1 (default UTF-8). Idempotent: the same bytes every time; the first download marks the batch `sent` (channel `file`). Not approved: 409 `batch-not-approved`; sent through another channel: 409 `batch-sent-by-other-channel`.',
      ...guarded('disbursements:prepare'),
      request: { params: IdParams, query: z.strictObject({ encoding: z.enum(['utf-8', 'iso-8859-1']).default('utf-8').openapi({ param: { name: 'encoding', in: 'query' } }) }) },
      responses: { 200: { description: 'The layout file', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses(401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { encoding } = c.req.valid('query');
      const { row, items } = await markSent(c.get('db'), id, 'file', dctx(c));
      if (row.channel !== 'file') throw new ConflictError('batch-sent-by-other-channel', `the batch was sent through \`${row.channel}\`: there is no file to hand to the bank`, { channel: row.channel });
      const bytes = layoutBytes(items.map((i) => orderOf(i, row.value_date)), encoding);
      return c.body(new Uint8Array(bytes), 200, {
        'content-type': `text/csv; charset=${encoding}`,
        'content-disposition': `attachment; filename="dispersion-${row.value_date}-${row.id.slice(-8)}.csv"`,
      }) as never;
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/send',
      tags: ['disbursements'],
      summary: 'Send an approved batch through a channel',
      description:
        '`file`: marks it sent; the orders go as the layout file (`layoutHref`), the answers come back as the status file. `spei-test`: the local SPEI participant test double takes the orders and answers at once; its answers are imported as a status file would be (`import`). A real participant’s API is another channel. Idempotent: a batch already sent is not sent again (`alreadySent`); through another channel than it went: 409 `batch-sent-by-other-channel`.',
      ...guarded('disbursements:prepare'),
      request: { params: IdParams, body: jsonBody(z.strictObject({ channel: z.enum(CHANNEL_NAMES) }).openapi('SendDisbursementBatch')) },
      responses: {
        200: jsonResponse(
          z.object({
            batch: BatchSchema,
            alreadySent: z.boolean(),
            receipt: z.object({ accepted: z.number(), refused: z.array(z.object({ trackingKey: z.string(), reason: z.string() })) }).nullable(),
            layoutHref: z.string().nullable(),
            import: ImportResult.nullable(),
          }),
          'The sent batch',
        ),
        ...errorResponses(400, 401, 403, 404, 409, 415, 422),
      },
    }),
    async (c) => {
      const db = c.get('db');
      const { id } = c.req.valid('param');
      const { channel: name } = c.req.valid('json');
      const ctx = dctx(c);
      const { row, items, alreadySent } = await markSent(db, id, name, ctx);
      if (row.channel !== name) throw new ConflictError('batch-sent-by-other-channel', `the batch was sent through \`${row.channel}\``, { channel: row.channel });
      const channel = CHANNELS[name];
      const orders = items.map((i) => orderOf(i, row.value_date));
      const receipt = alreadySent ? null : await channel.send(orders);
      const answers = await channel.answers(orders);
      const imported = answers.length === 0 ? null : await importStatus(db, id, channelLines(answers), `channel:${name}`, ctx);
      const { batch } = await getBatch(db, id);
      return c.json({ batch, alreadySent, receipt, layoutHref: name === 'file' ? `/api/v1/disbursement-batches/${id}/layout.csv` : null, import: imported }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/status',
      tags: ['disbursements'],
      summary: 'Import the bank’s answers: the status file, or the channel’s answers',
      description:
        'JSON `{ csv }` with the status file’s text (columns in runtime/README.md) or `{ fromChannel: true }` (the answers the batch’s channel has). Each line in its own transaction: liquidada disburses the loan dated by the settlement date (its terms re-dated when that differs), devuelta cancels it with the reason. Idempotent per line (`unchanged`); an unknown tracking key, a contradiction of a final status or a bad line is reported in `lines` and changes nothing. The batch closes when every item is final. Not sent: 409 `batch-not-sent`; a file that is not CSV or lacks a column: 422.',
      ...guarded('disbursements:prepare'),
      request: {
        params: IdParams,
        body: jsonBody(z.union([z.strictObject({ csv: z.string().min(1) }), z.strictObject({ fromChannel: z.literal(true) })]).openapi('DisbursementStatusUpload')),
      },
      responses: { 200: jsonResponse(ImportResult, 'What each line did'), ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422) },
    }),
    async (c) => {
      const db = c.get('db');
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const ctx = dctx(c);
      let lines: StatusLine[];
      if ('csv' in body) lines = parseStatusFile(body.csv);
      else {
        const { batch } = await getBatch(db, id);
        const channel = CHANNELS[batch.channel ?? 'file'];
        const items = await batchItems(db, id);
        lines = channelLines(await channel.answers(items.map((i) => orderOf(i, batch.valueDate))));
      }
      return c.json(await importStatus(db, id, lines, 'csv' in body ? 'file' : 'channel', ctx), 200);
    },
  );
