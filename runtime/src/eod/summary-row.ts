// A loan's report figures (the columns of loan_summaries) as one text, kept in loan_checkpoints
// (`summary`): the next close compares its figures' text with it and rewrites the loan's summary
// row only when they differ, without reading loan_summaries. The status leads the text (the
// run's eligibility test reads it: `summary like 'active|%'`) and the highest DPD ends it.
// Migration 2026-11-28-20 built the text of the rows it moved with the same layout.
import type { LoanCloseResult } from './day-close.ts';

/** The text of the figures a day close's result stores. */
export function summaryText(r: LoanCloseResult): string {
  const s = r.summary;
  const o = s.outstanding;
  return [
    s.status, s.daysPastDue, s.agingBucket, s.stage ?? '~', r.collectionQueue ?? '~', s.accrualStopped ? 'true' : 'false',
    o.principal, o.interest, o.fees, o.penalties, o.iva, o.total,
    s.overdue, s.creditBalance, s.nextDue?.date ?? '~', s.nextDue?.amount ?? '~', r.maxDaysPastDue,
  ].join('|');
}

/** The highest DPD a stored summary text records. */
export function maxDaysPastDueOf(text: string): number {
  return Number(text.slice(text.lastIndexOf('|') + 1));
}
