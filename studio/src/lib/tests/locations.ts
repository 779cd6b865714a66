// Where a product's tests, rules, bins and bands are in the text (from the dsl AST), so the tests
// panel can jump to a test or to what no test covers. Lines and columns 1-based, as the editor's.
import type { ProductFile } from '@plazo/dsl';

export interface SourceLocation {
  readonly line: number;
  readonly column: number;
}

export interface SourceLocations {
  /** The tests, in source order (the order of `ir.tests` and of the test report). */
  readonly tests: readonly (SourceLocation & { readonly name: string })[];
  /** By coverage id: `eligibility[i] REASON`, `<characteristic>#<bin>`, `band NAME`, `band otherwise`. */
  readonly items: Readonly<Record<string, SourceLocation>>;
}

const at = (range: { start: { line: number; column: number } }): SourceLocation => ({ line: range.start.line + 1, column: range.start.column + 1 });

/**
 * The locations of the tests and the coverable items of a parsed product.
 * @example sourceLocations(parse(text).file).tests[0] // { name: 'empleada de base…', line: 149, column: 3 }
 */
export function sourceLocations(file: ProductFile): SourceLocations {
  const tests: (SourceLocation & { name: string })[] = [];
  const items: Record<string, SourceLocation> = {};
  let rule = 0;
  for (const section of file.product?.sections ?? []) {
    switch (section.kind) {
      case 'TestDecl':
        tests.push({ name: section.name?.value ?? '', ...at(section.range) });
        break;
      case 'EligibilitySection':
        for (const r of section.rules) items[`eligibility[${rule++}] ${r.reason?.value ?? ''}`] = at(r.range);
        break;
      case 'ScorecardSection':
        for (const c of section.characteristics) c.bins.forEach((b, i) => (items[`${c.name?.name ?? ''}#${i}`] = at(b.range)));
        for (const b of section.bands) items[`band ${b.name?.name ?? ''}`] = at(b.range);
        if (section.otherwise) items['band otherwise'] = at(section.otherwise.range);
        break;
      default:
        break;
    }
  }
  return { tests, items };
}
