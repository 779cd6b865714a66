// Servicing throughput for a 52-week loan (the benchmark schedule's terms, IVA, moratorium, late
// fee and a collection policy), against generateSchedule of the same terms and the fold this one
// replaced (the Decimal reference in test/servicing/reference/) in the same run: loanState folding
// a whole year (52 payments on time, or each 5 days late), and the end of day's hot path —
// advanceLoan by one day (a day close) from a checkpoint, for a current loan and an overdue one,
// in memory and through JSON as the runtime would store checkpoints.
import { addDays, advanceLoan, generateSchedule, IR_VERSION, loanState, servicingCheckpoint, type LoanEvent, type ProductIR, type ServicingCheckpoint } from '../src/index.ts';
import { loanState as referenceLoanState } from '../test/servicing/reference/compute-loan-state.ts';
import { compareRates, fmt, type Rates } from './measure.ts';
import { benchTerms } from './schedule.bench.ts';

export const benchProduct: ProductIR = {
  irVersion: IR_VERSION, hash: 'bench', code: 'bench', name: 'bench', currency: 'MXN', kind: 'consumer', inputs: [], derived: [],
  limits: { amount: { min: '1000', max: '100000', step: '1' }, terms: [{ frequency: 'weekly', payments: { min: 1, max: 60 } }] },
  pricing: {
    method: 'french', basis: 'period', rate: { kind: 'fixed', rate: '0.60' }, tax: { rate: '0.16', on: ['interest', 'fees', 'moratorium', 'penalties'] },
    rounding: { decimals: 2, mode: 'half-even' }, installmentIncludesTax: false, grace: { principal: 0, interest: 0 }, businessDays: 'none',
  },
  fees: [], eligibility: [], offer: { caps: [], counteroffer: true },
  penalties: {
    lateFee: { amount: { kind: 'fixed', value: '150' }, graceDays: 3, taxable: true },
    moratorium: { rate: { kind: 'multiple', factor: '1.5' }, on: 'overdue-principal', basis: 'actual/360', taxable: true },
  },
  collection: [
    { kind: 'at', day: -3, actions: [{ kind: 'notify', channel: 'whatsapp', template: 'recordatorio' }] },
    { kind: 'at', day: 0, actions: [{ kind: 'notify', channel: 'sms', template: 'vence_hoy' }] },
    { kind: 'stage', stage: 'temprana', from: 1, to: 30, actions: [{ kind: 'queue', queue: 'temprana' }] },
  ],
  allocation: ['penalties', 'moratorium', 'iva', 'interest', 'fees', 'principal'], prepayment: 'reduce-term', tests: [],
};

/** Events of the benchmark loan with a day close every day through `until`, payments from `payments`. */
function withDailyCloses(payments: readonly LoanEvent[], until: string): LoanEvent[] {
  const out: LoanEvent[] = [{ kind: 'disbursement', date: benchTerms.disbursementDate }];
  let k = 0;
  for (let date = addDays(benchTerms.disbursementDate, 1); date <= until; date = addDays(date, 1)) {
    while (k < payments.length && payments[k]!.date === date) out.push(payments[k++]!);
    out.push({ kind: 'day-close', date });
  }
  return out;
}

export function bench(): void {
  const product = benchProduct;
  const schedule = generateSchedule(benchTerms);
  const payments: LoanEvent[] = schedule.installments.map((i, k) => ({ kind: 'payment', id: `p${k}`, date: i.dueDate, amount: i.total }));
  const onTime: LoanEvent[] = [{ kind: 'disbursement', date: benchTerms.disbursementDate }, ...payments];
  // The same 52 payments, every one 5 days late: penalties accrue and stages fire.
  const late: LoanEvent[] = onTime.map((e) => (e.kind === 'payment' ? { ...e, date: addDays(e.date, 5) } : e));
  const asOf = schedule.installments.at(-1)!.dueDate;
  const last = addDays(asOf, 5);
  if (loanState(product, benchTerms, onTime, asOf).status !== 'paid-off') throw new Error('bench loan should be paid off');

  // End of day, mid-life (day 180, 2025-07-05): a current loan (25 installments paid on their due
  // dates) and an overdue one (paid on time until installment 21, then nothing: 5 overdue, 32 DPD),
  // both with a day close every day so far; tomorrow's close is the only new event.
  const today = addDays(benchTerms.disbursementDate, 180);
  const tomorrow = addDays(today, 1);
  const close: LoanEvent[] = [{ kind: 'day-close', date: tomorrow }];
  const current = servicingCheckpoint(product, benchTerms, withDailyCloses(payments.filter((p) => p.date <= today), today), today);
  const overdue = servicingCheckpoint(product, benchTerms, withDailyCloses(payments.slice(0, 20), today), today);
  if (current.state.daysPastDue !== 0 || overdue.state.installments.filter((i) => i.status === 'overdue').length !== 5) throw new Error('bench checkpoints are not as described');
  const currentJson = JSON.stringify(current);
  const overdueJson = JSON.stringify(overdue);
  const viaJson = (text: string) => JSON.stringify(advanceLoan(product, benchTerms, JSON.parse(text) as ServicingCheckpoint, close, tomorrow).checkpoint);

  const untilTomorrow = (payments: readonly LoanEvent[]) => [...withDailyCloses(payments, today), ...close];
  const currentEvents = untilTomorrow(payments.filter((p) => p.date <= today));
  const overdueEvents = untilTomorrow(payments.slice(0, 20));
  if (JSON.stringify(advanceLoan(product, benchTerms, current, close, tomorrow).state) !== JSON.stringify(referenceLoanState(product, benchTerms, currentEvents, tomorrow))) throw new Error('advanceLoan and the reference fold disagree');

  const r = compareRates({
    schedules: () => generateSchedule(benchTerms),
    onTime: () => loanState(product, benchTerms, onTime, asOf),
    onTimeBefore: () => referenceLoanState(product, benchTerms, onTime, asOf),
    late: () => loanState(product, benchTerms, late, last),
    lateBefore: () => referenceLoanState(product, benchTerms, late, last),
    advanceCurrent: () => advanceLoan(product, benchTerms, current, close, tomorrow),
    refoldCurrent: () => loanState(product, benchTerms, currentEvents, tomorrow),
    refoldCurrentBefore: () => referenceLoanState(product, benchTerms, currentEvents, tomorrow),
    advanceOverdue: () => advanceLoan(product, benchTerms, overdue, close, tomorrow),
    refoldOverdueBefore: () => referenceLoanState(product, benchTerms, overdueEvents, tomorrow),
    jsonCurrent: () => viaJson(currentJson),
    jsonOverdue: () => viaJson(overdueJson),
  });
  const line = (label: string, x: Rates, note = '') =>
    console.log(`  ${label.padEnd(46)}${fmt(x.wall)} /s wall ${fmt(x.cpu)} /s CPU   ${(r.schedules.cpu / x.cpu).toFixed(2).padStart(7)}× a schedule   ${note}`);
  const gain = (a: Rates, b: Rates) => `${(a.cpu / b.cpu).toFixed(0)}× before (CPU)`;
  console.log('52-week french loan, IVA, moratorium, late fee and collection policy; "before" = the Decimal day-by-day fold this');
  console.log('replaced (test/servicing/reference/), same run; costs relative to generateSchedule by CPU time');
  line('generateSchedule (baseline)', r.schedules);
  console.log('  full fold from the disbursement (loanState), a year of days:');
  line('  52 payments on time', r.onTime, `target ≥ 2,000; ${gain(r.onTime, r.onTimeBefore)}`);
  line('  before', r.onTimeBefore);
  line('  52 payments, each 5 days late', r.late, gain(r.late, r.lateBefore));
  line('  before', r.lateBefore);
  console.log(`  end of day: one more day (a day close) at day 180, ${current.state.journal.length}-entry journal (a close every day):`);
  line('  current loan, advanceLoan from its checkpoint', r.advanceCurrent, `target ≥ 50,000; ${gain(r.advanceCurrent, r.refoldCurrentBefore)}`);
  line('  current loan, loanState refold of all events', r.refoldCurrent);
  line('  current loan, before (refold)', r.refoldCurrentBefore);
  line('  overdue loan (5 overdue, 32 DPD), advanceLoan', r.advanceOverdue, gain(r.advanceOverdue, r.refoldOverdueBefore));
  line('  overdue loan, before (refold)', r.refoldOverdueBefore);
  line('  current, JSON.parse + advanceLoan + stringify', r.jsonCurrent, `${(currentJson.length / 1024).toFixed(0)} KiB checkpoint`);
  line('  overdue, JSON.parse + advanceLoan + stringify', r.jsonOverdue, `${(overdueJson.length / 1024).toFixed(0)} KiB checkpoint`);
}
