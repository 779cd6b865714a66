// Turns the engine's view of a loan into journal lines. The runtime never computes interest,
// allocations or IVA: it compares what the engine says the loan owes and has received after an
// event with what the ledger already holds for the loan, and posts the difference, balanced.
import { COMPONENTS, Dec, type Component, type LoanState } from '@plazo/engine';
import { ACCOUNTS, COMPONENT_ACCOUNTS } from './chart-of-accounts.ts';

type Decimal = InstanceType<typeof Dec>;

/** What the ledger holds for one loan (kept in `loans.state.posted`), as decimal strings. */
export interface PostedPosition {
  /** Balance of the portfolio account 1100 for the loan. */
  readonly principal: string;
  /** Cumulative amounts received by component (credit balance excluded). */
  readonly paid: Readonly<Record<Component, string>>;
  /** Unapplied payments (account 2200) for the loan. */
  readonly credit: string;
  readonly writtenOff: boolean;
}

export interface JournalLine {
  readonly account: string;
  readonly debit: string;
  readonly credit: string;
}

export type PostingKind = 'disbursement' | 'payment' | 'payment-reversal' | 'restructure' | 'write-off' | 'other';

export interface LoanPosting {
  readonly lines: readonly JournalLine[];
  readonly posted: PostedPosition;
}

export const EMPTY_POSITION: PostedPosition = Object.freeze({
  principal: '0',
  paid: Object.freeze(Object.fromEntries(COMPONENTS.map((c) => [c, '0']))) as Record<Component, string>,
  credit: '0',
  writtenOff: false,
});

/** An unbalanced posting is a bug (the engine's totals disagree with themselves): never written. */
export class UnbalancedPostingError extends Error {
  constructor(kind: PostingKind, residual: string) {
    super(`posting of a ${kind} does not balance: residual ${residual}`);
    this.name = 'UnbalancedPostingError';
  }
}

class Lines {
  readonly #net = new Map<string, Decimal>();
  /** Adds `amount` on the debit side of `account` (negative: credit). */
  debit(account: string, amount: Decimal): void {
    this.#net.set(account, (this.#net.get(account) ?? new Dec(0)).plus(amount));
  }
  credit(account: string, amount: Decimal): void {
    this.debit(account, amount.negated());
  }
  residual(): Decimal {
    let sum = new Dec(0);
    for (const v of this.#net.values()) sum = sum.plus(v);
    return sum;
  }
  toLines(decimals: number): JournalLine[] {
    const out: JournalLine[] = [];
    const zero = new Dec(0).toFixed(decimals);
    for (const [account, net] of [...this.#net].sort(([a], [b]) => a.localeCompare(b))) {
      if (net.isZero()) continue;
      out.push(net.isPositive() ? { account, debit: net.toFixed(decimals), credit: zero } : { account, debit: zero, credit: net.negated().toFixed(decimals) });
    }
    return out;
  }
}

/**
 * The journal lines that bring the ledger from `before` to the engine's state `after`.
 * Amounts are printed at the currency scale `decimals` (the engine's amounts already are).
 * `cash`: money received (positive) or paid out (negative) by the event. What is left after the
 * portfolio (1100), the components received and the unapplied credit (2200) is, by event:
 * capitalized interest and charges (restructure, 2300), the principal written off (5100), a
 * recovery on a written-off loan (4400), or the fees withheld at disbursement (`feeIva` to 2102,
 * the rest to 4200). Anything else left over throws UnbalancedPostingError.
 */
export function postLoanEvent(
  kind: PostingKind,
  before: PostedPosition,
  after: LoanState,
  cash: string,
  decimals: number,
  disbursement?: { readonly feeIva: string },
): LoanPosting {
  const lines = new Lines();
  lines.debit(ACCOUNTS.cash, new Dec(cash));
  const writtenOff = after.status === 'written-off';
  const principal = writtenOff ? new Dec(0) : new Dec(after.outstanding.principal);
  lines.debit(ACCOUNTS.principal, principal.minus(before.principal));
  for (const component of COMPONENTS) {
    if (component === 'principal') continue;
    lines.credit(COMPONENT_ACCOUNTS[component], new Dec(after.paid[component]).minus(before.paid[component]));
  }
  lines.credit(ACCOUNTS.unappliedPayments, new Dec(after.creditBalance).minus(before.credit));
  // Principal received moves 1100 by itself (outstanding falls); on a written-off loan it is a recovery.
  let residual = lines.residual();
  if (!residual.isZero()) {
    if (before.writtenOff) lines.credit(ACCOUNTS.recoveries, residual);
    else if (kind === 'restructure') lines.credit(ACCOUNTS.capitalized, residual);
    else if (kind === 'write-off') lines.credit(ACCOUNTS.writeOffExpense, residual);
    else if (kind === 'disbursement') {
      const iva = new Dec(disbursement?.feeIva ?? '0');
      lines.credit(ACCOUNTS.feeIva, iva);
      lines.credit(ACCOUNTS.feeIncome, residual.minus(iva));
    }
    residual = lines.residual();
    if (!residual.isZero()) throw new UnbalancedPostingError(kind, residual.toFixed());
  }
  const paid = Object.fromEntries(COMPONENTS.map((c) => [c, after.paid[c]])) as Record<Component, string>;
  return {
    lines: lines.toLines(decimals),
    posted: { principal: writtenOff ? principal.toFixed(decimals) : after.outstanding.principal, paid, credit: after.creditBalance, writtenOff: before.writtenOff || writtenOff },
  };
}
