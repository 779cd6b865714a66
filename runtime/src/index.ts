// Public API of @plazo/runtime: the HTTP app, the service, the database and its migrations,
// auth, and the audit chain — what route modules, jobs, CLI commands and tests build on.
export { createApp, type AppDependencies, type PlazoApp } from './app.ts';
export { startService, type RunningService } from './service.ts';
export { loadConfig, testConfig, ConfigError, type RuntimeConfig } from './config.ts';
export { systemClock, fixedClock, dateInTimeZone, type Clock } from './clock.ts';
export { jsonLogger, memoryLogger, redactSecrets, type Logger, type LogFields } from './logger.ts';
export { AppError, ValidationError, NotFoundError, ConflictError, UnauthenticatedError, ForbiddenError, type FieldProblem } from './errors.ts';
export type { Database, Executor } from './db/database.ts';
export { openDatabase, redactConnectionString, type DatabaseTarget, type OpenedDatabase } from './db/open-database.ts';
export { openRuntimeDatabase, type RuntimeDatabase } from './db/runtime-database.ts';
export { migrateToLatest, knownMigrations, MigrationError, type MigrationReport } from './db/migrator.ts';
export { PGliteDialect } from './db/pglite.dialect.ts';
export { isUniqueViolation, isCheckViolation, isPlazoRule } from './db/postgres-errors.ts';
export type { AppEnv, AppVariables } from './http/app-env.ts';
export { newRouter, guarded, jsonBody, jsonResponse, errorResponses, ErrorSchema } from './http/openapi.ts';
export { requirePermission, principalOf, authenticate, SESSION_COOKIE } from './auth/auth.middleware.ts';
export { ROLES, PERMISSIONS, ROLE_PERMISSIONS, roleHasPermission, type Permission } from './auth/permissions.ts';
export { actorOf, SYSTEM_PRINCIPAL, type Principal } from './auth/principal.ts';
export { issueApiKey, revokeApiKeyById, type ApiKeyView } from './auth/api-key-issuer.ts';
export { createUser, type UserView } from './auth/user-accounts.ts';
export { appendAudit, listAudit, auditLength, type AuditRecord, type AuditPage } from './audit/audit.repository.ts';
export { verifyAuditChain, type AuditVerification } from './audit/audit-verify.ts';
export { canonicalJson, hashOf } from './audit/canonical-json.ts';
export { compileProductSource, type CompileOutcome, type DiagnosticJson } from './products/product-compiler.ts';
// Watchlists and screening (issue 14, PLD).
export { uploadWatchlist, listWatchlists, type ListUpload, type WatchlistView } from './screening/watchlists.repository.ts';
export { screenClient, screenAllClients, screenForDecision, currentLists, SCREENING_REASONS, type CurrentList } from './screening/screening.ts';
export { decideHit, listHits, type HitView } from './screening/hits.repository.ts';
// SAT electronic accounting (issue 15, Anexo 24 version 1.3).
export { generateSatFile, type SatFile, type SatFileRequest, type SatFileSummary } from './accounting/sat/sat-files.ts';
export { parseSatPeriod, type SatPeriod } from './accounting/sat/sat-period.ts';
export { satSettings, setSatRfc, type SatSettings } from './accounting/sat/sat-settings.ts';
// Bank statement and payments file formats (issue 16): one streaming parser per format.
export { statementOptionsSchema, statementParser } from './banking/formats/index.ts';
export { derivedTrackingKey, STATEMENT_FORMATS, StatementFormatError, type StatementFormat, type StatementLine, type StatementParser, type StatementSummary } from './banking/statement-line.ts';
// Disbursement batches (issue 16): the SPEI files, the channel interface and its implementations.
export { createBatch, approveBatch, cancelBatch, getBatch, listBatches, listCandidates, type NewBatch, type Candidate, type NotReadyCode } from './disbursements/disbursement-batches.ts';
export { importStatus, redatedTerms, type LineResult, type LineOutcome } from './disbursements/status-import.ts';
export { layoutText, layoutBytes, parseStatusFile, statusFileText, LAYOUT_COLUMNS, STATUS_COLUMNS, type PaymentOrder, type StatusAnswer, type StatusLine } from './disbursements/spei-layout.ts';
export { CHANNELS, fileChannel, speiTestChannel, speiTestAnswer, SPEI_RETURN_REASONS, type DisbursementChannel, type ChannelReceipt } from './disbursements/disbursement-channel.ts';
export { personIn, refuseMaker } from './auth/maker-checker.ts';
// Bank money after the import (issue 16, H6): the queue's actions, returned payments, the reconciliation.
export { applyLine, markLineNotOurs, refundLine, splitLine } from './banking/line-actions.ts';
export { processReturn, processReturnedLine } from './banking/returns.ts';
export { reconciliation, reconciliationDays } from './banking/reconciliation.ts';
export { holdInSuspense, postSuspense, SUSPENSE_ACCOUNT } from './banking/suspense.ts';
