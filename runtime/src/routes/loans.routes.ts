// /api/v1/loans: open (from a decision, or imported on explicit terms), list, read with schedule,
// state and events, and record what happens: disbursement, payments (idempotent), reversals,
// restructure, write-off; payoff quotes for a date.
import { createRoute, z } from '@hono/zod-openapi';
import { generateSchedule, type LoanTerms } from '@plazo/engine';
import { principalOf } from '../auth/auth.middleware.ts';
import { actorOf } from '../auth/principal.ts';
import type { ContextVariables } from '../http/app-env.ts';
import { csvText, wantsCsv } from '../http/csv.ts';
import { errorResponses, guarded, jsonBody, jsonResponse, newRouter } from '../http/openapi.ts';
import { actorNames, displayOf } from '../products/actor-names.ts';
import { versionLabel } from '../products/product-versions.ts';
import { listLoans } from '../servicing/loan.repository.ts';
import {
  disbursementRequest,
  paymentRequest,
  restructureRequest,
  reversalRequest,
  writeOffRequest,
} from '../servicing/loan-event-requests.ts';
import {
  appendLoanEvent,
  findLoan,
  loanEvents,
  loanView,
  openLoanFromDecision,
  openLoanFromTerms,
  stateOf,
  type LoanEventRequest,
  type LoanWriteContext,
} from '../servicing/loan-servicing.ts';
import { PAYMENT_METHODS } from '../compliance/payment-alerts.ts';
import { paymentKeyProblems } from '../banking/payment-key-query.ts';
import { refuseIfInOpenBatch } from '../disbursements/disbursement-batches.ts';
import { paymentInstructions, PaymentInstructionsSchema } from '../banking/payment-instructions.ts';
import { ActorDisplaySchema, IdParamSchema, UuidSchema } from './schemas.ts';
import {
  boundedObject,
  DateSchema,
  FrequencySchema,
  IdempotencyHeaders,
  PositiveMoneySchema,
  ProductCodeSchema,
  VersionNumberSchema,
} from './servicing-schemas.ts';

const LoanStatusSchema = z.enum(['pending', 'active', 'paid-off', 'written-off', 'cancelled']);

const LoanSchema = z
  .object({
    id: z.string(),
    product: z.object({ code: z.string(), version: z.number().int() }),
    decisionId: z.string().nullable(),
    clientId: z.string().nullable().openapi({ description: 'The client (issue 14); null for loans opened without one' }),
    externalRef: z.string().nullable(),
    paymentReference: z.string().nullable().openapi({ description: 'The reference a payment names the loan by (digits and check digits, the institution\'s scheme: /api/v1/payment-settings); null only for a loan the backfill has not reached' }),
    clabe: z.string().nullable().openapi({ description: "The loan's own CLABE from the institution's SPEI range; null when no range is configured" }),
    status: LoanStatusSchema,
    currency: z.string(),
    principal: z.string(),
    terms: z.record(z.string(), z.unknown()),
    openedOn: z.string(),
    disbursedOn: z.string().nullable(),
    closedOn: z.string().nullable(),
    lastEventSeq: z.number().int(),
    outstandingPrincipal: z.string().openapi({ description: 'Principal on the books after the last event' }),
    creditBalance: z.string(),
    books: z
      .object({
        date: z.string().openapi({ description: 'The date the books are at: the last event or end of day posted' }),
        stage: z.enum(['vigente', 'vencida']).openapi({ description: 'Cartera vigente or vencida' }),
        daysPastDue: z.number().int(),
        accruedInterest: z.string().openapi({ description: 'Ordinary interest earned and unpaid on the books (1110 + 1310)' }),
        deferredFees: z.string().openapi({ description: 'Opening fees not yet amortised (2400)' }),
        reserve: z.string().openapi({ description: 'The loan-loss reserve (estimación preventiva, 1190)' }),
        memorandum: z.string().openapi({ description: 'Interest and penalties accrued off the books while vencida (cuentas de orden, 7100)' }),
      })
      .nullable()
      .openapi({ description: 'The loan in the regulatory books; null until something is booked (or while a loan of the cash-basis ledger awaits its conversion)' }),
    createdAt: z.string(),
    createdBy: z.string(),
    updatedAt: z.string(),
    updatedBy: z.string(),
  })
  .openapi('Loan');

export const EventResultSchema = z
  .object({
    event: z.object({ seq: z.number().int(), kind: z.string(), date: z.string(), payload: z.record(z.string(), z.unknown()) }),
    allocation: z.record(z.string(), z.unknown()).nullable().optional(),
    state: z.record(z.string(), z.unknown()),
    journalEntryId: z.string().nullable(),
    ledger: z.array(z.object({ account: z.string(), debit: z.string(), credit: z.string() })),
    loan: LoanSchema,
  })
  .openapi('LoanEventResult');

const ExternalRefSchema = z.string().min(1).max(200).optional();
const ReferenceSchema = z.string().min(1).max(200).optional();
const ReasonSchema = z.string().min(1).max(1000).optional();

const ClientIdSchema = UuidSchema.optional().openapi({ description: 'The client the loan is for (422 when there is no such client)' });
const OpenFromDecisionSchema = z
  .strictObject({ decisionId: UuidSchema, externalRef: ExternalRefSchema, clientId: ClientIdSchema.openapi({ description: "The client the loan is for; default the decision's client (422 when unknown or another than the decision's)" }) })
  .openapi('OpenLoan');
const ImportLoanSchema = z
  .strictObject({
    product: ProductCodeSchema,
    version: VersionNumberSchema.optional(),
    terms: boundedObject('LoanTerms (DESIGN.md), validated by the engine'),
    externalRef: ExternalRefSchema.openapi({ description: "The loan's id in the system it comes from" }),
    clientId: ClientIdSchema,
  })
  .openapi('ImportLoan');
const DisbursementSchema = z.strictObject({ reference: ReferenceSchema }).openapi('Disbursement');
const PaymentSchema = z
  .strictObject({
    amount: PositiveMoneySchema,
    date: DateSchema.optional().openapi({ description: 'Value date; default today. Not before the last event, not after today' }),
    reference: ReferenceSchema.openapi({ description: 'Bank or gateway reference' }),
    method: z.enum(PAYMENT_METHODS).optional().openapi({ description: 'How the money came: `cash`, `transfer` (the default when absent), `card`, `payroll`, `check`, `other`. Cash at or above the USD threshold raises a PLD alert' }),
    payer: z.strictObject({ name: z.string().trim().min(1).max(300), relationship: z.enum(['self', 'third-party']) }).optional().openapi({ description: 'Who paid: the client (`self`) or a third party' }),
  })
  .openapi('Payment');
const ReversalSchema = z.strictObject({ date: DateSchema.optional(), reason: ReasonSchema }).openapi('PaymentReversal');
const RestructureSchema = z
  .strictObject({
    installments: z.number().int().min(1).max(1000),
    frequency: FrequencySchema.optional(),
    annualRate: z.string().max(40).regex(/^\d{1,4}(\.\d{1,10})?$/, 'a fraction like "0.45"').optional(),
    firstDueDate: DateSchema.optional(),
    date: DateSchema.optional(),
  })
  .openapi('Restructure');
const WriteOffSchema = z.strictObject({ date: DateSchema.optional(), reason: ReasonSchema }).openapi('WriteOff');

const DaysPastDueSchema = z.coerce.number().int().min(0).max(100_000);
const ListQuery = z
  .strictObject({
    product: ProductCodeSchema.optional().openapi({ param: { name: 'product', in: 'query' } }),
    status: LoanStatusSchema.optional().openapi({ param: { name: 'status', in: 'query' } }),
    stage: z.string().min(1).max(100).optional().openapi({ param: { name: 'stage', in: 'query' }, description: 'Collection stage on the last end of day' }),
    dpdMin: DaysPastDueSchema.optional().openapi({ param: { name: 'dpdMin', in: 'query' }, description: 'At least these days past due on the last end of day' }),
    dpdMax: DaysPastDueSchema.optional().openapi({ param: { name: 'dpdMax', in: 'query' }, description: 'At most these days past due on the last end of day' }),
    externalRef: z.string().min(1).max(200).optional().openapi({ param: { name: 'externalRef', in: 'query' } }),
    paymentReference: z.string().trim().min(1).max(40).optional().openapi({ param: { name: 'paymentReference', in: 'query' }, description: 'The loan with this payment reference (422 when its check digits are wrong under both schemes)' }),
    clabe: z.string().trim().min(1).max(18).optional().openapi({ param: { name: 'clabe', in: 'query' }, description: 'The loan with this CLABE (422 when not a valid CLABE)' }),
    clientId: UuidSchema.optional().openapi({ param: { name: 'clientId', in: 'query' }, description: "The client's loans" }),
    booksStage: z.enum(['vigente', 'vencida']).optional().openapi({ param: { name: 'booksStage', in: 'query' }, description: 'Cartera vigente or vencida in the books (`books.stage`)' }),
    openedFrom: DateSchema.optional().openapi({ param: { name: 'openedFrom', in: 'query' }, description: 'Opened on or after' }),
    openedTo: DateSchema.optional().openapi({ param: { name: 'openedTo', in: 'query' }, description: 'Opened on or before' }),
    after: UuidSchema.optional().openapi({ param: { name: 'after', in: 'query' }, description: 'The last id of the previous page' }),
    limit: z.coerce.number().int().min(1).max(5000).default(50).openapi({ param: { name: 'limit', in: 'query' }, description: 'Up to 500 in JSON, 5000 in CSV' }),
    format: z.enum(['json', 'csv']).optional().openapi({ param: { name: 'format', in: 'query' } }),
  })
  .superRefine((q, ctx) => {
    if (q.dpdMin !== undefined && q.dpdMax !== undefined && q.dpdMin > q.dpdMax) ctx.addIssue({ code: 'custom', path: ['dpdMin'], message: 'must not be more than `dpdMax`' });
    if (q.openedFrom !== undefined && q.openedTo !== undefined && q.openedFrom > q.openedTo) ctx.addIssue({ code: 'custom', path: ['openedFrom'], message: 'must not be after `openedTo`' });
    for (const problem of paymentKeyProblems(q)) ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
    if (q.format !== 'csv' && q.limit > 500) ctx.addIssue({ code: 'custom', path: ['limit'], message: 'at most 500 in JSON (5000 with `format=csv`)' });
  });
const ServicingSummarySchema = z
  .object({
    asOf: z.string().openapi({ description: 'The last end of day closed for the loan' }),
    daysPastDue: z.number().int(),
    stage: z.string().nullable(),
    totalOutstanding: z.string(),
    overdueTotal: z.string(),
  })
  .nullable()
  .openapi('LoanServicingSummary', { description: 'What the last end of day said; null before its first close' });
const LoanListItemSchema = LoanSchema.extend({ servicing: ServicingSummarySchema }).openapi('LoanListItem');
const LOANS_CSV_HEADER = [
  'loan_id', 'external_ref', 'product', 'version', 'status', 'currency', 'principal', 'outstanding_principal', 'opened_on', 'disbursed_on', 'closed_on',
  'as_of', 'days_past_due', 'stage', 'total_outstanding', 'overdue_total', 'payment_reference', 'clabe',
];
const AsOfQuery = z.strictObject({ asOf: DateSchema.optional().openapi({ param: { name: 'asOf', in: 'query' }, description: 'Default today' }) });
const PayoffQuery = z.strictObject({ date: DateSchema.optional().openapi({ param: { name: 'date', in: 'query' }, description: 'Default today' }) });
const PaymentParams = z.object({
  id: UuidSchema.openapi({ param: { name: 'id', in: 'path' } }),
  paymentId: z.string().min(1).max(100).openapi({ param: { name: 'paymentId', in: 'path' } }),
});

function ctxOf(c: ContextVariables): LoanWriteContext {
  return { actor: actorOf(principalOf(c)), at: c.get('clock').now().toISOString(), requestId: c.get('requestId'), today: c.get('clock').today() };
}

export const eventResponses = {
  201: jsonResponse(EventResultSchema, 'The event, its ledger lines and the loan after it (a replay returns the first response)'),
  ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422, 503),
};

export async function record(c: ContextVariables, id: string, request: LoanEventRequest): Promise<never> {
  const result = await appendLoanEvent(c.get('db'), id, request, ctxOf(c));
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (result.replayed) headers['idempotent-replayed'] = 'true';
  return new Response(result.text, { status: result.status, headers }) as never;
}

export const loansRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['loans'],
      summary: "Open a loan on an approved decision's offer",
      description: '409 `decision-declined`, `decision-referred`, `decision-expired`, `decision-used`, `product-retired`. The loan starts `pending` until disbursed.',
      ...guarded('loans:write'),
      request: { body: jsonBody(OpenFromDecisionSchema) },
      responses: { 201: jsonResponse(z.object({ loan: LoanSchema }), 'The new loan'), ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422) },
    }),
    async (c) => {
      const body = c.req.valid('json');
      return c.json({ loan: await openLoanFromDecision(c.get('db'), body.decisionId, body.externalRef ?? null, ctxOf(c), body.clientId) }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/import',
      tags: ['loans'],
      summary: 'Open a loan on explicit terms (migration from another system)',
      ...guarded('loans:import'),
      request: { body: jsonBody(ImportLoanSchema) },
      responses: { 201: jsonResponse(z.object({ loan: LoanSchema }), 'The new loan'), ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422) },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const loan = await openLoanFromTerms(c.get('db'), { product: body.product, version: body.version, terms: body.terms, externalRef: body.externalRef ?? null, clientId: body.clientId }, ctxOf(c));
      return c.json({ loan }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['loans'],
      summary: 'List loans, newest last, a page at a time (keyset on id), filtered; JSON or CSV',
      description:
        'Days past due and stage are those of the last end of day (`servicing`); a loan never closed matches neither filter. CSV (one row per loan) with `?format=csv` or `Accept: text/csv`; the next page\'s `after` is then in the `X-Next-After` header.',
      ...guarded('loans:read'),
      request: { query: ListQuery },
      responses: {
        200: {
          description: 'A page of loans',
          content: {
            'application/json': { schema: z.object({ loans: z.array(LoanListItemSchema), nextAfter: z.string().nullable() }) },
            'text/csv': { schema: z.string() },
          },
        },
        ...errorResponses(401, 403, 422),
      },
    }),
    async (c) => {
      const { format, ...query } = c.req.valid('query');
      const page = await listLoans(c.get('db'), query);
      const loans = page.loans.map((l) => ({ ...loanView(l, { code: l.code, version: l.version }), servicing: l.servicing }));
      if (wantsCsv(format, c.req.header('accept'))) {
        const rows = loans.map((l) => [
          l.id, l.externalRef, l.product.code, l.product.version, l.status, l.currency, l.principal, l.outstandingPrincipal, l.openedOn, l.disbursedOn, l.closedOn,
          l.servicing?.asOf, l.servicing?.daysPastDue, l.servicing?.stage, l.servicing?.totalOutstanding, l.servicing?.overdueTotal, l.paymentReference, l.clabe,
        ]);
        const headers: Record<string, string> = { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="loans-${c.get('clock').today()}.csv"` };
        if (page.nextAfter) headers['x-next-after'] = page.nextAfter;
        return c.body(csvText(LOANS_CSV_HEADER, rows), 200, headers) as never;
      }
      return c.json({ loans, nextAfter: page.nextAfter }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags: ['loans'],
      summary: "A loan with its schedule, the engine's state on a date and its event history",
      ...guarded('loans:read'),
      request: { params: IdParamSchema, query: AsOfQuery },
      responses: {
        200: jsonResponse(
          z.object({
            loan: LoanSchema,
            schedule: z.record(z.string(), z.unknown()).openapi({ description: 'The original schedule of the terms' }),
            state: z.record(z.string(), z.unknown()).nullable().openapi({ description: 'loanState on asOf; null before disbursement' }),
            events: z.array(z.object({ seq: z.number().int(), kind: z.string(), date: z.string(), payload: z.record(z.string(), z.unknown()), createdAt: z.string(), createdBy: z.string(), createdByDisplay: ActorDisplaySchema })),
          }),
          'The loan',
        ),
        ...errorResponses(401, 403, 404, 422),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { asOf } = c.req.valid('query');
      const loan = await findLoan(c.get('db'), id);
      const label = await versionLabel(c.get('db'), loan.product_version_id);
      const date = asOf ?? c.get('clock').today();
      const state = loan.disbursed_on === null ? null : await stateOf(c.get('db'), loan, date);
      const events = await loanEvents(c.get('db'), id);
      const names = await actorNames(c.get('db'), events.map((e) => e.created_by));
      return c.json(
        {
          loan: loanView(loan, label),
          schedule: generateSchedule(loan.terms as unknown as LoanTerms) as unknown as Record<string, unknown>,
          state: state as unknown as Record<string, unknown> | null,
          events: events.map((e) => ({ seq: e.seq, kind: e.type, date: e.effective_on, payload: e.payload as Record<string, unknown>, createdAt: e.created_at, createdBy: e.created_by, createdByDisplay: displayOf(names, e.created_by) })),
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/payment-instructions',
      tags: ['loans'],
      summary: 'What the client needs to pay: the institution\'s bank accounts, the loan\'s reference and CLABE, the next installment due and the payoff today',
      ...guarded('loans:read'),
      request: { params: IdParamSchema },
      responses: { 200: jsonResponse(PaymentInstructionsSchema, 'The payment instructions'), ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const db = c.get('db');
      const loan = await findLoan(db, c.req.valid('param').id);
      return c.json(await paymentInstructions(db, loan, await versionLabel(db, loan.product_version_id), c.get('clock').today()), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/payoff',
      tags: ['loans'],
      summary: 'What settles the loan on a date (penalties and IVA included, net of credit)',
      ...guarded('loans:read'),
      request: { params: IdParamSchema, query: PayoffQuery },
      responses: { 200: jsonResponse(z.object({ loanId: z.string(), payoff: z.record(z.string(), z.string()) }), 'The payoff quote'), ...errorResponses(401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { date } = c.req.valid('query');
      const loan = await findLoan(c.get('db'), id);
      const state = await stateOf(c.get('db'), loan, date ?? c.get('clock').today(), 'date');
      return c.json({ loanId: id, payoff: state.payoff as unknown as Record<string, string> }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/disbursement',
      tags: ['loans'],
      summary: "Disburse the loan on its terms' disbursement date",
      description: 'A loan waiting in an open disbursement batch is 409 `loan-in-disbursement-batch`: the bank transfer disburses it when its status is imported.',
      ...guarded('loans:write'),
      request: { params: IdParamSchema, headers: IdempotencyHeaders, body: jsonBody(DisbursementSchema) },
      responses: eventResponses,
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      await refuseIfInOpenBatch(c.get('db'), id);
      return record(c, id, disbursementRequest(c.req.valid('json'), c.req.valid('header')['idempotency-key']));
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/payments',
      tags: ['loans'],
      summary: 'Post a payment (idempotent with `Idempotency-Key`, serialized per loan)',
      description:
        "The engine allocates it (the product's order); the response carries the allocation and the journal lines. More than the loan owes on the date plus the product's overpayment tolerance is 422 `payment-exceeds-payoff` (details: `amount`, `payoff`, `maximum`). The same key and body return the first response; the same key with another body is 409 `idempotency-key-reused`.",
      ...guarded('payments:write'),
      request: { params: IdParamSchema, headers: IdempotencyHeaders, body: jsonBody(PaymentSchema) },
      responses: eventResponses,
    }),
    async (c) => record(c, c.req.valid('param').id, paymentRequest(c.req.valid('json'), c.req.valid('header')['idempotency-key'])),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/payments/{paymentId}/reversal',
      tags: ['loans'],
      summary: 'Reverse a payment: the loan is recomputed as if it never happened; the ledger posts the difference',
      ...guarded('payments:reverse'),
      request: { params: PaymentParams, headers: IdempotencyHeaders, body: jsonBody(ReversalSchema) },
      responses: eventResponses,
    }),
    async (c) => {
      const { id, paymentId } = c.req.valid('param');
      return record(c, id, reversalRequest(paymentId, c.req.valid('json'), c.req.valid('header')['idempotency-key']));
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/restructure',
      tags: ['loans'],
      summary: 'Restructure: everything owed becomes the principal of a new schedule',
      ...guarded('loans:restructure'),
      request: { params: IdParamSchema, headers: IdempotencyHeaders, body: jsonBody(RestructureSchema) },
      responses: eventResponses,
    }),
    async (c) => record(c, c.req.valid('param').id, restructureRequest(c.req.valid('json'), c.req.valid('header')['idempotency-key'])),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/write-off',
      tags: ['loans'],
      summary: 'Write the loan off; later payments are recoveries',
      ...guarded('loans:write-off'),
      request: { params: IdParamSchema, headers: IdempotencyHeaders, body: jsonBody(WriteOffSchema) },
      responses: eventResponses,
    }),
    async (c) => record(c, c.req.valid('param').id, writeOffRequest(c.req.valid('json'), c.req.valid('header')['idempotency-key'])),
  );
