// The Product IR of a checked product, before hashing: what `compile` hashes and returns, and what
// the checker hands the engine to try the product's extreme loans.
import { IR_VERSION, type UnhashedProductIR } from '@plazo/engine';
import type { AllocationDecl, CollectionSection, EligibilitySection, FeeDecl, LimitsSection, OfferSection, OverpaymentDecl, PenaltiesSection, PrepaymentDecl, PricingSection, ProductDecl, ReservesSection, ScorecardSection, Section, TestDecl } from '../ast/nodes.ts';
import type { Scope } from '../check/scope.ts';
import { compileAllocation, compileCollection, compilePenalties } from './compile-servicing.ts';
import { compileOffer, compileRule, compileScorecard } from './compile-decision.ts';
import { compileDerived, compileInputs } from './compile-inputs.ts';
import { compileFee, compileLimits, compilePricing } from './compile-pricing.ts';
import { compileReserves } from './compile-reserves.ts';
import { compileTest } from './compile-tests.ts';
import { literalText } from './decimal-text.ts';

/** The IR of a product that checked without errors, before hashing. */
export function productIR(product: ProductDecl, scope: Scope): UnhashedProductIR {
  const sections = product.sections;
  const first = <K extends Section['kind']>(kind: K) => sections.find((s): s is Extract<Section, { kind: K }> => s.kind === kind);
  const all = <K extends Section['kind']>(kind: K) => sections.filter((s): s is Extract<Section, { kind: K }> => s.kind === kind);
  const pricing = compilePricing(first('PricingSection') as PricingSection);
  const scorecard = first('ScorecardSection') as ScorecardSection | undefined;
  // Only when written: the hash of a product without the clause stays what it was.
  const tolerance = (first('OverpaymentDecl') as OverpaymentDecl | undefined)?.tolerance;
  const reserves = first('ReservesSection') as ReservesSection | undefined;
  return {
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
    ...(reserves ? { reserves: compileReserves(reserves) } : {}),
    tests: (all('TestDecl') as TestDecl[]).map(compileTest),
  };
}
