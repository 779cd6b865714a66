// The front end in one call: lex, parse with recovery, build the AST. Diagnostics come lexing
// first, then parsing, each in text order; the file is always returned, partial after errors.
import type { IRecognitionException, IToken } from 'chevrotain';
import { buildFile } from './ast/build.ts';
import type { ProductFile, Range } from './ast/nodes.ts';
import type { Diagnostic } from './diagnostic.ts';
import { diagnostic } from './messages/catalogue.ts';
import { lex } from './lexer/lexer.ts';
import { LineIndex } from './lexer/line-index.ts';
import { isRealToken, tokenRange } from './ast/cst.ts';
import { syntaxDetails } from './parser/messages.ts';
import { plazoParser, type SyntaxProblem } from './parser/parser.ts';

/** A `//` or `///` comment: the formatter keeps them, the studio colours them. */
export interface Comment {
  /** The comment as written, from its slashes to the end of the line. */
  readonly text: string;
  /** `///` comments document the declaration that follows them. */
  readonly doc: boolean;
  readonly range: Range;
}

export interface ParseResult {
  readonly file: ProductFile;
  /** Lexical, then syntax errors (codes in the README), then `duplicate-setting` and `invalid-escape`. */
  readonly diagnostics: Diagnostic[];
  readonly comments: readonly Comment[];
}

export function syntaxDiagnostic(error: IRecognitionException, lines: LineIndex, tokens: readonly IToken[]): Diagnostic {
  const found = error.token;
  const atEnd = !isRealToken(found) || found.tokenType.name === 'EOF';
  let range: Range;
  if (!atEnd) range = tokenRange(found, lines);
  else {
    // At the end of the file: point just after the last token, so the range stays inside the text.
    const last = tokens[tokens.length - 1];
    const end = last ? last.startOffset + last.image.length : lines.text.length;
    range = lines.range(end, end);
  }
  const detail = syntaxDetails.get(error.message);
  if (detail === undefined) return { severity: 'error', code: atEnd ? 'unexpected-end-of-file' : 'unexpected-token', message: error.message, range };
  const d = diagnostic('error', detail.id, detail.args as never, range);
  // The generic "expected ..., found ..." messages report the end of the file with their own code.
  return atEnd && d.code === 'unexpected-token' ? { ...d, code: 'unexpected-end-of-file' } : d;
}

export function problemDiagnostic({ id, args, token }: SyntaxProblem, lines: LineIndex): Diagnostic {
  return diagnostic('error', id, args as never, tokenRange(token, lines));
}

/**
 * Parses a product text into its AST; never throws. After a syntax error the rest of the file is
 * still parsed, and the AST holds whatever could be read.
 * @example
 * const { file, diagnostics } = parse('product p "P" { currency MXN }');
 * file.product?.currency?.name; // "MXN"
 */
export function parse(text: string): ParseResult {
  const { file, diagnostics, comments } = parseDocument(text);
  return { file, diagnostics, comments };
}

/** What the formatter needs beyond {@link parse}: the tokens and the line index. */
export interface ParsedDocument extends ParseResult {
  readonly tokens: readonly IToken[];
  readonly commentTokens: readonly IToken[];
  readonly lines: LineIndex;
}

/** {@link parse}, keeping the tokens (for the formatter). */
export function parseDocument(text: string): ParsedDocument {
  const lines = new LineIndex(text);
  const lexed = lex(text, lines);
  syntaxDetails.clear();
  const cst = plazoParser.parseFile(lexed.tokens);
  const diagnostics: Diagnostic[] = [...lexed.diagnostics];
  const syntax = [
    ...plazoParser.errors.map((error) => syntaxDiagnostic(error, lines, lexed.tokens)),
    ...plazoParser.problems.map((problem) => problemDiagnostic(problem, lines)),
  ].sort((a, b) => a.range.start.offset - b.range.start.offset);
  const seen = new Set<string>();
  for (const diagnostic of syntax) {
    // Recovery can report the same spot twice (an insertion, then a re-sync); keep one.
    const key = `${diagnostic.range.start.offset}:${diagnostic.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push(diagnostic);
  }
  const buildDiagnostics: Diagnostic[] = [];
  const file = buildFile(cst, { diagnostics: buildDiagnostics, lines, tokens: lexed.tokens, comments: lexed.comments });
  diagnostics.push(...buildDiagnostics);
  const comments = lexed.comments.map((c) => Object.freeze({ text: c.image, doc: c.tokenType.name === 'DocComment', range: tokenRange(c, lines) }));
  return { file, diagnostics, comments, tokens: lexed.tokens, commentTokens: lexed.comments, lines };
}
