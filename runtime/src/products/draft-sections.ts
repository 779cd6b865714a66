// The parts of a product text, and which of them changed between two drafts: what the section
// rights of a role (a risk analyst changes eligibility, the scorecard and the tests) are checked
// against. A text splits into the header — everything outside the top-level sections: the
// `product code "name" {` line, currency, kind, doc, the closing brace — and its top-level
// sections, each keyed by kind and name (`pricing`, `fee apertura`, `let capacity`,
// `test "sin buró"`). Two parts are the same when their tokens are: whitespace and `//` comments do
// not count, `///` doc comments (shown to people) do; where a section sits does not count either
// (the formatter reorders sections). A section's `///` lines directly above it belong to it.
import type { ParseResult, Position, Range, Section } from '@plazo/dsl';

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
  AllocationDecl: 'allocation',
  PrepaymentDecl: 'prepayment',
  OverpaymentDecl: 'overpayment',
  TestDecl: 'test',
};

interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** One part of a product text: its key, its tokens and where it is (offsets into the text). */
export interface DraftPart {
  /** `product`, `pricing`, `fee apertura`, `test "sin buró"`; a repeated key gets ` (2)`, ` (3)`… */
  readonly key: string;
  readonly kind: PartKind;
  readonly start: number;
  readonly end: number;
  readonly tokens: readonly Token[];
}

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

const WORD = /[\p{L}\p{N}_.%]/u;
const OPERATOR = /[<>=!+\-*/]/;

/**
 * The tokens of `text` inside [from, to), skipping whitespace and `//` comments; a `///` comment is
 * one token (its text trimmed), a string literal one token as written.
 */
function tokenize(text: string, from: number, to: number, into: Token[]): void {
  let i = from;
  while (i < to) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (c === '/' && text[i + 1] === '/') {
      let end = text.indexOf('\n', i);
      if (end === -1 || end > to) end = to;
      if (text[i + 2] === '/') into.push({ text: text.slice(i, end).trimEnd(), start, end });
      i = end;
      continue;
    }
    if (c === '"') {
      i++;
      while (i < to && text[i] !== '"' && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      if (text[i] === '"') i++;
      i = Math.min(i, to);
    } else if (WORD.test(c)) {
      while (i < to && WORD.test(text[i]!)) i++;
    } else if (OPERATOR.test(c)) {
      while (i < to && OPERATOR.test(text[i]!) && !(text[i] === '/' && text[i + 1] === '/')) i++;
    } else {
      i++;
    }
    into.push({ text: text.slice(start, i), start, end: i });
  }
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

/**
 * The header and the top-level sections of a parsed product text, in text order (header first).
 * @example draftParts(text, parse(text)).map((p) => p.key) // ['product', 'input', 'let age', …]
 */
export function draftParts(text: string, parsed: Pick<ParseResult, 'file' | 'comments'>): DraftPart[] {
  const docs = parsed.comments.filter((c) => c.doc && placed(c.range)).sort((a, b) => a.range.start.offset - b.range.start.offset);
  const sections = (parsed.file.product?.sections ?? []).filter((s) => placed(s.range)).sort((a, b) => a.range.start.offset - b.range.start.offset);
  const parts: DraftPart[] = [];
  const seen = new Map<string, number>();
  let previousEnd = 0;
  const extents: { start: number; end: number }[] = [];
  for (const section of sections) {
    let start = section.range.start.offset;
    const end = section.range.end.offset;
    if (start < previousEnd) continue; // overlapping ranges after error recovery: leave it to the header
    // `///` lines directly above the section are its documentation.
    for (let d = docs.length - 1; d >= 0; d--) {
      const doc = docs[d]!;
      if (doc.range.end.offset > start) continue;
      if (doc.range.start.offset < previousEnd || text.slice(doc.range.end.offset, start).trim() !== '') break;
      start = doc.range.start.offset;
    }
    const tokens: Token[] = [];
    tokenize(text, start, end, tokens);
    const base = sectionKey(section);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    parts.push({ key: n === 1 ? base : `${base} (${n})`, kind: KIND_OF[section.kind], start, end, tokens });
    extents.push({ start, end });
    previousEnd = end;
  }
  const header: Token[] = [];
  let at = 0;
  for (const e of extents) {
    tokenize(text, at, e.start, header);
    at = e.end;
  }
  tokenize(text, at, text.length, header);
  parts.unshift({ key: 'product', kind: 'product', start: 0, end: text.length, tokens: header });
  return parts;
}

class Positions {
  readonly #starts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.#starts.push(i + 1);
  }
  at(offset: number): Position {
    let lo = 0;
    let hi = this.#starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.#starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, column: offset - this.#starts[lo]!, offset };
  }
  range(start: number, end: number): Range {
    return { start: this.at(start), end: this.at(end) };
  }
}

/** The span of the tokens that differ, after trimming the common prefix and suffix; empty at the first difference. */
function differingSpan(mine: readonly Token[], other: readonly Token[], fallback: number): { start: number; end: number } {
  let prefix = 0;
  while (prefix < mine.length && prefix < other.length && mine[prefix]!.text === other[prefix]!.text) prefix++;
  let suffix = 0;
  while (suffix < mine.length - prefix && suffix < other.length - prefix && mine[mine.length - 1 - suffix]!.text === other[other.length - 1 - suffix]!.text) suffix++;
  const first = mine[prefix];
  const last = mine[mine.length - 1 - suffix];
  if (first && last && mine.length - suffix > prefix) return { start: first.start, end: last.end };
  const at = first?.start ?? mine[prefix - 1]?.end ?? fallback;
  return { start: at, end: at };
}

const sameTokens = (a: readonly Token[], b: readonly Token[]): boolean => a.length === b.length && a.every((t, i) => t.text === b[i]!.text);

/**
 * The parts outside `editable` that differ between the stored text and the new one: each changed,
 * added or removed part with where (ranges 0-based, as the dsl's diagnostics). Empty when the new
 * text changes only editable sections (or only whitespace and `//` comments, or only the order
 * of sections).
 * @example lockedChanges(stored, next, new Set(['eligibility', 'scorecard', 'test']))
 */
export function lockedChanges(
  before: { readonly text: string; readonly parts: readonly DraftPart[] },
  after: { readonly text: string; readonly parts: readonly DraftPart[] },
  editable: ReadonlySet<PartKind>,
): PartChange[] {
  const oldAt = new Positions(before.text);
  const newAt = new Positions(after.text);
  const oldParts = new Map(before.parts.filter((p) => !editable.has(p.kind)).map((p) => [p.key, p]));
  const changes: PartChange[] = [];
  for (const part of after.parts) {
    if (editable.has(part.kind)) continue;
    const old = oldParts.get(part.key);
    oldParts.delete(part.key);
    if (!old) {
      changes.push({ part: part.key, kind: part.kind, change: 'added', range: newAt.range(part.start, part.end), previousRange: null });
    } else if (!sameTokens(old.tokens, part.tokens)) {
      const now = differingSpan(part.tokens, old.tokens, part.end);
      const was = differingSpan(old.tokens, part.tokens, old.end);
      changes.push({ part: part.key, kind: part.kind, change: 'changed', range: newAt.range(now.start, now.end), previousRange: oldAt.range(was.start, was.end) });
    }
  }
  for (const old of oldParts.values()) {
    changes.push({ part: old.key, kind: old.kind, change: 'removed', range: null, previousRange: oldAt.range(old.start, old.end) });
  }
  return changes;
}

/** `pricing (line 47)`, `fee apertura (lines 62–63)`, `let dti (removed; it was at line 37)`: 1-based lines for people. */
export function describeChange(change: PartChange): string {
  const lines = (r: Range) => (r.start.line === r.end.line ? `line ${r.start.line + 1}` : `lines ${r.start.line + 1}–${r.end.line + 1}`);
  const name = change.part === 'product' ? 'the product header (code, name, currency, kind, doc)' : change.part;
  if (change.change === 'removed') return `${name} (removed; it was at ${lines(change.previousRange!)})`;
  if (change.change === 'added') return `${name} (added at ${lines(change.range!)})`;
  return `${name} (${lines(change.range!)})`;
}
