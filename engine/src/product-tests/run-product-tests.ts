// Runs the tests written inside a product (`test "..." { given ...; expect ... }`): each test's
// application is decided on its date and every expectation compared; plus what no test exercises.
import { compileDecisionProgram } from '../decision/decision-program.ts';
import { decideWith } from '../decision/decide.ts';
import type { Decision } from '../decision/decision.ts';
import { InvalidInputError, type FieldIssue } from '../errors.ts';
import type { IsoDate, ProductIR, ProductTest } from '../ir/product-ir.ts';
import { checkDecisionExpectation } from './check-decision-expectation.ts';
import { checkBooksExpectation } from './check-books-expectation.ts';
import { checkStateExpectation } from './check-state-expectation.ts';
import type { ExpectationResult, TestReport, TestResult } from './test-report.ts';
import { testCoverage } from './test-coverage.ts';

/** The decision date of a test that names neither `today` nor `disburse` (product-ir.ts). */
export const DEFAULT_TEST_DATE: IsoDate = '2025-01-01';

export interface ProductTestOptions {
  /** Decision date for tests without `today` or `disburse`; default {@link DEFAULT_TEST_DATE}. */
  readonly defaultAsOf?: IsoDate;
}

function runOne(program: ReturnType<typeof compileDecisionProgram>, test: ProductTest, index: number, defaultAsOf: IsoDate): TestResult {
  const asOf = test.asOf ?? test.disburseOn ?? defaultAsOf;
  const base = { index, name: test.name, asOf };
  let decision: Decision;
  try {
    // `given` holds dotted input paths, which validateApplication reads as they are.
    decision = decideWith(program, test.given, asOf);
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    const errors = error.issues.map((i): FieldIssue => Object.freeze({ path: i.path ? `given ${i.path}` : 'given', message: i.message }));
    return Object.freeze({ ...base, status: 'error', expectations: Object.freeze([]), errors: Object.freeze(errors), decision: null });
  }
  const expectations: ExpectationResult[] = [];
  const errors: FieldIssue[] = [];
  test.expect.forEach((e, i) => {
    if (e.kind !== 'state' && e.kind !== 'books') {
      expectations.push(checkDecisionExpectation(e, decision));
      return;
    }
    const checked = e.kind === 'state' ? checkStateExpectation(program.ir, test, e, decision) : checkBooksExpectation(program.ir, test, e, decision);
    if ('error' in checked) errors.push(Object.freeze({ path: `expect[${i}] on ${e.on}`, message: checked.error }));
    else expectations.push(checked.result);
  });
  const status = errors.length > 0 ? 'error' : expectations.every((e) => e.passed) ? 'passed' : 'failed';
  return Object.freeze({ ...base, status, expectations: Object.freeze(expectations), errors: Object.freeze(errors), decision });
}

/**
 * Runs every test of a compiled product, in source order. A test's decision date is its `today`,
 * else its `disburse` date, else `options.defaultAsOf` (2025-01-01). A test whose `given` is not
 * a valid application is an `error` (each field issue listed), never a pass; so is a loan-state
 * expectation whose loan the servicing engine rejects. Pure and deterministic; the report is frozen.
 * @example
 * const report = runProductTests(compileText(text).ir!);
 * report.failed // 0
 * report.results[0].expectations[0] // { passed: true, expected: 'approve', actual: 'approve', ... }
 */
export function runProductTests(ir: ProductIR, options: ProductTestOptions = {}): TestReport {
  const program = compileDecisionProgram(ir);
  const defaultAsOf = options.defaultAsOf ?? DEFAULT_TEST_DATE;
  const results = ir.tests.map((test, i) => runOne(program, test, i, defaultAsOf));
  const passed = results.filter((r) => r.status === 'passed').length;
  const decisions = results.flatMap((r) => (r.decision ? [r.decision] : []));
  return Object.freeze({
    product: Object.freeze({ code: ir.code, name: ir.name, hash: ir.hash }),
    results: Object.freeze(results),
    passed,
    failed: results.length - passed,
    coverage: testCoverage(ir, decisions),
  });
}
