// /api/v1/compliance (issue 14, PLD): exchange rates MXN per USD by date and the cash threshold
// (`compliance:review` sets them), the alert queue — relevant, unusual, internal and
// blocked-person alerts with their deadlines, JSON or CSV, ruled on by the compliance officer
// (`compliance:review`) —, internal worrying operations filed by staff
// (`compliance:report-internal`), and the report files per period. Every write is audited.
import { createRoute, z } from '@hono/zod-openapi';
import { principalOf } from '../auth/auth.middleware.ts';
import { actorOf } from '../auth/principal.ts';
import { decideAlert, fileInternalAlert, findAlert, alertView, listAlerts } from '../compliance/alerts.repository.ts';
import { cashThresholdUsd, listExchangeRates, setCashThresholdUsd, setExchangeRate } from '../compliance/exchange-rates.ts';
import { resolveAlertsNeedingRate } from '../compliance/payment-alerts.ts';
import { downloadReportFile, generateReportFile, listReportFiles } from '../compliance/report-files.ts';
import type { ContextVariables } from '../http/app-env.ts';
import { csvText, wantsCsv } from '../http/csv.ts';
import { errorResponses, guarded, jsonBody, jsonResponse, newRouter } from '../http/openapi.ts';
import { IdParamSchema, UuidSchema } from './schemas.ts';
import { DateSchema, IdempotencyHeaders, PositiveMoneySchema } from './servicing-schemas.ts';

const RateValue = z.string().max(30).regex(/^\d{1,6}(\.\d{1,6})?$/, 'MXN per USD, a decimal with up to 6 places like "17.2345"')
  .refine((v) => /[1-9]/.test(v), 'must be greater than zero').openapi({ example: '17.2345' });
const RateSchema = z.object({ date: z.string(), usd: z.string(), setAt: z.string(), setBy: z.string() }).openapi('ExchangeRate');
const DateParam = z.object({ date: DateSchema.openapi({ param: { name: 'date', in: 'path' }, example: '2026-11-30' }) });
const RatesQuery = z.strictObject({
  from: DateSchema.optional().openapi({ param: { name: 'from', in: 'query' } }),
  to: DateSchema.optional().openapi({ param: { name: 'to', in: 'query' } }),
  limit: z.coerce.number().int().min(1).max(1000).default(100).openapi({ param: { name: 'limit', in: 'query' } }),
});
const Threshold = z.string().max(30).regex(/^\d{1,12}(\.\d{1,2})?$/, 'USD, a decimal with up to 2 places').refine((v) => /[1-9]/.test(v), 'must be greater than zero');

const AlertKindSchema = z.enum(['relevant', 'unusual', 'internal', 'blocked-person']);
const AlertStatusSchema = z.enum(['open', 'reported', 'dismissed']);
const AlertSchema = z.object({
  id: z.string(), kind: AlertKindSchema, code: z.string(), message: z.string(), clientId: z.string().nullable(), loanId: z.string().nullable(),
  paymentId: z.string().nullable(), operationDate: z.string(), method: z.string().nullable(), amount: z.string().nullable(), amountUsd: z.string().nullable(),
  rate: z.string().nullable(), description: z.string().nullable(), notes: z.array(z.object({ at: z.string(), by: z.string(), text: z.string() })),
  detectedAt: z.string(), deadline: z.string().openapi({ description: 'Detected + 60 days (blocked-person: + 24 hours)' }),
  daysLeft: z.number().int().openapi({ description: 'Whole days to the deadline, rounded up; 0 or less once passed' }), overdue: z.boolean(),
  status: AlertStatusSchema, dispositionNote: z.string().nullable(), decidedBy: z.string().nullable(), decidedAt: z.string().nullable(),
  reportedIn: z.string().nullable().openapi({ description: 'The period of the last report file that listed it' }), createdBy: z.string(),
}).openapi('ComplianceAlert');
const AlertsQuery = z.strictObject({
  status: AlertStatusSchema.optional().openapi({ param: { name: 'status', in: 'query' } }),
  kind: AlertKindSchema.optional().openapi({ param: { name: 'kind', in: 'query' } }),
  clientId: UuidSchema.optional().openapi({ param: { name: 'clientId', in: 'query' } }),
  loanId: UuidSchema.optional().openapi({ param: { name: 'loanId', in: 'query' } }),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional().openapi({ param: { name: 'overdue', in: 'query' }, description: 'true: open and past the deadline' }),
  after: UuidSchema.optional().openapi({ param: { name: 'after', in: 'query' } }),
  limit: z.coerce.number().int().min(1).max(5000).default(50).openapi({ param: { name: 'limit', in: 'query' }, description: 'Up to 500 in JSON, 5000 in CSV' }),
  format: z.enum(['json', 'csv']).optional().openapi({ param: { name: 'format', in: 'query' } }),
}).superRefine((q, ctx) => {
  if (q.format !== 'csv' && q.limit > 500) ctx.addIssue({ code: 'custom', path: ['limit'], message: 'at most 500 in JSON (5000 with `format=csv`)' });
});
const ALERTS_CSV_HEADER = ['alert_id', 'kind', 'code', 'status', 'operation_date', 'method', 'amount_mxn', 'amount_usd', 'rate', 'client_id', 'loan_id', 'payment_id', 'detected_at', 'deadline', 'days_left', 'overdue', 'decided_by', 'decided_at', 'disposition_note', 'reported_in', 'message'];
const InternalSchema = z.strictObject({
  clientId: UuidSchema.optional(),
  loanId: UuidSchema.optional(),
  description: z.string().trim().min(10).max(4000).openapi({ description: 'What worried the staff member, in their words' }),
  operationDate: DateSchema.optional().openapi({ description: 'When the operation happened; default today' }),
  amount: PositiveMoneySchema.optional(),
}).superRefine((b, ctx) => {
  if (b.clientId === undefined && b.loanId === undefined) ctx.addIssue({ code: 'custom', path: ['clientId'], message: 'name a client (`clientId`) or a loan (`loanId`)' });
}).openapi('InternalAlert');
const DispositionSchema = z.strictObject({
  decision: z.enum(['report', 'dismiss']),
  note: z.string().trim().min(3).max(4000).openapi({ description: 'Why: what the officer (or committee) found' }),
}).openapi('AlertDisposition');
const ReportKindSchema = z.enum(['relevant', 'unusual', 'internal']);
const PeriodSchema = z.string().regex(/^\d{4}-(Q[1-4]|0[1-9]|1[0-2])$/, 'a quarter `YYYY-Qn` (relevant) or a month `YYYY-MM` (unusual, internal)');
const ReportRequest = z.strictObject({ kind: ReportKindSchema, period: PeriodSchema, regenerate: z.boolean().optional() }).openapi('ReportFileRequest');
const ReportFileSchema = z.object({ id: z.string(), kind: ReportKindSchema, period: z.string(), version: z.number().int(), generatedAt: z.string(), generatedBy: z.string(), sha256: z.string(), rows: z.number().int() }).openapi('ReportFile');
const ReportsQuery = z.strictObject({ kind: ReportKindSchema.optional().openapi({ param: { name: 'kind', in: 'query' } }), period: PeriodSchema.optional().openapi({ param: { name: 'period', in: 'query' } }) });

function ctxOf(c: ContextVariables) {
  const clock = c.get('clock');
  return { actor: actorOf(principalOf(c)), at: clock.now().toISOString(), requestId: c.get('requestId'), today: clock.today(), timeZone: c.get('config').timeZone };
}

export const complianceRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'put', path: '/exchange-rates/{date}', tags: ['compliance'],
      summary: 'Set the USD rate of a date (MXN per USD); cash alerts waiting for a rate are resolved. Audited',
      description: 'The rate of a date is the latest set on or before it. The same rate again: 200 `changed: false`.',
      ...guarded('compliance:review'),
      request: { params: DateParam, body: jsonBody(z.strictObject({ usd: RateValue }).openapi('ExchangeRateInput')) },
      responses: {
        200: jsonResponse(z.object({ rate: RateSchema, changed: z.boolean(), resolved: z.object({ relevant: z.number(), dismissed: z.number() }).nullable() }), 'The rate'),
        ...errorResponses(400, 401, 403, 415, 422),
      },
    }),
    async (c) => {
      const ctx = ctxOf(c);
      const result = await setExchangeRate(c.get('db'), c.req.valid('param').date, c.req.valid('json').usd, ctx, (tx) => resolveAlertsNeedingRate(tx, c.req.valid('param').date, ctx));
      return c.json(result, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get', path: '/exchange-rates', tags: ['compliance'], summary: 'USD rates, newest first',
      ...guarded('compliance:review'),
      request: { query: RatesQuery },
      responses: { 200: jsonResponse(z.object({ rates: z.array(RateSchema), cashThresholdUsd: z.string() }), 'The rates and the cash threshold'), ...errorResponses(401, 403, 422) },
    }),
    async (c) => c.json({ rates: await listExchangeRates(c.get('db'), c.req.valid('query')), cashThresholdUsd: await cashThresholdUsd(c.get('db')) }, 200),
  )
  .openapi(
    createRoute({
      method: 'put', path: '/settings/cash-threshold', tags: ['compliance'], summary: 'Set the cash threshold of a relevant operation in USD (default 7,500). Audited',
      ...guarded('compliance:review'),
      request: { body: jsonBody(z.strictObject({ usd: Threshold }).openapi('CashThreshold')) },
      responses: { 200: jsonResponse(z.object({ cashThresholdUsd: z.string() }), 'The threshold'), ...errorResponses(400, 401, 403, 415, 422) },
    }),
    async (c) => c.json({ cashThresholdUsd: await setCashThresholdUsd(c.get('db'), c.req.valid('json').usd, ctxOf(c)) }, 200),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/alerts', tags: ['compliance'],
      summary: 'Alerts, oldest first, a page at a time, filtered; JSON or CSV (`?format=csv`)',
      ...guarded('compliance:review'),
      request: { query: AlertsQuery },
      responses: {
        200: { description: 'A page of alerts', content: { 'application/json': { schema: z.object({ alerts: z.array(AlertSchema), nextAfter: z.string().nullable() }) }, 'text/csv': { schema: z.string() } } },
        ...errorResponses(401, 403, 422),
      },
    }),
    async (c) => {
      const { format, ...query } = c.req.valid('query');
      const page = await listAlerts(c.get('db'), query, c.get('clock').now());
      if (wantsCsv(format, c.req.header('accept'))) {
        const rows = page.alerts.map((a) => [a.id, a.kind, a.code, a.status, a.operationDate, a.method, a.amount, a.amountUsd, a.rate, a.clientId, a.loanId, a.paymentId, a.detectedAt, a.deadline, a.daysLeft, String(a.overdue), a.decidedBy, a.decidedAt, a.dispositionNote, a.reportedIn, a.message]);
        const headers: Record<string, string> = { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="alertas-${c.get('clock').today()}.csv"` };
        if (page.nextAfter) headers['x-next-after'] = page.nextAfter;
        return c.body(csvText(ALERTS_CSV_HEADER, rows), 200, headers) as never;
      }
      return c.json(page as never, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post', path: '/alerts', tags: ['compliance'],
      summary: 'File an internal worrying operation about a client or a loan (staff). Audited',
      description: 'Idempotent with `Idempotency-Key`: the same filing again returns the first alert (200).',
      ...guarded('compliance:report-internal'),
      request: { headers: IdempotencyHeaders, body: jsonBody(InternalSchema) },
      responses: { 201: jsonResponse(z.object({ alert: AlertSchema }), 'The alert'), 200: jsonResponse(z.object({ alert: AlertSchema }), 'The same filing again'), ...errorResponses(400, 401, 403, 409, 415, 422) },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const { alert, replayed } = await fileInternalAlert(c.get('db'), body, c.req.valid('header')['idempotency-key'], ctxOf(c), c.get('clock').now());
      return c.json({ alert } as never, replayed ? 200 : 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get', path: '/alerts/{id}', tags: ['compliance'], summary: 'One alert',
      ...guarded('compliance:review'),
      request: { params: IdParamSchema },
      responses: { 200: jsonResponse(z.object({ alert: AlertSchema }), 'The alert'), ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) => c.json({ alert: alertView(await findAlert(c.get('db'), c.req.valid('param').id), c.get('clock').now()) } as never, 200),
  )
  .openapi(
    createRoute({
      method: 'post', path: '/alerts/{id}/disposition', tags: ['compliance'],
      summary: 'Rule on an open alert: report or dismiss, with a note. Audited; 409 `alert-decided` once ruled',
      ...guarded('compliance:review'),
      request: { params: IdParamSchema, body: jsonBody(DispositionSchema) },
      responses: { 200: jsonResponse(z.object({ alert: AlertSchema }), 'The alert'), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
    }),
    async (c) => {
      const body = c.req.valid('json');
      return c.json({ alert: await decideAlert(c.get('db'), c.req.valid('param').id, body.decision, body.note, ctxOf(c), c.get('clock').now()) } as never, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post', path: '/reports', tags: ['compliance'],
      summary: 'Generate (or get) the report file of a period: relevant by quarter, unusual and internal by month. Audited',
      description: 'The stored file of the period again (200, same sha256) unless `regenerate: true` (a new version, 201). 409 `rates-missing` while cash operations of the quarter wait for a rate.',
      ...guarded('compliance:review'),
      request: { body: jsonBody(ReportRequest) },
      responses: { 201: jsonResponse(z.object({ file: ReportFileSchema, replayed: z.boolean() }), 'A new file'), 200: jsonResponse(z.object({ file: ReportFileSchema, replayed: z.boolean() }), 'The stored file'), ...errorResponses(400, 401, 403, 409, 415, 422) },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const result = await generateReportFile(c.get('db'), { kind: body.kind, period: body.period, regenerate: body.regenerate ?? false }, ctxOf(c));
      return c.json(result as never, result.replayed ? 200 : 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get', path: '/reports', tags: ['compliance'], summary: 'The report files, newest period first',
      ...guarded('compliance:review'),
      request: { query: ReportsQuery },
      responses: { 200: jsonResponse(z.object({ files: z.array(ReportFileSchema) }), 'The files'), ...errorResponses(401, 403, 422) },
    }),
    async (c) => c.json({ files: await listReportFiles(c.get('db'), c.req.valid('query')) }, 200),
  )
  .openapi(
    createRoute({
      method: 'get', path: '/reports/{id}', tags: ['compliance'], summary: 'Download a report file (CSV, UTF-8 with BOM). Audited',
      ...guarded('compliance:review'),
      request: { params: IdParamSchema },
      responses: { 200: { description: 'The file', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) => {
      const file = await downloadReportFile(c.get('db'), c.req.valid('param').id, ctxOf(c));
      return c.body(file.content, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="pld-${file.kind}-${file.period}-v${file.version}.csv"`,
        'x-content-sha256': file.sha256,
      }) as never;
    },
  );
