// Runs the schema migrations (Kysely's Migrator) at start and from `plazo db migrate`. The list is
// static so it works the same from tsx, tests and any bundler; names sort by date.
import { Migrator, type Kysely, type Migration, type MigrationResult } from 'kysely';
import type { Database } from './database.ts';
import * as foundation from './migrations/2026-11-27-01-foundation.ts';
import * as servicing from './migrations/2026-11-27-02-servicing.ts';
import * as auditStreams from './migrations/2026-11-27-03-audit-streams.ts';
import * as endOfDay from './migrations/2026-11-27-04-end-of-day.ts';
import * as vintagesCashFlowPaymentNotices from './migrations/2026-11-28-01-vintages-cash-flow-payment-notices.ts';
import * as hotPathStorage from './migrations/2026-11-28-10-hot-path-storage.ts';
import * as eodCheckpoints from './migrations/2026-11-28-20-eod-checkpoints.ts';
import * as collectionAgentUsers from './migrations/2026-12-07-ops-collection-agent-users.ts';
import * as loginThrottles from './migrations/2026-12-07-login-throttles.ts';
import * as auditRowBindings from './migrations/2026-12-07-audit-row-bindings.ts';
import * as govMakersAcknowledgements from './migrations/2026-12-07-gov-makers-acknowledgements.ts';
import * as studioUserApiKeys from './migrations/2026-12-07-studio-user-api-keys.ts';
import * as approvalRequests from './migrations/2026-12-08-10-approval-requests.ts';
import * as clients from './migrations/2026-12-08-30-clients.ts';
import * as watchlists from './migrations/2026-12-08-40-watchlists.ts';
import * as clientDocuments from './migrations/2026-12-09-50-client-documents.ts';
import * as pldPolicy from './migrations/2026-12-09-20-pld-policy.ts';
import * as complianceAlerts from './migrations/2026-12-09-30-compliance-alerts.ts';
import * as applications from './migrations/2026-12-09-40-applications.ts';
import * as mustChangePassword from './migrations/2026-12-09-70-must-change-password.ts';
import * as regulatoryChart from './migrations/2026-12-10-10-regulatory-chart.ts';
import * as accountingSettings from './migrations/2026-12-10-15-accounting-settings.ts';
import * as books from './migrations/2026-12-10-20-books.ts';
import * as accountingPeriods from './migrations/2026-12-10-30-accounting-periods.ts';
import * as satAccounts from './migrations/2026-12-10-40-sat-accounts.ts';
import * as loanPaymentKeys from './migrations/2026-12-11-10-loan-payment-keys.ts';
import * as bankStatements from './migrations/2026-12-11-20-bank-statements.ts';
import * as paymentReferences from './migrations/2026-12-11-30-payment-references.ts';
import * as disbursementBatches from './migrations/2026-12-11-40-disbursement-batches.ts';
import * as statementImport from './migrations/2026-12-11-50-statement-import.ts';
import * as bankLineActions from './migrations/2026-12-11-60-bank-line-actions.ts';

const migrations: Record<string, Migration> = {
  '2026-11-27-01-foundation': foundation,
  '2026-11-27-02-servicing': servicing,
  '2026-11-27-03-audit-streams': auditStreams,
  '2026-11-27-04-end-of-day': endOfDay,
  '2026-11-28-01-vintages-cash-flow-payment-notices': vintagesCashFlowPaymentNotices,
  '2026-11-28-10-hot-path-storage': hotPathStorage,
  '2026-11-28-20-eod-checkpoints': eodCheckpoints,
  '2026-12-07-ops-collection-agent-users': collectionAgentUsers,
  '2026-12-07-login-throttles': loginThrottles,
  '2026-12-07-audit-row-bindings': auditRowBindings,
  '2026-12-07-gov-makers-acknowledgements': govMakersAcknowledgements,
  '2026-12-07-studio-user-api-keys': studioUserApiKeys,
  '2026-12-08-10-approval-requests': approvalRequests,
  '2026-12-08-30-clients': clients,
  '2026-12-08-40-watchlists': watchlists,
  '2026-12-09-20-pld-policy': pldPolicy,
  '2026-12-09-30-compliance-alerts': complianceAlerts,
  '2026-12-09-40-applications': applications,
  '2026-12-09-50-client-documents': clientDocuments,
  '2026-12-09-70-must-change-password': mustChangePassword,
  '2026-12-10-10-regulatory-chart': regulatoryChart,
  '2026-12-10-15-accounting-settings': accountingSettings,
  '2026-12-10-20-books': books,
  '2026-12-10-30-accounting-periods': accountingPeriods,
  '2026-12-10-40-sat-accounts': satAccounts,
  '2026-12-11-10-loan-payment-keys': loanPaymentKeys,
  '2026-12-11-20-bank-statements': bankStatements,
  '2026-12-11-30-payment-references': paymentReferences,
  '2026-12-11-40-disbursement-batches': disbursementBatches,
  '2026-12-11-50-statement-import': statementImport,
  '2026-12-11-60-bank-line-actions': bankLineActions,
};

export interface MigrationReport {
  /** Migrations applied by this run, in order. */
  readonly applied: readonly string[];
}

/** Failure of a migration run, naming the migration that failed. */
export class MigrationError extends Error {
  readonly migration: string | undefined;
  constructor(message: string, migration: string | undefined, cause: unknown) {
    super(message, { cause });
    this.name = 'MigrationError';
    this.migration = migration;
  }
}

/**
 * Brings the schema to the latest migration; a no-op when it is there already.
 *
 * @example
 * const { applied } = await migrateToLatest(db); // ['2026-11-27-01-foundation'] the first time
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationReport> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r: MigrationResult) => r.status === 'Error');
  if (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new MigrationError(
      failed ? `migration \`${failed.migrationName}\` failed: ${message}` : `migrations failed: ${message}`,
      failed?.migrationName,
      error,
    );
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

/** Names of every migration the runtime knows, oldest first. */
export function knownMigrations(): readonly string[] {
  return Object.keys(migrations).sort();
}
