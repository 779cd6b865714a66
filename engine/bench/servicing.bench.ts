// Servicing throughput for a 52-week loan (the benchmark schedule's terms, IVA, moratorium, late
// fee and a collection policy), against generateSchedule of the same terms and the fold this one
// replaced (the Decimal reference in test/servicing/reference/) in the same run: loanState folding
// a whole year (52 payments on time, or each 5 days late), and the end of day's hot path —
// advanceLoan by one day (a day close) from a checkpoint, for a current loan and an overdue one,
// in memory and through JSON as the runtime would store checkpoints.
import { addDays, advanceLoan, closeDay, compactCheckpoint, generateSchedule, IR_VERSION, loanState, loanSummary, servicingCheckpoint, type CompactCheckpoint, type LoanEvent, type ProductIR, type ServicingCheckpoint } from '../src/index.ts';
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

  // The end of day on compact checkpoints: JSON.parse + closeDay (one day, a day close) + JSON.stringify
  // of the new checkpoint, the summary and the day's postings made — per loan, as the EOD batch runs.
  const currentCompact = JSON.stringify(compactCheckpoint(product, benchTerms, withDailyCloses(payments.filter((p) => p.date <= today), today), today));
  const overdueCompact = JSON.stringify(compactCheckpoint(product, benchTerms, withDailyCloses(payments.slice(0, 20), today), today));
  const eod = (text: string, date: string) => JSON.stringify(closeDay(product, benchTerms, JSON.parse(text) as CompactCheckpoint, date).checkpoint);
  // A week of nights for the current loan (days 181..187: the 2025-07-07 due date, paid on it, included).
  const week = Array.from({ length: 7 }, (_, d) => addDays(today, d + 1));
  const weekPayments = payments.filter((p) => p.date > today && p.date <= week[6]!);
  const weekOf = (text: string) => {
    let t = text;
    for (const date of week) t = JSON.stringify(closeDay(product, benchTerms, JSON.parse(t) as CompactCheckpoint, date, weekPayments.filter((p) => p.date === date)).checkpoint);
    return t;
  };
  const check = closeDay(product, benchTerms, JSON.parse(currentCompact) as CompactCheckpoint, tomorrow);
  if (JSON.stringify(check.summary) !== JSON.stringify(loanSummary(loanState(product, benchTerms, currentEvents, tomorrow)))) throw new Error('closeDay and loanState disagree');

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
    compactCurrent: () => eod(currentCompact, tomorrow),
    compactOverdue: () => eod(overdueCompact, tomorrow),
    compactWeek: () => weekOf(currentCompact),
  });
  const perDay = (x: Rates): Rates => ({ wall: x.wall * 7, cpu: x.cpu * 7 });
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
  console.log('  end of day on compact checkpoints: JSON.parse + closeDay (summary, postings) + JSON.stringify, per loan:');
  line('  current loan, closeDay', r.compactCurrent, `target ≥ 20,000; ${currentCompact.length.toLocaleString('en-US')} B checkpoint; ${(r.compactCurrent.cpu / r.jsonCurrent.cpu).toFixed(0)}× the JSON advance (CPU)`);
  line('  current loan, a week of closeDay (per day)', perDay(r.compactWeek), 'days 181–187, a due date and its payment included');
  line('  overdue loan, closeDay', r.compactOverdue, `${overdueCompact.length.toLocaleString('en-US')} B checkpoint; ${(r.compactOverdue.cpu / r.jsonOverdue.cpu).toFixed(0)}× the JSON advance (CPU)`);
}
