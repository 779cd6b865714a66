// `plazo test FILE... [--coverage] [--json]`: runs the tests written inside product files — ✓/✗ per
// test with expected vs actual and the decision's rule trace, a summary line, exit 1 on any failure.
import { compileText, formatDiagnostic, parse, type TestDecl } from '@plazo/dsl';
import { runProductTests, type TestCoverage, type TestReport, type TestResult, type TraceEntry } from '@plazo/engine';
import { parseCommandArgs, printJson, readTextInput, shownDiagnostic, UsageError, type CliCommand, type CliIo } from '../command.ts';
import { lintConfigFor } from '../../products/lint-config.ts';

interface FileRun {
  readonly file: string;
  /** Null when the file did not compile (its diagnostics went to stderr). */
  readonly report: TestReport | null;
  /** 1-based line and column of each test's declaration, by test index. */
  readonly positions: readonly ({ line: number; column: number } | undefined)[];
}

/** Where each `test` declaration starts, in source order (the IR keeps the same order, without positions). */
function testPositions(text: string): { line: number; column: number }[] {
  const sections = parse(text).file.product?.sections ?? [];
  return sections
    .filter((s): s is TestDecl => s.kind === 'TestDecl')
    .map((t) => ({ line: t.range.start.line + 1, column: t.range.start.column + 1 }));
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** One trace entry on one line: `eligibility[0] EDAD  applicant.age=75 → true`. */
export function formatTraceEntry(t: TraceEntry): string {
  const inputs = Object.entries(t.inputs).map(([k, v]) => `${k}=${show(v)}`).join(', ');
  return `${t.step === 'characteristic' ? `score ${t.id}` : t.id}${inputs ? `  ${inputs}` : ''} → ${show(t.result)}`;
}

function failureDetail(r: TestResult): string[] {
  const out: string[] = [];
  for (const e of r.errors) out.push(`error: ${e.path}: ${e.message}`);
  for (const e of r.expectations) {
    if (e.passed) continue;
    out.push(`expected ${e.expected}, got ${e.actual}${e.note ? ` (${e.note})` : ''}`);
  }
  const d = r.decision;
  if (d) {
    const reasons = d.reasons.map((x) => x.code).join(', ');
    out.push(`decision on ${d.asOf}: ${d.outcome}${reasons ? ` (${reasons})` : ''}, score ${d.score?.total ?? 'none'}, band ${d.band ?? 'none'}${d.offer ? `, ${d.offer.kind} ${d.offer.amount}` : ''}`);
    out.push('trace:');
    for (const t of d.trace) out.push(`  ${formatTraceEntry(t)}`);
  }
  return out;
}

function coverageLines(c: TestCoverage): string[] {
  const out: string[] = [];
  for (const [title, s] of [['eligibility rules', c.eligibility], ['scorecard bins', c.bins], ['bands', c.bands]] as const) {
    out.push(`  ${title}: ${s.covered}/${s.total} exercised${s.uncovered.length > 0 ? '; never exercised:' : ''}`);
    for (const u of s.uncovered) out.push(`    ${u.id}  (${u.label})`);
  }
  return out;
}

function printText(io: CliIo, runs: readonly FileRun[], coverage: boolean): void {
  for (const run of runs) {
    if (!run.report) continue;
    const r = run.report;
    io.stdout(`${run.file} — ${r.product.code}, ${r.results.length} test${r.results.length === 1 ? '' : 's'}\n`);
    for (const t of r.results) {
      const at = run.positions[t.index];
      const where = at ? `${run.file}:${at.line}:${at.column}` : run.file;
      if (t.status === 'passed') {
        io.stdout(`  ✓ ${t.name}\n`);
        continue;
      }
      io.stdout(`  ✗ ${t.name}  (${where})\n`);
      for (const line of failureDetail(t)) io.stdout(`      ${line}\n`);
    }
    if (coverage) {
      io.stdout('  coverage:\n');
      for (const line of coverageLines(r.coverage)) io.stdout(`  ${line}\n`);
    }
  }
}

function jsonResult(run: FileRun, t: TestResult) {
  const at = run.positions[t.index];
  return {
    name: t.name,
    status: t.status,
    ...(at ? { line: at.line, column: at.column } : {}),
    asOf: t.asOf,
    expectations: t.expectations,
    errors: t.errors,
    // The whole decision only where it explains a failure.
    ...(t.status !== 'passed' && t.decision ? { decision: t.decision } : {}),
  };
}

export const command: CliCommand = {
  name: 'test',
  summary: 'Run the tests written inside product files: ✓/✗ per test, expected vs actual and the rule trace; exit 1 on any failure.',
  usage: 'plazo test [--coverage] [--json] FILE...',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs(args, { coverage: { type: 'boolean' }, json: { type: 'boolean' } }, true);
    if (positionals.length === 0) throw new UsageError('missing FILE');
    const runs: FileRun[] = [];
    for (const file of positionals) {
      const text = await readTextInput(file, io);
      const shown = file === '-' ? '<stdin>' : file;
      const { ir, diagnostics } = compileText(text, { lints: await lintConfigFor(file, io.cwd, io.lang) });
      if (!ir) {
        for (const d of diagnostics) if (d.severity === 'error') io.stderr(formatDiagnostic(shown, shownDiagnostic(io, d)) + '\n');
        runs.push({ file: shown, report: null, positions: [] });
        continue;
      }
      runs.push({ file: shown, report: runProductTests(ir), positions: testPositions(text) });
    }
    const passed = runs.reduce((n, r) => n + (r.report?.passed ?? 0), 0);
    const failed = runs.reduce((n, r) => n + (r.report?.failed ?? 0), 0);
    const uncompiled = runs.filter((r) => !r.report).length;
    const summary = `${passed} passed, ${failed} failed${uncompiled > 0 ? `, ${uncompiled} file${uncompiled === 1 ? '' : 's'} did not compile` : ''}`;
    if (values.json) {
      printJson(io, {
        files: runs.map((run) =>
          run.report
            ? { file: run.file, product: run.report.product, passed: run.report.passed, failed: run.report.failed, tests: run.report.results.map((t) => jsonResult(run, t)), coverage: run.report.coverage }
            : { file: run.file, compiled: false },
        ),
        passed,
        failed,
        uncompiled,
      });
    } else {
      printText(io, runs, values.coverage === true);
      io.stdout(`${summary}\n`);
    }
    return failed > 0 || uncompiled > 0 ? 1 : 0;
  },
};
