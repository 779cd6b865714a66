// Loan-state expectations of a product test (`disburse D`, `pay N on D`, `expect on DATE dpd N
// stage S outstanding N late fees N moratorium N`): the offer is disbursed, the payments applied
// as events, and the engine's loanState on the date compared with what the test says.
import { Dec } from '../decimal.ts';
import type { Decision } from '../decision/decision.ts';
import { loanTermsFor } from '../decision/loan-terms-for.ts';
import { InvalidInputError } from '../errors.ts';
import type { ProductIR, ProductTest, TestExpectation } from '../ir/product-ir.ts';
import type { LoanTerms } from '../loan-terms/loan-terms.ts';
import { loanState } from '../servicing/compute-loan-state.ts';
import type { LoanEvent } from '../servicing/loan-event.ts';
import type { ExpectationResult } from './test-report.ts';

export type StateExpectation = Extract<TestExpectation, { kind: 'state' }>;

/** The expectation checked, or why it cannot be evaluated. */
export type StateCheck = { readonly result: ExpectationResult } | { readonly error: string };

/** The terms of the loan a test opens: the offer's, re-dated when the test disburses on another day. */
function termsFor(ir: ProductIR, test: ProductTest, decision: Decision): LoanTerms {
  const offer = decision.offer!;
  const on = test.disburseOn ?? decision.asOf;
  if (on === offer.terms.disbursementDate) return offer.terms;
  return loanTermsFor(ir, { amount: offer.amount, payments: offer.payments, frequency: offer.frequency }, decision.band, on);
}

/**
 * The loan a test opens, as servicing input: the terms of the decision's offer (it must have one)
 * disbursed on the test's `disburse` date, and its events — the disbursement, then the test's
 * payments as `p1`, `p2`… in order. Shared by the loan-state and the books expectations.
 */
export function testLoan(ir: ProductIR, test: ProductTest, decision: Decision): { readonly terms: LoanTerms; readonly events: LoanEvent[] } {
  const terms = termsFor(ir, test, decision);
  const events: LoanEvent[] = [
    { kind: 'disbursement', date: terms.disbursementDate },
    ...test.payments.map((p, i): LoanEvent => ({ kind: 'payment', id: `p${i + 1}`, date: p.date, amount: p.amount })),
  ];
  return { terms, events };
}

/**
 * Checks a loan-state expectation. The loan is the decision's offer (requested or counteroffer)
 * disbursed on the test's `disburse` date (default: the decision date; other dates re-derive the
 * terms with loanTermsFor for that day), with the test's payments as payment events `p1`, `p2`…
 * in order; loanState on `on` gives: `dpd` daysPastDue; `stage` the collection stage (`none`
 * when there is none); `outstanding` the total the schedule still owes (`outstanding.total`:
 * every installment's unpaid principal, interest, fees, IVA and penalties, future ones included —
 * not the payoff amount); `late fees` and `moratorium` the penalties charged to date without
 * their IVA (`penaltiesCharged`). A decision without an offer fails the expectation; events the
 * servicing engine rejects are an error.
 */
export function checkStateExpectation(ir: ProductIR, test: ProductTest, expectation: StateExpectation, decision: Decision): StateCheck {
  const expected = [`on ${expectation.on}`];
  if (expectation.dpd !== undefined) expected.push(`dpd ${expectation.dpd}`);
  if (expectation.stage !== undefined) expected.push(`stage ${expectation.stage}`);
  if (expectation.outstanding !== undefined) expected.push(`outstanding ${expectation.outstanding}`);
  if (expectation.lateFees !== undefined) expected.push(`late fees ${expectation.lateFees}`);
  if (expectation.moratorium !== undefined) expected.push(`moratorium ${expectation.moratorium}`);
  const wanted = expected.join(' ');
  if (!decision.offer) {
    return { result: Object.freeze({ expectation, passed: false, expected: wanted, actual: `no loan to service: no offer (${decision.outcome})` }) };
  }
  let state;
  try {
    const { terms, events } = testLoan(ir, test, decision);
    state = loanState(ir, terms, events, expectation.on);
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    return { error: `the loan cannot be serviced: ${error.message}` };
  }
  const actual = [`on ${expectation.on}`];
  let passed = true;
  const same = (a: string, b: string) => new Dec(a).eq(b);
  if (expectation.dpd !== undefined) {
    actual.push(`dpd ${state.daysPastDue}`);
    passed &&= state.daysPastDue === expectation.dpd;
  }
  if (expectation.stage !== undefined) {
    actual.push(`stage ${state.stage ?? 'none'}`);
    passed &&= (state.stage ?? 'none') === expectation.stage;
  }
  if (expectation.outstanding !== undefined) {
    actual.push(`outstanding ${state.outstanding.total}`);
    passed &&= same(state.outstanding.total, expectation.outstanding);
  }
  if (expectation.lateFees !== undefined) {
    actual.push(`late fees ${state.penaltiesCharged.lateFees}`);
    passed &&= same(state.penaltiesCharged.lateFees, expectation.lateFees);
  }
  if (expectation.moratorium !== undefined) {
    actual.push(`moratorium ${state.penaltiesCharged.moratorium}`);
    passed &&= same(state.penaltiesCharged.moratorium, expectation.moratorium);
  }
  return { result: Object.freeze({ expectation, passed, expected: wanted, actual: actual.join(' ') }) };
}
