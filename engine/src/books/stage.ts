// The stage rules of the regulatory books (DOMAIN.md "Regulatory accounting", criterion B-6):
// when a loan moves to cartera vencida by its payment pattern, and when it returns to vigente.
import type { BooksFacts } from '../servicing/loan-state.ts';
import type { BookStage, BooksContext } from './books-types.ts';

/** Days past due to vencida by default: one payment of principal and interest 30, periodic 90. */
export const DEFAULT_VENCIDA_DAYS = Object.freeze({ single: 30, periodic: 90 });

/** Periods longer than this many days cure a restructured vencida loan after one on-time payment (else three). */
export const LONG_PERIOD_DAYS = 60;

/** Whether the loan's arrears move it to vencida: by its payment pattern's threshold (single principal: 90 on interest or 30 on the principal at maturity). */
export function reachesVencida(facts: Pick<BooksFacts, 'daysPastDue' | 'repayment'>, ctx: Pick<BooksContext, 'vencidaDays'>): boolean {
  const days = ctx.vencidaDays ?? DEFAULT_VENCIDA_DAYS;
  const r = facts.repayment;
  switch (r.pattern) {
    case 'single':
      return facts.daysPastDue >= days.single;
    case 'periodic':
      return facts.daysPastDue >= days.periodic;
    case 'single-principal':
      return facts.daysPastDue >= days.periodic || r.maturityDaysPastDue >= days.single;
  }
}

/** On-time installments a loan restructured while vencida must pay before it is cured: 1 when its new periods exceed 60 days, else 3. */
export function sustainedPayments(periodDays: number): number {
  return periodDays > LONG_PERIOD_DAYS ? 1 : 3;
}

export interface StageStep {
  readonly stage: BookStage;
  /** The loan moved to vencida on this date (its earned figures are remembered). */
  readonly transferred: boolean;
  /** On-time installments still required for a cure, or undefined. */
  readonly sustained: number | undefined;
}

/**
 * The stage on the facts' date from the stage before: a paid-off loan is vigente; a written-off one
 * keeps its stage. Vigente → vencida when the arrears reach the threshold. A vencida loan
 * restructured (a restructure not seen before) stays vencida until `sustainedPayments` installments
 * of the new schedule are paid on time in a row; it returns to vigente when nothing is overdue and
 * that count, if any, is met. A vigente loan restructured stays vigente.
 */
export function stageStep(previous: BookStage, sustained: number | undefined, seenRestructures: number, facts: Pick<BooksFacts, 'status' | 'daysPastDue' | 'repayment' | 'restructures'>, ctx: Pick<BooksContext, 'vencidaDays'>): StageStep {
  if (facts.status === 'paid-off') return { stage: 'vigente', transferred: false, sustained: undefined };
  if (facts.status === 'written-off') return { stage: previous, transferred: false, sustained };
  if (previous === 'vigente') {
    return reachesVencida(facts, ctx) ? { stage: 'vencida', transferred: true, sustained: undefined } : { stage: 'vigente', transferred: false, sustained: undefined };
  }
  let need = sustained;
  if (facts.restructures.length > seenRestructures) need = sustainedPayments(facts.restructures[facts.restructures.length - 1]!.periodDays);
  const cured = facts.daysPastDue === 0 && (need === undefined || facts.repayment.onTimeInstallments >= need);
  return cured ? { stage: 'vigente', transferred: false, sustained: undefined } : { stage: 'vencida', transferred: false, sustained: need };
}
