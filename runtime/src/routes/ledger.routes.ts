// /api/v1/ledger: the chart of accounts, the trial balance of a date range and the journal
// (JSON, or CSV with `Accept: text/csv` or `?format=csv`; filters by loan, account and source).
// Manual entries are under /api/v1/ledger/manual-entries (manual-entries.routes.ts).
import { createRoute, z } from '@hono/zod-openapi';
import { ValidationError } from '../errors.ts';
import { JOURNAL_SOURCES } from '../db/tables/journal-entries.table.ts';
import { csvText, wantsCsv } from '../http/csv.ts';
import { errorResponses, guarded, jsonResponse, newRouter } from '../http/openapi.ts';
import { journalPage, listAccounts, rangeTotals, trialBalance, type JournalRow } from '../ledger/ledger.repository.ts';
import { UuidSchema } from './schemas.ts';
import { DateSchema } from './servicing-schemas.ts';

const RangeQuery = {
  from: DateSchema.optional().openapi({ param: { name: 'from', in: 'query' }, description: 'First day (default: 1 January of `to`’s year)' }),
  to: DateSchema.optional().openapi({ param: { name: 'to', in: 'query' }, description: 'Last day, inclusive (default today)' }),
};
const TrialBalanceQuery = z.strictObject(RangeQuery);
const JournalQuery = z.strictObject({
  ...RangeQuery,
  after: z
    .string()
    .max(60)
    .regex(/^\d{4}-\d{2}-\d{2}\/[0-9a-f-]{36}$/, '`date/id` of the last entry of the previous page')
    .optional()
    .openapi({ param: { name: 'after', in: 'query' } }),
  limit: z.coerce.number().int().min(1).max(10_000).default(500).openapi({ param: { name: 'limit', in: 'query' } }),
  format: z.enum(['json', 'csv']).optional().openapi({ param: { name: 'format', in: 'query' } }),
  loanId: UuidSchema.optional().openapi({ param: { name: 'loanId', in: 'query' }, description: "Only this loan's entries; `from` then defaults to the loan's first day" }),
  account: z.string().regex(/^\d{4}$/, 'an account code of four digits').optional().openapi({ param: { name: 'account', in: 'query' }, description: 'Only entries with a line on this account (each with all its lines)' }),
  source: z.enum(JOURNAL_SOURCES).optional().openapi({ param: { name: 'source', in: 'query' }, description: 'Only entries posted by a loan event, the day close, an approved manual entry, or other' }),
});

/** Before any loan's first day: the default `from` of one loan's journal (its whole life). */
const BEFORE_ANY_LOAN = '1900-01-01';

function rangeOf(query: { from?: string | undefined; to?: string | undefined }, today: string, defaultFrom?: string): { from: string; to: string } {
  const to = query.to ?? today;
  const from = query.from ?? defaultFrom ?? `${to.slice(0, 4)}-01-01`;
  if (from > to) throw new ValidationError([{ path: 'from', message: `must not be after \`to\` (${to})` }], 'the request query is not valid');
  return { from, to };
}

const CSV_HEADER = ['entry_id', 'entry_date', 'description', 'currency', 'loan_id', 'loan_event_seq', 'line_no', 'account_code', 'debit', 'credit', 'created_at', 'created_by', 'source', 'economic_date'];

function journalCsv(entries: readonly JournalRow[]): string {
  return csvText(
    CSV_HEADER,
    entries.flatMap((e) =>
      e.lines.map((l) => [e.id, e.entry_date, e.description, e.currency, e.loan_id, e.loan_event_seq, l.line_no, l.account_code, l.debit, l.credit, e.created_at, e.created_by, e.source, e.economic_date]),
    ),
  );
}

const AmountsSchema = z.string().openapi({ description: 'Decimal string' });

export const ledgerRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/accounts',
      tags: ['ledger'],
      summary: 'The chart of accounts',
      ...guarded('ledger:read'),
      responses: {
        200: jsonResponse(z.object({ accounts: z.array(z.object({ code: z.string(), name: z.string(), type: z.string(), normalBalance: z.enum(['debit', 'credit']) })) }), 'Accounts by code'),
        ...errorResponses(401, 403),
      },
    }),
    async (c) => {
      const rows = await listAccounts(c.get('db'));
      return c.json({ accounts: rows.map((r) => ({ code: r.code, name: r.name, type: r.type, normalBalance: r.normal_balance })) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/trial-balance',
      tags: ['ledger'],
      summary: 'Trial balance: opening, debits, credits and closing per account for a date range',
      description: 'Balances are debit-positive (a credit balance is negative). `balanced` says total debits equal total credits in the range.',
      ...guarded('ledger:read'),
      request: { query: TrialBalanceQuery },
      responses: {
        200: jsonResponse(
          z.object({
            from: z.string(),
            to: z.string(),
            accounts: z.array(
              z.object({ code: z.string(), name: z.string(), type: z.string(), normalBalance: z.string(), opening: AmountsSchema, debits: AmountsSchema, credits: AmountsSchema, closing: AmountsSchema }),
            ),
            totals: z.object({ debits: AmountsSchema, credits: AmountsSchema }),
            balanced: z.boolean(),
          }),
          'The trial balance',
        ),
        ...errorResponses(401, 403, 422),
      },
    }),
    async (c) => {
      const { from, to } = rangeOf(c.req.valid('query'), c.get('clock').today());
      const [rows, totals] = await Promise.all([trialBalance(c.get('db'), from, to), rangeTotals(c.get('db'), from, to)]);
      return c.json(
        {
          from,
          to,
          accounts: rows.map((r) => ({ code: r.code, name: r.name, type: r.type, normalBalance: r.normal_balance, opening: r.opening, debits: r.debits, credits: r.credits, closing: r.closing })),
          totals,
          // NUMERIC sums come back normalized by PostgreSQL, so equal amounts are equal strings.
          balanced: totals.debits === totals.credits,
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/journal',
      tags: ['ledger'],
      summary: 'Journal entries with their lines, by date (JSON, or CSV one line per row)',
      description:
        'CSV with `Accept: text/csv` or `?format=csv`. Page with `limit` and `after` (`nextAfter` of the previous page). `loanId` keeps one loan\'s entries, `account` the entries with a line on it, `source` those of one source. `date` is the posting date; `economicDate` is set when the fact happened earlier (a late event after its month closed).',
      ...guarded('ledger:read'),
      request: { query: JournalQuery },
      responses: {
        200: {
          description: 'A page of entries',
          content: {
            'application/json': {
              schema: z.object({
                from: z.string(),
                to: z.string(),
                entries: z.array(
                  z.object({
                    id: z.string(),
                    date: z.string(),
                    description: z.string(),
                    currency: z.string(),
                    loanId: z.string().nullable(),
                    loanEventSeq: z.number().int().nullable(),
                    source: z.enum(JOURNAL_SOURCES),
                    economicDate: z.string().nullable(),
                    createdAt: z.string(),
                    createdBy: z.string(),
                    lines: z.array(z.object({ lineNo: z.number().int(), account: z.string(), debit: AmountsSchema, credit: AmountsSchema })),
                  }),
                ),
                nextAfter: z.string().nullable(),
              }),
            },
            'text/csv': { schema: z.string() },
          },
        },
        ...errorResponses(401, 403, 422),
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const { from, to } = rangeOf(query, c.get('clock').today(), query.loanId ? BEFORE_ANY_LOAN : undefined);
      const after = query.after ? { date: query.after.slice(0, 10), id: query.after.slice(11) } : undefined;
      const entries = await journalPage(c.get('db'), { from, to, after, limit: query.limit, loanId: query.loanId, account: query.account, source: query.source });
      const last = entries.length === query.limit ? entries.at(-1) : undefined;
      const nextAfter = last ? `${last.entry_date}/${last.id}` : null;
      if (wantsCsv(query.format, c.req.header('accept'))) {
        const headers: Record<string, string> = { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="journal-${from}-${to}.csv"` };
        if (nextAfter) headers['x-next-after'] = nextAfter;
        return c.body(journalCsv(entries), 200, headers) as never;
      }
      return c.json(
        {
          from,
          to,
          entries: entries.map((e) => ({
            id: e.id,
            date: e.entry_date,
            description: e.description,
            currency: e.currency,
            loanId: e.loan_id,
            loanEventSeq: e.loan_event_seq,
            source: e.source,
            economicDate: e.economic_date,
            createdAt: e.created_at,
            createdBy: e.created_by,
            lines: e.lines.map((l) => ({ lineNo: l.line_no, account: l.account_code, debit: l.debit, credit: l.credit })),
          })),
          nextAfter,
        },
        200,
      );
    },
  );
