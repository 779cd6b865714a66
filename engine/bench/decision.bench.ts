// Full decisions per second in-process for the payroll product: validation, derived values,
// eligibility, scorecard, band, limits, caps, offer schedule and CAT, with the trace.
import { compileDecisionProgram, decide, decideWith } from '../src/index.ts';
import { goodApplicant, payrollProduct } from '../test/decision/payroll-product.ts';
import { compareRates, fmt } from './measure.ts';

const AS_OF = '2025-01-06';
const counteroffer = { ...goodApplicant, request: { amount: '150000', payments: 24 } };
const declined = { ...goodApplicant, applicant: { age: 71, net_income: '24000' } };

export function bench(): void {
  const program = compileDecisionProgram(payrollProduct);
  const approved = decide(payrollProduct, goodApplicant, AS_OF);
  const counter = decide(payrollProduct, counteroffer, AS_OF);
  if (approved.offer?.kind !== 'requested' || counter.offer?.kind !== 'counteroffer' || decide(payrollProduct, declined, AS_OF).outcome !== 'decline') {
    throw new Error('bench applications no longer decide as expected');
  }
  const r = compareRates({
    approve: () => decideWith(program, goodApplicant, AS_OF),
    counteroffer: () => decideWith(program, counteroffer, AS_OF),
    decline: () => decideWith(program, declined, AS_OF),
    compile: () => compileDecisionProgram(payrollProduct),
  });
  console.log(`payroll product, 24 semimonthly payments, rate by band, financed fee with IVA (offer CAT ${approved.offer.cat}%)`);
  console.log(`  approve with offer (1 schedule + CAT)        ${fmt(r.approve.wall)} decisions/s  ${fmt(r.approve.cpu)} per CPU-s   target ≥ 5,000`);
  console.log(`  counteroffer ${counter.offer.amount.padStart(6)} (search on the step grid)  ${fmt(r.counteroffer.wall)} decisions/s  ${fmt(r.counteroffer.cpu)} per CPU-s`);
  console.log(`  decline (eligibility, no offer)              ${fmt(r.decline.wall)} decisions/s  ${fmt(r.decline.cpu)} per CPU-s`);
  console.log(`  compile the product's expressions            ${fmt(r.compile.wall)} compiles/s    ${fmt(r.compile.cpu)} per CPU-s`);
}
