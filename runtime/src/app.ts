// The HTTP application: middleware (request id, dependencies, logging, body rules, auth), the
// route modules under /api/v1, the OpenAPI document and docs, and the one error handler.
import { OpenAPIHono } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import { requestId } from 'hono/request-id';
import type { Kysely } from 'kysely';
import { authenticate, refusePendingPasswordChange } from './auth/auth.middleware.ts';
import { refuseCrossSiteWrites } from './auth/cross-site.middleware.ts';
import { systemClock, type Clock } from './clock.ts';
import { testConfig, type RuntimeConfig } from './config.ts';
import type { Database } from './db/database.ts';
import { openDocumentStore, type DocumentStore } from './documents/document-store.ts';
import { API_DOCS_CSP, renderApiDocsPage } from './http/api-docs.page.ts';
import type { AppEnv } from './http/app-env.ts';
import { limitRequestBody } from './http/body-limit.middleware.ts';
import { handleError, handleNotFound } from './http/error-handler.ts';
import { requireJsonBody } from './http/json-body.middleware.ts';
import { registerSecuritySchemes } from './http/openapi.ts';
import { requestLog } from './http/request-log.middleware.ts';
import { negotiateLanguage } from './http/request-language.ts';
import { apiSecurityHeaders } from './http/security-headers.middleware.ts';
import { validationHook } from './http/validation.ts';
import { jsonLogger, type Logger } from './logger.ts';
import { apiKeysRoutes } from './routes/api-keys.routes.ts';
import { applicationsRoutes } from './routes/applications.routes.ts';
import { approvalRequestsRoutes } from './routes/approval-requests.routes.ts';
import { auditRoutes } from './routes/audit.routes.ts';
import { authRoutes } from './routes/auth.routes.ts';
import { healthRoutes } from './routes/health.routes.ts';
import { decisionsRoutes } from './routes/decisions.routes.ts';
import { ledgerRoutes } from './routes/ledger.routes.ts';
import { manualEntriesRoutes } from './routes/manual-entries.routes.ts';
import { accountingRoutes } from './routes/accounting.routes.ts';
import { booksReportRoutes } from './routes/books-report.routes.ts';
import { accountingSettingsRoutes } from './routes/accounting-settings.routes.ts';
import { paymentSettingsRoutes } from './routes/payment-settings.routes.ts';
import { loansRoutes } from './routes/loans.routes.ts';
import { productsRoutes } from './routes/products.routes.ts';
import { productTemplatesRoutes } from './routes/product-templates.routes.ts';
import { quotesRoutes } from './routes/quotes.routes.ts';
import { usersRoutes } from './routes/users.routes.ts';
import { clientsRoutes } from './routes/clients.routes.ts';
import { clientDocumentsRoutes, documentUploadBody, isDocumentUpload } from './routes/client-documents.routes.ts';
import { compliancePolicyRoutes } from './routes/compliance-policy.routes.ts';
import { complianceRoutes } from './routes/compliance.routes.ts';
import { isWatchlistUpload, screeningRoutes, watchlistsRoutes, watchlistUploadBody } from './routes/watchlists.routes.ts';
import { collectionsRoutes } from './routes/collections.routes.ts';
import { reportsRoutes } from './routes/reports.routes.ts';
import { restructuringOffersRoutes } from './routes/restructuring-offers.routes.ts';
import { satRoutes } from './routes/sat.routes.ts';
import { bankExceptionsRoutes } from './routes/bank-exceptions.routes.ts';
import { bankAccountsRoutes, bankFileLayoutsRoutes, bankStatementsRoutes, isStatementUpload, statementUploadBody } from './routes/bank.routes.ts';
import { disbursementBatchesRoutes } from './routes/disbursement-batches.routes.ts';

export interface AppDependencies {
  readonly db: Kysely<Database>;
  readonly clock?: Clock;
  readonly config?: RuntimeConfig;
  readonly logger?: Logger;
  /** Where clients' document bytes live; default: the one config.documents names (else `<dataDir>/documents`). */
  readonly documents?: DocumentStore;
}

const OPENAPI_INFO = {
  openapi: '3.1.0',
  info: {
    title: 'Plazo API',
    version: '1',
    description:
      'Products, decisions, loans, ledger and audit of the Plazo lending runtime. Errors are `{ "error": { code, message, details } }` with a 4xx status.',
  },
};

/**
 * Builds the application around its dependencies; tests pass their database and a fixed clock.
 *
 * @example
 * const app = createApp({ db, clock: fixedClock('2025-01-06T16:00:00Z') });
 * const res = await app.request('/api/v1/auth/me', { headers: { authorization: `Bearer ${key}` } });
 */
export function createApp(deps: AppDependencies) {
  const config = deps.config ?? testConfig();
  const clock = deps.clock ?? systemClock(config.timeZone);
  const logger = deps.logger ?? jsonLogger(config.logLevel);
  const documents = deps.documents ?? openDocumentStore(config.documents ?? { kind: 'fs', dir: `${config.dataDir}/documents` });

  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  registerSecuritySchemes(app);

  app.use(requestId({ headerName: 'X-Request-Id' }));
  app.use(
    createMiddleware<AppEnv>(async (c, next) => {
      c.set('db', deps.db);
      c.set('clock', clock);
      c.set('config', config);
      c.set('logger', logger);
      c.set('documents', documents);
      c.set('principal', null);
      c.set('lang', 'en');
      await next();
    }),
  );
  app.use(requestLog);
  app.use(negotiateLanguage);
  app.use(apiSecurityHeaders);
  // A watchlist upload is CSV and may be large, a document upload multipart, a bank statement any file (their own limits); every other body is JSON.
  const bodyLimit = limitRequestBody(config.maxBodyBytes);
  const ownBody = (method: string, path: string) => isWatchlistUpload(method, path) || isDocumentUpload(method, path) || isStatementUpload(method, path);
  app.use('/api/*', (c, next) => (ownBody(c.req.method, c.req.path) ? next() : bodyLimit(c, next)));
  app.use('/api/*', (c, next) => (ownBody(c.req.method, c.req.path) ? next() : requireJsonBody(c, next)));
  app.use('/api/v1/watchlists', watchlistUploadBody);
  app.use('/api/v1/clients/*', documentUploadBody);
  app.use('/api/v1/bank-statements', statementUploadBody);
  app.use('/api/v1/bank-statements/*', statementUploadBody);
  app.use('/api/v1/*', authenticate);
  app.use('/api/v1/*', refusePendingPasswordChange);
  app.use('/api/v1/*', refuseCrossSiteWrites);

  app.route('/api', healthRoutes);
  app.route('/api/v1/auth', authRoutes);
  app.route('/api/v1/users', usersRoutes);
  app.route('/api/v1/api-keys', apiKeysRoutes);
  app.route('/api/v1/audit', auditRoutes);
  app.route('/api/v1/products', productsRoutes);
  app.route('/api/v1/approval-requests', approvalRequestsRoutes);
  app.route('/api/v1/product-templates', productTemplatesRoutes);
  app.route('/api/v1/decisions', decisionsRoutes);
  app.route('/api/v1/applications', applicationsRoutes);
  app.route('/api/v1/quotes', quotesRoutes);
  app.route('/api/v1/loans', loansRoutes);
  app.route('/api/v1/bank-statements', bankExceptionsRoutes);
  app.route('/api/v1/loans', restructuringOffersRoutes);
  app.route('/api/v1/ledger', ledgerRoutes);
  app.route('/api/v1/ledger/manual-entries', manualEntriesRoutes);
  app.route('/api/v1/accounting', accountingRoutes);
  app.route('/api/v1/accounting', accountingSettingsRoutes);
  app.route('/api/v1/collections', collectionsRoutes);
  app.route('/api/v1/reports/books', booksReportRoutes);
  app.route('/api/v1/reports', reportsRoutes);
  app.route('/api/v1/clients', clientsRoutes);
  app.route('/api/v1/clients', clientDocumentsRoutes);
  app.route('/api/v1/compliance/policy', compliancePolicyRoutes);
  app.route('/api/v1/watchlists', watchlistsRoutes);
  app.route('/api/v1/screening', screeningRoutes);
  app.route('/api/v1/compliance', complianceRoutes);
  app.route('/api/v1/accounting/sat', satRoutes);
  app.route('/api/v1/bank-accounts', bankAccountsRoutes);
  app.route('/api/v1/bank-file-layouts', bankFileLayoutsRoutes);
  app.route('/api/v1/bank-statements', bankStatementsRoutes);
  app.route('/api/v1/disbursement-batches', disbursementBatchesRoutes);
  app.route('/api/v1/payment-settings', paymentSettingsRoutes);

  app.doc31('/api/openapi.json', OPENAPI_INFO);
  let docsPage: string | undefined;
  app.get('/api/docs', (c) => {
    docsPage ??= renderApiDocsPage(app.getOpenAPI31Document(OPENAPI_INFO) as Parameters<typeof renderApiDocsPage>[0]);
    c.header('Content-Security-Policy', API_DOCS_CSP);
    return c.html(docsPage);
  });

  app.notFound(handleNotFound);
  app.onError(handleError);
  return app;
}

export type PlazoApp = ReturnType<typeof createApp>;
