// One day of penalties on the open overdue installments: moratorium interest for the day on the
// overdue base, and the late fee of each installment whose grace ended the day before.
import { Dec } from '../../../../src/decimal.ts';
import { formatIsoDate } from '../../../../src/calendar/iso-date.ts';
import { outstandingOf, roundMoney, SCHEDULED, type Ledger } from '../ledger.ts';
import { lateFeeAmount } from './late-fee.ts';
import { moratoriumYearFraction } from './moratorium.ts';

const MORATORIUM_BASE = {
  'overdue-principal': ['principal'],
  'overdue-installment': ['principal', 'interest', 'fees'],
} as const;

/**
 * Charges the penalties of `day` (a day after the disbursement): for each open installment due
 * before `day`, moratorium for the day (d−1, d] on its overdue base at the start of the day —
 * so an installment paid k days late bears k days — with IVA when taxable, each installment's
 * total rounded once, cumulatively; and its late fee on the first day past its grace, when
 * something is still unpaid. `moratoriumRate` is the annual rate (null: no moratorium).
 */
export function accruePenalties(ledger: Ledger, day: number, moratoriumRate: Dec | null, from: number): void {
  const rules = ledger.product.penalties;
  const mor = rules.moratorium;
  const fee = rules.lateFee;
  const fraction = mor && moratoriumRate ? moratoriumYearFraction(mor.basis, ledger.terms.frequency, day - 1, day) : null;
  const list = ledger.installments;
  if (from >= list.length || list[from]!.dueDay >= day) return;
  const date = formatIsoDate(day);
  let dayMoratorium = new Dec(0);
  let dayMoratoriumIva = new Dec(0);
  for (let i = from; i < list.length; i++) {
    const inst = list[i]!;
    if (inst.dueDay >= day) break;
    if (inst.restructured || inst.settledDay !== null) continue;
    if (mor && moratoriumRate && fraction && fraction.num > 0) {
      const base = outstandingOf(inst, MORATORIUM_BASE[mor.on]);
      if (base.gt(0)) {
        inst.moratoriumNumerator = inst.moratoriumNumerator.plus(base.times(moratoriumRate).times(fraction.num));
        const charged = roundMoney(ledger, inst.moratoriumNumerator.div(fraction.den));
        const iva = mor.taxable ? roundMoney(ledger, charged.times(ledger.taxRate)) : new Dec(0);
        dayMoratorium = dayMoratorium.plus(charged.minus(inst.due.moratorium));
        dayMoratoriumIva = dayMoratoriumIva.plus(iva.minus(inst.due.moratoriumIva));
        inst.due.moratorium = charged;
        inst.due.moratoriumIva = iva;
      }
    }
    if (fee && inst.lateFeeDay === null && day === inst.dueDay + fee.graceDays + 1) {
      const unpaid = outstandingOf(inst, SCHEDULED);
      if (unpaid.gt(0)) {
        const amount = lateFeeAmount(fee, { unpaid, installmentTotal: inst.scheduledTotal, taxRate: ledger.taxRate }, ledger.decimals, ledger.mode);
        if (amount.gt(0)) {
          const iva = fee.taxable ? roundMoney(ledger, amount.times(ledger.taxRate)) : new Dec(0);
          inst.due.lateFees = inst.due.lateFees.plus(amount);
          inst.due.lateFeesIva = inst.due.lateFeesIva.plus(iva);
          inst.lateFeeDay = day;
          ledger.charged.lateFees = ledger.charged.lateFees.plus(amount);
          ledger.charged.lateFeesIva = ledger.charged.lateFeesIva.plus(iva);
          ledger.journal.push(Object.freeze({ date, kind: 'late-fee', installment: inst.number, amount: amount.toFixed(ledger.decimals), iva: iva.toFixed(ledger.decimals) }));
        }
      }
    }
  }
  if (!dayMoratorium.isZero() || !dayMoratoriumIva.isZero()) {
    ledger.charged.moratorium = ledger.charged.moratorium.plus(dayMoratorium);
    ledger.charged.moratoriumIva = ledger.charged.moratoriumIva.plus(dayMoratoriumIva);
    ledger.journal.push(Object.freeze({ date, kind: 'moratorium', amount: dayMoratorium.toFixed(ledger.decimals), iva: dayMoratoriumIva.toFixed(ledger.decimals) }));
  }
}
