// The parts of a product text as the parser reads them: the header (the product declaration
// without its sections: code, name, currency, kind, doc) and each top-level section, keyed by
// kind and name (`pricing`, `fee apertura`, `let capacity`, `test "sin buró"`). A section's `///`
// lines are the ones the AST builder attaches to it (`doc`, `docRange`): one doc-comment rule for
// hover, the IR, the studio's editor locks and the runtime's section rights. Light (no parser):
// also exported as `@plazo/dsl/parts`, for code that loads the language lazily.
import type { ProductFile, Range, Section } from '../ast/nodes.ts';

/** The kinds of part a product text has; `product` is the header. */
export const PART_KINDS = [
  'product',
  'input',
  'let',
  'limits',
  'pricing',
  'fee',
  'eligibility',
  'scorecard',
  'offer',
  'penalties',
  'collection',
  'reserves',
  'allocation',
  'prepayment',
  'overpayment',
  'test',
] as const;
export type PartKind = (typeof PART_KINDS)[number];

const KIND_OF: Readonly<Record<Section['kind'], PartKind>> = {
  InputSection: 'input',
  LetDecl: 'let',
  LimitsSection: 'limits',
  PricingSection: 'pricing',
  FeeDecl: 'fee',
  EligibilitySection: 'eligibility',
  ScorecardSection: 'scorecard',
  OfferSection: 'offer',
  PenaltiesSection: 'penalties',
  CollectionSection: 'collection',
  ReservesSection: 'reserves',
  AllocationDecl: 'allocation',
  PrepaymentDecl: 'prepayment',
  OverpaymentDecl: 'overpayment',
  TestDecl: 'test',
};

/** The part kind of a top-level section. */
export function partKindOf(section: Section): PartKind {
  return KIND_OF[section.kind];
}

/** A top-level section: [start, end) offsets into the text, its `///` lines included. */
export interface SectionSpan {
  readonly kind: PartKind;
  readonly start: number;
  readonly end: number;
}

/** One part of a product: its key, its AST node and where it is (its `///` lines included). */
export interface ProductPart {
  /** `product`, `pricing`, `fee apertura`, `test "sin buró"`; a repeated key gets ` (2)`, ` (3)`… */
  readonly key: string;
  readonly kind: PartKind;
  readonly range: Range;
  /** The section, or for `product` the product declaration without its sections. */
  readonly node: object;
}

function sectionKey(section: Section): string {
  const kind = KIND_OF[section.kind];
  switch (section.kind) {
    case 'LetDecl':
    case 'FeeDecl':
      return `${kind} ${section.name.name}`;
    case 'TestDecl':
      return `${kind} ${JSON.stringify(section.name.value)}`;
    default:
      return kind;
  }
}

const placed = (r: Range): boolean => Number.isFinite(r.start.offset) && Number.isFinite(r.end.offset) && r.end.offset >= r.start.offset;

/** The sections the parser placed, in text order, each with its range from its first `///` line. */
function placedSections(file: ProductFile): { section: Section; range: Range }[] {
  const sections = (file.product?.sections ?? []).filter((s) => placed(s.range)).sort((a, b) => a.range.start.offset - b.range.start.offset);
  const out: { section: Section; range: Range }[] = [];
  let previousEnd = 0;
  for (const section of sections) {
    const range = section.docRange && placed(section.docRange) ? { start: section.docRange.start, end: section.range.end } : section.range;
    // Overlapping ranges after error recovery: the later section is left out.
    if (range.start.offset < previousEnd) continue;
    out.push({ section, range });
    previousEnd = range.end.offset;
  }
  return out;
}

/**
 * The top-level sections of a parsed text, in text order, each from its `///` lines to its last
 * character; sections the parser could not place (or that overlap an earlier one after error
 * recovery) are left out. What the studio's editor locks for a role.
 * @example sectionSpans(parse(text).file).find((s) => s.kind === 'pricing')
 */
export function sectionSpans(file: ProductFile): SectionSpan[] {
  return placedSections(file).map(({ section, range }) => ({ kind: KIND_OF[section.kind], start: range.start.offset, end: range.end.offset }));
}

/**
 * The header and the top-level sections of a parsed product, header first, then in text order.
 * @example productParts(parse(text).file).map((p) => p.key) // ['product', 'input', 'let age', …]
 */
export function productParts(file: ProductFile): ProductPart[] {
  const parts: ProductPart[] = [];
  const product = file.product;
  if (product) {
    const { sections: _sections, ...header } = product;
    parts.push({ key: 'product', kind: 'product', range: product.docRange ? { start: product.docRange.start, end: product.range.end } : product.range, node: header });
  }
  const seen = new Map<string, number>();
  for (const { section, range } of placedSections(file)) {
    const base = sectionKey(section);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    parts.push({ key: n === 1 ? base : `${base} (${n})`, kind: KIND_OF[section.kind], range, node: section });
  }
  return parts;
}

/** A part outside the editable ones that changed between two texts (`lockedChanges`). */
export interface PartChange {
  /** The part's key (`pricing`, `fee apertura`, `product` for the header). */
  readonly part: string;
  readonly kind: PartKind;
  readonly change: 'changed' | 'added' | 'removed';
  /** What changed in the new text (0-based lines and columns, as diagnostics); null when removed. */
  readonly range: Range | null;
  /** Where that was in the stored text; null when added. */
  readonly previousRange: Range | null;
}

/** `pricing (line 47)`, `fee apertura (lines 62–63)`, `let dti (removed; it was at line 37)`: 1-based lines for people. */
export function describeChange(change: PartChange): string {
  const lines = (r: Range) => (r.start.line === r.end.line ? `line ${r.start.line + 1}` : `lines ${r.start.line + 1}–${r.end.line + 1}`);
  const name = change.part === 'product' ? 'the product header (code, name, currency, kind, doc)' : change.part;
  if (change.change === 'removed') return `${name} (removed; it was at ${lines(change.previousRange!)})`;
  if (change.change === 'added') return `${name} (added at ${lines(change.range!)})`;
  return `${name} (${change.range ? lines(change.range) : 'compiled differently'})`;
}
