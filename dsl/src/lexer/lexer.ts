// Lexing: text → tokens, comments and lexical diagnostics (`invalid-character`,
// `unterminated-string`). An unterminated string is still handed to the parser as a string.
import { Lexer, type IToken } from 'chevrotain';
import type { Diagnostic } from '../diagnostic.ts';
import { LineIndex } from './line-index.ts';
import { allTokens, StringLiteral, UnterminatedString } from './tokens.ts';

/** Payload marking a string token that lacks its closing quote. */
export const UNTERMINATED = 'unterminated';

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
    diagnostics.push({
      severity: 'error',
      code: 'invalid-character',
      message: `invalid character${[...bad].length > 1 ? 's' : ''} \`${shown}\``,
      range: lines.range(error.offset, error.offset + error.length),
      help: 'names use letters, digits and `_`; strings go between double quotes',
    });
  }
  for (const token of result.tokens) {
    if (token.tokenType !== UnterminatedString) continue;
    diagnostics.push({
      severity: 'error',
      code: 'unterminated-string',
      message: 'unterminated string: expected a closing `"` before the end of the line',
      range: lines.range(token.startOffset, token.startOffset + token.image.length),
    });
    token.payload = UNTERMINATED;
    token.tokenType = StringLiteral;
    token.tokenTypeIdx = StringLiteral.tokenTypeIdx!;
  }
  return { tokens: result.tokens, comments: result.groups['comments'] ?? [], diagnostics, lines };
}
