// The names a product declares, read from its AST: input fields, derived values (`let`),
// scorecard characteristics and bands, enum values, fees. Plain JSON, so the worker can post it
// to the editor, where completion, hover and go to definition read it.
import type { InputFieldDecl, ProductFile, Range, RangeExpr } from '@plazo/dsl';

export type SymbolKind = 'input' | 'let' | 'characteristic' | 'band' | 'enum-value' | 'fee';

export interface PlazoSymbol {
  readonly kind: SymbolKind;
  readonly name: string;
  /** Type and bounds for inputs (`money 1..1_000_000 optional`), the field for enum values. */
  readonly detail: string;
  readonly doc?: string;
  /** Where the name is declared (0-based). */
  readonly range: Range;
  /** For enum values: the field they belong to. */
  readonly field?: string;
}

export interface SymbolIndex {
  readonly productCode?: string;
  readonly symbols: readonly PlazoSymbol[];
}

function placed(range: Range | undefined): range is Range {
  return range !== undefined && Number.isFinite(range.start.offset) && Number.isFinite(range.end.offset);
}

function bound(b: RangeExpr['min']): string {
  if (!b) return '';
  return b.kind === 'PercentLiteral' ? `${b.value}%` : b.value;
}

function fieldDetail(field: InputFieldDecl): string {
  const parts: string[] = [field.type];
  if (field.type === 'enum') parts[0] = `enum { ${field.enumValues.map((v) => v.name).join(', ')} }`;
  if (field.bounds) parts.push(`${bound(field.bounds.min)}${field.bounds.maxExclusive ? '..<' : '..'}${bound(field.bounds.max)}`);
  if (field.optional) parts.push('optional');
  return parts.join(' ');
}

/**
 * Every declared name of a (possibly partial) product, in source order; names left empty or
 * unplaced by error recovery are skipped.
 * @example symbolIndex(parse(text).file).symbols.filter((s) => s.kind === 'input')
 */
export function symbolIndex(file: ProductFile): SymbolIndex {
  const product = file.product;
  if (!product) return { symbols: [] };
  const symbols: PlazoSymbol[] = [];
  const add = (s: PlazoSymbol): void => {
    if (s.name !== '' && placed(s.range)) symbols.push(s);
  };
  for (const section of product.sections) {
    switch (section.kind) {
      case 'InputSection':
        for (const field of section.fields) {
          add({ kind: 'input', name: field.name.name, detail: fieldDetail(field), range: field.name.range, ...(field.doc ? { doc: field.doc } : {}) });
          for (const value of field.enumValues) {
            add({ kind: 'enum-value', name: value.name, detail: field.name.name, field: field.name.name, range: value.range });
          }
        }
        break;
      case 'LetDecl':
        add({ kind: 'let', name: section.name.name, detail: 'let', range: section.name.range, ...(section.doc ? { doc: section.doc } : {}) });
        break;
      case 'ScorecardSection':
        for (const c of section.characteristics) {
          add({ kind: 'characteristic', name: c.name.name, detail: `${c.bins.length} bins`, range: c.name.range, ...(c.doc ? { doc: c.doc } : {}) });
        }
        for (const b of section.bands) {
          add({ kind: 'band', name: b.name.name, detail: `score >= ${b.minScore.value}`, range: b.name.range });
        }
        break;
      case 'FeeDecl': {
        const amount = section.amount.kind === 'PercentLiteral' ? `${section.amount.value}%` : section.amount.value;
        add({ kind: 'fee', name: section.name.name, detail: `fee ${amount}${section.timing ? ` ${section.timing.value}` : ''}`, range: section.name.range, ...(section.doc ? { doc: section.doc } : {}) });
        break;
      }
      default:
        break;
    }
  }
  return { ...(product.code?.name ? { productCode: product.code.name } : {}), symbols };
}
