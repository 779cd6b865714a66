// Payment scenarios for the loan timeline: the client pays every installment on its due date, pays
// one installment late, or stops paying after some installments. Built from the offer's schedule
// (due dates and totals), as the payments the servicing engine folds over.
import { addDays, type ScenarioPayment, type ScheduleInstallment } from '@plazo/engine';

/** What a scenario reads of a schedule: each installment's number, due date and total. */
export interface ScheduleDates {
  readonly installments: readonly Pick<ScheduleInstallment, 'number' | 'dueDate' | 'total'>[];
}

export type ScenarioKind = 'on-time' | 'one-late' | 'stops';

export interface Scenario {
  readonly kind: ScenarioKind;
  /** one-late: which installment (1-based) is paid late; stops: how many are paid before stopping. */
  readonly installment: number;
  /** one-late: days after the due date the late installment is paid. */
  readonly daysLate: number;
}

/** The scenario's payments: each installment's total on its date. */
export function scenarioPayments(schedule: ScheduleDates, scenario: Scenario): ScenarioPayment[] {
  const out: ScenarioPayment[] = [];
  const late: ScenarioPayment[] = [];
  for (const i of schedule.installments) {
    if (scenario.kind === 'stops' && i.number > scenario.installment) break;
    if (scenario.kind === 'one-late' && i.number === scenario.installment) late.push({ date: addDays(i.dueDate, scenario.daysLate), amount: i.total });
    else out.push({ date: i.dueDate, amount: i.total });
  }
  // A late payment may fall after later installments' dates: keep the list in date order.
  return [...out, ...late].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** How far to follow the loan: past the last due date (and the late payment) far enough to see collection act. */
export function scenarioUntil(schedule: ScheduleDates, scenario: Scenario): string {
  const last = schedule.installments[schedule.installments.length - 1];
  if (!last) throw new Error('the schedule has no installments');
  const extra = scenario.kind === 'stops' ? 120 : scenario.kind === 'one-late' ? Math.max(5, scenario.daysLate + 5) : 5;
  return addDays(last.dueDate, extra);
}
