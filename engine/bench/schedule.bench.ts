// Schedules per second for a 52-installment weekly french loan with IVA and a financed fee: the
// engine (fast path, CAT included), the straightforward decimal.js reference, and loanjs (floats,
// no IVA, no fee, no CAT) on the same principal and periodic rate.
import loanjs from 'loanjs';
import { generateReferenceSchedule, generateSchedule, parseLoanTerms } from '../src/index.ts';
import { compare, fmt } from './measure.ts';

export const benchTerms = parseLoanTerms({
  principal: '25000.00',
  annualRate: '0.60',
  installments: 52,
  frequency: 'weekly',
  method: 'french',
  interestBasis: 'period',
  disbursementDate: '2025-01-06',
  tax: { rate: '0.16', on: ['interest', 'fees'] },
  fees: [{ name: 'apertura', amount: '500.00', timing: 'financed' }],
});

export function bench(): void {
  const fast = generateSchedule(benchTerms);
  if (JSON.stringify(fast) !== JSON.stringify(generateReferenceSchedule(benchTerms))) throw new Error('fast path and reference disagree');
  // loanjs takes a yearly percent divided by 1200 per period: 60% / 52 per week = (60·12/52) / 1200.
  const financed = 25500;
  const loan = () => loanjs.Loan(financed, 52, (60 * 12) / 52);
  const { ours, reference, theirs } = compare({
    ours: () => generateSchedule(benchTerms),
    reference: () => generateReferenceSchedule(benchTerms),
    theirs: loan,
  });
  console.log(`weekly french, 52 installments, IVA, financed fee (CAT ${fast.cat}%)`);
  console.log(`  engine (fast path, exact)   ${fmt(ours)} schedules/s   target ≥ 20,000`);
  console.log(`  decimal.js reference        ${fmt(reference)} schedules/s   engine is ${(ours / reference).toFixed(1)}×`);
  console.log(`  loanjs 1.1.2 (floats)       ${fmt(theirs)} schedules/s   engine / loanjs = ${(ours / theirs).toFixed(2)} (target ≥ 0.25)`);
}
