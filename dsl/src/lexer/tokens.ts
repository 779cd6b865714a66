// Every token of the Plazo language, in lexing order. Keywords are "soft" where the grammar lets
// them double as names (`score`, `amount`, `principal`...); comments live in their own group.
import { createToken, Lexer, type IToken, type TokenType } from 'chevrotain';
import { respellNumber } from './number-spelling.ts';

// ---------------------------------------------------------------- categories

/** Category of every keyword (the studio's Monarch grammar highlights these). */
export const Keyword = createToken({ name: 'Keyword', pattern: Lexer.NA });
/** Category of every operator and punctuation mark. */
export const Operator = createToken({ name: 'Operator', pattern: Lexer.NA });
/** Category of every literal: numbers, percents, multiples, strings, dates, booleans. */
export const Literal = createToken({ name: 'Literal', pattern: Lexer.NA });
/** Category of the binary operators of expressions (`or`, `and`, comparisons, arithmetic). */
export const BinaryOperator = createToken({ name: 'BinaryOperator', pattern: Lexer.NA, label: 'an operator' });
/** Anything usable as a name: identifiers and the soft keywords. */
export const Name = createToken({ name: 'Name', pattern: Lexer.NA, label: 'a name' });

// ---------------------------------------------------------------- trivia

export const WhiteSpace = createToken({
  name: 'WhiteSpace',
  pattern: /[ \t\r\n\f\v\u00a0\ufeff]+/,
  group: Lexer.SKIPPED,
});
/** `/// text`: documents the declaration that follows it. */
export const DocComment = createToken({
  name: 'DocComment',
  pattern: /\/\/\/(?!\/)[^\n\r]*/,
  group: 'comments',
  label: 'doc comment',
});
/** `// text` (also `////...`). */
export const LineComment = createToken({
  name: 'LineComment',
  pattern: /\/\/[^\n\r]*/,
  group: 'comments',
  label: 'comment',
});

// ---------------------------------------------------------------- names

/** A name, dotted paths included (`applicant.net_income` is one token). */
export const Identifier = createToken({
  name: 'Identifier',
  pattern: /[A-Za-z_\u00c0-\u024f][A-Za-z0-9_\u00c0-\u024f]*(?:\.[A-Za-z_\u00c0-\u024f][A-Za-z0-9_\u00c0-\u024f]*)*/,
  categories: [Name],
  label: 'a name',
});

const keywordTokens: TokenType[] = [];

/**
 * Keywords that double as names where a name is expected: expression names (`score`, `amount`,
 * `today`, `min(...)`), allocation components, IVA bases, rate-table keys, frequency enum values.
 * Every other keyword is reserved, so a broken expression cannot swallow the next statement.
 */
const SOFT_KEYWORDS = new Set([
  'amount', 'band', 'biweekly', 'business', 'fees', 'installment', 'interest', 'iva', 'max', 'min',
  'monthly', 'moratorium', 'overdue', 'payments', 'principal', 'rate', 'score',
  'semimonthly', 'today', 'tolerance', 'total', 'weekly',
  // issue 15 (reserves, books expectations): words products written before may use as names
  'accrued', 'books', 'deferred', 'expected', 'lgd', 'loss', 'pd', 'reserve',
]);

function keyword(word: string, extraCategories: TokenType[] = []): TokenType {
  const soft = SOFT_KEYWORDS.has(word);
  const token = createToken({
    name: `Kw_${word}`,
    pattern: new RegExp(word),
    longer_alt: Identifier,
    categories: soft ? [Keyword, Name, ...extraCategories] : [Keyword, ...extraCategories],
    label: `\`${word}\``,
  });
  keywordTokens.push(token);
  return token;
}

// Keywords, alphabetical. A longer identifier wins over a keyword prefix (`amounts`, `score.x`).
export const Accrual = keyword('accrual');
export const Accrued = keyword('accrued');
export const Allocation = keyword('allocation');
export const Allowed = keyword('allowed');
export const Amount = keyword('amount');
export const And = keyword('and', [BinaryOperator]);
export const Annual = keyword('annual');
export const Approve = keyword('approve');
export const At = keyword('at');
export const Band = keyword('band');
export const Base = keyword('base');
export const Basis = keyword('basis');
export const Biweekly = keyword('biweekly');
export const Books = keyword('books');
export const BooleanType = keyword('boolean');
export const Business = keyword('business');
export const By = keyword('by');
export const Cat = keyword('cat');
export const Characteristic = keyword('characteristic');
export const Collection = keyword('collection');
export const Counteroffer = keyword('counteroffer');
export const Currency = keyword('currency');
export const DateType = keyword('date');
export const Deferred = keyword('deferred');
export const Days = keyword('days');
export const Decline = keyword('decline');
export const Disburse = keyword('disburse');
export const Doc = keyword('doc');
export const Dpd = keyword('dpd');
export const Eligibility = keyword('eligibility');
export const Else = keyword('else');
export const EnumType = keyword('enum');
export const Every = keyword('every');
export const Expect = keyword('expect');
export const Expected = keyword('expected');
export const False = keyword('false', [Literal]);
export const Fee = keyword('fee');
export const Fees = keyword('fees');
export const Financed = keyword('financed');
export const First = keyword('first');
export const From = keyword('from');
export const Given = keyword('given');
export const Grace = keyword('grace');
export const If = keyword('if');
export const In = keyword('in');
export const Includes = keyword('includes');
export const Input = keyword('input');
export const Installment = keyword('installment');
export const IntegerType = keyword('integer');
export const Interest = keyword('interest');
export const Is = keyword('is');
export const Iva = keyword('iva');
export const Kind = keyword('kind');
export const Late = keyword('late');
export const Let = keyword('let');
export const Lgd = keyword('lgd');
export const Limits = keyword('limits');
export const Loss = keyword('loss');
export const Max = keyword('max');
export const Message = keyword('message');
export const Method = keyword('method');
export const Min = keyword('min');
export const Missing = keyword('missing');
export const MoneyType = keyword('money');
export const Monthly = keyword('monthly');
export const Moratorium = keyword('moratorium');
export const Multiple = keyword('multiple');
export const No = keyword('no');
export const Not = keyword('not');
export const Notify = keyword('notify');
export const NumberType = keyword('number');
export const Of = keyword('of');
export const Off = keyword('off');
export const Offer = keyword('offer');
export const On = keyword('on');
export const Optional = keyword('optional');
export const Or = keyword('or', [BinaryOperator]);
export const Ordinary = keyword('ordinary');
export const Otherwise = keyword('otherwise');
export const Outstanding = keyword('outstanding');
export const Overdue = keyword('overdue');
export const Overpayment = keyword('overpayment');
export const Pay = keyword('pay');
export const Payment = keyword('payment');
export const Payments = keyword('payments');
export const Pd = keyword('pd');
export const Penalties = keyword('penalties');
export const Per = keyword('per');
export const PercentType = keyword('percent');
export const Prepayment = keyword('prepayment');
export const Present = keyword('present');
export const Pricing = keyword('pricing');
export const Principal = keyword('principal');
export const Product = keyword('product');
export const Queue = keyword('queue');
export const Rate = keyword('rate');
export const Reason = keyword('reason');
export const Reasons = keyword('reasons');
export const Reduce = keyword('reduce');
export const Reserve = keyword('reserve');
export const Reserves = keyword('reserves');
export const Refer = keyword('refer');
export const Restructure = keyword('restructure');
export const Rounding = keyword('rounding');
export const Score = keyword('score');
export const Scorecard = keyword('scorecard');
export const Semimonthly = keyword('semimonthly');
export const Stage = keyword('stage');
export const Step = keyword('step');
export const Stop = keyword('stop');
export const StringType = keyword('string');
export const Term = keyword('term');
export const Test = keyword('test');
export const Then = keyword('then');
export const To = keyword('to');
export const Today = keyword('today');
export const Tolerance = keyword('tolerance');
export const Total = keyword('total');
export const True = keyword('true', [Literal]);
export const Unless = keyword('unless');
export const Upfront = keyword('upfront');
export const Weekly = keyword('weekly');
export const When = keyword('when');
export const Write = keyword('write');
export const Deducted = keyword('deducted');

// ---------------------------------------------------------------- context-sensitive words

function previousIs(tokens: IToken[], back: number, type: TokenType): boolean {
  return tokens[tokens.length - back]?.tokenType === type;
}

/**
 * `actual/360`, `actual/365`, `30/360`: lexed only right after `basis`, so `30/360` elsewhere
 * divides — or after a name, where no division can be (two operands in a row): the parser then
 * reads a misspelt `basis` as `basis` (parser.ts, `respellKeyword`) with this setting intact.
 */
export const BasisName = createToken({
  name: 'BasisName',
  pattern: {
    exec: (text, offset, tokens) => {
      if (!previousIs(tokens, 1, Basis) && !previousIs(tokens, 1, Identifier)) return null;
      const match = /actual\/36[05](?![A-Za-z0-9_])|30\/360(?![0-9_])/y;
      match.lastIndex = offset;
      return match.exec(text);
    },
  },
  start_chars_hint: ['a', '3'],
  line_breaks: false,
  categories: [Literal],
  label: 'an interest basis (`actual/360`, `actual/365`, `30/360`)',
});

/**
 * `half-even`, `half-up`: lexed only after `rounding N`, so `a-b` elsewhere subtracts — or after
 * `name N`, which no expression holds (a misspelt `rounding`, read as `rounding` by the parser).
 */
export const RoundingMode = createToken({
  name: 'RoundingMode',
  pattern: {
    exec: (text, offset, tokens) => {
      if (!previousIs(tokens, 2, Rounding) && !(previousIs(tokens, 2, Identifier) && previousIs(tokens, 1, NumberLiteral))) return null;
      const match = /[a-z]+(?:-[a-z]+)+/y;
      match.lastIndex = offset;
      return match.exec(text);
    },
  },
  start_chars_hint: [...'abcdefghijklmnopqrstuvwxyz'],
  line_breaks: false,
  label: 'a rounding mode',
});

// ---------------------------------------------------------------- common mistakes
// Spellings the language does not use but people write (`$2,000`, `12 %`, `1,5%`, `==`, `&&`):
// lexed as one token each so the lexer can report the fix and hand the parser what was meant
// (lexer.ts, mistakes.ts). Valid text never matches them.

/** `$` before a number, a space before `%`, or a comma inside a number (`2,000`, `1,5%`). */
export const MistakenNumber = createToken({
  name: 'MistakenNumber',
  pattern: { exec: (text, offset, tokens) => mistakenNumber(text, offset, tokens) },
  start_chars_hint: ['$', ...'0123456789'],
  line_breaks: false,
  label: 'a number',
});

/** `==`, `&&`, `||`, `!` (alone), `=>`, `=<`, `<>`: operators of other languages. */
export const MistakenOperator = createToken({
  name: 'MistakenOperator',
  pattern: {
    exec: (text, offset) => {
      const match = /==|&&|\|\||=>|=<|<>|!(?!=)/y;
      match.lastIndex = offset;
      return match.exec(text);
    },
  },
  start_chars_hint: ['=', '&', '|', '!', '<'],
  line_breaks: false,
  label: 'an operator',
});

const NUMBER_WITH_MISTAKES = /(\$[ \t]*)?\d[\d_]*((?:,\d+)*)(?:\.\d+)?(?:([ \t]+%)|%|x(?![A-Za-z0-9_]))?/y;

function mistakenNumber(text: string, offset: number, tokens: IToken[]): RegExpExecArray | null {
  NUMBER_WITH_MISTAKES.lastIndex = offset;
  const match = NUMBER_WITH_MISTAKES.exec(text);
  if (!match) return null;
  const [whole, dollar, commas, spacedPercent] = match;
  if (!dollar && !spacedPercent && !commas) return null; // the common case: a valid number
  const respelled = respellNumber(whole);
  if (!respelled) return null;
  if (!dollar && !spacedPercent && !commaInsideNumber(text, offset + whole.length, tokens)) return null;
  return match;
}

/**
 * Whether a comma between digits (`5,000`, `1,5`) belongs to the number rather than separating
 * list items: not in a list (after `(`, `,` or `{`, or inside parentheses: `round(x,2)`,
 * `min(a,100)`) and not between two ranges of a rate table (`6..12,13..24`).
 */
function commaInsideNumber(text: string, end: number, tokens: IToken[]): boolean {
  const previous = tokens[tokens.length - 1]?.tokenType;
  if (previous === LParen || previous === Comma || previous === LCurly) return false;
  if ((previous === RangeDots || previous === RangeExclusive) && text.startsWith('..', end)) return false;
  let depth = 0;
  for (let i = tokens.length - 1; i >= 0 && i >= tokens.length - 500; i--) {
    const type = tokens[i]!.tokenType;
    if (type === LCurly || type === RCurly) break;
    if (type === RParen) depth++;
    else if (type === LParen && depth-- === 0) return false;
  }
  return true;
}

// ---------------------------------------------------------------- literals

export const StringLiteral = createToken({
  name: 'StringLiteral',
  pattern: /"(?:[^"\\\n\r]|\\[^\n\r])*"/,
  categories: [Literal],
  label: 'a string',
});
/** A string without its closing quote: the lexer reports it and the parser sees a string. */
export const UnterminatedString = createToken({
  name: 'UnterminatedString',
  pattern: /"(?:[^"\\\n\r]|\\[^\n\r])*\\?/,
  label: 'string',
});
export const DateLiteral = createToken({
  name: 'DateLiteral',
  pattern: /\d{4}-\d{2}-\d{2}(?![0-9_])/,
  categories: [Literal],
  label: 'a date',
});
/** `1.5x`: a multiple of the ordinary rate. */
export const MultipleLiteral = createToken({
  name: 'MultipleLiteral',
  pattern: /\d(?:_?\d)*(?:\.\d(?:_?\d)*)?x(?![A-Za-z0-9_])/,
  categories: [Literal],
  label: 'a multiple such as `1.5x`',
});
export const PercentLiteral = createToken({
  name: 'PercentLiteral',
  pattern: /\d(?:_?\d)*(?:\.\d(?:_?\d)*)?%/,
  categories: [Literal],
  label: 'a percent',
});
export const NumberLiteral = createToken({
  name: 'NumberLiteral',
  pattern: /\d(?:_?\d)*(?:\.\d(?:_?\d)*)?/,
  categories: [Literal],
  label: 'a number',
});

// ---------------------------------------------------------------- operators and punctuation

function operator(name: string, pattern: string, binary = false): TokenType {
  return createToken({ name, pattern, categories: binary ? [Operator, BinaryOperator] : [Operator], label: `\`${pattern}\`` });
}

export const Arrow = operator('Arrow', '->');
export const RangeExclusive = operator('RangeExclusive', '..<');
export const RangeDots = operator('RangeDots', '..');
export const LessEq = operator('LessEq', '<=', true);
export const GreaterEq = operator('GreaterEq', '>=', true);
export const NotEquals = operator('NotEquals', '!=', true);
export const Less = operator('Less', '<', true);
export const Greater = operator('Greater', '>', true);
export const Equals = operator('Equals', '=', true);
export const Plus = operator('Plus', '+', true);
export const Minus = operator('Minus', '-', true);
export const Star = operator('Star', '*', true);
export const Slash = operator('Slash', '/', true);
export const LCurly = operator('LCurly', '{');
export const RCurly = operator('RCurly', '}');
export const LParen = operator('LParen', '(');
export const RParen = operator('RParen', ')');
export const Comma = operator('Comma', ',');
export const Colon = operator('Colon', ':');

/** Every token type in lexing order (first match wins; keywords defer to longer identifiers). */
export const allTokens: readonly TokenType[] = [
  WhiteSpace,
  DocComment,
  LineComment,
  StringLiteral,
  UnterminatedString,
  BasisName,
  RoundingMode,
  MistakenNumber,
  DateLiteral,
  MultipleLiteral,
  PercentLiteral,
  NumberLiteral,
  MistakenOperator,
  Arrow,
  RangeExclusive,
  RangeDots,
  LessEq,
  GreaterEq,
  NotEquals,
  Less,
  Greater,
  Equals,
  Plus,
  Minus,
  Star,
  Slash,
  LCurly,
  RCurly,
  LParen,
  RParen,
  Comma,
  Colon,
  // longest first, so `input` is tried before `in` and `payments` before `pay`
  ...[...keywordTokens].sort((a, b) => String(b.PATTERN).length - String(a.PATTERN).length),
  Identifier,
  Keyword,
  Operator,
  Literal,
  BinaryOperator,
  Name,
];

/** Every keyword of the language, sorted (for the studio's Monarch grammar and completion). */
export const keywords: readonly string[] = Object.freeze(
  keywordTokens.map((t) => String(t.PATTERN).slice(1, -1)).sort(),
);

/** The token of each keyword (`pricing` → the `pricing` token type). */
export const keywordTypes: ReadonlyMap<string, TokenType> = new Map(keywordTokens.map((t) => [String(t.PATTERN).slice(1, -1), t]));

const keywordWords = new Map([...keywordTypes].map(([word, type]) => [type, word]));

/** The word of a keyword token type (`pricing`), or undefined for other tokens. */
export function keywordOf(type: TokenType): string | undefined {
  return keywordWords.get(type);
}

/** Keywords that may also be used as names (`score`, `amount`, enum values such as `weekly`). */
export const softKeywords: ReadonlySet<string> = SOFT_KEYWORDS;
