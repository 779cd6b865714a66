// Checks on the product as a whole: identity (currency, kind), sections present at most once, and
// the parts every product needs (input schema, limits, pricing).
import type { ProductDecl, Section } from '../ast/nodes.ts';
import type { Accept } from '../diagnostic.ts';
import { error, headRange, lineOf } from './diagnostics.ts';
import { didYouMean } from './suggest.ts';
import { productCodeProblem } from '../product-code.ts';

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
};

/** Identity and presence of the required sections; each section once. */
export function checkProduct(product: ProductDecl, accept: Accept): void {
  const at = product.code?.name ? product.code.range : headRange(product.range, 'product'.length);
  const codeProblem = product.code?.name ? productCodeProblem(product.code.name) : undefined;
  if (codeProblem) accept(error('invalid-product-code', codeProblem, product.code.range, 'write the code in lowercase letters, digits and `_`, such as `nomina_quincenal`'));
  if (!product.currency?.name) {
    accept(error('missing-currency', `product \`${product.code?.name ?? ''}\` has no currency`, at, 'add `currency MXN` inside the product'));
  } else if (!/^[A-Z]{3}$/.test(product.currency.name)) {
    accept(error('invalid-currency', `\`${product.currency.name}\` is not an ISO 4217 currency code`, product.currency.range, 'write three capital letters, such as `MXN` or `USD`'));
  }
  const kind = product.productKind?.name;
  if (kind !== undefined && kind !== '' && kind !== 'consumer' && kind !== 'business') {
    accept(
      error('unknown-option', `unknown product kind \`${kind}\``, product.productKind!.range, didYouMean(kind, ['consumer', 'business']) ?? 'write `kind consumer` or `kind business`'),
    );
  }
  const seen = new Map<string, Section>();
  for (const section of product.sections) {
    const keyword = SINGLE_SECTIONS[section.kind];
    if (keyword === undefined) continue;
    const first = seen.get(section.kind);
    if (first) {
      accept(
        error('duplicate-section', `\`${keyword}\` appears twice`, headRange(section.range, keyword.length), `merge it into the \`${keyword}\` on ${lineOf(first.range)}`),
      );
    } else {
      seen.set(section.kind, section);
    }
  }
  const required: [Section['kind'], string, string][] = [
    ['InputSection', 'input', 'declare the application data: `input { request.amount: money  request.payments: integer ... }`'],
    ['LimitsSection', 'limits', 'add `limits { amount 1_000..50_000 step 500  payments 6..24 monthly }`'],
    ['PricingSection', 'pricing', 'add `pricing { method french  rate 48% }`'],
  ];
  for (const [kindName, keyword, help] of required) {
    if (!seen.has(kindName)) accept(error('missing-section', `product \`${product.code?.name ?? ''}\` has no \`${keyword}\` section`, at, help));
  }
}
