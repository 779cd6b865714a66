// What changes between two versions of a product beyond the text: the decisions of the product's
// own test applicants under each version (who flips), and the preview loan (CAT, installment,
// total) before and after. Pure; runs in the worker.
import { decide, InvalidInputError, regularInstallment, type DecisionOutcome, type ProductIR } from '@plazo/engine';
import { previewLimits, resolveRequest, type PreviewChoice } from '../preview/controls.ts';
import { computePreview } from '../preview/preview.ts';

export interface DecisionSide {
  readonly outcome: DecisionOutcome | 'invalid';
  readonly band: string | null;
  readonly score: string | null;
  readonly offer: string | null;
  readonly reasons: readonly string[];
}

export interface DecisionFlip {
  /** The test the applicant comes from. */
  readonly name: string;
  readonly before: DecisionSide;
  readonly after: DecisionSide;
  /** The outcome, band or offered amount differs. */
  readonly changed: boolean;
}

export interface ScheduleSide {
  readonly cat: string;
  readonly installment: string;
  readonly totalToPay: string;
  readonly annualRate: string;
}

export interface VersionComparison {
  readonly decisions: readonly DecisionFlip[];
  readonly changedDecisions: number;
  readonly schedule: { readonly amount: string; readonly payments: number; readonly before: ScheduleSide | null; readonly after: ScheduleSide | null };
}

function side(ir: ProductIR, given: unknown, asOf: string): DecisionSide {
  try {
    const d = decide(ir, given, asOf);
    return { outcome: d.outcome, band: d.band, score: d.score?.total ?? null, offer: d.offer?.amount ?? null, reasons: d.reasons.map((r) => r.code) };
  } catch (e) {
    if (!(e instanceof InvalidInputError)) throw e;
    return { outcome: 'invalid', band: null, score: null, offer: null, reasons: e.issues.map((i) => i.path) };
  }
}

function scheduleSide(ir: ProductIR, choice: PreviewChoice): ScheduleSide | null {
  const request = resolveRequest(previewLimits(ir), choice);
  if (!request) return null;
  const outcome = computePreview(ir, request);
  if (!outcome.ok) return null;
  const s = outcome.preview.schedule;
  return { cat: s.cat, installment: regularInstallment(s), totalToPay: s.totalToPay, annualRate: outcome.preview.annualRate };
}

/**
 * Runs the test applicants of both versions (by test name; the newer version's applicant when both
 * have the test) under `before` and `after`, and the same preview loan under both.
 * @example compareVersions(v1.ir, v2.ir, { disbursementDate: '2025-03-03' }).changedDecisions // 1
 */
export function compareVersions(before: ProductIR, after: ProductIR, choice: PreviewChoice): VersionComparison {
  const tests = new Map<string, { given: unknown; asOf: string }>();
  for (const ir of [before, after]) for (const t of ir.tests) tests.set(t.name, { given: t.given, asOf: t.asOf ?? t.disburseOn ?? '2025-01-01' });
  const decisions = [...tests.entries()].map(([name, t]) => {
    const b = side(before, t.given, t.asOf);
    const a = side(after, t.given, t.asOf);
    return { name, before: b, after: a, changed: b.outcome !== a.outcome || b.band !== a.band || b.offer !== a.offer };
  });
  // Without a loan chosen, the first test applicant's request (a loan the product is written for).
  const given = after.tests[0]?.given ?? {};
  const amount = choice.amount ?? (typeof given['request.amount'] === 'string' ? given['request.amount'] : undefined);
  const payments = choice.payments ?? (typeof given['request.payments'] === 'string' ? Number(given['request.payments']) : undefined);
  const request = resolveRequest(previewLimits(before), { ...choice, ...(amount !== undefined ? { amount } : {}), ...(payments !== undefined ? { payments } : {}) });
  const common: PreviewChoice = request ? { ...choice, amount: request.amount, payments: request.payments } : choice;
  return {
    decisions,
    changedDecisions: decisions.filter((d) => d.changed).length,
    schedule: { amount: request?.amount ?? '', payments: request?.payments ?? 0, before: scheduleSide(before, common), after: scheduleSide(after, common) },
  };
}
