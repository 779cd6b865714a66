// Reading Chevrotain CST nodes safely after error recovery: tokens inserted by recovery have no
// position (NaN offsets) and are skipped; missing children come back as undefined.
import type { CstElement, CstNode, IToken } from 'chevrotain';
import type { LineIndex } from '../lexer/line-index.ts';
import type { Position, Range } from './nodes.ts';

/** A CST element: a node or a token. */
export type CstItem = PlazoCstNode | IToken;

/**
 * A CST node as the Plazo parser builds it (parser.ts): Chevrotain's node, with two savings. No
 * `location`: the first and last real tokens under it instead (undefined when it holds none). And
 * a label holding a single element holds it directly, not in a one-element array (most labels hold
 * one); a second element turns it into an array. Read them through the helpers below.
 */
export interface PlazoCstNode {
  readonly name: string;
  readonly children: Record<string, CstItem | CstItem[]>;
  first: IToken | undefined;
  last: IToken | undefined;
  recoveredNode?: boolean;
  /** On an expression the parser did not enter, nested too deep: the token that opened it. */
  tooDeep?: IToken;
}

/** A token that really is in the text (not one inserted by error recovery). */
export function isRealToken(token: IToken | undefined): token is IToken {
  return token !== undefined && !token.isInsertedInRecovery && Number.isFinite(token.startOffset);
}

function isCstNode(element: CstItem | CstElement): element is PlazoCstNode {
  return 'children' in element;
}

/** Tokens have an image; CST nodes do not. Recovery-inserted tokens have no offset. */
function isRealTokenItem(element: CstItem): element is IToken {
  const t = element as IToken;
  return t.image !== undefined && t.isInsertedInRecovery !== true && t.startOffset === t.startOffset;
}

function slot(node: CstNode | undefined, label: string): CstItem | CstItem[] | undefined {
  return node === undefined ? undefined : (node as unknown as PlazoCstNode).children[label];
}

/** Every label of a node with its elements, in the order Chevrotain first met each label. */
export function labelled(node: CstNode): [string, CstItem[]][] {
  const out: [string, CstItem[]][] = [];
  const all = (node as unknown as PlazoCstNode).children;
  for (const label in all) {
    const value = all[label]!;
    out.push([label, Array.isArray(value) ? value : [value]]);
  }
  return out;
}

/** The first real token under a label. */
export function token(node: CstNode | undefined, label: string): IToken | undefined {
  const value = slot(node, label);
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) return isRealTokenItem(value) ? value : undefined;
  for (let i = 0; i < value.length; i++) {
    const element = value[i]!;
    if (isRealTokenItem(element)) return element;
  }
  return undefined;
}

/** Every real token under a label. */
export function tokens(node: CstNode | undefined, label: string): IToken[] {
  const value = slot(node, label);
  if (value === undefined) return [];
  if (!Array.isArray(value)) return !isCstNode(value) && isRealToken(value) ? [value] : [];
  return value.filter((element): element is IToken => !isCstNode(element) && isRealToken(element));
}

/** The first child node under a label. */
export function child(node: CstNode | undefined, label: string): CstNode | undefined {
  const value = slot(node, label);
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) return isCstNode(value) ? (value as unknown as CstNode) : undefined;
  for (const element of value) if (isCstNode(element)) return element as unknown as CstNode;
  return undefined;
}

/** Every child node under a label. */
export function children(node: CstNode | undefined, label: string): CstNode[] {
  const value = slot(node, label);
  if (value === undefined) return [];
  if (!Array.isArray(value)) return isCstNode(value) ? [value as unknown as CstNode] : [];
  // Usually every element is a node: then the CST's own array serves (callers only read it).
  for (let i = 0; i < value.length; i++) if (!isCstNode(value[i]!)) return value.filter(isCstNode) as unknown as CstNode[];
  return value as unknown as CstNode[];
}

/** Whether the node or any descendant holds a real token. */
export function hasRealToken(node: CstNode | undefined): boolean {
  if (!node) return false;
  if ((node as unknown as PlazoCstNode).first !== undefined) return true;
  for (const [, list] of labelled(node)) {
    for (const element of list) {
      if (isCstNode(element) ? hasRealToken(element as unknown as CstNode) : isRealToken(element)) return true;
    }
  }
  return false;
}

/**
 * The range of a real token. The lexer tracks offsets only (`positionTracking: 'onlyOffset'` is
 * about twice as fast as 'full'); no significant token spans a line break, so the line index gives
 * the same lines and columns Chevrotain would.
 */
export function tokenRange(t: IToken, lines: LineIndex): Range {
  const start = t.startOffset;
  return { start: lines.position(start), end: lines.position(start + t.image.length) };
}

/** The span of two ranges (from the earlier start to the later end). */
export function cover(a: Range, b: Range): Range {
  return {
    start: a.start.offset <= b.start.offset ? a.start : b.start,
    end: a.end.offset >= b.end.offset ? a.end : b.end,
  };
}

/** An empty range at a position. */
export function emptyAt(position: Position): Range {
  return { start: position, end: position };
}

/** The range of a CST node's real tokens, or `fallback` when it holds none. */
export function nodeRange(node: CstNode | undefined, fallback: Range, lines: LineIndex): Range {
  if (node === undefined) return fallback;
  const { first, last } = node as unknown as PlazoCstNode;
  if (first === undefined || last === undefined) return fallback;
  return { start: lines.position(first.startOffset), end: lines.position(last.startOffset + last.image.length) };
}
