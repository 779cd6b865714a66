// Literal and name nodes from CST tokens: numbers without `_`, percents with their exact fraction,
// unescaped strings (reporting `invalid-escape`), identifiers with their own ranges.
import { diagnostic } from '../messages/catalogue.ts';
import type { CstNode, IToken } from 'chevrotain';
import { Dec } from '@plazo/engine';
import type { Diagnostic } from '../diagnostic.ts';
import type { LineIndex } from '../lexer/line-index.ts';
import { spelling, UNTERMINATED } from '../lexer/lexer.ts';
import { cover, token, tokenRange } from './cst.ts';
import type {
  BooleanLiteral,
  DateLiteral,
  Identifier,
  NumberLiteral,
  PercentLiteral,
  Range,
  StringLiteral,
} from './nodes.ts';

/** What the AST builder carries: where diagnostics go and how offsets map to positions. */
export interface BuildContext {
  readonly diagnostics: Diagnostic[];
  readonly lines: LineIndex;
  /** Significant tokens, in order (to find what precedes a declaration). */
  readonly tokens: readonly IToken[];
  /** Comment tokens, in order (doc comments become `doc`). */
  readonly comments: readonly IToken[];
}

export function identifier(t: IToken, ctx: BuildContext): Identifier {
  return Object.freeze({ kind: 'Identifier', name: t.image, range: tokenRange(t, ctx.lines) });
}

/** An identifier for a name lost to a syntax error: empty, at `range`. */
export function missingIdentifier(range: Range): Identifier {
  return Object.freeze({ kind: 'Identifier', name: '', range });
}

function withoutGrouping(image: string): string {
  return image.includes('_') ? image.replaceAll('_', '') : image;
}

/** A number token, optionally signed by a preceding `sign` CST node ("-40", "+50"). */
export function numberLiteral(t: IToken, ctx: BuildContext, sign?: IToken): NumberLiteral {
  const image = spelling(t);
  const digits = withoutGrouping(image.charCodeAt(image.length - 1) === 120 /* x */ ? image.slice(0, -1) : image);
  if (!sign) return Object.freeze({ kind: 'NumberLiteral', value: digits, range: tokenRange(t, ctx.lines) });
  return Object.freeze({ kind: 'NumberLiteral', value: sign.image + digits, range: signedRange(sign, t, ctx) });
}

/** The range of a sign and its number: the cover of both tokens' ranges. */
function signedRange(sign: IToken, t: IToken, ctx: BuildContext): Range {
  return cover(tokenRange(sign, ctx.lines), tokenRange(t, ctx.lines));
}

/** The exact fraction of a percent as a plain decimal string: "36" → "0.36". */
export function percentFraction(value: string): string {
  const cached = fractions.get(value);
  if (cached !== undefined) return cached;
  const fraction = new Dec(value).div(100).toFixed();
  if (fractions.size >= 10_000) fractions.clear();
  fractions.set(value, fraction);
  return fraction;
}

/** percentFraction by text: a product repeats a few percents many times. */
const fractions = new Map<string, string>();

export function percentLiteral(t: IToken, ctx: BuildContext, sign?: IToken): PercentLiteral {
  const value = `${sign?.image ?? ''}${withoutGrouping(spelling(t).slice(0, -1))}`;
  const range = sign ? signedRange(sign, t, ctx) : tokenRange(t, ctx.lines);
  return Object.freeze({ kind: 'PercentLiteral', value, fraction: percentFraction(value), range });
}

export function stringLiteral(t: IToken, ctx: BuildContext): StringLiteral {
  const terminated = t.payload !== UNTERMINATED;
  const body = t.image.slice(1, terminated ? -1 : undefined);
  let value = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      value += c;
      continue;
    }
    const next = body[i + 1];
    if (next === '"' || next === '\\') {
      value += next;
    } else {
      const at = t.startOffset + 1 + i;
      ctx.diagnostics.push(diagnostic('error', 'invalid-escape', { escape: next ?? null }, ctx.lines.range(at, at + (next === undefined ? 1 : 2))));
      if (next !== undefined) value += next;
    }
    i++;
  }
  return Object.freeze({ kind: 'StringLiteral', value, range: tokenRange(t, ctx.lines) });
}

export function dateLiteral(t: IToken, ctx: BuildContext): DateLiteral {
  return Object.freeze({ kind: 'DateLiteral', value: t.image, range: tokenRange(t, ctx.lines) });
}

export function booleanLiteral(t: IToken, ctx: BuildContext): BooleanLiteral {
  return Object.freeze({ kind: 'BooleanLiteral', value: t.image === 'true', range: tokenRange(t, ctx.lines) });
}

/** A `signedNumber` CST node → NumberLiteral, or undefined when its number was lost. */
export function signedNumber(node: CstNode | undefined, ctx: BuildContext): NumberLiteral | undefined {
  const value = token(node, 'value');
  if (!value) return undefined;
  return numberLiteral(value, ctx, token(node, 'sign'));
}

/** A `bound` CST node → NumberLiteral or PercentLiteral. */
export function bound(node: CstNode | undefined, ctx: BuildContext): NumberLiteral | PercentLiteral | undefined {
  const value = token(node, 'value');
  if (!value) return undefined;
  const sign = token(node, 'sign');
  return spelling(value).endsWith('%') ? percentLiteral(value, ctx, sign) : numberLiteral(value, ctx, sign);
}
