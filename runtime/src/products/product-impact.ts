// What publishing the draft would change, before anyone publishes it: the draft and the latest
// published version compiled, the product tests' applicants and the last N stored decisions of
// the product replayed under both (the engine's productImpact), the representative loans' CAT,
// the draft's tests and the warnings its publisher must acknowledge. Reads only.
import type { Lang, LintThresholds } from '@plazo/dsl';
import { productImpact, runProductTests, sampleApplications, type ImpactApplication, type ProductIR } from '@plazo/engine';
import type { Executor } from '../db/database.ts';
import { AppError, NotFoundError } from '../errors.ts';
import { findDraft, findLatestVersion, findProductByCode } from '../repositories/product.repository.ts';
import { compileProductSource } from './product-compiler.ts';
import { failingTests, warningsToAcknowledge } from './publication-gates.ts';

/** Stored decisions replayed when the caller does not say; at most MAX_IMPACT_DECISIONS. */
export const DEFAULT_IMPACT_DECISIONS = 200;
export const MAX_IMPACT_DECISIONS = 2000;

/** The application and date of the product's last `limit` stored decisions (any version), newest first. */
async function lastDecisions(db: Executor, productId: string, limit: number): Promise<ImpactApplication[]> {
  if (limit === 0) return [];
  const rows = await db
    .selectFrom('decisions as d')
    .innerJoin('product_versions as v', 'v.id', 'd.product_version_id')
    .where('v.product_id', '=', productId)
    .select(['d.id', 'd.application', 'd.decided_on'])
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, source: 'decision', application: r.application, asOf: r.decided_on }));
}

/**
 * The impact report of publishing `code`'s draft. 404 without the product or its draft; 422
 * `draft-has-errors` (with diagnostics) when the draft does not compile. Without a published
 * version there is nothing to compare: `published` and `impact` are null, tests and warnings are
 * still there.
 */
export async function draftImpact(db: Executor, code: string, options: { decisions: number; asOf: string; lints?: Partial<LintThresholds> | undefined; lang?: Lang }) {
  const product = await findProductByCode(db, code);
  if (!product) throw new NotFoundError('product', code);
  const [draft, latest] = await Promise.all([findDraft(db, product.id), findLatestVersion(db, product.id)]);
  if (!draft) throw new NotFoundError('draft of product', code);
  const { ir, diagnostics } = await compileProductSource(draft.source, options.lints, options.lang);
  if (!ir) throw new AppError(422, 'draft-has-errors', 'the draft does not compile', { diagnostics });
  const tests = runProductTests(ir);
  const { codes, warnings } = warningsToAcknowledge(diagnostics);
  const base = {
    code,
    draft: { revision: draft.revision, irHash: ir.hash },
    published: latest ? { version: latest.version, irHash: latest.ir_hash } : null,
    tests: { passed: tests.passed, failed: tests.failed, total: tests.results.length, failing: failingTests(tests) },
    warnings: { codes, warnings },
  };
  if (!latest) return { ...base, impact: null };
  const published = latest.ir as unknown as ProductIR;
  const decisions = await lastDecisions(db, product.id, options.decisions);
  const samples = sampleApplications(published, ir);
  const report = productImpact(published, ir, [...samples, ...decisions], { disbursementDate: options.asOf });
  const rows = (source: ImpactApplication['source']) => report.applications.filter((r) => r.source === source);
  return {
    ...base,
    impact: {
      asOf: options.asOf,
      samples: { summary: report.bySource.sample, applications: rows('sample') },
      decisions: { requested: options.decisions, summary: report.bySource.decision, changed: rows('decision').filter((r) => r.changed) },
      schedules: report.schedules,
    },
  };
}
