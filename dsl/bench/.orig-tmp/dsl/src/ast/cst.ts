// Reading Chevrotain CST nodes safely after error recovery: tokens inserted by recovery have no
// position (NaN offsets) and are skipped; missing children come back as undefined.
import type { CstElement, CstNode, IToken } from 'chevrotain';
import type { Position, Range } from './nodes.ts';

/**
 * A CST node as the Plazo parser builds it (parser.ts): Chevrotain's node without `location`, with
 * the first and last real tokens under it instead (undefined when it holds none).
 */
export interface PlazoCstNode {
  readonly name: string;
  readonly children: Record<string, (PlazoCstNode | IToken)[]>;
  first: IToken | undefined;
  last: IToken | undefined;
  recoveredNode?: boolean;
}

/** A token that really is in the text (not one inserted by error recovery). */
export function isRealToken(token: IToken | undefined): token is IToken {
  return token !== undefined && !token.isInsertedInRecovery && Number.isFinite(token.startOffset);
}

function isCstNode(element: CstElement): element is CstNode {
  return 'children' in element;
}

/** The first real token under a label. */
export function token(node: CstNode | undefined, label: string): IToken | undefined {
  const list = node?.children[label];
  if (list === undefined) return undefined;
  for (let i = 0; i < list.length; i++) {
    const element = list[i] as IToken;
    // Tokens have an image; CST nodes do not. Recovery-inserted tokens have no offset.
    if (element.image !== undefined && element.isInsertedInRecovery !== true && element.startOffset === element.startOffset) return element;
  }
  return undefined;
}

/** Every real token under a label. */
export function tokens(node: CstNode | undefined, label: string): IToken[] {
  const list = node?.children[label];
  if (!list) return [];
  return list.filter((element): element is IToken => !isCstNode(element) && isRealToken(element));
}

/** The first child node under a label. */
export function child(node: CstNode | undefined, label: string): CstNode | undefined {
  const list = node?.children[label];
  if (!list) return undefined;
  for (const element of list) if (isCstNode(element)) return element;
  return undefined;
}

/** Every child node under a label. */
export function children(node: CstNode | undefined, label: string): CstNode[] {
  const list = node?.children[label];
  if (!list) return [];
  return list.filter(isCstNode);
}

/** Whether the node or any descendant holds a real token. */
export function hasRealToken(node: CstNode | undefined): boolean {
  if (!node) return false;
  if ((node as unknown as PlazoCstNode).first !== undefined) return true;
  for (const list of Object.values(node.children)) {
    for (const element of list) {
      if (isCstNode(element) ? hasRealToken(element) : isRealToken(element)) return true;
    }
  }
  return false;
}

/** The range of a real token. */
export function tokenRange(t: IToken): Range {
  return {
    start: { line: (t.startLine ?? 1) - 1, column: (t.startColumn ?? 1) - 1, offset: t.startOffset },
    end: {
      line: (t.endLine ?? t.startLine ?? 1) - 1,
      column: t.endColumn ?? (t.startColumn ?? 1) - 1 + t.image.length,
      offset: (t.endOffset ?? t.startOffset + t.image.length - 1) + 1,
    },
  };
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
export function nodeRange(node: CstNode | undefined, fallback: Range): Range {
  if (node === undefined) return fallback;
  const { first, last } = node as unknown as PlazoCstNode;
  if (first === undefined || last === undefined) return fallback;
  return {
    start: { line: first.startLine! - 1, column: first.startColumn! - 1, offset: first.startOffset },
    end: { line: last.endLine! - 1, column: last.endColumn!, offset: last.endOffset! + 1 },
  };
}
