// Applies a payment (or the credit balance) to the loan: settlement when it covers the payoff,
// else installments due (oldest first, in the product's order), then the current installment in
// advance, then the excess by the prepayment policy.
import { formatIsoDate } from '../calendar/iso-date.ts';
import { isOpen, outstanding, payInstallment, PRINCIPAL, replaceInstallments, type Ledger } from './ledger.ts';
import type { AllocationLine, PaymentAllocation } from './loan-state.ts';
import { formatMoney } from './money.ts';
import { checkPaymentLimit, recoverable } from './payment-limit.ts';
import { reschedule } from './reschedule.ts';
import { applySettlement, settlement } from './settlement.ts';

function record(ledger: Ledger, id: string, day: number, amount: bigint, lines: AllocationLine[], prepaid: bigint, toCredit: bigint, rescheduled: PaymentAllocation['rescheduled'], settled: boolean): PaymentAllocation {
  const s = ledger.decimals;
  const allocation: PaymentAllocation = Object.freeze({
    paymentId: id,
    date: formatIsoDate(day),
    amount: formatMoney(amount, s),
    lines: Object.freeze(lines),
    prepaidPrincipal: formatMoney(prepaid, s),
    toCredit: formatMoney(toCredit, s),
    rescheduled,
    settled,
  });
  ledger.allocations.push(allocation);
  ledger.journal.push(Object.freeze({ date: allocation.date, kind: id === 'credit' ? 'credit-applied' : 'payment', allocation }));
  return allocation;
}

/** Pays open installments in list order (those due by `upTo`, or all) from `amount`; returns the rest. */
function payOpen(ledger: Ledger, amount: bigint, day: number, upTo: number, lines: AllocationLine[]): bigint {
  let left = amount;
  const list = ledger.installments;
  // The installments before the first open one are closed: start there (a reopened one resets it).
  let i = ledger.openFrom;
  while (i < list.length && !isOpen(list[i]!)) i++;
  ledger.openFrom = i;
  for (; i < list.length; i++) {
    const inst = list[i]!;
    if (left <= 0n) break;
    if (inst.dueDay > upTo) break;
    if (isOpen(inst)) left = payInstallment(ledger, inst, left, day, lines);
  }
  return left;
}

function markPaidOff(ledger: Ledger, day: number): void {
  if (ledger.status === 'active' && ledger.installments.every((i) => !isOpen(i))) {
    ledger.status = 'paid-off';
    ledger.journal.push(Object.freeze({ date: formatIsoDate(day), kind: 'paid-off' }));
  }
}

/**
 * Whether `funds` reach the principal not yet due, a lower bound of the settlement: summed from
 * the last installment back, so a regular payment is ruled out after an installment or two.
 */
function mayCoverPrincipal(ledger: Ledger, day: number, funds: bigint): boolean {
  let bound = 0n;
  for (let i = ledger.installments.length - 1; i >= 0; i--) {
    const inst = ledger.installments[i]!;
    if (inst.dueDay <= day) break;
    if (inst.restructured) continue;
    bound += outstanding(inst, PRINCIPAL);
    if (bound > funds) return false;
  }
  return true;
}

/**
 * Applies payment `id` of `amount` on `day` and records its allocation; a payment above what the
 * loan owes that day (net of its credit balance) plus the product's overpayment tolerance is
 * refused with an OverpaymentError at `path`. On an active loan: when
 * amount + credit balance cover the settlement, the loan is settled (credit first) and anything
 * left becomes credit; otherwise the installments due, then the current one in advance, then the
 * excess: reduce-term / reduce-installment prepay principal and re-solve the rest of the schedule,
 * not-allowed keeps it as credit balance for the next installments. A written-off loan takes it
 * as a recovery (installments in order, rest as credit) up to what is left of what was written
 * off; a paid-off loan keeps it as credit (up to the tolerance).
 */
export function applyPayment(ledger: Ledger, day: number, id: string, amount: bigint, path: string): PaymentAllocation {
  const lines: AllocationLine[] = [];
  if (ledger.status === 'paid-off') {
    checkPaymentLimit(ledger, 0n, amount, path);
    ledger.credit += amount;
    return record(ledger, id, day, amount, lines, 0n, amount, null, false);
  }
  if (ledger.status === 'written-off') {
    checkPaymentLimit(ledger, recoverable(ledger), amount, path);
    const left = payOpen(ledger, amount, day, Infinity, lines);
    ledger.credit += left;
    return record(ledger, id, day, amount, lines, 0n, left, null, false);
  }
  const funds = amount + ledger.credit;
  // Below the principal not yet due (a lower bound of the settlement) the payment is within what is owed.
  const s = mayCoverPrincipal(ledger, day, funds) ? settlement(ledger, day) : null;
  if (s !== null) checkPaymentLimit(ledger, s.gross, amount, path);
  if (s !== null && funds >= s.gross) {
    applySettlement(ledger, s);
    if (ledger.credit > 0n) {
      const creditLines: AllocationLine[] = [];
      const credit = ledger.credit;
      ledger.credit = payOpen(ledger, credit, day, Infinity, creditLines);
      record(ledger, 'credit', day, credit - ledger.credit, creditLines, 0n, 0n, null, false);
    }
    const left = payOpen(ledger, amount, day, Infinity, lines);
    ledger.credit += left;
    markPaidOff(ledger, day);
    return record(ledger, id, day, amount, lines, 0n, left, null, true);
  }
  let left = payOpen(ledger, amount, day, day, lines);
  const current = ledger.installments.find((i) => !i.restructured && i.dueDay > day) ?? null;
  if (left > 0n && current !== null && isOpen(current)) left = payInstallment(ledger, current, left, day, lines);
  let prepaid = 0n;
  let rescheduled: PaymentAllocation['rescheduled'] = null;
  const policy = ledger.product.prepayment;
  if (left > 0n && current !== null && policy !== 'not-allowed') {
    const index = ledger.installments.indexOf(current);
    let rest = 0n;
    for (const inst of ledger.installments.slice(index + 1)) rest += outstanding(inst, PRINCIPAL);
    const take = left < rest ? left : rest;
    if (take > 0n) {
      const remaining = rest - take;
      const count = remaining === 0n ? 0 : reschedule(ledger, current, remaining, policy);
      if (count !== null) {
        if (count === 0) replaceInstallments(ledger, ledger.installments.slice(0, index + 1));
        prepaid = take;
        left -= take;
        ledger.prepaidPrincipal += take;
        ledger.amountsChanged = true;
        rescheduled = policy;
        ledger.journal.push(Object.freeze({ date: formatIsoDate(day), kind: 'rescheduled', policy, installments: count, principal: formatMoney(remaining, ledger.decimals) }));
      }
    }
  }
  ledger.credit += left;
  const allocation = record(ledger, id, day, amount, lines, prepaid, left, rescheduled, false);
  markPaidOff(ledger, day);
  return allocation;
}

/** Applies the credit balance to what is due by `day` (installments falling due), if any. */
export function applyCredit(ledger: Ledger, day: number): void {
  if (ledger.status !== 'active' || ledger.credit <= 0n) return;
  const lines: AllocationLine[] = [];
  const credit = ledger.credit;
  ledger.credit = payOpen(ledger, credit, day, day, lines);
  if (lines.length > 0) {
    record(ledger, 'credit', day, credit - ledger.credit, lines, 0n, 0n, null, false);
    markPaidOff(ledger, day);
  }
}
