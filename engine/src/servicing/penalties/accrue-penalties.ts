// One day of penalties on the open overdue installments: moratorium interest for the day on the
// overdue base, and the late fee of each installment whose grace ended the day before.
import { Dec } from '../../decimal.ts';
import { formatIsoDate } from '../../calendar/iso-date.ts';
import type { Penalties } from '../../ir/product-ir.ts';
import { roundTo, type RoundingMode } from '../../rounding.ts';
import { addDue, FEES, INTEREST, LATE_FEES, LATE_FEES_IVA, MORATORIUM, MORATORIUM_IVA, outstandingOf, PRINCIPAL, SCHEDULED, type Ledger } from '../ledger.ts';
import { compareScaled, EXACT_LIMIT, formatMoney, parseMoney, POW10, roundDiv, roundScaled, scaledOf, timesRate, type Scaled } from '../money.ts';
import { moratoriumYearFraction } from './moratorium.ts';

const MORATORIUM_BASE: Record<NonNullable<Penalties['moratorium']>['on'], readonly number[]> = {
  'overdue-principal': [PRINCIPAL],
  'overdue-installment': [PRINCIPAL, INTEREST, FEES],
};

/** lateFeeAmount on scaled integers: the same rule, the same rounding points, the cap on fee + IVA (`taxRate` null: untaxed). */
function lateFee(rule: NonNullable<Penalties['lateFee']>, unpaid: bigint, installmentTotal: bigint, s: number, mode: RoundingMode, taxRate: Scaled | null): bigint {
  const a = rule.amount;
  let fee = a.kind === 'fixed' ? roundScaled(scaledOf(a.value), s, mode) : timesRate(a.of === 'overdue' ? unpaid : installmentTotal, scaledOf(a.rate), mode);
  if (rule.min !== undefined && compareScaled(fee, s, scaledOf(rule.min)) < 0) fee = roundScaled(scaledOf(rule.min), s, mode);
  if (rule.max !== undefined && compareScaled(fee, s, scaledOf(rule.max)) > 0) fee = roundScaled(scaledOf(rule.max), s, mode);
  const withIva = (f: bigint) => (taxRate === null ? f : f + timesRate(f, taxRate, mode));
  if (withIva(fee) > unpaid) {
    // The largest fee whose total stays within the unpaid amount: from unpaid / (1 + rate), floored.
    fee = taxRate === null ? unpaid : (unpaid * POW10[taxRate.e]!) / (POW10[taxRate.e]! + taxRate.m);
    while (fee > 0n && withIva(fee) > unpaid) fee--;
    while (withIva(fee + 1n) <= unpaid) fee++;
  }
  return fee < 0n ? 0n : fee;
}

/** round(numerator / den) at the currency scale; Decimal's own division for numerators too long to be exact there. */
function chargedMoratorium(ledger: Ledger, numerator: bigint, den: number, divisor: bigint): bigint {
  const s = ledger.decimals;
  if (numerator < EXACT_LIMIT) return roundDiv(numerator, divisor, ledger.mode);
  const exact = new Dec(formatMoney(numerator, ledger.moratoriumScale));
  return parseMoney(roundTo(exact.div(den), s, ledger.mode).toFixed(s), s);
}

/**
 * Charges the penalties of `day` (a day after the disbursement): for each open installment due
 * before `day`, moratorium for the day (d−1, d] on its overdue base at the start of the day —
 * so an installment paid k days late bears k days — with IVA when taxable, each installment's
 * total rounded once, cumulatively; and its late fee on the first day past its grace, when
 * something is still unpaid. `from` is the index of the oldest open installment.
 */
export function accruePenalties(ledger: Ledger, day: number, from: number): void {
  const list = ledger.installments;
  if (from >= list.length || list[from]!.dueDay >= day) return;
  const rules = ledger.product.penalties;
  const mor = rules.moratorium;
  const fee = rules.lateFee;
  const rate = ledger.moratoriumRate;
  const fraction = mor && rate ? moratoriumYearFraction(mor.basis, ledger.terms.frequency, day - 1, day) : null;
  const s = ledger.decimals;
  // Per day, not per installment: rate × days of the day, and the divisor back to the currency scale.
  const dayRate = rate && fraction ? (fraction.num === 1 ? rate.m : rate.m * BigInt(fraction.num)) : 0n;
  const divisor = fraction ? POW10[ledger.moratoriumScale - s]! * BigInt(fraction.den) : 1n;
  let date: string | undefined;
  let dayMoratorium = 0n;
  let dayMoratoriumIva = 0n;
  for (let i = from; i < list.length; i++) {
    const inst = list[i]!;
    if (inst.dueDay >= day) break;
    if (inst.restructured || inst.settled) continue;
    if (mor && rate && fraction && fraction.num > 0) {
      const base = outstandingOf(inst, MORATORIUM_BASE[mor.on]);
      if (base > 0n) {
        inst.moratoriumNumerator = inst.moratoriumNumerator + base * dayRate;
        const charged = chargedMoratorium(ledger, inst.moratoriumNumerator, fraction.den, divisor);
        const iva = mor.taxable ? timesRate(charged, ledger.taxRate, ledger.mode) : 0n;
        const due = inst.due;
        const dm = charged - due[MORATORIUM]!;
        const di = iva - due[MORATORIUM_IVA]!;
        dayMoratorium += dm;
        dayMoratoriumIva += di;
        addDue(ledger, inst, MORATORIUM, dm);
        addDue(ledger, inst, MORATORIUM_IVA, di);
        // The numerator is kept in the checkpoint even when the rounded amount did not move.
        inst.dirty = true;
      }
    }
    if (fee && inst.lateFeeOn === null && day === inst.dueDay + fee.graceDays + 1) {
      const unpaid = outstandingOf(inst, SCHEDULED);
      if (unpaid > 0n) {
        const amount = lateFee(fee, unpaid, inst.scheduledTotal, s, ledger.mode, fee.taxable ? ledger.taxRate : null);
        if (amount > 0n) {
          const iva = fee.taxable ? timesRate(amount, ledger.taxRate, ledger.mode) : 0n;
          addDue(ledger, inst, LATE_FEES, amount);
          addDue(ledger, inst, LATE_FEES_IVA, iva);
          date ??= formatIsoDate(day);
          inst.lateFeeOn = date;
          inst.dirty = true;
          ledger.charged.lateFees += amount;
          ledger.charged.lateFeesIva += iva;
          ledger.journal.push(Object.freeze({ date, kind: 'late-fee', installment: inst.number, amount: formatMoney(amount, s), iva: formatMoney(iva, s) }));
        }
      }
    }
  }
  if (dayMoratorium !== 0n || dayMoratoriumIva !== 0n) {
    ledger.charged.moratorium += dayMoratorium;
    ledger.charged.moratoriumIva += dayMoratoriumIva;
    ledger.amountsChanged = true;
    ledger.journal.push(Object.freeze({ date: date ?? formatIsoDate(day), kind: 'moratorium', amount: formatMoney(dayMoratorium, s), iva: formatMoney(dayMoratoriumIva, s) }));
  }
}
