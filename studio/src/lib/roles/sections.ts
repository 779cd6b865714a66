// Where each top-level part of a product text is: the sections (`pricing`, `scorecard`, each
// `test`…), each from its `///` lines to its last character. The studio's mirror of the runtime's
// runtime/src/products/draft-sections.ts, which decides what a role may save; here it only tells
// the editor which ranges to lock. Plain JSON: the language worker computes it with every analysis.
import type { ParseResult, Section } from '@plazo/dsl';
import type { PartKind } from '../api/client.ts';

export type { PartKind };

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
  AllocationDecl: 'allocation',
  PrepaymentDecl: 'prepayment',
  OverpaymentDecl: 'overpayment',
  TestDecl: 'test',
};

/** A top-level section: [start, end) offsets into the text, its `///` lines included. */
export interface SectionSpan {
  readonly kind: PartKind;
  readonly start: number;
  readonly end: number;
}

const placed = (start: number, end: number): boolean => Number.isFinite(start) && Number.isFinite(end) && end >= start;

/**
 * The top-level sections of a parsed text, in text order; sections the parser could not place
 * (or that overlap an earlier one after error recovery) are left out.
 * @example sectionSpans(text, parse(text)).find((s) => s.kind === 'pricing')
 */
export function sectionSpans(text: string, parsed: Pick<ParseResult, 'file' | 'comments'>): SectionSpan[] {
  const docs = parsed.comments.filter((c) => c.doc && placed(c.range.start.offset, c.range.end.offset)).sort((a, b) => a.range.start.offset - b.range.start.offset);
  const sections = (parsed.file.product?.sections ?? []).filter((s) => placed(s.range.start.offset, s.range.end.offset)).sort((a, b) => a.range.start.offset - b.range.start.offset);
  const spans: SectionSpan[] = [];
  let previousEnd = 0;
  for (const section of sections) {
    let start = section.range.start.offset;
    const end = section.range.end.offset;
    if (start < previousEnd) continue;
    for (let d = docs.length - 1; d >= 0; d--) {
      const doc = docs[d]!;
      if (doc.range.end.offset > start) continue;
      if (doc.range.start.offset < previousEnd || text.slice(doc.range.end.offset, start).trim() !== '') break;
      start = doc.range.start.offset;
    }
    spans.push({ kind: KIND_OF[section.kind], start, end });
    previousEnd = end;
  }
  return spans;
}
