// Checks on the product as a whole: identity (currency, kind), sections present at most once, and
// the parts every product needs (input schema, limits, pricing).
import type { ProductDecl, Section } from '../ast/nodes.ts';
import type { Accept } from '../diagnostic.ts';
import { error, headRange, lineNumber } from './diagnostics.ts';
import { closestName } from './suggest.ts';
import { productCodeDiagnostic, productCodeIssue } from '../product-code.ts';

/** Sections that may appear once, with the keyword that opens them. */
const SINGLE_SECTIONS: Partial<Record<Section['kind'], string>> = {
  InputSection: 'input',
  LimitsSection: 'limits',
  PricingSection: 'pricing',
  EligibilitySection: 'eligibility',
  ScorecardSection: 'scorecard',
  OfferSection: 'offer',
  PenaltiesSection: 'penalties',
  CollectionSection: 'collection',
  AllocationDecl: 'allocation',
  PrepaymentDecl: 'prepayment',
  OverpaymentDecl: 'overpayment',
};

/** Identity and presence of the required sections; each section once. */
export function checkProduct(product: ProductDecl, accept: Accept): void {
  const at = product.code?.name ? product.code.range : headRange(product.range, 'product'.length);
  const codeIssue = product.code?.name ? productCodeIssue(product.code.name) : undefined;
  if (codeIssue) accept(productCodeDiagnostic(codeIssue, product.code.range));
  if (!product.currency?.name) {
    accept(error('missing-currency', { product: product.code?.name ?? '' }, at));
  } else if (!/^[A-Z]{3}$/.test(product.currency.name)) {
    accept(error('invalid-currency', { currency: product.currency.name }, product.currency.range));
  }
  const kind = product.productKind?.name;
  if (kind !== undefined && kind !== '' && kind !== 'consumer' && kind !== 'business') {
    accept(error('unknown-option/product-kind', { kind, suggestion: closestName(kind, ['consumer', 'business']) ?? null }, product.productKind!.range));
  }
  const seen = new Map<string, Section>();
  for (const section of product.sections) {
    const keyword = SINGLE_SECTIONS[section.kind];
    if (keyword === undefined) continue;
    const first = seen.get(section.kind);
    if (first) {
      accept(error('duplicate-section', { keyword, line: lineNumber(first.range) }, headRange(section.range, keyword.length)));
    } else {
      seen.set(section.kind, section);
    }
  }
  const required: [Section['kind'], 'input' | 'limits' | 'pricing'][] = [
    ['InputSection', 'input'],
    ['LimitsSection', 'limits'],
    ['PricingSection', 'pricing'],
  ];
  for (const [kindName, keyword] of required) {
    if (!seen.has(kindName)) accept(error('missing-section', { product: product.code?.name ?? '', keyword }, at));
  }
}
