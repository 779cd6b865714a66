// Compares one decision expectation of a product test (outcome, reasons, band, score, offer,
// counteroffer, installment, rate, CAT, total) with the decision the engine took.
import { Dec } from '../decimal.ts';
import type { Decision } from '../decision/decision.ts';
import type { TestExpectation } from '../ir/product-ir.ts';
import { generateSchedule } from '../schedule/generate-schedule.ts';
import type { ExpectationResult } from './test-report.ts';
import { regularInstallment } from './regular-installment.ts';

/** Every expectation kind but the loan-state one. */
export type DecisionExpectation = Exclude<TestExpectation, { kind: 'state' | 'books' }>;

function result(expectation: TestExpectation, passed: boolean, expected: string, actual: string, note?: string): ExpectationResult {
  return Object.freeze({ expectation, passed, expected, actual, ...(note !== undefined ? { note } : {}) });
}

/** Numeric equality of decimal strings ("106" = "106.0", "1_169" never reaches here: the compiler normalises). */
function sameNumber(a: string, b: string): boolean {
  return new Dec(a).eq(b);
}

function percent(fraction: string): string {
  return `${new Dec(fraction).times(100).toString()}%`;
}

/** The reason codes as a set: sorted, each once. */
function codeSet(codes: readonly string[]): string[] {
  return [...new Set(codes)].sort();
}

/**
 * Checks one decision expectation. Semantics (engine README, "Tests inside products"):
 * - `outcome`: the decision's outcome; `reasons`: the set of every reason code the decision gave
 *   (eligibility, scorecard `otherwise`, limits, pricing, offer), order and repeats ignored;
 * - `band`: the band (`none` below the lowest); `score`: the total score, numerically;
 * - `offer N`: an offer (requested or counteroffer) of amount N; `counteroffer N`: a counteroffer of N;
 * - `installment N`: the regular installment of the offer's schedule (see regularInstallment);
 * - `rate`: the offer's nominal annual rate (a fraction); `cat`: the offer's CAT at one decimal;
 * - `total`: the offer's total to pay (every installment plus what is paid at signing).
 * Amounts compare numerically at full precision (the engine's figures are at the currency scale).
 */
export function checkDecisionExpectation(expectation: DecisionExpectation, decision: Decision): ExpectationResult {
  const offer = decision.offer;
  const noOffer = `no offer (${decision.outcome})`;
  switch (expectation.kind) {
    case 'outcome':
      return result(expectation, decision.outcome === expectation.outcome, expectation.outcome, decision.outcome);
    case 'reasons': {
      const want = codeSet(expectation.reasons);
      const got = codeSet(decision.reasons.map((r) => r.code));
      const same = want.length === got.length && want.every((c, i) => c === got[i]);
      return result(expectation, same, `reasons ${want.join(', ') || '(none)'}`, `reasons ${got.join(', ') || '(none)'}`);
    }
    case 'band':
      return result(expectation, decision.band === expectation.band, `band ${expectation.band}`, `band ${decision.band ?? 'none'}`);
    case 'score': {
      const total = decision.score?.total;
      return result(expectation, total !== undefined && sameNumber(total, expectation.score), `score ${expectation.score}`, total === undefined ? 'no score (the product has no scorecard)' : `score ${total}`);
    }
    case 'offer-amount':
      if (!offer) return result(expectation, false, `offer ${expectation.amount}`, noOffer);
      return result(expectation, sameNumber(offer.amount, expectation.amount), `offer ${expectation.amount}`, `${offer.kind === 'counteroffer' ? 'counteroffer' : 'offer'} ${offer.amount}`);
    case 'counteroffer':
      if (!offer) return result(expectation, false, `counteroffer ${expectation.amount}`, noOffer);
      return result(
        expectation,
        offer.kind === 'counteroffer' && sameNumber(offer.amount, expectation.amount),
        `counteroffer ${expectation.amount}`,
        offer.kind === 'counteroffer' ? `counteroffer ${offer.amount}` : `offer of the requested ${offer.amount} (no counteroffer)`,
      );
    case 'installment': {
      if (!offer) return result(expectation, false, `installment ${expectation.amount}`, noOffer);
      const regular = regularInstallment(generateSchedule(offer.terms));
      const note = regular === offer.installment ? undefined : `the regular installment; the largest (offer.installment) is ${offer.installment}`;
      return result(expectation, sameNumber(regular, expectation.amount), `installment ${expectation.amount}`, `installment ${regular}`, note);
    }
    case 'rate':
      if (!offer) return result(expectation, false, `rate ${percent(expectation.rate)}`, noOffer);
      return result(expectation, sameNumber(offer.annualRate, expectation.rate), `rate ${percent(expectation.rate)}`, `rate ${percent(offer.annualRate)}`);
    case 'cat':
      if (!offer) return result(expectation, false, `cat ${expectation.cat}%`, noOffer);
      return result(expectation, sameNumber(offer.cat, expectation.cat), `cat ${expectation.cat}%`, `cat ${offer.cat}%`);
    case 'total':
      if (!offer) return result(expectation, false, `total ${expectation.amount}`, noOffer);
      return result(expectation, sameNumber(offer.totalToPay, expectation.amount), `total ${expectation.amount}`, `total ${offer.totalToPay}`);
  }
}
