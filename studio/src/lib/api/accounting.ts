// The regulatory books through the runtime's API (BOOKS.md "API contract", runtime/README.md):
// the chart of accounts, the balance sheet at a date, the income statement of a range, the
// journal with its filters (and the same journal as CSV), manual entries with maker-checker,
// accounting periods and their close, the books report of the dashboard. Requests go through the
// studio's one client (client.ts): same session, language and errors as everywhere else. Money is
// decimal strings throughout.
import { apiClient, type ActorDisplay, type ApiClient, type JournalEntry } from './client.ts';

export type { LoanBooksFigures } from './client.ts';

export type AccountType = 'asset' | 'liability' | 'equity' | 'income' | 'expense' | 'memorandum';
export const ACCOUNT_TYPES: readonly AccountType[] = ['asset', 'liability', 'equity', 'income', 'expense', 'memorandum'];

/** An account of the chart (`GET /api/v1/ledger/accounts`). */
export interface Account {
  readonly code: string;
  readonly name: string;
  readonly type: AccountType;
  readonly normalBalance: 'debit' | 'credit';
}

/** A line of a statement: an account and its balance (or amount), a decimal string. */
export interface StatementLine {
  readonly code: string;
  readonly name: string;
  readonly balance: string;
}

/** `GET /api/v1/accounting/balance-sheet?date=`: contra accounts (1190) are negative asset balances. */
export interface BalanceSheet {
  readonly date: string;
  readonly currency: string;
  readonly assets: readonly StatementLine[];
  readonly liabilities: readonly StatementLine[];
  readonly equity: readonly StatementLine[];
  /** Income − expenses not yet closed into equity. */
  readonly result: string;
  readonly totals: { readonly assets: string; readonly liabilities: string; readonly equity: string };
  readonly balanced: boolean;
  readonly memorandum: readonly StatementLine[];
}

export interface IncomeLine {
  readonly code: string;
  readonly name: string;
  readonly amount: string;
}

/** `GET /api/v1/accounting/income-statement?from&to`. */
export interface IncomeStatement {
  readonly from: string;
  readonly to: string;
  readonly currency?: string;
  readonly income: readonly IncomeLine[];
  readonly expenses: readonly IncomeLine[];
  readonly totals: { readonly income: string; readonly expenses: string; readonly net: string };
}

/** An accounting month (`2025-01`). */
export interface Period {
  readonly period: string;
  readonly status: 'open' | 'closed';
  readonly closedAt: string | null;
  readonly closedBy: string | null;
  readonly closedByDisplay?: ActorDisplay | null;
}

export interface ManualLine {
  readonly account: string;
  readonly debit: string;
  readonly credit: string;
}

export type ManualEntryStatus = 'pending' | 'approved' | 'rejected';
export const MANUAL_ENTRY_STATUSES: readonly ManualEntryStatus[] = ['pending', 'approved', 'rejected'];

/** A manual journal entry: proposed by its maker, approved (posted) or rejected by someone else. */
export interface ManualEntry {
  readonly id: string;
  readonly status: ManualEntryStatus;
  readonly date: string;
  readonly description: string;
  readonly currency?: string;
  readonly lines: readonly ManualLine[];
  /** The person who proposed it (`user:<id>`; an API key's user): no one approves their own. */
  readonly maker: string;
  readonly makerDisplay?: ActorDisplay;
  /** The actor that sent the proposal (the maker, or their API key). */
  readonly createdBy: string;
  /** Who the maker is, for people. */
  readonly createdByDisplay?: ActorDisplay;
  readonly createdAt: string;
  /** The checker who approved or rejected it. */
  readonly decidedBy?: string | null;
  readonly decidedByDisplay?: ActorDisplay | null;
  readonly decidedAt?: string | null;
  /** Why it was rejected. */
  readonly reason?: string | null;
  /** The journal entry its approval posted. */
  readonly journalEntryId?: string | null;
}

export interface ManualEntryInput {
  readonly date: string;
  readonly description: string;
  readonly lines: readonly ManualLine[];
}

/** What posted a journal entry: a loan event, the day close, an approved manual entry, anything else. */
export type JournalSource = 'loan' | 'day-close' | 'manual' | 'other';
export const JOURNAL_SOURCES: readonly JournalSource[] = ['loan', 'day-close', 'manual', 'other'];

/** The journal's filters; absent or empty ones filter nothing. */
export interface JournalFilter {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly account?: string | undefined;
  readonly source?: JournalSource | undefined;
  readonly loanId?: string | undefined;
}

/** A journal entry as the accounting screens read it (the loan page's, plus what the books add). */
export interface BooksJournalEntry extends JournalEntry {
  readonly source?: JournalSource;
  /** When the event happened, if it posted later (a late event in an open period). */
  readonly economicDate?: string | null;
  readonly createdAt?: string;
  readonly createdBy?: string;
}

/** `GET /api/v1/reports/books?date=`: the portfolio from the GL balances. */
export interface BooksReport {
  readonly date: string;
  readonly currency?: string;
  readonly vigente: { readonly principal: string; readonly interest: string };
  readonly vencida: { readonly principal: string; readonly interest: string };
  readonly portfolio: string;
  /** vencida / portfolio, a fraction string. */
  readonly morosidad: string;
  readonly allowance: string;
  /** allowance / vencida, a fraction string; null without vencida. */
  readonly coverage: string | null;
  readonly memorandum: string;
}

/** The journal's query string (without `?`): the filters in a stable order, empty ones left out. */
export function journalQuery(filter: JournalFilter, extra: Readonly<Record<string, string | number>> = {}): string {
  const q = new URLSearchParams();
  for (const key of ['from', 'to', 'account', 'source', 'loanId'] as const) {
    const value = filter[key]?.trim();
    if (value) q.set(key, value);
  }
  for (const [k, v] of Object.entries(extra)) q.set(k, String(v));
  return q.toString();
}

/** The most lines of journal one CSV download carries (the API's page limit). */
export const JOURNAL_CSV_LIMIT = 10_000;

/** Where the journal with these filters downloads as CSV (a plain link: the session cookie goes with it). */
export function journalCsvUrl(filter: JournalFilter, base = ''): string {
  return `${base}/api/v1/ledger/journal?${journalQuery(filter, { format: 'csv', limit: JOURNAL_CSV_LIMIT })}`;
}

/** The accounting calls over the studio's client (`api` defaults to the browser's). */
export function accountingApi(api: ApiClient = apiClient()) {
  const enc = encodeURIComponent;
  const qs = (entries: Readonly<Record<string, string | undefined>>) => {
    const q = new URLSearchParams(Object.entries(entries).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''));
    return q.size ? `?${q}` : '';
  };
  return {
    accounts: async () => (await api.request<{ accounts: Account[] }>('GET', '/ledger/accounts')).accounts,
    balanceSheet: (date?: string) => api.request<BalanceSheet>('GET', `/accounting/balance-sheet${qs({ date })}`),
    incomeStatement: (from?: string, to?: string) => api.request<IncomeStatement>('GET', `/accounting/income-statement${qs({ from, to })}`),
    journal: (filter: JournalFilter, page: { after?: string; limit?: number } = {}) =>
      api.request<{ from: string; to: string; entries: BooksJournalEntry[]; nextAfter: string | null }>('GET', `/ledger/journal?${journalQuery(filter, page)}`),
    periods: async () => (await api.request<{ periods: Period[] }>('GET', '/accounting/periods')).periods,
    closePeriod: async (period: string) => (await api.request<{ period: Period }>('POST', `/accounting/periods/${enc(period)}/close`)).period,
    manualEntries: async (status?: ManualEntryStatus) => (await api.request<{ manualEntries: ManualEntry[] }>('GET', `/ledger/manual-entries${qs({ status })}`)).manualEntries,
    /** Proposes an entry; `idempotencyKey` is one per entry the person means (a resend returns the first). */
    proposeManualEntry: async (input: ManualEntryInput, idempotencyKey: string) =>
      (await api.request<{ manualEntry: ManualEntry }>('POST', '/ledger/manual-entries', input, { 'idempotency-key': idempotencyKey })).manualEntry,
    approveManualEntry: async (id: string) => (await api.request<{ manualEntry: ManualEntry }>('POST', `/ledger/manual-entries/${enc(id)}/approve`, {})).manualEntry,
    rejectManualEntry: async (id: string, reason: string) => (await api.request<{ manualEntry: ManualEntry }>('POST', `/ledger/manual-entries/${enc(id)}/reject`, { reason })).manualEntry,
    booksReport: (date?: string) => api.request<BooksReport>('GET', `/reports/books${qs({ date })}`),
  };
}

export type AccountingApi = ReturnType<typeof accountingApi>;
