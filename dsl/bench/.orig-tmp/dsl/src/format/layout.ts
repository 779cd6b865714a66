// Layout of formatted text: a tree of leaves (statements) and blocks (`header { ... }`), each with
// its source span, and the placement of every comment: leading (own lines before an item),
// trailing (end of an item's line), dangling (before a `}`), or inside a statement, which is then
// kept as written so no comment moves across a token.
import type { LineIndex } from '../lexer/line-index.ts';

export const INDENT = '  ';
/** Lines longer than this are wrapped where the layout allows it (inline tables, `given`). */
export const MAX_WIDTH = 100;

interface ItemBase {
  /** Source span [start, end): comments inside it belong to the item. */
  readonly start: number;
  readonly end: number;
  /** Items of the same group may keep the source's blank lines between them (see BlankPolicy). */
  readonly group: string;
}

/** A statement, printed on one or more lines. */
export interface Leaf extends ItemBase {
  readonly kind: 'leaf';
  /** The canonical lines; the first is indented by the caller, the others carry their own extra indent. */
  readonly lines: readonly string[];
  /** Prepended when the statement is kept as written and its span lacks the keyword (`expect `). */
  readonly verbatimPrefix?: string;
}

/** `header { children }` */
export interface Block extends ItemBase {
  readonly kind: 'block';
  /** The text up to and including `{`. */
  readonly header: string;
  /** Offset just after the source `{`. */
  readonly headerEnd: number;
  readonly children: readonly Item[];
  /** The one-line form (`{ A: 36%, B: 48% }`), used when it fits and holds no comment. */
  readonly inline?: string;
  readonly blankPolicy: BlankPolicy;
}

export type Item = Leaf | Block;

/** Whether a blank line separates two children: always, never, or as in the source. */
export type BlankPolicy = (previous: Item, next: Item, sourceHadBlank: boolean) => boolean;

export const keepSourceBlanks: BlankPolicy = (_previous, _next, sourceHadBlank) => sourceHadBlank;

export interface SourceComment {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface LayoutContext {
  readonly text: string;
  readonly lines: LineIndex;
}

/** Whether the whitespace just before `offset` holds a blank line. */
function blankLineBefore(text: string, offset: number): boolean {
  let newlines = 0;
  for (let i = offset - 1; i >= 0; i--) {
    const c = text[i]!;
    if (c === '\n') newlines++;
    else if (c !== ' ' && c !== '\t' && c !== '\r' && c !== '\f' && c !== '\v' && c !== '\u00a0' && c !== '\ufeff') break;
  }
  return newlines >= 2;
}

/** The source text of a span, one trimmed line per source line, blank lines dropped. */
function verbatimLines(ctx: LayoutContext, start: number, end: number): string[] {
  return ctx.text
    .slice(start, end)
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

function commentText(comment: SourceComment): string {
  return comment.text.trimEnd();
}

interface Placement {
  readonly leading: SourceComment[];
  readonly inside: SourceComment[];
  trailing?: SourceComment;
}

/**
 * Renders children at `indent` into `out`, placing `comments` (all within the parent's body).
 * `headerLine` is the index in `out` of the parent's header, which takes a comment written on
 * the `{` line before any child.
 */
function renderChildren(
  children: readonly Item[],
  comments: readonly SourceComment[],
  indent: string,
  ctx: LayoutContext,
  out: string[],
  policy: BlankPolicy,
  header?: { line: number; sourceLine: number },
): void {
  const bySource = [...children].sort((a, b) => a.start - b.start);
  const placements = new Map<Item, Placement>(children.map((item) => [item, { leading: [], inside: [] }]));
  const dangling: SourceComment[] = [];
  let headerTrailing: SourceComment | undefined;
  let next = 0;
  for (const comment of comments) {
    while (next < bySource.length && bySource[next]!.end <= comment.start) next++;
    const following = bySource[next];
    if (following && following.start <= comment.start) {
      placements.get(following)!.inside.push(comment);
      continue;
    }
    const previous = bySource[next - 1];
    const line = ctx.lines.line(comment.start);
    if (previous && ctx.lines.line(previous.end) === line && !placements.get(previous)!.trailing) {
      placements.get(previous)!.trailing = comment;
    } else if (!previous && header && header.sourceLine === line && !headerTrailing) {
      headerTrailing = comment;
    } else if (following) {
      placements.get(following)!.leading.push(comment);
    } else {
      dangling.push(comment);
    }
  }
  if (header && headerTrailing) out[header.line] += `  ${commentText(headerTrailing)}`;

  const trailing: { line: number; comment: string }[] = [];
  let previous: Item | undefined;
  for (const item of children) {
    const placement = placements.get(item)!;
    const firstOffset = placement.leading[0]?.start ?? item.start;
    if (previous && policy(previous, item, blankLineBefore(ctx.text, firstOffset))) out.push('');
    placement.leading.forEach((comment, i) => {
      if (i > 0 && blankLineBefore(ctx.text, comment.start)) out.push('');
      out.push(indent + commentText(comment));
    });
    renderItem(item, placement.inside, indent, ctx, out);
    if (placement.trailing) trailing.push({ line: out.length - 1, comment: commentText(placement.trailing) });
    previous = item;
  }
  alignTrailingComments(out, trailing);
  dangling.forEach((comment, i) => {
    if ((previous || i > 0) && blankLineBefore(ctx.text, comment.start)) out.push('');
    out.push(indent + commentText(comment));
  });
}

/**
 * Appends trailing comments, aligned in one column across each run of consecutive lines that
 * carry one (as gofmt does); the column depends only on the code, so formatting stays idempotent.
 */
function alignTrailingComments(out: string[], trailing: readonly { line: number; comment: string }[]): void {
  let runStart = 0;
  while (runStart < trailing.length) {
    let runEnd = runStart + 1;
    while (runEnd < trailing.length && trailing[runEnd]!.line === trailing[runEnd - 1]!.line + 1) runEnd++;
    const run = trailing.slice(runStart, runEnd);
    const column = Math.max(...run.map(({ line }) => out[line]!.trimEnd().length)) + 2;
    for (const { line, comment } of run) out[line] = out[line]!.trimEnd().padEnd(column) + comment;
    runStart = runEnd;
  }
}

function renderItem(item: Item, inside: readonly SourceComment[], indent: string, ctx: LayoutContext, out: string[]): void {
  if (item.kind === 'leaf') {
    if (inside.length === 0) {
      item.lines.forEach((line) => out.push(indent + line));
      return;
    }
    const lines = verbatimLines(ctx, item.start, item.end);
    lines.forEach((line, i) => out.push(i === 0 ? indent + (item.verbatimPrefix ?? '') + line : `${indent}${INDENT}${INDENT}${line}`));
    return;
  }
  const headerComments = inside.filter((comment) => comment.start < item.headerEnd);
  const bodyComments = inside.filter((comment) => comment.start >= item.headerEnd);
  if (item.inline !== undefined && inside.length === 0 && indent.length + item.header.length + item.inline.length + 1 <= MAX_WIDTH) {
    out.push(`${indent}${item.header} ${item.inline}`);
    return;
  }
  if (headerComments.length > 0) {
    const lines = verbatimLines(ctx, item.start, item.headerEnd);
    lines.forEach((line, i) => out.push(i === 0 ? indent + line : `${indent}${INDENT}${INDENT}${line}`));
  } else {
    out.push(indent + item.header);
  }
  if (item.children.length === 0 && bodyComments.length === 0) {
    out[out.length - 1] += '}';
    return;
  }
  const header = { line: out.length - 1, sourceLine: ctx.lines.line(item.headerEnd - 1) };
  renderChildren(item.children, bodyComments, indent + INDENT, ctx, out, item.blankPolicy, header);
  out.push(`${indent}}`);
}

/**
 * Renders the top-level items of a file with all its comments.
 * @returns the formatted text, ending with one newline
 */
export function renderFile(items: readonly Item[], comments: readonly SourceComment[], ctx: LayoutContext): string {
  const out: string[] = [];
  renderChildren(items, comments, '', ctx, out, () => true);
  return out.map((line) => line.trimEnd()).join('\n') + '\n';
}
