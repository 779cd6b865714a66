// The front end of PLD policy documents: the product lexer's tokens, statements read here by
// recursive descent, and every expression handed to the product grammar's `expression` rule (so
// policies and products share one expression language, its errors and its AST). Never throws:
// after a syntax error it skips to the next statement and goes on.
import type { IToken, TokenType } from 'chevrotain';
import { buildExpression } from '../ast/build-expression.ts';
import { booleanLiteral, identifier, numberLiteral, stringLiteral, type BuildContext } from '../ast/build-literals.ts';
import { cover, tokenRange } from '../ast/cst.ts';
import type { Expr, Identifier, NumberLiteral, Range, StringLiteral } from '../ast/nodes.ts';
import type { Diagnostic } from '../diagnostic.ts';
import { lex } from '../lexer/lexer.ts';
import { LineIndex } from '../lexer/line-index.ts';
import * as t from '../lexer/tokens.ts';
import { diagnostic } from '../messages/catalogue.ts';
import type { Localized } from '../messages/types.ts';
import { problemDiagnostic, syntaxDiagnostic, type Comment } from '../parse.ts';
import { syntaxDetails } from '../parser/messages.ts';
import { plazoParser } from '../parser/parser.ts';
import type { ConditionDecl, FactorBinDecl, FactorBinMatch, FactorDecl, PolicyDecl, PolicyFile, RiskGradeSection, RiskItem, UnusualRuleDecl } from './policy-nodes.ts';

export interface PolicyParseResult {
  readonly file: PolicyFile;
  readonly diagnostics: Diagnostic[];
  readonly comments: readonly Comment[];
}

export interface ParsedPolicyDocument extends PolicyParseResult {
  readonly tokens: readonly IToken[];
  readonly commentTokens: readonly IToken[];
  readonly lines: LineIndex;
}

/** What a statement expected, in both languages. */
const EXPECTED = {
  policy: { en: '`policy`', es: '`policy`' },
  code: { en: 'a policy code', es: 'un código de política' },
  open: { en: '`{`', es: '`{`' },
  close: { en: '`}`', es: '`}`' },
  policyItem: { en: '`risk grade`, `unusual`, `doc` or `}`', es: '`risk grade`, `unusual`, `doc` o `}`' },
  riskItem: {
    en: '`factor`, `when`, a grade cut-off (`high when points >= 50`), `otherwise` or `}`',
    es: '`factor`, `when`, un corte de grado (`high when points >= 50`), `otherwise` o `}`',
  },
  grade: { en: '`grade`', es: '`grade`' },
  string: { en: 'a string', es: 'un texto entre comillas' },
  fact: { en: 'a fact such as `client.occupation`', es: 'un dato como `client.occupation`' },
  when: { en: '`when`', es: '`when`' },
  arrow: { en: '`->`', es: '`->`' },
  points: { en: 'points (a number)', es: 'puntos (un número)' },
  reason: { en: '`reason`', es: '`reason`' },
  cutoff: { en: '`points >=` and a number', es: '`points >=` y un número' },
  gradeName: { en: 'a grade (`high`, `medium`, `low`)', es: 'un grado (`high`, `medium`, `low`)' },
  bin: { en: 'a bin (`missing`, `otherwise`, a range such as `..<25`, or values)', es: 'un tramo (`missing`, `otherwise`, un rango como `..<25`, o valores)' },
  expression: { en: 'an expression', es: 'una expresión' },
  end: { en: 'the end of the expression', es: 'el final de la expresión' },
  endOfFile: { en: 'the end of the file (a file holds one policy)', es: 'el final del archivo (un archivo contiene una política)' },
} satisfies Record<string, Localized>;

class SyntaxStop extends Error {}

class PolicyParser {
  private i = 0;
  readonly diagnostics: Diagnostic[] = [];
  private readonly ctx: BuildContext;

  constructor(
    private readonly tokens: IToken[],
    private readonly lines: LineIndex,
    comments: IToken[],
  ) {
    this.ctx = { diagnostics: this.diagnostics, lines, tokens, comments };
  }

  private peek(k = 0): IToken | undefined {
    return this.tokens[this.i + k];
  }

  /** Whether the token is the word `w` (an identifier or a keyword spelled so). */
  private isWord(token: IToken | undefined, w: string): boolean {
    return token !== undefined && token.image === w && (token.tokenType === t.Identifier || t.keywordOf(token.tokenType) === w);
  }

  private fail(expected: Localized, token = this.peek()): never {
    const range = token ? tokenRange(token, this.lines) : this.endRange();
    this.diagnostics.push(diagnostic('error', 'policy-syntax', { expected, found: token ? token.image : null }, range));
    throw new SyntaxStop();
  }

  private endRange(): Range {
    const last = this.tokens[this.tokens.length - 1];
    const end = last ? last.startOffset + last.image.length : this.lines.text.length;
    return this.lines.range(end, end);
  }

  private word(w: string, expected: Localized): IToken {
    const token = this.peek();
    if (!this.isWord(token, w)) this.fail(expected);
    this.i++;
    return token!;
  }

  private ofType(type: TokenType, expected: Localized): IToken {
    const token = this.peek();
    if (token === undefined || token.tokenType !== type) this.fail(expected);
    this.i++;
    return token!;
  }

  private name(expected: Localized): Identifier {
    const token = this.peek();
    if (token === undefined || (token.tokenType !== t.Identifier && !(t.keywordOf(token.tokenType) !== undefined && t.softKeywords.has(token.image)))) this.fail(expected);
    this.i++;
    return identifier(token!, this.ctx);
  }

  private string(expected: Localized = EXPECTED.string): StringLiteral {
    return stringLiteral(this.ofType(t.StringLiteral, expected), this.ctx);
  }

  /** A number with an optional sign: `40`, `+20`, `-5`. */
  private signedNumber(expected: Localized): NumberLiteral {
    const sign = this.peek();
    const signed = sign !== undefined && (sign.tokenType === t.Plus || sign.tokenType === t.Minus);
    if (signed) this.i++;
    const value = this.ofType(t.NumberLiteral, expected);
    return numberLiteral(value, this.ctx, signed ? sign : undefined);
  }

  private rangeFrom(first: IToken): Range {
    const last = this.tokens[this.i - 1] ?? first;
    return cover(tokenRange(first, this.lines), tokenRange(last, this.lines));
  }

  /** Skips to the next token that may start a statement, at this brace depth. */
  private recover(starts: readonly string[]): void {
    let depth = 0;
    // Always move past the offending token.
    if (this.peek() && this.peek()!.tokenType !== t.RCurly) this.i++;
    for (let token = this.peek(); token !== undefined; token = this.peek()) {
      if (token.tokenType === t.LCurly || token.tokenType === t.LParen) depth++;
      else if (token.tokenType === t.RCurly || token.tokenType === t.RParen) {
        if (depth === 0) return;
        depth--;
      } else if (depth === 0 && starts.some((w) => this.isWord(token, w))) return;
      this.i++;
    }
  }

  /** After an error inside a block: skips to the `}` that closes it (not consumed). */
  private skipToClose(): void {
    let depth = 0;
    for (let token = this.peek(); token !== undefined; token = this.peek()) {
      if (token.tokenType === t.LCurly) depth++;
      else if (token.tokenType === t.RCurly) {
        if (depth === 0) return;
        depth--;
      }
      this.i++;
    }
  }

  /**
   * The tokens of an expression: up to (not including) the first token at depth 0 that `stop`
   * accepts, or a `}` closing the enclosing block. Parsed with the product grammar's rule.
   */
  private expression(stop: (token: IToken) => boolean, fallback: Range): Expr {
    const start = this.i;
    let depth = 0;
    for (let token = this.peek(); token !== undefined; token = this.peek()) {
      if (token.tokenType === t.LCurly || token.tokenType === t.LParen) depth++;
      else if (token.tokenType === t.RCurly || token.tokenType === t.RParen) {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && stop(token)) break;
      this.i++;
    }
    const slice = this.tokens.slice(start, this.i);
    if (slice.length === 0) this.fail(EXPECTED.expression);
    const cst = plazoParser.parseExpressionTokens(slice);
    for (const error of plazoParser.errors) {
      if (error.name === 'NotAllInputParsedException') {
        this.diagnostics.push(diagnostic('error', 'policy-syntax', { expected: EXPECTED.end, found: error.token.image }, tokenRange(error.token, this.lines)));
      } else this.diagnostics.push(syntaxDiagnostic(error, this.lines, slice));
    }
    for (const problem of plazoParser.problems) this.diagnostics.push(problemDiagnostic(problem, this.lines));
    return buildExpression(cst, this.ctx, fallback);
  }

  parseFile(): PolicyFile {
    if (this.tokens.length === 0) return {};
    let policy: PolicyDecl | undefined;
    try {
      policy = this.policy();
    } catch (e) {
      if (!(e instanceof SyntaxStop)) throw e;
    }
    const extra = this.peek();
    if (policy !== undefined && extra !== undefined) {
      this.diagnostics.push(diagnostic('error', 'policy-syntax', { expected: EXPECTED.endOfFile, found: extra.image }, tokenRange(extra, this.lines)));
    }
    return policy ? { policy } : {};
  }

  private policy(): PolicyDecl {
    const first = this.word('policy', EXPECTED.policy);
    const code = this.name(EXPECTED.code);
    const name = this.peek()?.tokenType === t.StringLiteral ? this.string() : undefined;
    const open = this.ofType(t.LCurly, EXPECTED.open);
    let doc: StringLiteral | undefined;
    let risk: RiskGradeSection | undefined;
    const rules: UnusualRuleDecl[] = [];
    const starts = ['risk', 'unusual', 'doc'];
    for (let token = this.peek(); token !== undefined && token.tokenType !== t.RCurly; token = this.peek()) {
      try {
        if (this.isWord(token, 'doc')) {
          this.i++;
          doc = this.string();
        } else if (this.isWord(token, 'risk')) {
          const section = this.riskGrade();
          risk ??= section;
        } else if (this.isWord(token, 'unusual')) rules.push(this.unusual());
        else this.fail(EXPECTED.policyItem);
      } catch (e) {
        if (!(e instanceof SyntaxStop)) throw e;
        this.recover(starts);
      }
    }
    this.ofType(t.RCurly, EXPECTED.close);
    const range = this.rangeFrom(first);
    return {
      kind: 'PolicyDecl',
      code,
      ...(name ? { name } : {}),
      ...(doc ? { doc } : {}),
      ...(risk ? { risk } : {}),
      rules,
      range,
      bodyStart: open.startOffset + 1,
    };
  }

  private riskGrade(): RiskGradeSection {
    const first = this.word('risk', EXPECTED.policyItem);
    this.word('grade', EXPECTED.grade);
    const open = this.ofType(t.LCurly, EXPECTED.open);
    const items: RiskItem[] = [];
    const starts = ['factor', 'when', 'high', 'medium', 'low', 'otherwise'];
    for (let token = this.peek(); token !== undefined && token.tokenType !== t.RCurly; token = this.peek()) {
      try {
        items.push(this.riskItem(token));
      } catch (e) {
        if (!(e instanceof SyntaxStop)) throw e;
        this.recover(starts);
      }
    }
    this.ofType(t.RCurly, EXPECTED.close);
    return { kind: 'RiskGradeSection', items, range: this.rangeFrom(first), bodyStart: open.startOffset + 1 };
  }

  private riskItem(token: IToken): RiskItem {
    if (this.isWord(token, 'factor')) return this.factor();
    if (this.isWord(token, 'when')) return this.condition();
    if (this.isWord(token, 'otherwise')) {
      this.i++;
      const grade = this.name(EXPECTED.gradeName);
      return { kind: 'GradeOtherwiseDecl', grade, range: this.rangeFrom(token) };
    }
    if (token.tokenType === t.Identifier && this.isWord(this.peek(1), 'when')) {
      const grade = this.name(EXPECTED.gradeName);
      this.word('when', EXPECTED.when);
      if (!this.isWord(this.peek(), 'points') || this.peek(1)?.tokenType !== t.GreaterEq) this.fail(EXPECTED.cutoff);
      this.i += 2;
      const min = this.signedNumber(EXPECTED.points);
      return { kind: 'GradeCutoffDecl', grade, min, range: this.rangeFrom(token) };
    }
    return this.fail(EXPECTED.riskItem);
  }

  private factor(): FactorDecl {
    const first = this.word('factor', EXPECTED.riskItem);
    const fact = this.name(EXPECTED.fact);
    const open = this.ofType(t.LCurly, EXPECTED.open);
    const bins: FactorBinDecl[] = [];
    try {
      while (this.peek() !== undefined && this.peek()!.tokenType !== t.RCurly) bins.push(this.bin());
    } catch (e) {
      if (!(e instanceof SyntaxStop)) throw e;
      this.skipToClose();
    }
    this.ofType(t.RCurly, EXPECTED.close);
    return { kind: 'FactorDecl', fact, bins, range: this.rangeFrom(first), bodyStart: open.startOffset + 1 };
  }

  private bin(): FactorBinDecl {
    const first = this.peek()!;
    let match: FactorBinMatch;
    if (this.isWord(first, 'missing')) {
      this.i++;
      match = { kind: 'missing' };
    } else if (this.isWord(first, 'otherwise')) {
      this.i++;
      match = { kind: 'otherwise' };
    } else if (first.tokenType === t.NumberLiteral || first.tokenType === t.RangeDots || first.tokenType === t.RangeExclusive || first.tokenType === t.Minus) {
      const min = first.tokenType === t.RangeDots || first.tokenType === t.RangeExclusive ? undefined : this.signedNumber(EXPECTED.bin);
      const dots = this.peek();
      if (dots === undefined || (dots.tokenType !== t.RangeDots && dots.tokenType !== t.RangeExclusive)) this.fail(EXPECTED.bin);
      this.i++;
      const next = this.peek();
      const max = next !== undefined && (next.tokenType === t.NumberLiteral || next.tokenType === t.Minus) ? this.signedNumber(EXPECTED.bin) : undefined;
      match = { kind: 'range', ...(min ? { min } : {}), ...(max ? { max } : {}), maxExclusive: dots!.tokenType === t.RangeExclusive };
    } else {
      const values: (StringLiteral | Identifier | ReturnType<typeof booleanLiteral>)[] = [];
      for (;;) {
        const token = this.peek();
        if (token?.tokenType === t.StringLiteral) values.push(this.string());
        else if (token?.tokenType === t.True || token?.tokenType === t.False) {
          this.i++;
          values.push(booleanLiteral(token, this.ctx));
        } else if (token?.tokenType === t.Identifier) values.push(this.name(EXPECTED.bin));
        else this.fail(EXPECTED.bin);
        if (this.peek()?.tokenType !== t.Comma) break;
        this.i++;
      }
      match = { kind: 'values', values };
    }
    this.ofType(t.Arrow, EXPECTED.arrow);
    const points = this.signedNumber(EXPECTED.points);
    return { kind: 'FactorBinDecl', match, points, range: this.rangeFrom(first) };
  }

  private condition(): ConditionDecl {
    const first = this.word('when', EXPECTED.when);
    const condition = this.expression((token) => token.tokenType === t.Arrow || this.isWord(token, 'factor'), tokenRange(first, this.lines));
    this.ofType(t.Arrow, EXPECTED.arrow);
    const points = this.signedNumber(EXPECTED.points);
    this.word('reason', EXPECTED.reason);
    const reason = this.string();
    return { kind: 'ConditionDecl', condition, points, reason, range: this.rangeFrom(first) };
  }

  private unusual(): UnusualRuleDecl {
    const first = this.word('unusual', EXPECTED.policyItem);
    const code = this.string();
    const when = this.word('when', EXPECTED.when);
    const condition = this.expression((token) => token.tokenType === t.Message || this.isWord(token, 'unusual') || this.isWord(token, 'risk') || token.tokenType === t.Doc, tokenRange(when, this.lines));
    let message: StringLiteral | undefined;
    if (this.peek()?.tokenType === t.Message) {
      this.i++;
      message = this.string();
    }
    return { kind: 'UnusualRuleDecl', code, condition, ...(message ? { message } : {}), range: this.rangeFrom(first) };
  }
}

/** Parses a policy text, keeping its tokens (for the formatter). */
export function parsePolicyDocument(text: string): ParsedPolicyDocument {
  const lines = new LineIndex(text);
  const lexed = lex(text, lines);
  syntaxDetails.clear();
  const parser = new PolicyParser(lexed.tokens, lines, lexed.comments);
  const file = parser.parseFile();
  const diagnostics = [...lexed.diagnostics, ...parser.diagnostics];
  if (!file.policy && !diagnostics.some((d) => d.severity === 'error')) {
    diagnostics.push(diagnostic('error', 'policy-missing', {}, lines.range(0, 0)));
  }
  const comments = lexed.comments.map((c) => Object.freeze({ text: c.image, doc: c.tokenType.name === 'DocComment', range: tokenRange(c, lines) }));
  return { file, diagnostics, comments, tokens: lexed.tokens, commentTokens: lexed.comments, lines };
}

/**
 * Parses a PLD policy text into its AST; never throws.
 * @example parsePolicy('policy pld "PLD" { risk grade { otherwise low } }').file.policy?.code?.name // "pld"
 */
export function parsePolicy(text: string): PolicyParseResult {
  const { file, diagnostics, comments } = parsePolicyDocument(text);
  return { file, diagnostics, comments };
}

/** Whether a text is a policy document (its first word is `policy`), not a product. */
export function isPolicyText(text: string): boolean {
  return /^(?:\s|\/\/[^\n]*\n)*policy\b/.test(text);
}
