// The tests panel's view of the engine's test report: each test green or red with expected vs
// actual, where it is in the text, and what no test covers (with where that is). Plain data for
// the worker → page message (no decision traces).
import type { TestCoverage, TestReport, TestStatus } from '@plazo/engine';
import type { SourceLocation, SourceLocations } from './locations.ts';

export interface TestLine {
  readonly index: number;
  readonly name: string;
  readonly status: TestStatus;
  readonly location: SourceLocation | null;
  readonly expectations: readonly { readonly passed: boolean; readonly expected: string; readonly actual: string; readonly note?: string }[];
  readonly errors: readonly { readonly path: string; readonly message: string }[];
}

export interface CoverageLine {
  readonly section: keyof TestCoverage;
  readonly id: string;
  readonly label: string;
  readonly location: SourceLocation | null;
}

export interface TestsSummary {
  readonly passed: number;
  readonly failed: number;
  readonly tests: readonly TestLine[];
  readonly coverage: { readonly [K in keyof TestCoverage]: { readonly total: number; readonly covered: number } };
  readonly uncovered: readonly CoverageLine[];
}

const SECTIONS: readonly (keyof TestCoverage)[] = ['eligibility', 'bins', 'bands'];

/**
 * @example summarizeTests(runProductTests(ir), sourceLocations(parse(text).file)).tests[0].location // { line: 149, column: 3 }
 */
export function summarizeTests(report: TestReport, locations: SourceLocations): TestsSummary {
  return {
    passed: report.passed,
    failed: report.failed,
    tests: report.results.map((r) => ({
      index: r.index,
      name: r.name,
      status: r.status,
      location: locations.tests[r.index] ? { line: locations.tests[r.index]!.line, column: locations.tests[r.index]!.column } : null,
      expectations: r.expectations.map((e) => ({ passed: e.passed, expected: e.expected, actual: e.actual, ...(e.note ? { note: e.note } : {}) })),
      errors: r.errors.map((e) => ({ path: e.path, message: e.message })),
    })),
    coverage: {
      eligibility: { total: report.coverage.eligibility.total, covered: report.coverage.eligibility.covered },
      bins: { total: report.coverage.bins.total, covered: report.coverage.bins.covered },
      bands: { total: report.coverage.bands.total, covered: report.coverage.bands.covered },
    },
    uncovered: SECTIONS.flatMap((section) =>
      report.coverage[section].uncovered.map((u) => ({ section, id: u.id, label: u.label, location: locations.items[u.id] ?? null })),
    ),
  };
}
