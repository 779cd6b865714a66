// loanState per second for a 52-week loan with 52 payment events (the benchmark schedule's terms,
// each installment paid on its due date, moratorium, late fee and a collection policy), against
// generateSchedule of the same terms in the same run (loanState generates it once inside).
import { addDays, generateSchedule, IR_VERSION, loanState, type LoanEvent, type ProductIR } from '../src/index.ts';
import { compare, fmt } from './measure.ts';
import { benchTerms } from './schedule.bench.ts';

const product: ProductIR = {
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

export function bench(): void {
  const schedule = generateSchedule(benchTerms);
  const onTime: LoanEvent[] = [{ kind: 'disbursement', date: benchTerms.disbursementDate }];
  schedule.installments.forEach((i, k) => onTime.push({ kind: 'payment', id: `p${k}`, date: i.dueDate, amount: i.total }));
  // The same 52 payments, every one 5 days late: penalties accrue and stages fire.
  const late: LoanEvent[] = onTime.map((e) => (e.kind === 'payment' ? { ...e, date: addDays(e.date, 5) } : e));
  const asOf = schedule.installments.at(-1)!.dueDate;
  const last = addDays(asOf, 5);
  if (loanState(product, benchTerms, onTime, asOf).status !== 'paid-off') throw new Error('bench loan should be paid off');
  const { schedules, onTimeStates, lateStates } = compare({
    schedules: () => generateSchedule(benchTerms),
    onTimeStates: () => loanState(product, benchTerms, onTime, asOf),
    lateStates: () => loanState(product, benchTerms, late, last),
  });
  console.log('52-week french loan, IVA, 52 payment events, penalties and collection policy (a year of days folded)');
  console.log(`  generateSchedule (baseline)        ${fmt(schedules)} /s`);
  console.log(`  loanState, paid on time            ${fmt(onTimeStates)} states/s   ${(schedules / onTimeStates).toFixed(1)}× the cost of one schedule`);
  console.log(`  loanState, every payment 5 days late ${fmt(lateStates)} states/s   ${(schedules / lateStates).toFixed(1)}× the cost of one schedule`);
}

