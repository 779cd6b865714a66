// Accrual accounting for penalties (late fees, moratorium interest and their IVA). Payments post
// penalties when received (runtime/src/ledger: income 4300/4310, IVA 2103/2104); the day close
// recognizes them when charged and reclassifies what was collected since, so that over a loan's
// life the income is recognized once, on the day the engine charges it:
//   charged:   Dr 1130 penalties receivable, Dr 1140 IVA receivable / Cr 4300 late fees, Cr 4310 moratorium, Cr 2105 IVA not yet collected
//   collected: Dr 4300, Dr 4310, Dr 2105 / Cr 1130, Cr 1140      (the payment already credited income and 2103/2104)
// A loan that leaves `active` (paid off, written off) recognizes only what was collected: the
// uncollected accrual is reversed (written-off loans recover on a cash basis afterwards).
// Amounts are differences of the engine's cumulative figures against this position, so a
// reversal or a refold posts exactly the correction.
import { Dec, type LoanState } from '@plazo/engine';

type Part = 'lateFees' | 'lateFeesIva' | 'moratorium' | 'moratoriumIva';
const PARTS: readonly Part[] = ['lateFees', 'lateFeesIva', 'moratorium', 'moratoriumIva'];

export type PenaltyAmounts = Readonly<Record<Part, string>>;

/** What the ledger holds for the loan's penalties (kept in loan_servicing.accrued). */
export interface AccruedPosition {
  /** Recognized as income / IVA not collected (Cr 4300, 4310, 2105). */
  readonly recognized: PenaltyAmounts;
  /** Collected and reclassified (Dr 4300, 4310, 2105). */
  readonly collected: PenaltyAmounts;
}

export interface JournalLine {
  readonly account: string;
  readonly debit: string;
  readonly credit: string;
}

const ZERO: PenaltyAmounts = Object.freeze({ lateFees: '0', lateFeesIva: '0', moratorium: '0', moratoriumIva: '0' });
export const ZERO_ACCRUED: AccruedPosition = Object.freeze({ recognized: ZERO, collected: ZERO });

export const PENALTY_ACCOUNTS = {
  penaltiesReceivable: '1130',
  ivaReceivable: '1140',
  lateFeeIncome: '4300',
  moratoriumIncome: '4310',
  ivaNotCollected: '2105',
} as const;

function pick(source: { readonly [k in Part]: string }): PenaltyAmounts {
  return { lateFees: source.lateFees, lateFeesIva: source.lateFeesIva, moratorium: source.moratorium, moratoriumIva: source.moratoriumIva };
}

/** The entry lines (possibly none) bringing `before` to what `state` says, and the new position. */
export function penaltyAccrual(before: AccruedPosition, state: LoanState, decimals: number): { lines: JournalLine[]; accrued: AccruedPosition } {
  const collected = pick(state.paid);
  const recognized = state.status === 'active' ? pick(state.penaltiesCharged) : collected;
  const unchanged = PARTS.every((p) => recognized[p] === before.recognized[p] && collected[p] === before.collected[p]);
  if (unchanged) return { lines: [], accrued: before };
  const d = (p: Part) => new Dec(recognized[p]).minus(before.recognized[p]).minus(new Dec(collected[p]).minus(before.collected[p]));
  const net = new Map<string, InstanceType<typeof Dec>>();
  const debit = (account: string, amount: InstanceType<typeof Dec>) => net.set(account, (net.get(account) ?? new Dec(0)).plus(amount));
  debit(PENALTY_ACCOUNTS.penaltiesReceivable, d('lateFees').plus(d('moratorium')));
  debit(PENALTY_ACCOUNTS.ivaReceivable, d('lateFeesIva').plus(d('moratoriumIva')));
  debit(PENALTY_ACCOUNTS.lateFeeIncome, d('lateFees').negated());
  debit(PENALTY_ACCOUNTS.moratoriumIncome, d('moratorium').negated());
  debit(PENALTY_ACCOUNTS.ivaNotCollected, d('lateFeesIva').plus(d('moratoriumIva')).negated());
  const zero = new Dec(0).toFixed(decimals);
  const lines: JournalLine[] = [];
  for (const [account, amount] of [...net].sort(([a], [b]) => a.localeCompare(b))) {
    if (amount.isZero()) continue;
    lines.push(amount.isPositive() ? { account, debit: amount.toFixed(decimals), credit: zero } : { account, debit: zero, credit: amount.negated().toFixed(decimals) });
  }
  return { lines, accrued: { recognized, collected } };
}
