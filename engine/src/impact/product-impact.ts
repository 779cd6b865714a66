// What changes for people when a product moves from one version to another: every application
// replayed under both (who flips, whose amount, rate or CAT moves), summarized, and the
// representative loans' schedules before and after. Pure; both versions compiled once.
import { compileDecisionProgram } from '../decision/decision-program.ts';
import type { IsoDate, ProductIR } from '../ir/product-ir.ts';
import { DEFAULT_TEST_DATE } from '../product-tests/run-product-tests.ts';
import type { ImpactApplication, ImpactReport } from './impact-report.ts';
import { compareSchedules, representativeLoans } from './representative-loans.ts';
import { replayApplication } from './replay-application.ts';
import { summarizeImpact } from './summarize-impact.ts';

export interface ImpactOptions {
  /** Disbursement date of the representative loans. */
  readonly disbursementDate: IsoDate;
}

/**
 * The product tests' applicants of both versions, by test name (the later version's when both have
 * the test), on each test's date: the sample applications every impact report replays.
 * @example sampleApplications(published, draft).map((a) => a.id) // ['aprobado banda A', …]
 */
export function sampleApplications(before: ProductIR, after: ProductIR): ImpactApplication[] {
  const byName = new Map<string, ImpactApplication>();
  for (const ir of [before, after]) {
    for (const t of ir.tests) byName.set(t.name, { id: t.name, source: 'sample', application: t.given, asOf: t.asOf ?? t.disburseOn ?? DEFAULT_TEST_DATE });
  }
  return [...byName.values()];
}

/**
 * Replays `applications` under `before` and `after` and compares the representative loans.
 * @example productImpact(published, draft, sampleApplications(published, draft), { disbursementDate: '2025-03-03' }).summary.flips
 */
export function productImpact(before: ProductIR, after: ProductIR, applications: readonly ImpactApplication[], options: ImpactOptions): ImpactReport {
  const programBefore = compileDecisionProgram(before);
  const programAfter = compileDecisionProgram(after);
  const rows = applications.map((app) => replayApplication(programBefore, programAfter, app));
  return {
    applications: rows,
    summary: summarizeImpact(rows),
    bySource: { sample: summarizeImpact(rows.filter((r) => r.source === 'sample')), decision: summarizeImpact(rows.filter((r) => r.source === 'decision')) },
    schedules: compareSchedules(before, after, representativeLoans(before, after), options.disbursementDate),
  };
}
