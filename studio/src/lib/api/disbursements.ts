// Disbursement batches through the runtime's API (/api/v1/disbursement-batches, runtime/README.md
// "Disbursement batches"): loans ready to disburse with the reasons the others are not, batches
// prepared by a maker and approved by another person, the SPEI layout file, sending through a
// channel and importing the bank's status file. Money is decimal strings throughout.
import { apiClient, type ActorDisplay, type ApiClient } from './client.ts';

export type NotReadyCode = 'not-found' | 'not-pending' | 'no-client' | 'no-disbursement-account' | 'invalid-clabe' | 'holder-missing' | 'in-open-batch' | 'currency' | 'amount';
export const NOT_READY_CODES: readonly NotReadyCode[] = ['not-found', 'not-pending', 'no-client', 'no-disbursement-account', 'invalid-clabe', 'holder-missing', 'in-open-batch', 'currency', 'amount'];

export interface Candidate {
  readonly loanId: string;
  readonly status: string | null;
  readonly clientId: string | null;
  readonly amount: string | null;
  readonly clabe: string | null;
  readonly holderName: string | null;
  readonly disbursementDate: string | null;
  readonly openBatchId: string | null;
  readonly reasons: readonly { readonly code: NotReadyCode; readonly message: string }[];
}

export type BatchStatus = 'prepared' | 'approved' | 'sent' | 'closed' | 'cancelled';
export const BATCH_STATUSES: readonly BatchStatus[] = ['prepared', 'approved', 'sent', 'closed', 'cancelled'];
export type ItemStatus = 'pending' | 'liquidated' | 'returned' | 'cancelled';
export const ITEM_STATUSES: readonly ItemStatus[] = ['pending', 'liquidated', 'returned', 'cancelled'];

export interface Batch {
  readonly id: string;
  readonly status: BatchStatus;
  readonly valueDate: string;
  readonly itemsCount: number;
  readonly totalAmount: string;
  readonly counts: Readonly<Record<ItemStatus, number>>;
  readonly channel: 'file' | 'spei-test' | null;
  readonly maker: string;
  readonly makerDisplay: ActorDisplay;
  readonly checker: string | null;
  readonly checkerDisplay: ActorDisplay | null;
  readonly createdAt: string;
}

export interface BatchItem {
  readonly id: string;
  readonly seq: number;
  readonly loanId: string;
  readonly amount: string;
  readonly clabe: string;
  readonly holderName: string;
  readonly trackingKey: string;
  readonly numericReference: string;
  readonly concept: string;
  readonly status: ItemStatus;
  readonly settledOn: string | null;
  readonly returnReason: string | null;
}

export type LineOutcome = 'liquidated' | 'returned' | 'unchanged' | 'unknown-tracking-key' | 'contradicts-final-status' | 'item-cancelled' | 'invalid' | 'refused';
export const LINE_OUTCOMES: readonly LineOutcome[] = ['liquidated', 'returned', 'unchanged', 'unknown-tracking-key', 'contradicts-final-status', 'item-cancelled', 'invalid', 'refused'];

export interface StatusImport {
  readonly lines: readonly { readonly line: number; readonly trackingKey: string | null; readonly outcome: LineOutcome; readonly message: string; readonly loanId?: string }[];
  readonly batchStatus: BatchStatus;
}

/** The layout file's address (downloading it marks an approved batch sent). */
export const layoutUrl = (id: string) => `/api/v1/disbursement-batches/${encodeURIComponent(id)}/layout.csv`;

export function disbursementsApi(api: ApiClient = apiClient()) {
  const enc = encodeURIComponent;
  return {
    candidates: () => api.request<{ loans: Candidate[]; nextAfter: string | null }>('GET', '/disbursement-batches/candidates?limit=500'),
    batches: async () => (await api.request<{ batches: Batch[] }>('GET', '/disbursement-batches')).batches,
    batch: (id: string) => api.request<{ batch: Batch; items: BatchItem[] }>('GET', `/disbursement-batches/${enc(id)}`),
    create: (loanIds: readonly string[], valueDate: string) => api.request<{ batch: Batch; items: BatchItem[] }>('POST', '/disbursement-batches', { loanIds, valueDate }),
    approve: async (id: string) => (await api.request<{ batch: Batch }>('POST', `/disbursement-batches/${enc(id)}/approve`, {})).batch,
    cancel: async (id: string) => (await api.request<{ batch: Batch }>('POST', `/disbursement-batches/${enc(id)}/cancel`, {})).batch,
    sendSpeiTest: (id: string) => api.request<{ batch: Batch; import: StatusImport | null }>('POST', `/disbursement-batches/${enc(id)}/send`, { channel: 'spei-test' }),
    importStatus: (id: string, csv: string) => api.request<StatusImport>('POST', `/disbursement-batches/${enc(id)}/status`, { csv }),
  };
}
