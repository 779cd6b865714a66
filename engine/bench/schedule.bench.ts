// Schedules per second for a 52-installment weekly french loan with IVA and a financed fee: the
// engine (fast path, CAT included), the straightforward decimal.js reference, and loanjs (floats,
// no IVA, no fee, no CAT) on the same principal and periodic rate. A second comparison cycles
// through 64 different principals for both, since repeating one loan lets V8 reuse number strings.
import loanjs from 'loanjs';
import { generateReferenceSchedule, generateSchedule, parseLoanTerms, type LoanTerms } from '../src/index.ts';
import { compareRates, fmt } from './measure.ts';

const termsFor = (principal: string): LoanTerms =>
  parseLoanTerms({
    principal,
    annualRate: '0.60',
    installments: 52,
    frequency: 'weekly',
    method: 'french',
    interestBasis: 'period',
    disbursementDate: '2025-01-06',
    tax: { rate: '0.16', on: ['interest', 'fees'] },
    fees: [{ name: 'apertura', amount: '500.00', timing: 'financed' }],
  });

export const benchTerms = termsFor('25000.00');

/** 64 principals from 25,000.00 up in steps of 137.31, as terms and as loanjs's financed amount. */
const varied = Array.from({ length: 64 }, (_, i) => {
  const cents = 2_500_000 + i * 13_731;
  return { terms: termsFor((cents / 100).toFixed(2)), financed: (cents + 50_000) / 100 };
});

export function bench(): void {
  const fast = generateSchedule(benchTerms);
  for (const t of [benchTerms, ...varied.map((v) => v.terms)]) {
    if (JSON.stringify(generateSchedule(t)) !== JSON.stringify(generateReferenceSchedule(t))) throw new Error(`fast path and reference disagree on ${t.principal}`);
  }
  // loanjs takes a yearly percent divided by 1200 per period: 60% / 52 per week = (60·12/52) / 1200.
  const financed = 25500;
  const rate = (60 * 12) / 52;
  let i = 0;
  let j = 0;
  const r = compareRates({
    ours: () => generateSchedule(benchTerms),
    reference: () => generateReferenceSchedule(benchTerms),
    theirs: () => loanjs.Loan(financed, 52, rate),
    oursVaried: () => generateSchedule(varied[i++ & 63]!.terms),
    theirsVaried: () => loanjs.Loan(varied[j++ & 63]!.financed, 52, rate),
  });
  const line = (label: string, x: { wall: number; cpu: number }, note: string) =>
    console.log(`  ${label.padEnd(30)}${fmt(x.wall)} /s wall ${fmt(x.cpu)} /s CPU   ${note}`);
  const ratio = (a: { wall: number; cpu: number }, b: { wall: number; cpu: number }) =>
    `wall ${(a.wall / b.wall).toFixed(2)}, CPU ${(a.cpu / b.cpu).toFixed(2)}`;
  console.log(`weekly french, 52 installments, IVA, financed fee (CAT ${fast.cat}%)`);
  console.log('  every engine call plans the dates and computes the CAT; rows are frozen decimal strings; no cache across calls');
  line('engine (fast path, exact)', r.ours, 'target ≥ 20,000');
  line('decimal.js reference', r.reference, `engine is ${(r.ours.wall / r.reference.wall).toFixed(1)}× (wall)`);
  line('loanjs 1.1.2 (floats)', r.theirs, `engine / loanjs: ${ratio(r.ours, r.theirs)} (target ≥ 0.25)`);
  console.log('  64 different principals, round-robin (both sides):');
  line('engine', r.oursVaried, '');
  line('loanjs 1.1.2', r.theirsVaried, `engine / loanjs: ${ratio(r.oursVaried, r.theirsVaried)}`);
}
