// /api/v1/reports: portfolio reports as JSON or CSV (`?format=csv` or `Accept: text/csv`), each
// one or two set-oriented SQL queries: over the end of day's state summary, the month-end vintage
// points (vintage curves) and the open installments' cash flow by due date (cash flow).
import { createRoute, z } from '@hono/zod-openapi';
import { addDays } from '@plazo/engine';
import { ValidationError } from '../errors.ts';
import { errorResponses, guarded, newRouter } from '../http/openapi.ts';
import { agingReport, cashFlowReport, collectionsReport, portfolioSummary, reportCsv, riskReport, vintageReport, type ReportTable } from '../reports/portfolio-reports.ts';
import { VINTAGE_METRICS, vintageCurvesReport } from '../reports/vintage-curves.ts';
import { DateSchema } from './servicing-schemas.ts';

const REPORTS = ['summary', 'aging', 'risk', 'vintages', 'vintage-curves', 'collections', 'cash-flow'] as const;

const ReportQuery = z.strictObject({
  from: DateSchema.optional().openapi({ param: { name: 'from', in: 'query' }, description: 'collections: first contact day, in the institution’s time zone (default 30 days before `to`); cash-flow: first week (default today)' }),
  to: DateSchema.optional().openapi({ param: { name: 'to', in: 'query' }, description: 'collections: last contact day, in the institution’s time zone (default today)' }),
  weeks: z.coerce.number().int().min(1).max(52).default(13).openapi({ param: { name: 'weeks', in: 'query' } }),
  vencidaDays: z.coerce.number().int().min(1).max(365).default(90).openapi({ param: { name: 'vencidaDays', in: 'query' }, description: 'risk: days past due from which a loan is cartera vencida' }),
  metric: z.enum(VINTAGE_METRICS).default('ever-30').openapi({ param: { name: 'metric', in: 'query' }, description: 'vintage-curves: ever more than 30/60/90 days past due by the month on book, or more than 30 at its end (`dpd-30`)' }),
  basis: z.enum(['amount', 'loans']).default('amount').openapi({ param: { name: 'basis', in: 'query' }, description: 'vintage-curves: share of the principal originated or of the loans' }),
  months: z.coerce.number().int().min(1).max(120).default(12).openapi({ param: { name: 'months', in: 'query' }, description: 'vintage-curves: months on book shown (mob_1 … mob_N)' }),
  by: z.enum(['agent']).optional().openapi({ param: { name: 'by', in: 'query' }, description: 'collections: one row per agent (user id and name)' }),
  product: z.string().regex(/^[a-z_][a-z0-9_]{0,63}$/, 'a product code').optional().openapi({ param: { name: 'product', in: 'query' }, description: 'vintage-curves: one product only' }),
  format: z.enum(['json', 'csv']).optional().openapi({ param: { name: 'format', in: 'query' } }),
});

const ReportSchema = z.object({
  report: z.enum(REPORTS),
  columns: z.array(z.string()),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
});

export const reportsRoutes = newRouter().openapi(
  createRoute({
    method: 'get',
    path: '/{report}',
    tags: ['reports'],
    summary: 'A portfolio report: summary, aging, risk (PAR30/60/90, índice de morosidad), vintages, vintage-curves, collections, cash-flow',
    description:
      'summary, aging, risk, vintages: as of each loan’s last end-of-day close; vintage-curves: the month-end points recorded after each closed month; cash-flow: every open installment as of its loan’s last event. Money and ratios are decimal strings.',
    ...guarded('reports:read'),
    request: { params: z.object({ report: z.enum(REPORTS).openapi({ param: { name: 'report', in: 'path' } }) }), query: ReportQuery },
    responses: {
      200: { description: 'The report', content: { 'application/json': { schema: ReportSchema }, 'text/csv': { schema: z.string() } } },
      ...errorResponses(401, 403, 422),
    },
  }),
  async (c) => {
    const { report } = c.req.valid('param');
    const q = c.req.valid('query');
    const today = c.get('clock').today();
    const db = c.get('db');
    let table: ReportTable;
    switch (report) {
      case 'summary':
        table = await portfolioSummary(db);
        break;
      case 'aging':
        table = await agingReport(db);
        break;
      case 'risk':
        table = await riskReport(db, q.vencidaDays);
        break;
      case 'vintages':
        table = await vintageReport(db);
        break;
      case 'vintage-curves':
        table = await vintageCurvesReport(db, { metric: q.metric, basis: q.basis, months: q.months, product: q.product });
        break;
      case 'collections': {
        const to = q.to ?? today;
        const from = q.from ?? addDays(to, -30);
        if (from > to) throw new ValidationError([{ path: 'from', message: `must not be after \`to\` (${to})` }], 'the request query is not valid');
        table = await collectionsReport(db, from, to, { timeZone: c.get('config').timeZone, today, byAgent: q.by === 'agent' });
        break;
      }
      case 'cash-flow':
        table = await cashFlowReport(db, q.from ?? today, q.weeks);
        break;
    }
    const csv = q.format === 'csv' || (q.format === undefined && /\btext\/csv\b/i.test(c.req.header('accept') ?? ''));
    if (csv) return c.body(reportCsv(table), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${report}-${today}.csv"` }) as never;
    return c.json({ report, columns: [...table.columns], rows: table.rows as Record<string, string | number | null>[] }, 200);
  },
);
