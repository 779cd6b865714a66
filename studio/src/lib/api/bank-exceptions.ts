// The exceptions queue, returned payments and the daily reconciliation of the runtime's API
// (runtime/README.md, «Bank statements: exceptions and reconciliation»). Through the studio's one client.
import { apiClient, type ApiClient } from './client.ts';

export interface ExceptionCandidate {
  readonly loanId: string;
  readonly paymentReference: string | null;
  readonly clientName: string | null;
  readonly status: string;
  readonly score: string;
  readonly reasons: readonly { rule: 'reference' | 'reference-near' | 'clabe' | 'installment' | 'payer-name'; detail: string; weight: string }[];
}

export interface ExceptionLine {
  readonly id: string;
  readonly bankAccountId: string;
  readonly trackingKey: string;
  readonly valueDate: string;
  readonly amount: string;
  readonly openAmount: string;
  readonly reference: string | null;
  readonly payerName: string | null;
  readonly description: string | null;
  readonly exceptionReason: string | null;
  readonly candidates: readonly ExceptionCandidate[];
}

export interface ExceptionsPage {
  readonly exceptions: readonly ExceptionLine[];
  readonly totals: { count: number; amount: string };
  readonly nextAfter: string | null;
}

export interface QueueFilter {
  readonly bankAccountId?: string;
  readonly from?: string;
  readonly to?: string;
  readonly minAmount?: string;
  readonly maxAmount?: string;
  readonly q?: string;
  readonly after?: string;
}

export interface ReconciliationItem {
  readonly kind: 'opening-balance' | 'unbooked-line' | 'unmatched-entry' | 'pending-exception';
  readonly date: string;
  readonly amount: string;
  readonly description: string;
  readonly lineId?: string;
  readonly entryId?: string;
  readonly source?: string;
}

export interface Reconciliation {
  readonly date: string;
  readonly ledgerAccount: string;
  readonly bank: { balance: string; source: 'closing-balance' | 'opening-plus-lines' | 'lines' };
  readonly books: { balance: string };
  readonly difference: string;
  readonly bankNotInBooks: { total: string; count: number; items: readonly ReconciliationItem[] };
  readonly booksNotInBank: { total: string; count: number; items: readonly ReconciliationItem[] };
  readonly pendingExceptions: { total: string; count: number; suspenseBalance: string; items: readonly ReconciliationItem[] };
  readonly unexplained: string;
}

export interface ReconciliationDay {
  readonly date: string;
  readonly bank: string;
  readonly books: string;
  readonly difference: string;
  readonly bankNotInBooks: string;
  readonly booksNotInBank: string;
  readonly pendingExceptions: string;
  readonly pendingCount: number;
  readonly unexplained: string;
}

export type LineActionBody =
  | { kind: 'apply'; loanId: string; amount?: string; note?: string }
  | { kind: 'split'; parts: { loanId: string; amount: string }[]; note?: string }
  | { kind: 'refund'; reason: string; reference?: string }
  | { kind: 'not-ours'; reason: string };

export function bankExceptionsApi(api: ApiClient = apiClient()) {
  const enc = encodeURIComponent;
  const params = (f: Record<string, string | undefined>) => new URLSearchParams(Object.entries(f).filter((e): e is [string, string] => !!e[1])).toString();
  return {
    queue: (f: QueueFilter) => api.request<ExceptionsPage>('GET', `/bank-statements/exceptions?${params({ ...f, limit: '50' })}`),
    /** One action on a line, with its own Idempotency-Key (a retry of the same click replays it). */
    act: (lineId: string, { kind, ...body }: LineActionBody, key: string) =>
      api.request<{ line: { status: string; openAmount: string } }>('POST', `/bank-statements/exceptions/${enc(lineId)}/${kind}`, body, { 'idempotency-key': key }),
    reconciliation: (bankAccountId: string, date: string) => api.request<Reconciliation>('GET', `/bank-statements/reconciliation?${params({ bankAccountId, date })}`),
    days: async (bankAccountId: string, from: string, to: string) => (await api.request<{ days: ReconciliationDay[] }>('GET', `/bank-statements/reconciliation/days?${params({ bankAccountId, from, to })}`)).days,
    csvUrl: (bankAccountId: string, date: string) => `/api/v1/bank-statements/reconciliation?${params({ bankAccountId, date, format: 'csv' })}`,
  };
}
