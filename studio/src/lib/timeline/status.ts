// The loan's status as people say it (the timeline's last day, the loans list, the loan page):
// "vigente" only while nothing is past due and the loan is in no collection stage; a loan with
// days past due says so, with its collection stage; paid off, written off, waiting for its
// disbursement and cancelled as such. Without an end of day yet (days past due unknown) a loan on
// the books is "activo", never "vigente". (The engine's `active` covers all the loans still on the
// books, late or not.)
import type { MessageKey } from '../i18n/messages.ts';

export interface FinalLoanState {
  readonly status: string;
  /** Null when nobody has computed it yet (a loan never closed by the end of day). */
  readonly daysPastDue: number | null;
  readonly stage: string | null;
}

/** The message key and parameters of the loan's status line. */
export function loanStatusLine(final: FinalLoanState): { readonly key: MessageKey; readonly params: Readonly<Record<string, string | number>> } {
  if (final.status === 'paid-off') return { key: 'tl.status.paid-off', params: {} };
  if (final.status === 'written-off') return { key: 'tl.status.written-off', params: {} };
  if (final.status === 'pending') return { key: 'loans.status.pending', params: {} };
  if (final.status === 'cancelled') return { key: 'loans.status.cancelled', params: {} };
  if (final.daysPastDue === null) return { key: 'loans.status.unclosed', params: {} };
  if (final.daysPastDue > 0 && final.stage) return { key: 'tl.status.overdueStage', params: { dpd: final.daysPastDue, stage: final.stage } };
  if (final.daysPastDue > 0) return { key: 'tl.status.overdue', params: { dpd: final.daysPastDue } };
  if (final.stage) return { key: 'loans.status.inStage', params: { stage: final.stage } };
  return { key: 'tl.status.current', params: {} };
}
