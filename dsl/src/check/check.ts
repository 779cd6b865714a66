// The checker: every semantic rule of the Plazo language over a (possibly partial) AST, as
// diagnostics in source order. Names and types first (inputs, then lets in order), then each
// section with its own small check.
import type { UnhashedProductIR } from '@plazo/engine';
import type { CollectionSection, FeeDecl, LimitsSection, PenaltiesSection, PricingSection, ProductDecl, ProductFile, RuleDecl, TestDecl } from '../ast/nodes.ts';
import { productIR } from '../compile/product-ir.ts';
import type { Accept, Diagnostic } from '../diagnostic.ts';
import { checkAllocation } from './check-allocation.ts';
import { checkCollection } from './check-collection.ts';
import { checkEligibility, checkReasonOutcomes } from './check-eligibility.ts';
import { checkEngineCorners } from './check-engine-corners.ts';
import { checkEngineLimits } from './check-engine-limits.ts';
import { checkFees } from './check-fees.ts';
import { checkFrequencyWords } from './check-frequency-words.ts';
import { checkInputSection, checkRequiredInputs } from './check-input.ts';
import { checkLet } from './check-lets.ts';
import { checkLimits } from './check-limits.ts';
import { checkOffer } from './check-offer.ts';
import { checkOverpayment } from './check-overpayment.ts';
import { checkPenalties } from './check-penalties.ts';
import { checkPricing } from './check-pricing.ts';
import { checkProduct } from './check-product.ts';
import { checkPenaltyLints, checkRateLints } from './check-regulatory-lints.ts';
import { checkReserves } from './check-reserves.ts';
import { checkScorecard } from './check-scorecard.ts';
import { checkTests } from './check-tests.ts';
import { error, isPlacedRange } from './diagnostics.ts';
import { resolveThresholds, type LintThresholds } from './lint-thresholds.ts';
import { buildScope, type Scope } from './scope.ts';

/**
 * Checks a parsed product and returns its diagnostics (errors and warnings), sorted by position.
 * Works on the partial tree the parser yields after a syntax error, so the rest of the file is
 * still checked.
 * @example
 * const { file, diagnostics } = parse(text);
 * const all = [...diagnostics, ...check(file)];
 */
export function check(file: ProductFile, options: CheckOptions = {}): Diagnostic[] {
  return analyze(file, options).diagnostics;
}

/** How to check: the institution's thresholds for the regulatory lints (defaults: DEFAULT_LINT_THRESHOLDS). */
export interface CheckOptions {
  readonly lints?: Partial<LintThresholds>;
}

/** What checking learns about a product: its diagnostics, its resolved names (with let types) and, when it has no errors, its unhashed IR, for the compiler. */
export interface Analysis {
  readonly diagnostics: Diagnostic[];
  readonly scope?: Scope;
  readonly ir?: UnhashedProductIR;
}

/** Checks a file and keeps the scope it resolved names in. */
export function analyze(file: ProductFile, options: CheckOptions = {}): Analysis {
  const diagnostics: Diagnostic[] = [];
  const product = file.product;
  if (!product) {
    return { diagnostics: [error('missing-product', {}, file.range)] };
  }
  const fallback = product.code && isPlacedRange(product.code.range) ? product.code.range : product.range;
  const accept: Accept = (d) => diagnostics.push(isPlacedRange(d.range) ? d : { ...d, range: fallback });
  const scope = buildScope(product);
  const sections = product.sections;
  const limits = sections.find((s): s is LimitsSection => s.kind === 'LimitsSection');
  const pricing = sections.find((s): s is PricingSection => s.kind === 'PricingSection');

  checkProduct(product, accept);
  checkFrequencyWords(product, accept);
  for (const section of sections) if (section.kind === 'InputSection') checkInputSection(section, accept);
  checkRequiredInputs(product, new Map([...scope.inputs].map(([name, symbol]) => [name, symbol.decl])), accept);
  for (const section of sections) if (section.kind === 'LetDecl') checkLet(section, accept, scope);

  const rules: RuleDecl[] = [];
  for (const section of sections) {
    switch (section.kind) {
      case 'LimitsSection':
        checkLimits(section, accept);
        break;
      case 'PricingSection':
        checkPricing(section, accept, scope, limits);
        break;
      case 'EligibilitySection':
        checkEligibility(section, accept, scope);
        rules.push(...section.rules);
        break;
      case 'ScorecardSection':
        checkScorecard(section, accept, scope);
        break;
      case 'OfferSection':
        checkOffer(section, accept, scope);
        break;
      case 'PenaltiesSection':
        checkPenalties(section, accept, pricing);
        break;
      case 'CollectionSection':
        checkCollection(section, accept, pricing);
        break;
      case 'ReservesSection':
        checkReserves(section, accept);
        break;
      case 'AllocationDecl':
        checkAllocation(section, accept);
        break;
      case 'OverpaymentDecl':
        checkOverpayment(section, accept, limits, pricing);
        break;
      case 'InputSection':
      case 'LetDecl':
      case 'FeeDecl':
      case 'TestDecl':
      case 'PrepaymentDecl':
        break;
    }
  }
  const fees = sections.filter((s): s is FeeDecl => s.kind === 'FeeDecl');
  checkFees(fees, accept, pricing);
  checkEngineLimits(limits, pricing, fees, accept);
  checkReasonOutcomes(rules, scope.scorecard?.otherwise, accept);
  checkTests(sections.filter((s): s is TestDecl => s.kind === 'TestDecl'), accept, scope);
  const ir = hasErrors(diagnostics) || !limits || !pricing ? undefined : compiledOrUndefined(product, scope);
  const smallest = ir ? checkEngineCorners(ir, { limits: limits!, pricing: pricing!, fees }, accept) : undefined;
  const thresholds = resolveThresholds(options.lints);
  checkRateLints(pricing, sections.find((s): s is CollectionSection => s.kind === 'CollectionSection'), thresholds, accept);
  const penalties = sections.find((s): s is PenaltiesSection => s.kind === 'PenaltiesSection');
  if (penalties) checkPenaltyLints(penalties, pricing, smallest, thresholds, accept);
  return { diagnostics: sortDiagnostics(diagnostics), scope, ...(ir && !hasErrors(diagnostics) ? { ir } : {}) };
}

/** The IR of a product the checker found no error in; undefined when the parser left holes it does not report twice (a lost expression). */
function compiledOrUndefined(product: ProductDecl, scope: Scope): UnhashedProductIR | undefined {
  try {
    return productIR(product, scope);
  } catch {
    return undefined;
  }
}

/** Diagnostics by position (stable for equal positions), as editors and the CLI show them. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((d, i) => [d, i] as const)
    .sort(([a, i], [b, j]) => a.range.start.offset - b.range.start.offset || i - j)
    .map(([d]) => d);
}

/** True when any diagnostic is an error (warnings do not stop compilation). */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
