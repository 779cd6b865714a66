// Which parts of a product outside a set of editable kinds changed between two texts, compared as
// the compiler sees them — never as text: each text is lexed and parsed once, each part compared
// by its AST (ranges left out; `///` docs in, since hover and the IR show them), and when both
// texts compile, the IR of the locked parts as well. So whitespace, `//` comments, `5_000` vs
// `5000` and the order of sections do not count, and nothing the lexer reads as code can hide
// from the comparison (a `//` comment ends where the lexer ends it: at `\n`, `\r\n` or a lone `\r`).
import type { ProductIR } from '@plazo/engine';
import type { Range } from '../ast/nodes.ts';
import { compile } from '../compile/compile.ts';
import { parse } from '../parse.ts';
import { productParts, type PartChange, type PartKind, type ProductPart } from './product-parts.ts';

/** The IR fields each kind of part compiles to; a field not listed counts as the header's. */
const IR_FIELDS: Readonly<Record<PartKind, readonly string[]>> = {
  product: ['irVersion', 'code', 'name', 'currency', 'description', 'kind'],
  input: ['inputs'],
  let: ['derived'],
  limits: ['limits'],
  pricing: ['pricing'],
  fee: ['fees'],
  eligibility: ['eligibility'],
  scorecard: ['scorecard'],
  offer: ['offer'],
  penalties: ['penalties'],
  collection: ['collection'],
  reserves: ['reserves'],
  allocation: ['allocation'],
  prepayment: ['prepayment'],
  overpayment: ['overpaymentTolerance'],
  test: ['tests'],
};

/** A source range (`range`, `docRange`, `typeRange`, `at`…): where, not what. */
function isRange(value: unknown): value is Range {
  const r = value as Partial<Range> | null;
  return typeof r === 'object' && r !== null && typeof r.start?.offset === 'number' && typeof r.end?.offset === 'number';
}

/** The keys of a node that say what it is: sorted, without source ranges or absent values. */
function meaningfulKeys(record: Record<string, unknown>): string[] {
  return Object.keys(record)
    .filter((k) => record[k] !== undefined && !isRange(record[k]))
    .sort();
}

/** Canonical JSON of an AST node or IR value: keys sorted, source positions left out. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = meaningfulKeys(value as Record<string, unknown>)
    .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

interface Leaf {
  readonly signature: string;
  readonly range: Range;
}

/**
 * The nodes of a part in preorder, each with what is its own (kind, scalar fields, where it hangs
 * under its parent) and its range: what `differingSpan` trims to point at a change. A doc is a
 * leaf of its own, at its `///` lines.
 */
function leaves(node: unknown, at: string, into: Leaf[]): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    node.forEach((n) => leaves(n, `${at}[]`, into));
    return;
  }
  const record = node as Record<string, unknown>;
  const keys = meaningfulKeys(record);
  const own = keys.filter((k) => k !== 'doc' && (record[k] === null || typeof record[k] !== 'object'));
  const range = [record['range'], record['at']].find(isRange);
  if (typeof record['doc'] === 'string' && record['docRange']) into.push({ signature: `${at}.doc:${JSON.stringify(record['doc'])}`, range: record['docRange'] as Range });
  if (range) into.push({ signature: `${at}:${own.map((k) => `${k}=${JSON.stringify(record[k])}`).join(',')}`, range });
  for (const k of keys) if (record[k] !== null && typeof record[k] === 'object') leaves(record[k], range ? k : `${at}.${k}`, into);
}

/** The range in `mine` of what differs from `other`, after trimming the common prefix and suffix. */
function differingSpan(mine: readonly Leaf[], other: readonly Leaf[], whole: Range): Range {
  let prefix = 0;
  while (prefix < mine.length && prefix < other.length && mine[prefix]!.signature === other[prefix]!.signature) prefix++;
  let suffix = 0;
  while (suffix < mine.length - prefix && suffix < other.length - prefix && mine[mine.length - 1 - suffix]!.signature === other[other.length - 1 - suffix]!.signature) suffix++;
  const differing = mine.slice(prefix, mine.length - suffix);
  if (differing.length === 0) {
    // Only removed nodes: the point where they were.
    const at = mine[prefix]?.range.start ?? mine[prefix - 1]?.range.end ?? whole.end;
    return { start: at, end: at };
  }
  let start = differing[0]!.range.start;
  let end = differing[0]!.range.end;
  for (const leaf of differing) {
    if (leaf.range.start.offset < start.offset) start = leaf.range.start;
    if (leaf.range.end.offset > end.offset) end = leaf.range.end;
  }
  return { start, end };
}

interface Reading {
  readonly parts: ProductPart[];
  readonly ir: ProductIR | undefined;
}

/** One lexing and parsing of a text; the IR when it compiles. */
function read(text: string): Reading {
  const { file, diagnostics } = parse(text);
  return { parts: productParts(file), ir: compile(file, { parseDiagnostics: diagnostics }).ir };
}

/** The IR fields not listed for any kind belong to the header. */
function irFieldsOf(kind: PartKind, ir: ProductIR): string[] {
  if (kind !== 'product') return [...IR_FIELDS[kind]];
  const listed = new Set(Object.values(IR_FIELDS).flat());
  return [...IR_FIELDS.product, ...Object.keys(ir).filter((k) => k !== 'hash' && !listed.has(k))];
}

/**
 * The parts outside `editable` that differ between the stored text and the new one, each changed,
 * added or removed part with where (ranges 0-based, as the dsl's diagnostics). Empty when the new
 * text changes only editable parts, or nothing the compiler sees (whitespace, `//` comments, the
 * order of sections). A part counts as changed when its AST differs, or — both texts compiling —
 * when the IR it compiles to does.
 * @example lockedChanges(stored, next, ['eligibility', 'scorecard', 'test'])
 */
export function lockedChanges(before: string, after: string, editable: Iterable<PartKind>): PartChange[] {
  const open = new Set(editable);
  const old = read(before);
  const now = read(after);
  const oldParts = new Map(old.parts.filter((p) => !open.has(p.kind)).map((p) => [p.key, p]));
  const changes: PartChange[] = [];
  for (const part of now.parts) {
    if (open.has(part.kind)) continue;
    const was = oldParts.get(part.key);
    oldParts.delete(part.key);
    if (!was) {
      changes.push({ part: part.key, kind: part.kind, change: 'added', range: part.range, previousRange: null });
    } else if (canonical(was.node) !== canonical(part.node)) {
      const mine: Leaf[] = [];
      const theirs: Leaf[] = [];
      leaves(part.node, '', mine);
      leaves(was.node, '', theirs);
      changes.push({ part: part.key, kind: part.kind, change: 'changed', range: differingSpan(mine, theirs, part.range), previousRange: differingSpan(theirs, mine, was.range) });
    }
  }
  for (const was of oldParts.values()) {
    changes.push({ part: was.key, kind: was.kind, change: 'removed', range: null, previousRange: was.range });
  }
  if (old.ir && now.ir) {
    // What the compiler makes of the locked parts: a change the ASTs did not show is still one.
    const seen = new Set(changes.map((c) => c.kind));
    for (const kind of new Set(now.parts.map((p) => p.kind).concat(old.parts.map((p) => p.kind), ['product']))) {
      if (open.has(kind) || seen.has(kind)) continue;
      const fields = irFieldsOf(kind, now.ir);
      const pick = (ir: ProductIR) => fields.map((f) => canonical((ir as unknown as Record<string, unknown>)[f]));
      if (pick(old.ir).join('\n') === pick(now.ir).join('\n')) continue;
      const part = now.parts.find((p) => p.kind === kind);
      const was = old.parts.find((p) => p.kind === kind);
      changes.push({ part: part?.key ?? was?.key ?? kind, kind, change: 'changed', range: part?.range ?? null, previousRange: was?.range ?? null });
    }
  }
  return changes;
}
