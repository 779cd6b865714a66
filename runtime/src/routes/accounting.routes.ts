// /api/v1/accounting: the financial statements from the general ledger (balance sheet at a date,
// income statement of a range) and the accounting periods (list, close a month). The SAT files
// live under /api/v1/accounting/sat (their own routes).
import { createRoute, z } from '@hono/zod-openapi';
import { principalOf } from '../auth/auth.middleware.ts';
import { actorOf, personOf } from '../auth/principal.ts';
import { ValidationError } from '../errors.ts';
import type { ContextVariables } from '../http/app-env.ts';
import { errorResponses, guarded, jsonResponse, newRouter } from '../http/openapi.ts';
import { closePeriod, listPeriods } from '../ledger/accounting-periods.ts';
import { balanceSheet, incomeStatement } from '../ledger/financial-statements.ts';
import { ActorDisplaySchema, TimestampSchema } from './schemas.ts';
import { DateSchema } from './servicing-schemas.ts';

export const CurrencyQuery = z
  .string()
  .regex(/^[A-Z]{3}$/, 'an ISO 4217 code like "MXN"')
  .default('MXN')
  .openapi({ param: { name: 'currency', in: 'query' }, description: 'The ledger currency (default MXN)' });

const Amount = z.string().openapi({ description: 'Decimal string' });
const StatementLineSchema = z.object({ code: z.string(), name: z.string(), balance: Amount });
const IncomeLineSchema = z.object({ code: z.string(), name: z.string(), amount: Amount });

const BalanceSheetSchema = z
  .object({
    date: z.string(),
    currency: z.string(),
    assets: z.array(StatementLineSchema).openapi({ description: 'Debit-positive: the allowance (1190, contra-asset) is negative' }),
    liabilities: z.array(StatementLineSchema).openapi({ description: 'Credit-positive' }),
    equity: z.array(StatementLineSchema).openapi({ description: 'Credit-positive, without the result' }),
    result: Amount.openapi({ description: 'Income − expenses not yet closed into equity' }),
    totals: z.object({ assets: Amount, liabilities: Amount, equity: Amount }),
    balanced: z.boolean().openapi({ description: 'assets = liabilities + equity + result' }),
    memorandum: z.array(StatementLineSchema).openapi({ description: 'Cuentas de orden, apart; positive on their normal side' }),
  })
  .openapi('BalanceSheet');

const IncomeStatementSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    currency: z.string(),
    income: z.array(IncomeLineSchema).openapi({ description: 'Credit-positive (a reversal shows negative)' }),
    expenses: z.array(IncomeLineSchema).openapi({ description: 'Debit-positive (a reserve release shows negative)' }),
    totals: z.object({ income: Amount, expenses: Amount, net: Amount }),
  })
  .openapi('IncomeStatement');

export const PeriodSchema = z
  .object({
    period: z.string().openapi({ example: '2025-01' }),
    status: z.enum(['open', 'closed']),
    closedAt: TimestampSchema.nullable(),
    closedBy: z.string().nullable(),
    closedByDisplay: ActorDisplaySchema.nullable(),
  })
  .openapi('AccountingPeriod');

const PeriodParams = z.object({
  period: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as "YYYY-MM"')
    .openapi({ param: { name: 'period', in: 'path' }, example: '2025-01' }),
});

/** The write context of an accounting route, with the person maker-checker compares (principal.ts `personOf`). */
export function ctxOf(c: ContextVariables) {
  const principal = principalOf(c);
  return { actor: actorOf(principal), person: personOf(principal), at: c.get('clock').now().toISOString(), requestId: c.get('requestId') };
}

export const accountingRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/balance-sheet',
      tags: ['accounting'],
      summary: 'Balance sheet at the end of a date, from the general ledger',
      description:
        'Every asset, liability and equity account with its balance of the entries dated up to `date` (default today) in `currency`; `result` is income − expenses not yet closed; memorandum accounts apart. Entries are by their posting date (a late event after a close counts in the open period). Readable with `ledger:read` (every holder of `accounting:read` holds it).',
      ...guarded('ledger:read'),
      request: { query: z.strictObject({ date: DateSchema.optional().openapi({ param: { name: 'date', in: 'query' } }), currency: CurrencyQuery }) },
      responses: { 200: jsonResponse(BalanceSheetSchema, 'The balance sheet'), ...errorResponses(401, 403, 422) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await balanceSheet(c.get('db'), q.date ?? c.get('clock').today(), q.currency), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/income-statement',
      tags: ['accounting'],
      summary: 'Income statement of a date range, from the general ledger',
      description: 'Income and expense accounts with the movements of the entries dated from `from` (default 1 January of `to`’s year) to `to` (default today) inclusive.',
      ...guarded('ledger:read'),
      request: {
        query: z.strictObject({
          from: DateSchema.optional().openapi({ param: { name: 'from', in: 'query' } }),
          to: DateSchema.optional().openapi({ param: { name: 'to', in: 'query' } }),
          currency: CurrencyQuery,
        }),
      },
      responses: { 200: jsonResponse(IncomeStatementSchema, 'The income statement'), ...errorResponses(401, 403, 422) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const to = q.to ?? c.get('clock').today();
      const from = q.from ?? `${to.slice(0, 4)}-01-01`;
      if (from > to) throw new ValidationError([{ path: 'from', message: `must not be after \`to\` (${to})` }], 'the request query is not valid');
      return c.json(await incomeStatement(c.get('db'), from, to, q.currency), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/periods',
      tags: ['accounting'],
      summary: 'Accounting periods (months) from the first with activity to the current one, oldest first',
      ...guarded('accounting:read'),
      responses: { 200: jsonResponse(z.object({ periods: z.array(PeriodSchema) }), 'The periods'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json({ periods: await listPeriods(c.get('db'), c.get('clock').today()) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/periods/{period}/close',
      tags: ['accounting'],
      summary: 'Close a month: no posting may be dated inside it afterwards',
      description:
        'Refused with 409: `period-already-closed`; `earlier-period-open` (months close in order; details name the open one); `day-close-pending` (the end of day has not run through the month’s last day); `manual-entries-pending` (decide the manual entries dated in it or before first). Audited with a fingerprint of the balances frozen. Late loan events then post on the first open day and keep their economic date.',
      ...guarded('accounting:close-period'),
      request: { params: PeriodParams },
      responses: { 200: jsonResponse(z.object({ period: PeriodSchema }), 'The closed period'), ...errorResponses(401, 403, 409, 422) },
    }),
    async (c) => c.json({ period: await closePeriod(c.get('db'), c.req.valid('param').period, ctxOf(c)) }, 200),
  );
