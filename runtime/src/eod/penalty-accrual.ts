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
import { Dec } from '@plazo/engine';

type Decimal = InstanceType<typeof Dec>;

type Part = 'lateFees' | 'lateFeesIva' | 'moratorium' | 'moratoriumIva';
const PARTS: readonly Part[] = ['lateFees', 'lateFeesIva', 'moratorium', 'moratoriumIva'];

export type PenaltyAmounts = Readonly<Record<Part, string>>;

/** The loan's penalty position (kept in loan_servicing.accrued), cumulative decimal strings. */
export interface AccruedPosition {
  /** Charged by the engine to date (its penaltiesCharged). */
  readonly charged: PenaltyAmounts;
  /** Collected to date (its paid penalty components). */
  readonly collected: PenaltyAmounts;
  /** Recognized in the ledger as income / IVA not collected (Cr 4300, 4310, 2105): charged while active, collected after. */
  readonly recognized: PenaltyAmounts;
  /** Collected and reclassified in the ledger (Dr 4300, 4310, 2105). */
  readonly reclassified: PenaltyAmounts;
}

export interface JournalLine {
  readonly account: string;
  readonly debit: string;
  readonly credit: string;
}

export const ZERO_PENALTIES: PenaltyAmounts = Object.freeze({ lateFees: '0', lateFeesIva: '0', moratorium: '0', moratoriumIva: '0' });
export const ZERO_ACCRUED: AccruedPosition = Object.freeze({ charged: ZERO_PENALTIES, collected: ZERO_PENALTIES, recognized: ZERO_PENALTIES, reclassified: ZERO_PENALTIES });

export const PENALTY_ACCOUNTS = {
  penaltiesReceivable: '1130',
  ivaReceivable: '1140',
  lateFeeIncome: '4300',
  moratoriumIncome: '4310',
  ivaNotCollected: '2105',
} as const;

/** Exact sum of two decimal strings. */
export function addAmounts(a: string, b: string): string {
  if (b === '0' || /^0(\.0+)?$/.test(b)) return a;
  if (a === '0') return b;
  return new Dec(a).plus(b).toFixed();
}

export function pickPenalties(source: { readonly [k in Part]: string }): PenaltyAmounts {
  return { lateFees: source.lateFees, lateFeesIva: source.lateFeesIva, moratorium: source.moratorium, moratoriumIva: source.moratoriumIva };
}

/** The entry lines (possibly none) bringing the ledger from `before` to the engine's figures, and the new position. */
export function penaltyAccrual(
  before: AccruedPosition,
  now: { readonly charged: PenaltyAmounts; readonly collected: PenaltyAmounts; readonly active: boolean },
  decimals: number,
): { lines: JournalLine[]; accrued: AccruedPosition } {
  const recognized = now.active ? now.charged : now.collected;
  const reclassified = now.collected;
  const accrued: AccruedPosition = { charged: now.charged, collected: now.collected, recognized, reclassified };
  // Most days little moves: a part whose figures are the same strings needs no decimal arithmetic.
  const ZERO = new Dec(0);
  const change = (a: string, b: string) => (a === b ? ZERO : new Dec(a).minus(b));
  const moved = PARTS.map((p) => change(recognized[p], before.recognized[p]).minus(change(reclassified[p], before.reclassified[p])));
  if (moved.every((m) => m.isZero())) return { lines: [], accrued };
  const [lateFees, lateFeesIva, moratorium, moratoriumIva] = moved as [Decimal, Decimal, Decimal, Decimal];
  const net: [string, Decimal][] = [
    [PENALTY_ACCOUNTS.penaltiesReceivable, lateFees.plus(moratorium)],
    [PENALTY_ACCOUNTS.ivaReceivable, lateFeesIva.plus(moratoriumIva)],
    [PENALTY_ACCOUNTS.ivaNotCollected, lateFeesIva.plus(moratoriumIva).negated()],
    [PENALTY_ACCOUNTS.lateFeeIncome, lateFees.negated()],
    [PENALTY_ACCOUNTS.moratoriumIncome, moratorium.negated()],
  ];
  const zero = new Dec(0).toFixed(decimals);
  const lines: JournalLine[] = [];
  for (const [account, amount] of net) {
    if (amount.isZero()) continue;
    lines.push(amount.isPositive() ? { account, debit: amount.toFixed(decimals), credit: zero } : { account, debit: zero, credit: amount.negated().toFixed(decimals) });
  }
  return { lines, accrued };
}
