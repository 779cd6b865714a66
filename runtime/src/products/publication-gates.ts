// What a compiled draft must pass before it is published, beyond compiling: every in-product test
// passes (422 `tests-failing`), and its warnings — the Banxico late fee with moratorium, a fee
// without IVA… — are acknowledged by the publisher with a reason, for exactly the set of warning
// codes the draft has now (422 `warnings-not-acknowledged`; 409 `warnings-changed` when the set
// moved since the publisher looked).
import { runProductTests, type ProductIR, type TestReport } from '@plazo/engine';
import type { WarningsAcknowledged } from '../db/tables/product-versions.table.ts';
import { AppError, ConflictError } from '../errors.ts';
import type { DiagnosticJson } from './product-compiler.ts';

/** `acknowledgeWarnings` of a publish request: the warning codes seen, and why publish anyway. */
export interface WarningsAcknowledgement {
  readonly codes: readonly string[];
  readonly reason: string;
}

/** A test that did not pass, as the 422 names it. */
export interface FailingTest {
  readonly index: number;
  readonly name: string;
  readonly status: 'failed' | 'error';
  /** The expectations that did not hold, in the test's words. */
  readonly failures: readonly { readonly expected: string; readonly actual: string; readonly note?: string }[];
  /** Why it could not run (`given` not a valid application…). */
  readonly errors: readonly { readonly path: string; readonly message: string }[];
}

/** The in-product tests that do not pass (fail, or cannot run), as the 422 and the impact report name them. */
export function failingTests(report: TestReport): FailingTest[] {
  const failing: FailingTest[] = [];
  for (const r of report.results) {
    if (r.status === 'passed') continue;
    failing.push({
      index: r.index,
      name: r.name,
      status: r.status,
      failures: r.expectations.filter((e) => !e.passed).map((e) => ({ expected: e.expected, actual: e.actual, ...(e.note === undefined ? {} : { note: e.note }) })),
      errors: r.errors.map((e) => ({ path: e.path, message: e.message })),
    });
  }
  return failing;
}

/** Throws 422 `tests-failing` when any in-product test fails or cannot run. */
export function assertTestsPass(ir: ProductIR): void {
  const report = runProductTests(ir);
  const failing = failingTests(report);
  if (failing.length === 0) return;
  const names = failing.map((t) => `"${t.name}"`).join(', ');
  throw new AppError(422, 'tests-failing', `${failing.length} of ${report.results.length} product tests do not pass: ${names}`, {
    passed: report.passed,
    failed: report.failed,
    tests: failing,
  });
}

const distinctSorted = (codes: Iterable<string>): string[] => [...new Set(codes)].sort();

/** The draft's warnings a publisher must acknowledge, and their distinct codes (sorted): what `acknowledgeWarnings.codes` must be. */
export function warningsToAcknowledge(diagnostics: readonly DiagnosticJson[]): { codes: string[]; warnings: DiagnosticJson[] } {
  const warnings = diagnostics.filter((d) => d.severity === 'warning');
  return { codes: distinctSorted(warnings.map((w) => w.code)), warnings };
}

/**
 * What the version records of the draft's warnings: null when it has none (and nothing, or an
 * empty set, was acknowledged). Throws 422 `warnings-not-acknowledged` when it has warnings and
 * the request acknowledges none, 409 `warnings-changed` when the acknowledged codes are not
 * exactly the draft's warning codes now.
 */
export function acknowledgedWarnings(diagnostics: readonly DiagnosticJson[], ack: WarningsAcknowledgement | undefined): WarningsAcknowledged | null {
  const { codes, warnings } = warningsToAcknowledge(diagnostics);
  const details = { codes, warnings: [...warnings] };
  if (!ack) {
    if (codes.length === 0) return null;
    throw new AppError(422, 'warnings-not-acknowledged', `the draft has warnings (${codes.join(', ')}): publish with \`acknowledgeWarnings: { codes, reason }\``, details);
  }
  const acknowledged = distinctSorted(ack.codes);
  if (acknowledged.join('\n') !== codes.join('\n')) {
    const missing = codes.filter((c) => !acknowledged.includes(c));
    const gone = acknowledged.filter((c) => !codes.includes(c));
    throw new ConflictError(
      'warnings-changed',
      `the acknowledged warnings are not the draft's: ${[missing.length > 0 ? `not acknowledged ${missing.join(', ')}` : '', gone.length > 0 ? `no longer there ${gone.join(', ')}` : ''].filter(Boolean).join('; ')}`,
      { ...details, acknowledged },
    );
  }
  if (codes.length === 0) return null;
  return { codes, reason: ack.reason, warnings: warnings.map((w) => ({ code: w.code, message: w.message, range: w.range, ...(w.id === undefined ? {} : { id: w.id, args: w.args ?? {} }) })) };
}
