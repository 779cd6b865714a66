// The loan's status at the end of the timeline, as people say it: "vigente" only while nothing is
// past due; a loan with days past due says so, with its collection stage; paid off and written
// off as such. (The engine's `active` covers all the loans still on the books, late or not.)
import type { MessageKey } from '../i18n/messages.ts';

export interface FinalLoanState {
  readonly status: string;
  readonly daysPastDue: number;
  readonly stage: string | null;
}

/** The message key and parameters of the loan's status line. */
export function loanStatusLine(final: FinalLoanState): { readonly key: MessageKey; readonly params: Readonly<Record<string, string | number>> } {
  if (final.status === 'paid-off') return { key: 'tl.status.paid-off', params: {} };
  if (final.status === 'written-off') return { key: 'tl.status.written-off', params: {} };
  if (final.daysPastDue <= 0) return { key: 'tl.status.current', params: {} };
  if (final.stage) return { key: 'tl.status.overdueStage', params: { dpd: final.daysPastDue, stage: final.stage } };
  return { key: 'tl.status.overdue', params: { dpd: final.daysPastDue } };
}
