// What the loan page shows, read from GET /api/v1/loans/{id} and the loan's journal: the payments
// (each with whether it was reversed and how the engine applied it), the ledger lines one per row,
// and whether a typed amount is a decimal the API takes.
import { Dec } from '@plazo/engine';
import type { JournalEntry, LoanDetail } from '../api/client.ts';

export interface PaymentRow {
  readonly id: string;
  readonly seq: number;
  readonly date: string;
  readonly amount: string;
  readonly reference: string | null;
  readonly reversed: boolean;
  /** What the engine applied it to, by component (null for a reversed payment). */
  readonly applied: Readonly<Record<string, string>> | null;
  readonly toCredit: string | null;
}

/** The loan's payments in the order they were recorded. */
export function paymentsOf(detail: Pick<LoanDetail, 'events' | 'state'>): PaymentRow[] {
  const reversed = new Set(detail.state?.reversedPayments ?? []);
  const allocations = new Map((detail.state?.allocations ?? []).map((a) => [a.paymentId, a]));
  return detail.events
    .filter((e) => e.kind === 'payment')
    .map((e) => {
      const id = String(e.payload['id']);
      const allocation = reversed.has(id) ? undefined : allocations.get(id);
      const applied: Record<string, string> = {};
      for (const line of allocation?.lines ?? []) applied[line.component] = new Dec(applied[line.component] ?? '0').plus(line.amount).toFixed();
      return {
        id,
        seq: e.seq,
        date: e.date,
        amount: String(e.payload['amount']),
        reference: typeof e.payload['reference'] === 'string' ? e.payload['reference'] : null,
        reversed: reversed.has(id),
        applied: allocation ? applied : null,
        toCredit: allocation ? allocation.toCredit : null,
      };
    });
}

export interface LedgerRow {
  readonly entryId: string;
  readonly date: string;
  readonly description: string;
  readonly eventSeq: number | null;
  /** The kind of the loan event the entry posts (`payment`, `day-close`…), for a label in the reader's language. */
  readonly eventKind: string | null;
  readonly account: string;
  readonly debit: string;
  readonly credit: string;
}

/** One row per journal line, entries in date order, each with the kind of the loan event it posts. */
export function ledgerRows(entries: readonly JournalEntry[], events: LoanDetail['events'] = []): LedgerRow[] {
  const kinds = new Map(events.map((e) => [e.seq, e.kind]));
  return entries.flatMap((e) =>
    e.lines.map((l) => ({
      entryId: e.id,
      date: e.date,
      description: e.description,
      eventSeq: e.loanEventSeq,
      eventKind: e.loanEventSeq === null ? null : (kinds.get(e.loanEventSeq) ?? null),
      account: l.account,
      debit: l.debit,
      credit: l.credit,
    })),
  );
}

/** A positive amount as the API takes it: digits, optionally a point and up to 6 decimals. */
export function isPositiveMoney(text: string): boolean {
  return /^\d{1,15}(\.\d{1,6})?$/.test(text) && /[1-9]/.test(text);
}

/** `0`, `0.00`: an empty side of a ledger line. */
export function isZero(amount: string): boolean {
  return new Dec(amount).isZero();
}
