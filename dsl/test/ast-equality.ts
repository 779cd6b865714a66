// What "the same AST" means for the formatter's soundness: equal after dropping every source
// range and putting sections in canonical order (the one reordering the formatter performs).
import type { ProductFile } from '../src/ast/nodes.ts';
import { canonicalSections } from '../src/format/product-layout.ts';

const RANGE_KEYS = new Set(['range', 'typeRange', 'docRange', 'at']);

function withoutRanges(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutRanges);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    // `at` is a range in limits; elsewhere (none today) it would be kept.
    if (RANGE_KEYS.has(key) && inner !== null && typeof inner === 'object' && 'start' in inner) continue;
    out[key] = withoutRanges(inner);
  }
  return out;
}

/** The AST of a file without ranges, sections in canonical order. */
export function comparableAst(file: ProductFile): unknown {
  const product = file.product && { ...file.product, sections: canonicalSections(file.product.sections) };
  return withoutRanges({ ...file, product });
}
