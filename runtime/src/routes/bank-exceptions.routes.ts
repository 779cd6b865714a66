// /api/v1/bank-statements — the part after the import (issue 16, H6): the exceptions queue and its
// actions (apply, split, refund, not ours), returned payments, and the daily reconciliation.
// The queue reads need `bank:read`; every action `bank:resolve`, is audited, one transaction,
// idempotent with `Idempotency-Key`, and 409 `line-not-open` once the line is resolved.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { applyLine, markLineNotOurs, refundLine, splitLine, type ActionResult } from '../banking/line-actions.ts';
import { exceptionsQueue, QUEUE_LIMIT_MAX } from '../banking/exceptions-queue.ts';
import { reconciliation, reconciliationDays, RECONCILIATION_DAYS_MAX, type Reconciliation } from '../banking/reconciliation.ts';
import { processReturn } from '../banking/returns.ts';
import { csvText, wantsCsv } from '../http/csv.ts';
import type { AppEnv } from '../http/app-env.ts';
import { errorResponses, guarded, jsonBody, jsonResponse, newRouter } from '../http/openapi.ts';
import { ctxOf } from './accounting.routes.ts';
import { UuidSchema } from './schemas.ts';
import { DateSchema, IdempotencyHeaders, MoneySchema, PositiveMoneySchema } from './servicing-schemas.ts';

const q = (name: string) => ({ param: { name, in: 'query' as const } });

const QueueQuery = z.strictObject({
  bankAccountId: UuidSchema.optional().openapi(q('bankAccountId')),
  from: DateSchema.optional().openapi({ ...q('from'), description: 'First value date' }),
  to: DateSchema.optional().openapi({ ...q('to'), description: 'Last value date, inclusive' }),
  minAmount: MoneySchema.optional().openapi(q('minAmount')),
  maxAmount: MoneySchema.optional().openapi(q('maxAmount')),
  q: z.string().trim().min(1).max(100).optional().openapi({ ...q('q'), description: 'Text in the reference, the payer’s name or the description' }),
  limit: z.coerce.number().int().min(1).max(QUEUE_LIMIT_MAX).default(50).openapi(q('limit')),
  after: z.string().max(60).optional().openapi({ ...q('after'), description: '`nextAfter` of the previous page' }),
  candidates: z.enum(['true', 'false']).default('true').openapi({ ...q('candidates'), description: '`false`: the lines without their candidate loans' }),
});

const ApplicationSchema = z.object({ loanId: z.string(), paymentId: z.string(), amount: z.string(), reversedAt: z.string().nullable() });
const LineFields = {
  id: z.string(),
  statementId: z.string(),
  bankAccountId: z.string(),
  lineNo: z.number().int(),
  trackingKey: z.string(),
  valueDate: z.string(),
  direction: z.enum(['credit', 'debit']),
  amount: z.string(),
  openAmount: z.string().openapi({ description: 'What of the line is still held in 2210 (0.00 unless an exception)' }),
  currency: z.string(),
  reference: z.string().nullable(),
  beneficiaryClabe: z.string().nullable(),
  payerAccount: z.string().nullable(),
  payerName: z.string().nullable(),
  description: z.string().nullable(),
  returnOf: z.string().nullable(),
  status: z.enum(['applied', 'exception', 'resolved', 'rejected', 'other']),
  resolution: z.enum(['applied', 'split', 'refunded', 'not-ours', 'reversed']).nullable(),
  resolutionNote: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
};
const CandidateSchema = z
  .object({
    loanId: z.string(),
    paymentReference: z.string().nullable(),
    clientId: z.string().nullable(),
    clientName: z.string().nullable(),
    status: z.string(),
    score: z.string(),
    reasons: z.array(z.object({ rule: z.enum(['reference', 'reference-near', 'clabe', 'installment', 'payer-name']), detail: z.string(), weight: z.string() })),
  })
  .openapi('ExceptionCandidate');
const QueueLineSchema = z.object({ ...LineFields, candidates: z.array(CandidateSchema) }).openapi('ExceptionLine');
const LineSchema = z.object({ ...LineFields, applications: z.array(ApplicationSchema) }).openapi('StatementLine');
const ActionAnswer = z.object({ line: LineSchema, action: z.object({ id: z.string(), kind: z.string(), details: z.record(z.string(), z.unknown()) }) }).openapi('LineActionResult');

const LineParams = z.object({ id: UuidSchema.openapi({ param: { name: 'id', in: 'path' } }) });
const Reason = z.string().trim().min(1).max(2000);
const ApplyBody = z
  .strictObject({
    loanId: UuidSchema,
    amount: PositiveMoneySchema.refine((v) => !/\.\d{3,}$/.test(v), 'at most 2 decimals').optional().openapi({ description: 'Default: all that is open on the line' }),
    note: z.string().trim().min(1).max(2000).optional(),
  })
  .openapi('ApplyExceptionLine');
const SplitBody = z
  .strictObject({
    parts: z
      .array(z.strictObject({ loanId: UuidSchema, amount: PositiveMoneySchema.refine((v) => !/\.\d{3,}$/.test(v), 'at most 2 decimals') }))
      .min(1)
      .max(50),
    note: z.string().trim().min(1).max(2000).optional(),
  })
  .openapi('SplitExceptionLine');
const RefundBody = z.strictObject({ reason: Reason, reference: z.string().trim().min(1).max(100).optional().openapi({ description: 'The transfer that returns the money, when known' }) }).openapi('RefundExceptionLine');
const NotOursBody = z.strictObject({ reason: Reason }).openapi('NotOursExceptionLine');
const ReturnBody = z.strictObject({ originalLineId: UuidSchema.optional().openapi({ description: 'The credit returned; default: the one the line’s `returnOf` names' }), reason: Reason }).openapi('ProcessReturn');

const ActionDescription =
  'One transaction, audited. With `Idempotency-Key` the same key and body replay the first answer (`Idempotent-Replayed: true`); the key with another body is 409 `idempotency-key-reused`. 409 `line-not-open` when the line is no longer an open exception (another operator resolved it).';

function answer(c: Context<AppEnv>, result: ActionResult) {
  if (result.replayed) c.header('Idempotent-Replayed', 'true');
  return c.json(result.body, 200);
}

const writeCtx = (c: Context<AppEnv>) => ({ ...ctxOf(c), today: c.get('clock').today() });
const keyOf = (c: Context<AppEnv>) => c.req.header('idempotency-key');

const ItemSchema = z.object({
  kind: z.enum(['opening-balance', 'unbooked-line', 'unmatched-entry', 'pending-exception']),
  date: z.string(),
  amount: z.string(),
  description: z.string(),
  lineId: z.string().optional(),
  trackingKey: z.string().optional(),
  entryId: z.string().optional(),
  source: z.string().optional(),
  loanId: z.string().nullable().optional(),
});
const ItemsSchema = z.object({ total: z.string(), count: z.number().int(), items: z.array(ItemSchema) });
const ReconciliationSchema = z
  .object({
    bankAccountId: z.string(),
    ledgerAccount: z.string(),
    date: z.string(),
    bank: z.object({ balance: z.string(), source: z.enum(['closing-balance', 'opening-plus-lines', 'lines']), statementId: z.string().nullable() }),
    books: z.object({ balance: z.string() }),
    difference: z.string(),
    bankNotInBooks: ItemsSchema,
    booksNotInBank: ItemsSchema,
    pendingExceptions: ItemsSchema.extend({ suspenseBalance: z.string() }),
    unexplained: z.string().openapi({ description: '(bank − books) − bankNotInBooks + booksNotInBank: 0.00 when everything is accounted for' }),
  })
  .openapi('Reconciliation');

function reconciliationCsv(r: Reconciliation): string {
  const rows: (string | null)[][] = [
    ['bank-balance', r.date, r.bank.balance, r.bank.source, null, null],
    ['books-balance', r.date, r.books.balance, r.ledgerAccount, null, null],
    ['difference', r.date, r.difference, null, null, null],
    ...r.bankNotInBooks.items.map((i) => ['bank-not-in-books', i.date, i.amount, i.description, i.lineId ?? null, i.trackingKey ?? null]),
    ...r.booksNotInBank.items.map((i) => ['books-not-in-bank', i.date, i.amount, i.description, i.entryId ?? null, i.source ?? null]),
    ...r.pendingExceptions.items.map((i) => ['pending-exception', i.date, i.amount, i.description, i.lineId ?? null, i.trackingKey ?? null]),
    ['unexplained', r.date, r.unexplained, null, null, null],
  ];
  return csvText(['item', 'date', 'amount', 'description', 'id', 'key'], rows);
}

export const bankExceptionsRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/exceptions',
      tags: ['bank statements'],
      summary: 'The exceptions queue: open exception lines, oldest first, with their candidate loans and totals',
      description:
        'Filters by bank account, value date range, amount range and text (reference, payer, description). Paged by `limit` and `after` (`nextAfter`). Each line has at most 5 candidate loans, best first, each with its reasons: `reference-near` (the reference is one digit off the loan’s payment reference), `reference`, `clabe`, `installment` (the amount equals an open installment due near the line’s date), `payer-name`. `totals`: count and amount still held in 2210 of every line the filters keep.',
      ...guarded('bank:read'),
      request: { query: QueueQuery },
      responses: {
        200: jsonResponse(z.object({ exceptions: z.array(QueueLineSchema), totals: z.object({ count: z.number().int(), amount: z.string() }), nextAfter: z.string().nullable() }), 'A page of the queue'),
        ...errorResponses(401, 403, 422),
      },
    }),
    async (c) => {
      const { candidates, ...query } = c.req.valid('query');
      return c.json(await exceptionsQueue(c.get('db'), { ...query, candidates: candidates === 'true' }), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/exceptions/{id}/apply',
      tags: ['bank statements'],
      summary: 'Apply an exception line to a loan: a payment dated the line’s value date, its money released from 2210',
      description: `The payment (key \`bank-line:<lineId>:<n>\`) and Dr 2210 / Cr bank in one transaction. What the loan cannot take (over its payoff) stays open on the line. 422 \`amount\` when more than what is open. ${ActionDescription}`,
      ...guarded('bank:resolve'),
      request: { params: LineParams, headers: IdempotencyHeaders, body: jsonBody(ApplyBody) },
      responses: { 200: jsonResponse(ActionAnswer, 'The line after the action'), ...errorResponses(400, 401, 403, 404, 409, 415, 422, 503) },
    }),
    async (c) => answer(c, await applyLine(c.get('db'), c.req.valid('param').id, c.req.valid('json'), keyOf(c), writeCtx(c))),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/exceptions/{id}/split',
      tags: ['bank statements'],
      summary: 'Split an exception line across loans; the rest stays open',
      description: `Each part is a payment as in apply. 422 \`parts[i].amount\` when the parts add up to more than what is open, \`parts[i].loanId\` for a loan named twice. ${ActionDescription}`,
      ...guarded('bank:resolve'),
      request: { params: LineParams, headers: IdempotencyHeaders, body: jsonBody(SplitBody) },
      responses: { 200: jsonResponse(ActionAnswer, 'The line after the action'), ...errorResponses(400, 401, 403, 404, 409, 415, 422, 503) },
    }),
    async (c) => answer(c, await splitLine(c.get('db'), c.req.valid('param').id, c.req.valid('json'), keyOf(c), writeCtx(c))),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/exceptions/{id}/refund',
      tags: ['bank statements'],
      summary: 'Refund what is open on the line to the payer: Dr 2210 / Cr bank, dated today',
      description: ActionDescription,
      ...guarded('bank:resolve'),
      request: { params: LineParams, headers: IdempotencyHeaders, body: jsonBody(RefundBody) },
      responses: { 200: jsonResponse(ActionAnswer, 'The line after the action'), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
    }),
    async (c) => answer(c, await refundLine(c.get('db'), c.req.valid('param').id, c.req.valid('json'), keyOf(c), writeCtx(c))),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/exceptions/{id}/not-ours',
      tags: ['bank statements'],
      summary: 'Mark what is open on the line as not ours (another creditor’s): Dr 2210 / Cr 2900, dated today',
      description: ActionDescription,
      ...guarded('bank:resolve'),
      request: { params: LineParams, headers: IdempotencyHeaders, body: jsonBody(NotOursBody) },
      responses: { 200: jsonResponse(ActionAnswer, 'The line after the action'), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
    }),
    async (c) => answer(c, await markLineNotOurs(c.get('db'), c.req.valid('param').id, c.req.valid('json'), keyOf(c), writeCtx(c))),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/lines/{id}/return-of',
      tags: ['bank statements'],
      summary: 'Process a debit line as the return of an earlier credit: reverse the payments it became, or release it from 2210',
      description:
        'For a return the bank did not link (or to process one it did: `originalLineId` then defaults to the credit its `returnOf` names). The credit must be of the same account and amount; each of its payments is reversed on the return’s value date (key `bank-return:<lineId>:<paymentId>`), what was still held in 2210 is released, and both lines end `resolved` / `reversed`. 409 `line-already-returned`, `line-not-returnable` (refunded, not ours), `line-not-open` (the debit was processed). Idempotent (`Idempotency-Key`, default `return:<originalLineId>`).',
      ...guarded('bank:resolve'),
      request: { params: LineParams, headers: IdempotencyHeaders, body: jsonBody(ReturnBody) },
      responses: { 200: jsonResponse(ActionAnswer, 'The return line after processing'), ...errorResponses(400, 401, 403, 404, 409, 415, 422, 503) },
    }),
    async (c) => answer(c, await processReturn(c.get('db'), c.req.valid('param').id, c.req.valid('json'), keyOf(c), writeCtx(c))),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/reconciliation',
      tags: ['bank statements'],
      summary: 'The day’s reconciliation: the bank’s balance against the books, and the items between them',
      description:
        'Bank: the last imported statement’s closing balance covering the date, or its opening balance plus its lines up to the date. Books: the account’s ledger account in the journal up to the date. Items: lines in the bank not in the books, entries in the books not in the bank, and the exceptions pending (held in 2210). `unexplained` must be 0.00. CSV with `?format=csv` or `Accept: text/csv`.',
      ...guarded('bank:read'),
      request: { query: z.strictObject({ bankAccountId: UuidSchema.openapi(q('bankAccountId')), date: DateSchema.optional().openapi({ ...q('date'), description: 'Default today' }), format: z.enum(['json', 'csv']).optional().openapi(q('format')) }) },
      responses: {
        200: { description: 'The reconciliation', content: { 'application/json': { schema: ReconciliationSchema }, 'text/csv': { schema: z.string() } } },
        ...errorResponses(401, 403, 404, 422),
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const date = query.date ?? c.get('clock').today();
      const r = await reconciliation(c.get('db'), query.bankAccountId, date);
      if (wantsCsv(query.format, c.req.header('accept'))) {
        return c.body(reconciliationCsv(r), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="reconciliation-${date}.csv"` }) as never;
      }
      return c.json(r, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/reconciliation/days',
      tags: ['bank statements'],
      summary: 'The reconciliation day by day (bank, books, difference, items, unexplained) for a dashboard',
      description: `At most ${RECONCILIATION_DAYS_MAX} days.`,
      ...guarded('bank:read'),
      request: { query: z.strictObject({ bankAccountId: UuidSchema.openapi(q('bankAccountId')), from: DateSchema.openapi(q('from')), to: DateSchema.openapi(q('to')) }) },
      responses: {
        200: jsonResponse(
          z.object({
            bankAccountId: z.string(),
            from: z.string(),
            to: z.string(),
            days: z.array(
              z.object({
                date: z.string(),
                bank: z.string(),
                books: z.string(),
                difference: z.string(),
                bankNotInBooks: z.string(),
                booksNotInBank: z.string(),
                pendingExceptions: z.string(),
                pendingCount: z.number().int(),
                unexplained: z.string(),
              }),
            ),
          }),
          'One row per day',
        ),
        ...errorResponses(401, 403, 404, 422),
      },
    }),
    async (c) => {
      const { bankAccountId, from, to } = c.req.valid('query');
      return c.json(await reconciliationDays(c.get('db'), bankAccountId, from, to), 200);
    },
  );
