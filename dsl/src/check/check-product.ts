// Checks on the product as a whole: identity (currency, kind), sections present at most once, and
// the parts every product needs (input schema, limits, pricing).
import type { ProductDecl, Section } from '../ast/nodes.ts';
import type { Accept } from '../diagnostic.ts';
import { error, headRange, lineNumber } from './diagnostics.ts';
import { closestName } from './suggest.ts';
import { productCodeDiagnostic, productCodeIssue } from '../product-code.ts';
import { partKindOf, type PartKind } from '../sections/product-parts.ts';

/** The parts a product may have several of; every other section appears at most once (its part kind is its keyword). */
const REPEATABLE: ReadonlySet<PartKind> = new Set(['let', 'fee', 'test']);

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
    const keyword = partKindOf(section);
    if (REPEATABLE.has(keyword)) continue;
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
