// The bank statements part of the runtime's API (runtime/README.md, «Bank statements»): the
// institution's bank accounts and saved file layouts, the preview (dry run) and import of a
// statement file, and the imported statements with their lines. Through the studio's one client.
import { apiClient, type ApiClient } from './client.ts';

export interface BankAccount {
  readonly id: string;
  readonly name: string;
  readonly bankCode: string;
  readonly accountNumber: string | null;
  readonly clabe: string | null;
  readonly currency: string;
  readonly ledgerAccount: string;
}

export interface BankFileLayout {
  readonly id: string;
  readonly name: string;
  readonly format: 'csv' | 'mt940' | 'camt053' | 'oxxo' | 'domiciliacion';
}

export type PreviewOutcome = 'apply' | 'exception' | 'duplicate' | 'other' | 'rejected';

export interface PreviewLine {
  readonly lineNo: number;
  readonly trackingKey: string;
  readonly valueDate: string;
  readonly direction: 'credit' | 'debit';
  readonly amount: string;
  readonly reference: string | null;
  readonly payerName: string | null;
  readonly description: string | null;
  readonly outcome: PreviewOutcome;
  readonly loanId: string | null;
  readonly paymentReference: string | null;
  readonly rule: 'reference' | 'clabe' | 'amount-date-name' | null;
  readonly score: string | null;
  readonly amountToApply: string | null;
  readonly remainder: string | null;
  readonly exceptionReason: string | null;
}

export interface StatementPreview {
  readonly fileName: string;
  readonly counts: { lines: number; apply: number; exception: number; duplicate: number; other: number; rejected: number; amountToApply: string; amountToSuspense: string };
  readonly lines: readonly PreviewLine[];
}

export interface BankStatement {
  readonly id: string;
  readonly bankAccountId: string;
  readonly format: string;
  readonly fileName: string;
  readonly status: 'importing' | 'imported' | 'failed';
  readonly periodFrom: string | null;
  readonly periodTo: string | null;
  readonly lines: { total: number; applied: number; exception: number; duplicate: number; other: number; rejected: number };
  readonly importedAt: string;
}

export interface StatementLine {
  readonly id: string;
  readonly lineNo: number;
  readonly valueDate: string;
  readonly direction: 'credit' | 'debit';
  readonly amount: string;
  readonly reference: string | null;
  readonly payerName: string | null;
  readonly status: 'applied' | 'exception' | 'resolved' | 'rejected' | 'other';
  readonly matchLoanId: string | null;
  readonly matchRule: string | null;
  readonly matchScore: string | null;
  readonly exceptionReason: string | null;
  readonly exceptionAmount: string | null;
  readonly applications: readonly { loanId: string; paymentId: string; amount: string }[];
}

export interface StatementUpload {
  readonly bankAccountId: string;
  readonly layoutId: string;
  readonly format: string;
  readonly fileName: string;
}

export function bankingApi(api: ApiClient = apiClient()) {
  const enc = encodeURIComponent;
  const query = (u: StatementUpload, extra: Record<string, string> = {}) => new URLSearchParams({ bankAccountId: u.bankAccountId, layoutId: u.layoutId, format: u.format, fileName: u.fileName, ...extra });
  return {
    accounts: async () => (await api.request<{ bankAccounts: BankAccount[] }>('GET', '/bank-accounts')).bankAccounts,
    layouts: async () => (await api.request<{ layouts: BankFileLayout[] }>('GET', '/bank-file-layouts')).layouts,
    /** The dry run: the file's bytes as they are; nothing is written. */
    preview: (u: StatementUpload, file: Blob) => api.request<StatementPreview>('POST', `/bank-statements/preview?${query(u, { limit: '500' })}`, file, { 'content-type': 'application/octet-stream' }),
    import: (u: StatementUpload, file: Blob) => api.request<{ statement: BankStatement; replayed: boolean }>('POST', `/bank-statements?${query(u)}`, file, { 'content-type': 'application/octet-stream' }),
    statements: async () => (await api.request<{ statements: BankStatement[] }>('GET', '/bank-statements')).statements,
    lines: async (id: string, status?: string) => (await api.request<{ lines: StatementLine[] }>('GET', `/bank-statements/${enc(id)}/lines?limit=500${status ? `&status=${enc(status)}` : ''}`)).lines,
  };
}
