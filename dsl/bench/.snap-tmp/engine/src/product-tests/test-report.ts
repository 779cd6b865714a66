// The result of running a product's in-language tests: one entry per test with each expectation
// checked (expected vs actual), the decision it was checked against, and what no test exercised.
import type { Decision } from '../decision/decision.ts';
import type { FieldIssue } from '../errors.ts';
import type { IsoDate, TestExpectation } from '../ir/product-ir.ts';

/** One expectation compared: `expected` and `actual` as the test would write them. */
export interface ExpectationResult {
  readonly expectation: TestExpectation;
  readonly passed: boolean;
  /** What the test says, rendered: `band A`, `installment 2969.71`, `on 2025-02-10 dpd 10`. */
  readonly expected: string;
  /** What the engine gave, in the same words: `band B`, `no offer (decline)`. */
  readonly actual: string;
  /** Why the comparison is what it is, when it is not obvious (which installment was compared). */
  readonly note?: string;
}

/**
 * passed: every expectation held. failed: at least one did not. error: the test could not run
 * (its `given` is not a valid application, or the servicing engine rejects the loan of a state
 * expectation).
 */
export type TestStatus = 'passed' | 'failed' | 'error';

export interface TestResult {
  /** Position of the test in `ir.tests` (source order). */
  readonly index: number;
  readonly name: string;
  readonly status: TestStatus;
  /** The decision date used: the test's `today`, else its `disburse` date, else the default. */
  readonly asOf: IsoDate;
  readonly expectations: readonly ExpectationResult[];
  /** Why the test could not run (status `error`), each problem by field path. */
  readonly errors: readonly FieldIssue[];
  /** The decision the expectations were checked against; null when the application was invalid. */
  readonly decision: Decision | null;
}

/** A rule, bin or band of the product that no (successfully run) test reached. */
export interface UncoveredItem {
  /** `eligibility[1] CODEUDOR`, `account.checking_status#2`, `band B`, `band otherwise`. */
  readonly id: string;
  /** A readable form: the rule's outcome and reason, the bin's condition and points. */
  readonly label: string;
}

/** What the tests exercise: a rule when it fires, a bin when a score falls in it, a band when reached. */
export interface CoverageSection {
  readonly total: number;
  readonly covered: number;
  readonly uncovered: readonly UncoveredItem[];
}

export interface TestCoverage {
  readonly eligibility: CoverageSection;
  readonly bins: CoverageSection;
  /** The product's bands plus `otherwise` (a score below the lowest band) when the scorecard has one. */
  readonly bands: CoverageSection;
}

export interface TestReport {
  readonly product: { readonly code: string; readonly name: string; readonly hash: string };
  readonly results: readonly TestResult[];
  readonly passed: number;
  /** Tests with status `failed` or `error`. */
  readonly failed: number;
  readonly coverage: TestCoverage;
}
