// /api/v1/reports/books: the portfolio as the general ledger carries it at a date (reports/books-report.ts).
// Mounted before /api/v1/reports, whose `/{report}` would otherwise take the path.
import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses, guarded, jsonResponse, newRouter } from '../http/openapi.ts';
import { booksReport } from '../reports/books-report.ts';
import { CurrencyQuery } from './accounting.routes.ts';
import { DateSchema } from './servicing-schemas.ts';

const Amount = z.string().openapi({ description: 'Decimal string' });
const BooksReportSchema = z
  .object({
    date: z.string(),
    currency: z.string(),
    vigente: z.object({ principal: Amount, interest: Amount }).openapi({ description: 'Cartera vigente: principal (1100) and accrued interest receivable (1110)' }),
    vencida: z.object({ principal: Amount, interest: Amount }).openapi({ description: 'Cartera vencida: principal (1300) and accrued interest receivable (1310)' }),
    portfolio: Amount.openapi({ description: 'vigente + vencida' }),
    morosidad: z.string().openapi({ description: 'Índice de morosidad: vencida / portfolio, a fraction with 6 decimals (0 for an empty portfolio)' }),
    allowance: Amount.openapi({ description: 'Estimación preventiva: −balance of 1190' }),
    coverage: z.string().nullable().openapi({ description: 'allowance / vencida, a fraction with 6 decimals; null without vencida' }),
    memorandum: Amount.openapi({ description: 'Interest vencida loans accrue off the books (cuentas de orden, 7100)' }),
  })
  .openapi('BooksReport');

export const booksReportRoutes = newRouter().openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['reports'],
    summary: 'The portfolio from the books at a date: cartera vigente and vencida, morosidad, allowance and coverage',
    description: 'From the general ledger’s balances of the entries dated up to `date` (default today), not from the loans’ state.',
    ...guarded('reports:read'),
    request: { query: z.strictObject({ date: DateSchema.optional().openapi({ param: { name: 'date', in: 'query' } }), currency: CurrencyQuery }) },
    responses: { 200: jsonResponse(BooksReportSchema, 'The books report'), ...errorResponses(401, 403, 422) },
  }),
  async (c) => {
    const q = c.req.valid('query');
    return c.json(await booksReport(c.get('db'), q.date ?? c.get('clock').today(), q.currency), 200);
  },
);
