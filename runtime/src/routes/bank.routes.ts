// Money in (issue 16, H4): /api/v1/bank-accounts and /api/v1/bank-file-layouts (write
// `bank:configure`, read `bank:read`, audited); /api/v1/bank-statements: import a statement file
// (`bank:import`; the body streamed raw with the query naming the account, format and layout, or
// multipart with `file`), its dry run `/preview`, and the imported statements and their lines
// (`bank:read`). See banking/statement-import.ts for how an import stays exactly-once.
import { Readable } from 'node:stream';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { principalOf } from '../auth/auth.middleware.ts';
import { actorOf } from '../auth/principal.ts';
import { createBankAccount, createBankFileLayout, getBankAccount, getBankFileLayout, listBankAccounts, listBankFileLayouts, updateBankAccount, updateBankFileLayout } from '../banking/bank-setup.ts';
import { STATEMENT_FORMATS } from '../banking/statement-line.ts';
import { DEFAULT_IMPORT_SETTINGS, importStatement, previewStatement, spoolUpload, STATEMENT_MAX_BYTES, type ImportSettings, type SpooledFile, type StatementSource } from '../banking/statement-import.ts';
import { getStatement, listStatements, statementLines } from '../banking/statements.repository.ts';
import { AppError, ValidationError } from '../errors.ts';
import type { AppEnv, ContextVariables } from '../http/app-env.ts';
import { limitRequestBody } from '../http/body-limit.middleware.ts';
import { errorResponses, guarded, jsonBody, jsonResponse, newRouter } from '../http/openapi.ts';
import { IdParamSchema, UuidSchema } from './schemas.ts';

function ctxOf(c: ContextVariables) {
  return { actor: actorOf(principalOf(c)), at: c.get('clock').now().toISOString(), requestId: c.get('requestId'), today: c.get('clock').today() };
}

// ——— Bank accounts ———

const Clabe = z.string().regex(/^\d{18}$/, 'a CLABE is 18 digits');
const AccountBody = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    bankCode: z.string().regex(/^\d{3}$/, 'the bank’s 3-digit code (a CLABE’s first three digits)'),
    accountNumber: z.string().regex(/^[0-9A-Z]{1,34}$/, 'digits and capital letters, at most 34').nullable().optional(),
    clabe: Clabe.nullable().optional().openapi({ description: 'Checked by the CLABE check digit and against `bankCode`' }),
    currency: z.string().regex(/^[A-Z]{3}$/).optional().openapi({ description: 'ISO 4217, default MXN' }),
    ledgerAccount: z.string().regex(/^\d{4}$/).optional().openapi({ description: 'The asset account its money is on (default 1000 Bancos)' }),
  })
  .openapi('BankAccountInput');
const AccountSchema = z
  .object({ id: z.string(), name: z.string(), bankCode: z.string(), accountNumber: z.string().nullable(), clabe: z.string().nullable(), currency: z.string(), ledgerAccount: z.string(), createdAt: z.string(), createdBy: z.string() })
  .openapi('BankAccount');

export const bankAccountsRoutes = newRouter()
  .openapi(
    createRoute({ method: 'post', path: '/', tags: ['banking'], summary: 'Register one of the institution’s bank accounts; audited', ...guarded('bank:configure'), request: { body: jsonBody(AccountBody) }, responses: { 201: jsonResponse(z.object({ bankAccount: AccountSchema }), 'The account'), ...errorResponses(400, 401, 403, 409, 415, 422) } }),
    async (c) => c.json({ bankAccount: await createBankAccount(c.get('db'), c.req.valid('json'), ctxOf(c)) }, 201),
  )
  .openapi(
    createRoute({ method: 'get', path: '/', tags: ['banking'], summary: 'The institution’s bank accounts', ...guarded('bank:read'), responses: { 200: jsonResponse(z.object({ bankAccounts: z.array(AccountSchema) }), 'The accounts'), ...errorResponses(401, 403) } }),
    async (c) => c.json({ bankAccounts: await listBankAccounts(c.get('db')) }, 200),
  )
  .openapi(
    createRoute({ method: 'get', path: '/{id}', tags: ['banking'], summary: 'One bank account', ...guarded('bank:read'), request: { params: IdParamSchema }, responses: { 200: jsonResponse(z.object({ bankAccount: AccountSchema }), 'The account'), ...errorResponses(401, 403, 404, 422) } }),
    async (c) => c.json({ bankAccount: await getBankAccount(c.get('db'), c.req.valid('param').id) }, 200),
  )
  .openapi(
    createRoute({ method: 'patch', path: '/{id}', tags: ['banking'], summary: 'Change a bank account (the fields sent); audited', ...guarded('bank:configure'), request: { params: IdParamSchema, body: jsonBody(AccountBody.partial().openapi('BankAccountPatch')) }, responses: { 200: jsonResponse(z.object({ bankAccount: AccountSchema }), 'The account'), ...errorResponses(400, 401, 403, 404, 409, 415, 422) } }),
    async (c) => c.json({ bankAccount: await updateBankAccount(c.get('db'), c.req.valid('param').id, c.req.valid('json'), ctxOf(c)) }, 200),
  );

// ——— File layouts ———

const LayoutBody = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    format: z.enum(STATEMENT_FORMATS),
    options: z.record(z.string(), z.unknown()).openapi({ description: 'The format’s options; for `csv` the column mapping and the rest (runtime README, «Bank statements»), checked field by field (`options.columns.date`)' }),
  })
  .openapi('BankFileLayoutInput');
const LayoutSchema = z
  .object({ id: z.string(), name: z.string(), format: z.enum(STATEMENT_FORMATS), options: z.record(z.string(), z.unknown()), createdAt: z.string(), createdBy: z.string(), updatedAt: z.string(), updatedBy: z.string() })
  .openapi('BankFileLayout');

export const bankFileLayoutsRoutes = newRouter()
  .openapi(
    createRoute({ method: 'post', path: '/', tags: ['banking'], summary: 'Save a bank’s file layout (a CSV/TXT column mapping, …); audited', ...guarded('bank:configure'), request: { body: jsonBody(LayoutBody) }, responses: { 201: jsonResponse(z.object({ layout: LayoutSchema }), 'The layout'), ...errorResponses(400, 401, 403, 409, 415, 422) } }),
    async (c) => c.json({ layout: await createBankFileLayout(c.get('db'), c.req.valid('json'), ctxOf(c)) }, 201),
  )
  .openapi(
    createRoute({ method: 'get', path: '/', tags: ['banking'], summary: 'The saved file layouts', ...guarded('bank:read'), responses: { 200: jsonResponse(z.object({ layouts: z.array(LayoutSchema) }), 'The layouts'), ...errorResponses(401, 403) } }),
    async (c) => c.json({ layouts: await listBankFileLayouts(c.get('db')) }, 200),
  )
  .openapi(
    createRoute({ method: 'get', path: '/{id}', tags: ['banking'], summary: 'One file layout', ...guarded('bank:read'), request: { params: IdParamSchema }, responses: { 200: jsonResponse(z.object({ layout: LayoutSchema }), 'The layout'), ...errorResponses(401, 403, 404, 422) } }),
    async (c) => c.json({ layout: await getBankFileLayout(c.get('db'), c.req.valid('param').id) }, 200),
  )
  .openapi(
    createRoute({ method: 'patch', path: '/{id}', tags: ['banking'], summary: 'Change a file layout (the fields sent; `options` replaced whole); audited', ...guarded('bank:configure'), request: { params: IdParamSchema, body: jsonBody(LayoutBody.partial().openapi('BankFileLayoutPatch')) }, responses: { 200: jsonResponse(z.object({ layout: LayoutSchema }), 'The layout'), ...errorResponses(400, 401, 403, 404, 409, 415, 422) } }),
    async (c) => c.json({ layout: await updateBankFileLayout(c.get('db'), c.req.valid('param').id, c.req.valid('json'), ctxOf(c)) }, 200),
  );

// ——— Statements ———

/** Is this request a statement upload (a file body, not JSON, with its own size limit)? */
export function isStatementUpload(method: string, path: string): boolean {
  return method === 'POST' && (path === '/api/v1/bank-statements' || path === '/api/v1/bank-statements/preview');
}
const uploadLimit = limitRequestBody(STATEMENT_MAX_BYTES + 64 * 1024);
export const statementUploadBody = createMiddleware<AppEnv>(async (c, next) => (isStatementUpload(c.req.method, c.req.path) ? uploadLimit(c, next) : next()));

const Score = z.coerce.number().min(0).max(1);
const SourceQuery = z.strictObject({
  bankAccountId: UuidSchema.optional().openapi({ param: { name: 'bankAccountId', in: 'query' }, description: 'The account the statement is of (or the multipart field)' }),
  format: z.enum(STATEMENT_FORMATS).optional().openapi({ param: { name: 'format', in: 'query' } }),
  layoutId: UuidSchema.optional().openapi({ param: { name: 'layoutId', in: 'query' }, description: 'The saved layout (required for `csv`)' }),
  fileName: z.string().trim().min(1).max(255).optional().openapi({ param: { name: 'fileName', in: 'query' } }),
  minScore: Score.optional().openapi({ param: { name: 'minScore', in: 'query' }, description: 'Least amount/date/name score applied (default 0.90)' }),
  dateWindowDays: z.coerce.number().int().min(0).max(31).optional().openapi({ param: { name: 'dateWindowDays', in: 'query' }, description: 'Days around a due date a payment of its amount is looked for (default 5)' }),
  offset: z.coerce.number().int().min(0).optional().openapi({ param: { name: 'offset', in: 'query' }, description: 'Preview: the first line shown' }),
  limit: z.coerce.number().int().min(1).max(2000).optional().openapi({ param: { name: 'limit', in: 'query' }, description: 'Preview: how many lines are shown (default 200)' }),
});
const FileBody = { required: true, description: 'The file as the body (`text/csv`, `text/plain`, `application/octet-stream`), or `multipart/form-data` with `file` (and `bankAccountId`, `format`, `layoutId` fields)', content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } };
const StatementSchema = z.record(z.string(), z.unknown()).openapi('BankStatement', { description: 'id, bankAccountId, format, layoutId, fileName, sha256, status (importing|imported|failed), periodFrom, periodTo, openingBalance, closingBalance, lines { total, applied, exception, duplicate, other, rejected }, failure, importedAt, importedBy, finishedAt' });
const LineSchema = z.record(z.string(), z.unknown()).openapi('BankStatementLine', { description: 'id, lineNo, trackingKey, valueDate, direction, amount, reference, beneficiaryClabe, payerName, description, status, matchLoanId, matchRule, matchScore, matchDetails, exceptionReason, exceptionAmount (the money 2210 holds for it), suspenseEntryId, resolution, applications [{ loanId, paymentId, amount, reversed }]' });

/** The upload's source and settings from the query or the multipart fields, and the body spooled to a temporary file. */
async function readUpload(c: Context<AppEnv>): Promise<{ source: StatementSource; settings: ImportSettings; file: SpooledFile; page: { offset: number; limit: number } }> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  let fields: Record<string, unknown> = c.req.query();
  let body: Readable | AsyncIterable<Uint8Array>;
  if (type === 'multipart/form-data') {
    const form = await c.req.parseBody();
    const file = form['file'];
    if (!(file instanceof File)) throw new ValidationError([{ path: 'file', message: 'a file is required (a form field with a file name)' }]);
    fields = { ...fields, ...Object.fromEntries(Object.entries(form).filter(([k, v]) => k !== 'file' && typeof v === 'string')) };
    fields['fileName'] ??= file.name;
    body = Readable.fromWeb(file.stream() as never);
  } else if (type === 'application/json') {
    throw new AppError(415, 'unsupported-media-type', 'send the statement file as the body (text/csv, text/plain, application/octet-stream) or as multipart/form-data', { contentType: type });
  } else {
    const raw = c.req.raw.body;
    if (!raw) throw new ValidationError([{ path: 'file', message: 'the statement file is empty' }]);
    body = Readable.fromWeb(raw as never);
  }
  const parsed = SourceQuery.safeParse(fields);
  if (!parsed.success) throw new ValidationError(parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })));
  const q = parsed.data;
  const missing = (['bankAccountId', 'format'] as const).filter((k) => q[k] === undefined).map((k) => ({ path: k, message: `\`${k}\` is required` }));
  if (missing.length > 0) throw new ValidationError(missing);
  const file = await spoolUpload(body);
  return {
    source: { bankAccountId: q.bankAccountId!, format: q.format!, layoutId: q.layoutId, fileName: q.fileName ?? 'statement' },
    settings: { ...DEFAULT_IMPORT_SETTINGS, ...(q.minScore !== undefined ? { minScore: q.minScore } : {}), ...(q.dateWindowDays !== undefined ? { dateWindowDays: q.dateWindowDays } : {}) },
    file,
    page: { offset: q.offset ?? 0, limit: q.limit ?? 200 },
  };
}

const LinesQuery = z.strictObject({
  status: z.enum(['applied', 'exception', 'resolved', 'rejected', 'other']).optional().openapi({ param: { name: 'status', in: 'query' } }),
  afterLine: z.coerce.number().int().min(0).optional().openapi({ param: { name: 'afterLine', in: 'query' }, description: 'The last line number of the previous page' }),
  limit: z.coerce.number().int().min(1).max(500).default(100).openapi({ param: { name: 'limit', in: 'query' } }),
});
const ListQuery = z.strictObject({
  bankAccountId: UuidSchema.optional().openapi({ param: { name: 'bankAccountId', in: 'query' } }),
  before: UuidSchema.optional().openapi({ param: { name: 'before', in: 'query' }, description: 'The last id of the previous page (newest first)' }),
  limit: z.coerce.number().int().min(1).max(200).default(50).openapi({ param: { name: 'limit', in: 'query' } }),
});

export const bankStatementsRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['banking'],
      summary: 'Import a bank statement: each credit matched, applied once as a loan payment or held in 2210 as an exception; audited',
      description:
        'The body streams to a temporary file and is read through the format’s parser (a bad file: 422 `statement-format`, details `[{ path: "line 12 (amount)", line, field }]`, nothing written). Lines are processed in batches of 200, one transaction each. A line whose tracking key the account already has is a duplicate (counted, not touched). The same file again: 200 with the statement (`replayed: true`); a statement a crash left `importing` is finished.',
      ...guarded('bank:import'),
      request: { query: SourceQuery, body: FileBody },
      responses: {
        201: jsonResponse(z.object({ statement: StatementSchema, replayed: z.boolean() }), 'The imported statement with its counts'),
        200: jsonResponse(z.object({ statement: StatementSchema, replayed: z.boolean() }), 'The same file was imported before: that statement'),
        ...errorResponses(401, 403, 404, 413, 415, 422, 503),
      },
    }),
    async (c) => {
      const { source, settings, file } = await readUpload(c);
      try {
        const result = await importStatement(c.get('db'), source, file, settings, ctxOf(c));
        return c.json(result as never, result.replayed ? 200 : 201);
      } finally {
        await file.remove();
      }
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/preview',
      tags: ['banking'],
      summary: 'The dry run of an import: per line the match (loan, rule, score), the amount to apply and the remainder, and the counts; writes nothing',
      ...guarded('bank:import'),
      request: { query: SourceQuery, body: FileBody },
      responses: { 200: jsonResponse(z.record(z.string(), z.unknown()).openapi('StatementPreview', { description: 'fileName, sha256, summary, counts { lines, apply, exception, duplicate, other, rejected, amountToApply, amountToSuspense }, lines [{ lineNo, trackingKey, valueDate, direction, amount, reference, payerName, description, outcome, loanId, paymentReference, rule, score, amountToApply, remainder, exceptionReason, matchDetails }], offset, limit' }), 'The preview'), ...errorResponses(401, 403, 404, 413, 415, 422) },
    }),
    async (c) => {
      const { source, settings, file, page } = await readUpload(c);
      try {
        return c.json((await previewStatement(c.get('db'), source, file, settings, page)) as never, 200);
      } finally {
        await file.remove();
      }
    },
  )
  .openapi(
    createRoute({ method: 'get', path: '/', tags: ['banking'], summary: 'Imported statements, newest first', ...guarded('bank:read'), request: { query: ListQuery }, responses: { 200: jsonResponse(z.object({ statements: z.array(StatementSchema), nextBefore: z.string().nullable() }), 'A page of statements'), ...errorResponses(401, 403, 422) } }),
    async (c) => c.json((await listStatements(c.get('db'), c.req.valid('query'))) as never, 200),
  )
  .openapi(
    createRoute({ method: 'get', path: '/{id}', tags: ['banking'], summary: 'One imported statement with its counts', ...guarded('bank:read'), request: { params: IdParamSchema }, responses: { 200: jsonResponse(z.object({ statement: StatementSchema }), 'The statement'), ...errorResponses(401, 403, 404, 422) } }),
    async (c) => c.json({ statement: await getStatement(c.get('db'), c.req.valid('param').id) } as never, 200),
  )
  .openapi(
    createRoute({ method: 'get', path: '/{id}/lines', tags: ['banking'], summary: 'A statement’s lines by status, in file order, a page at a time', ...guarded('bank:read'), request: { params: IdParamSchema, query: LinesQuery }, responses: { 200: jsonResponse(z.object({ lines: z.array(LineSchema), nextAfterLine: z.number().nullable() }), 'A page of lines'), ...errorResponses(401, 403, 404, 422) } }),
    async (c) => c.json((await statementLines(c.get('db'), c.req.valid('param').id, c.req.valid('query'))) as never, 200),
  );
