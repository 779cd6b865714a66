// What the lexer says about a mistaken token (tokens.ts, "common mistakes") and what it reads it
// as: one targeted error with the fix, and the meant token for the parser, so the rest of the
// statement parses and nothing else is reported for the same mistake.
import type { IToken, TokenType } from 'chevrotain';
import type { MessageArgs } from '../messages/catalogue.ts';
import { respellNumber } from './number-spelling.ts';
import { And, Equals, GreaterEq, LessEq, MistakenNumber, MistakenOperator, MultipleLiteral, Not, NotEquals, NumberLiteral, Or, PercentLiteral } from './tokens.ts';

type MistakeMessage =
  | { readonly id: 'unknown-operator'; readonly args: MessageArgs<'unknown-operator'> }
  | { readonly id: 'currency-sign'; readonly args: MessageArgs<'currency-sign'> }
  | { readonly id: 'decimal-comma' | 'thousands-separator'; readonly args: MessageArgs<'decimal-comma'> }
  | { readonly id: 'percent-space'; readonly args: MessageArgs<'percent-space'> };

export type Mistake = MistakeMessage & {
  /** The token type meant, which the parser gets instead. */
  readonly type: TokenType;
  /** Its Plazo spelling (`2_000`, `=`), which the AST builder reads instead of the image. */
  readonly intended: string;
};

const OPERATORS: Record<string, readonly [TokenType, string, 'equals' | 'logical' | 'comparison']> = {
  '==': [Equals, '=', 'equals'],
  '&&': [And, 'and', 'logical'],
  '||': [Or, 'or', 'logical'],
  '!': [Not, 'not', 'logical'],
  '=>': [GreaterEq, '>=', 'comparison'],
  '=<': [LessEq, '<=', 'comparison'],
  '<>': [NotEquals, '!=', 'comparison'],
};

/** The mistake a MistakenNumber or MistakenOperator token makes, or undefined for other tokens. */
export function mistakeOf(token: IToken): Mistake | undefined {
  const written = token.image;
  if (token.tokenType === MistakenOperator) {
    const [type, intended, kind] = OPERATORS[written]!;
    return { id: 'unknown-operator', args: { intended, written, kind }, type, intended };
  }
  if (token.tokenType !== MistakenNumber) return undefined;
  const respelled = respellNumber(written)!;
  const { intended } = respelled;
  const type = intended.endsWith('%') ? PercentLiteral : intended.endsWith('x') ? MultipleLiteral : NumberLiteral;
  const listed = written.replace(/^\$[ \t]*/, '');
  if (respelled.currencySign) return { id: 'currency-sign', args: { intended, thousands: respelled.comma === 'thousands' }, type, intended };
  if (respelled.comma === 'decimal') return { id: 'decimal-comma', args: { intended, written: listed }, type, intended };
  if (respelled.comma === 'thousands') return { id: 'thousands-separator', args: { intended, written: listed }, type, intended };
  return { id: 'percent-space', args: { intended }, type, intended };
}
