// The compiler: a checked product → the Product IR (plain JSON, decimal strings, JSON Logic,
// content hash). It refuses — returns no IR — while any error stands, from parsing or checking.
import { IR_VERSION, withProductHash, type ProductIR } from '@plazo/engine';
import type { AllocationDecl, CollectionSection, EligibilitySection, FeeDecl, LimitsSection, OfferSection, OverpaymentDecl, PenaltiesSection, PrepaymentDecl, PricingSection, ProductFile, ScorecardSection, Section, TestDecl } from '../ast/nodes.ts';
import { analyze, hasErrors } from '../check/check.ts';
import type { Scope } from '../check/scope.ts';
import type { Diagnostic } from '../diagnostic.ts';
import { parse } from '../parse.ts';
import { compileAllocation, compileCollection, compilePenalties } from './compile-servicing.ts';
import { compileOffer, compileRule, compileScorecard } from './compile-decision.ts';
import { compileDerived, compileInputs } from './compile-inputs.ts';
import { compileFee, compileLimits, compilePricing } from './compile-pricing.ts';
import { compileTest } from './compile-tests.ts';
import { literalText } from './decimal-text.ts';

export interface CompileOptions {
  /** Diagnostics of parsing this file: any error among them refuses compilation (they are returned first). */
  readonly parseDiagnostics?: readonly Diagnostic[];
}

export interface CompileResult {
  /** Present only when there are no errors. */
  readonly ir?: ProductIR;
  /** Parse diagnostics (if given), then the checker's, each in source order; warnings included. */
  readonly diagnostics: Diagnostic[];
}

/**
 * Checks and compiles a parsed product to its IR, frozen, with `hash` set.
 * @example
 * const { file, diagnostics } = parse(text);
 * const { ir } = compile(file, { parseDiagnostics: diagnostics });
 */
export function compile(file: ProductFile, options: CompileOptions = {}): CompileResult {
  const analysis = analyze(file);
  const diagnostics = [...(options.parseDiagnostics ?? []), ...analysis.diagnostics];
  if (hasErrors(diagnostics) || !file.product || !analysis.scope) return { diagnostics };
  return { ir: toProductIR(file, analysis.scope), diagnostics };
}

/** Parses, checks and compiles a product text in one call. */
export function compileText(text: string): CompileResult {
  const { file, diagnostics } = parse(text);
  return compile(file, { parseDiagnostics: diagnostics });
}

function toProductIR(file: ProductFile, scope: Scope): ProductIR {
  const product = file.product!;
  const sections = product.sections;
  const first = <K extends Section['kind']>(kind: K) => sections.find((s): s is Extract<Section, { kind: K }> => s.kind === kind);
  const all = <K extends Section['kind']>(kind: K) => sections.filter((s): s is Extract<Section, { kind: K }> => s.kind === kind);
  const pricing = compilePricing(first('PricingSection') as PricingSection);
  const scorecard = first('ScorecardSection') as ScorecardSection | undefined;
  // Only when written: the hash of a product without the clause stays what it was.
  const tolerance = (first('OverpaymentDecl') as OverpaymentDecl | undefined)?.tolerance;
  return withProductHash({
    irVersion: IR_VERSION,
    code: product.code.name,
    name: product.name?.value ?? product.code.name,
    currency: product.currency!.name,
    ...(product.description ? { description: product.description.value } : {}),
    kind: (product.productKind?.name || 'consumer') as 'consumer' | 'business',
    inputs: compileInputs(scope),
    derived: compileDerived(scope),
    limits: compileLimits(first('LimitsSection') as LimitsSection),
    pricing,
    fees: (all('FeeDecl') as FeeDecl[]).map((fee) => compileFee(fee, pricing)),
    eligibility: (all('EligibilitySection') as EligibilitySection[]).flatMap((s) => s.rules.map((rule) => compileRule(rule, scope))),
    ...(scorecard ? { scorecard: compileScorecard(scorecard) } : {}),
    offer: compileOffer(first('OfferSection') as OfferSection | undefined, scope),
    penalties: compilePenalties(first('PenaltiesSection') as PenaltiesSection | undefined, pricing),
    collection: compileCollection(first('CollectionSection') as CollectionSection | undefined),
    allocation: compileAllocation(first('AllocationDecl') as AllocationDecl | undefined),
    prepayment: (first('PrepaymentDecl') as PrepaymentDecl | undefined)?.policy ?? 'reduce-term',
    ...(tolerance ? { overpaymentTolerance: literalText(tolerance) } : {}),
    tests: (all('TestDecl') as TestDecl[]).map(compileTest),
  });
}
