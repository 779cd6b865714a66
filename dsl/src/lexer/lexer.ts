// Lexing: text → tokens, comments and lexical diagnostics (`invalid-character`,
// `unterminated-string`, and the common mistakes of mistakes.ts). An unterminated string is still
// handed to the parser as a string, a mistaken number or operator as the one meant.
import { Lexer, type IToken, type TokenType } from 'chevrotain';
import type { Diagnostic } from '../diagnostic.ts';
import { LineIndex } from './line-index.ts';
import { diagnostic } from '../messages/catalogue.ts';
import { mistakeOf } from './mistakes.ts';
import { allTokens, StringLiteral, UnterminatedString } from './tokens.ts';

/** Payload marking a string token that lacks its closing quote. */
export const UNTERMINATED = 'unterminated';

/** Payload of a token read as something else than written (`1,5%` as `1.5%`, `prcing` as `pricing`). */
interface Respelled {
  readonly intended: string;
}

/** The text a token stands for: its image, or what was meant when it was respelled. */
export function spelling(token: IToken): string {
  const payload = token.payload as Respelled | undefined;
  return payload?.intended ?? token.image;
}

/** Makes `token` read as a `type` spelled `intended` (after reporting what was written). */
export function respell(token: IToken, type: TokenType, intended: string): void {
  token.tokenType = type;
  token.tokenTypeIdx = type.tokenTypeIdx!;
  token.payload = { intended } satisfies Respelled;
}

/** The lexer, built once: Chevrotain validates and optimizes the token set at construction. */
const lexer = new Lexer([...allTokens], {
  // Offsets only: lines and columns come from the LineIndex (see tokenRange in ast/cst.ts).
  positionTracking: 'onlyOffset',
  ensureOptimizations: true,
  recoveryEnabled: true,
});

export interface LexResult {
  /** Significant tokens, in order (the parser's input). */
  readonly tokens: IToken[];
  /** `//` and `///` comments, in order (the formatter keeps them; `///` become docs). */
  readonly comments: IToken[];
  readonly diagnostics: Diagnostic[];
  readonly lines: LineIndex;
}

/** Lexes a product text; never throws. */
export function lex(text: string, lines: LineIndex = new LineIndex(text)): LexResult {
  const result = lexer.tokenize(text);
  const diagnostics: Diagnostic[] = [];
  for (const error of result.errors) {
    const bad = text.slice(error.offset, error.offset + error.length);
    const shown = bad.length > 20 ? `${bad.slice(0, 20)}…` : bad;
    diagnostics.push(diagnostic('error', 'invalid-character', { shown, plural: [...bad].length > 1, bad }, lines.range(error.offset, error.offset + error.length)));
  }
  for (const token of result.tokens) {
    const mistake = mistakeOf(token);
    if (mistake) {
      diagnostics.push(diagnostic('error', mistake.id, mistake.args as never, lines.range(token.startOffset, token.startOffset + token.image.length)));
      respell(token, mistake.type, mistake.intended);
      continue;
    }
    if (token.tokenType !== UnterminatedString) continue;
    diagnostics.push(diagnostic('error', 'unterminated-string', {}, lines.range(token.startOffset, token.startOffset + token.image.length)));
    token.payload = UNTERMINATED;
    token.tokenType = StringLiteral;
    token.tokenTypeIdx = StringLiteral.tokenTypeIdx!;
  }
  diagnostics.sort((a, b) => a.range.start.offset - b.range.start.offset);
  return { tokens: result.tokens, comments: result.groups['comments'] ?? [], diagnostics, lines };
}
