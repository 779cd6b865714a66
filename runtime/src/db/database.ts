// The runtime's schema as Kysely sees it: one entry per table (see tables/ and migrations/).
import type { AccountingSettingsTable } from './tables/accounting-settings.table.ts';
import type { AccountingPeriodsTable, ManualEntriesTable } from './tables/accounting.table.ts';
import type { ApiKeysTable } from './tables/api-keys.table.ts';
import type { ApplicationEventsTable, ApplicationsTable, AuthorityLimitsTable } from './tables/applications.table.ts';
import type { BankAccountsTable, BankFileLayoutsTable, BankLineActionsTable, BankLineApplicationsTable, BankLineEntriesTable, BankStatementLinesTable, BankStatementsTable } from './tables/bank.table.ts';
import type { ApprovalRequestsTable } from './tables/approval-requests.table.ts';
import type { AuditLogTable, AuditStreamsTable } from './tables/audit-log.table.ts';
import type { ClientDocumentsTable } from './tables/client-documents.table.ts';
import type { ClientNameWordsTable, ClientPhonesTable, ClientsTable } from './tables/clients.table.ts';
import type { DecisionsTable } from './tables/decisions.table.ts';
import type { DisbursementBatchesTable, DisbursementItemsTable } from './tables/disbursements.table.ts';
import type { JournalEntriesTable } from './tables/journal-entries.table.ts';
import type { JournalLinesTable } from './tables/journal-lines.table.ts';
import type { LedgerAccountsTable } from './tables/ledger-accounts.table.ts';
import type { LoanEventsTable } from './tables/loan-events.table.ts';
import type { LoansTable } from './tables/loans.table.ts';
import type { PaymentReferenceSettingsTable } from './tables/payment-reference-settings.table.ts';
import type { LoginThrottlesTable } from './tables/login-throttles.table.ts';
import type { ProductDraftsTable } from './tables/product-drafts.table.ts';
import type { ProductVersionsTable } from './tables/product-versions.table.ts';
import type { ProductsTable } from './tables/products.table.ts';
import type { SessionsTable } from './tables/sessions.table.ts';
import type { UsersTable } from './tables/users.table.ts';
import type { PldPolicyVersionsTable } from './tables/pld-policy-versions.table.ts';
import type { ComplianceAlertsTable, ComplianceExchangeRatesTable, ComplianceReportFilesTable, ComplianceSettingsTable } from './tables/compliance.table.ts';
import type { ScreeningHitsTable, WatchlistEntriesTable, WatchlistsTable, WatchlistVersionsTable } from './tables/watchlists.table.ts';
import type { Kysely, Transaction } from 'kysely';
import type {
  CollectionAssignmentsTable,
  CollectionContactsTable,
  EodChunksTable,
  EodRunsTable,
  LoanCheckpointsTable,
  LoanServicingTable,
  LoanSummariesTable,
  NotificationOutboxTable,
  NotificationTemplatesTable,
} from '../eod/tables.ts';

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  login_throttles: LoginThrottlesTable;
  api_keys: ApiKeysTable;
  products: ProductsTable;
  product_drafts: ProductDraftsTable;
  product_versions: ProductVersionsTable;
  approval_requests: ApprovalRequestsTable;
  decisions: DecisionsTable;
  loans: LoansTable;
  loan_events: LoanEventsTable;
  ledger_accounts: LedgerAccountsTable;
  accounting_settings: AccountingSettingsTable;
  journal_entries: JournalEntriesTable;
  journal_lines: JournalLinesTable;
  accounting_periods: AccountingPeriodsTable;
  manual_entries: ManualEntriesTable;
  bank_accounts: BankAccountsTable;
  bank_file_layouts: BankFileLayoutsTable;
  bank_statements: BankStatementsTable;
  bank_statement_lines: BankStatementLinesTable;
  bank_line_applications: BankLineApplicationsTable;
  disbursement_batches: DisbursementBatchesTable;
  disbursement_items: DisbursementItemsTable;
  payment_reference_settings: PaymentReferenceSettingsTable;
  bank_line_actions: BankLineActionsTable;
  bank_line_entries: BankLineEntriesTable;
  audit_log: AuditLogTable;
  audit_streams: AuditStreamsTable;
  loan_servicing: LoanServicingTable;
  loan_checkpoints: LoanCheckpointsTable;
  loan_summaries: LoanSummariesTable;
  eod_runs: EodRunsTable;
  eod_chunks: EodChunksTable;
  notification_templates: NotificationTemplatesTable;
  notification_outbox: NotificationOutboxTable;
  collection_assignments: CollectionAssignmentsTable;
  collection_contacts: CollectionContactsTable;
  clients: ClientsTable;
  client_phones: ClientPhonesTable;
  client_name_words: ClientNameWordsTable;
  client_documents: ClientDocumentsTable;
  watchlists: WatchlistsTable;
  watchlist_versions: WatchlistVersionsTable;
  watchlist_entries: WatchlistEntriesTable;
  pld_policy_versions: PldPolicyVersionsTable;
  screening_hits: ScreeningHitsTable;
  compliance_exchange_rates: ComplianceExchangeRatesTable;
  compliance_settings: ComplianceSettingsTable;
  compliance_alerts: ComplianceAlertsTable;
  compliance_report_files: ComplianceReportFilesTable;
  applications: ApplicationsTable;
  application_events: ApplicationEventsTable;
  authority_limits: AuthorityLimitsTable;
}

/** What repositories take: the database or a transaction on it. */
export type Executor = Kysely<Database> | Transaction<Database>;
