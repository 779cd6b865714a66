// The payment limit on random products, loans and histories (payments, reversals, fees,
// restructures, write-offs, day closes; fast-check, fixed seed): a history is built event by event
// as the runtime records it — an event the engine refuses is not recorded — and after every
// recorded event nothing owed is negative, the credit beyond what is owed stays within the
// product's overpayment tolerance, and recoveries never exceed what was written off. A refused
// payment names the most the loan takes, and exactly that is taken.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, InvalidInputError, loanState, OverpaymentError, type ComponentAmounts, type LoanEvent, type LoanState } from '../../src/index.ts';
import { scenarioArb } from './scenarios.ts';

const TOLERANCES = [undefined, '0', '0.5', '25', '1000'] as const;

function expectNotNegative(amounts: ComponentAmounts, what: string): void {
  for (const [part, value] of Object.entries(amounts)) expect(new Dec(value).isNegative(), `${what}.${part} = ${value}`).toBe(false);
}

/** Nothing owed below zero; credit beyond what is owed within the tolerance; recoveries within the write-off. */
function expectWithinWhatIsOwed(state: LoanState, tolerance: Dec): void {
  expectNotNegative(state.outstanding, 'outstanding');
  expectNotNegative(state.paid, 'paid');
  for (const inst of state.installments) {
    expectNotNegative(inst.due, `installments[${inst.number}].due`);
    expectNotNegative(inst.outstanding, `installments[${inst.number}].outstanding`);
  }
  expect(new Dec(state.payoff.total).isNegative()).toBe(false);
  const credit = new Dec(state.creditBalance);
  expect(credit.isNegative()).toBe(false);
  // The payoff applies the credit up to what settles the loan: the rest is owed to no one.
  expect(credit.minus(state.payoff.creditApplied).lte(tolerance), `credit ${state.creditBalance}, applied ${state.payoff.creditApplied}, tolerance ${tolerance}`).toBe(true);
  if (state.writtenOff) {
    const recovered = state.allocations
      .filter((a) => a.paymentId !== 'credit' && a.date >= state.writtenOff!.date)
      .reduce((sum, a) => sum.plus(a.amount).minus(a.toCredit), new Dec(0));
    // Fees charged after the write-off (the runtime records none) are owed on top of it.
    const chargedSince = state.journal
      .filter((e): e is Extract<typeof e, { kind: 'fee-charged' }> => e.kind === 'fee-charged' && e.date >= state.writtenOff!.date)
      .reduce((sum, e) => sum.plus(e.amount).plus(e.iva), new Dec(0));
    expect(recovered.lte(chargedSince.plus(state.writtenOff.amount)), `recovered ${recovered} of ${state.writtenOff.amount} written off`).toBe(true);
  }
}

function attempt(run: () => LoanState): LoanState | Error {
  try {
    return run();
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
}

describe('the payment limit', () => {
  it('no sequence of events makes anything owed negative or leaves more credit than the tolerance', () => {
    let refused = 0;
    let takenAtMaximum = 0;
    fc.assert(
      fc.property(scenarioArb, fc.constantFrom(...TOLERANCES), ({ ir: generous, terms, events, asOf }, written) => {
        const { overpaymentTolerance: _, ...rest } = generous;
        const ir = written === undefined ? rest : { ...rest, overpaymentTolerance: written };
        const tolerance = new Dec(written ?? '0');
        const recorded: LoanEvent[] = [events[0]!];
        for (const event of events.slice(1)) {
          if (event.kind === 'day-close') {
            recorded.push(event); // moves no money
            continue;
          }
          const state = attempt(() => loanState(ir, terms, [...recorded, event], event.date));
          if (state instanceof OverpaymentError) {
            refused++;
            const payment = event as Extract<LoanEvent, { kind: 'payment' }>;
            expect(new Dec(payment.amount).gt(state.maximum)).toBe(true);
            expect(new Dec(state.maximum).minus(state.payoff).lte(tolerance)).toBe(true);
            expect(state.issues).toEqual([{ path: `events[${recorded.length}].amount`, message: expect.stringContaining(state.maximum) }]);
            // Exactly the maximum is taken (when there is any room at all).
            if (new Dec(state.maximum).gt(0)) {
              const exact = { ...payment, id: `${payment.id}-max`, amount: state.maximum };
              const taken = loanState(ir, terms, [...recorded, exact], event.date);
              expectWithinWhatIsOwed(taken, tolerance);
              recorded.push(exact);
              takenAtMaximum++;
            }
            continue;
          }
          if (state instanceof Error) continue; // refused for another reason (e.g. a restructure of a paid-off loan): not recorded
          expectWithinWhatIsOwed(state, tolerance);
          recorded.push(event);
        }
        const last = recorded.at(-1)!.date;
        expectWithinWhatIsOwed(loanState(ir, terms, recorded, asOf > last ? asOf : last), tolerance);
      }),
      { numRuns: 150, seed: 41 },
    );
    // The generator does reach the limit, and the payments right at it.
    expect(refused).toBeGreaterThan(50);
    expect(takenAtMaximum).toBeGreaterThan(20);
  });
});
