// Syntax error messages in Cedar's style (lowercase, user text in backticks), naming what was
// expected and the construct being parsed: "expected `}` to close `limits`". Where the mistake is
// recognisable the message names the fix instead, with its own code and help: a number without
// `%` where a rate belongs, a misspelt keyword ("did you mean `ordinary`?").
import { tokenLabel, tokenMatcher, type IParserErrorMessageProvider, type IToken, type TokenType } from 'chevrotain';
import { spelling } from '../lexer/lexer.ts';
import { Identifier, keywordOf, NumberLiteral, PercentLiteral, Product, RCurly } from '../lexer/tokens.ts';
import { keywordHelp, suggestKeyword } from './keyword-suggestions.ts';

/** The code and help of a message built here, by its text (Chevrotain keeps only the text). */
export interface SyntaxDetail {
  readonly code: string;
  readonly help?: string;
}

/** Details of the messages built during the current parse (parse.ts clears and reads them). */
export const syntaxDetails = new Map<string, SyntaxDetail>();

function detailed(message: string, code: string, help?: string): string {
  syntaxDetails.set(message, help === undefined ? { code } : { code, help });
  return message;
}

/** The construct each grammar rule parses, as the user wrote it (for "... in `pricing`"). */
const constructs: Record<string, string> = {
  file: 'file',
  product: 'product',
  currencySetting: 'currency',
  kindSetting: 'kind',
  docSetting: 'doc',
  inputSection: 'input',
  inputField: 'input field',
  enumType: 'enum',
  letDecl: 'let',
  rangeExpr: 'range',
  bound: 'range bound',
  signedNumber: 'number',
  limitsSection: 'limits',
  amountLimit: 'amount',
  termLimit: 'payments',
  firstPaymentLimit: 'first payment',
  frequency: 'frequency',
  pricingSection: 'pricing',
  methodSetting: 'method',
  basisSetting: 'basis',
  basisValue: 'basis',
  rateSetting: 'rate',
  rateTable: 'rate by',
  rateRow: 'rate table row',
  rateCell: 'rate table row',
  ivaSetting: 'iva',
  roundingSetting: 'rounding',
  graceSetting: 'grace',
  businessDaysSetting: 'business days',
  installmentIncludesIva: 'installment includes iva',
  feeDecl: 'fee',
  feeAmount: 'fee',
  minCap: 'min',
  maxCap: 'max',
  feeTiming: 'fee',
  taxability: 'iva',
  eligibilitySection: 'eligibility',
  ruleDecl: 'rule',
  outcome: 'rule',
  scorecardSection: 'scorecard',
  baseSetting: 'base',
  characteristicDecl: 'characteristic',
  binDecl: 'bin',
  binValue: 'bin',
  bandDecl: 'band',
  scoreOtherwise: 'otherwise',
  offerSection: 'offer',
  installmentCap: 'installment',
  amountCap: 'amount',
  amountByBand: 'by band',
  bandAmount: 'by band',
  counterofferSetting: 'counteroffer',
  penaltiesSection: 'penalties',
  lateFeeDecl: 'late fee',
  graceDays: 'grace',
  moratoriumDecl: 'moratorium',
  collectionSection: 'collection',
  atStep: 'at',
  stageStep: 'from',
  action: 'action',
  restructureOffer: 'offer restructure',
  restructurePayments: 'offer restructure',
  restructureRate: 'offer restructure',
  allocationDecl: 'allocation',
  prepaymentDecl: 'prepayment',
  overpaymentDecl: 'overpayment tolerance',
  component: 'component',
  testDecl: 'test',
  givenStatement: 'given',
  givenEntry: 'given',
  todayStatement: 'today',
  disburseStatement: 'disburse',
  payStatement: 'pay',
  expectStatement: 'expect',
  expectation: 'expect',
  stateExpectation: 'expect on',
  call: 'call',
  parenExpr: 'expression',
  ifExpr: 'if',
};

/** What an alternative of a rule is, when listing every expected token would be noise. */
const expectedThings: Record<string, string> = {
  product: 'a section (`input`, `let`, `limits`, `pricing`, `fee`, `eligibility`, `scorecard`, `offer`, `penalties`, `collection`, `allocation`, `prepayment`, `overpayment`, `test`) or `}`',
  expression: 'an expression',
  operand: 'an expression',
  exprTail: 'an operator',
  rangeExpr: 'a range such as `1..10`',
  bound: 'a number or a percent',
  inputField: 'a type (`number`, `integer`, `money`, `percent`, `string`, `boolean`, `date`, `enum { ... }`)',
  binDecl: 'a bin (`missing`, `otherwise`, a range such as `580..679`, or values)',
  givenEntry: 'a value (number, percent, string, date, `true`, `false` or a name)',
};

/** The construct a rule parses, for messages. */
export function constructOf(ruleName: string): string {
  return constructs[ruleName] ?? ruleName;
}

/** How a token is named in a message: its label (`` `}` ``, `number`) or its text. */
export function describeExpected(type: TokenType): string {
  return tokenLabel(type);
}

/** How the token actually found is shown: its text in backticks, or "the end of the file". */
export function describeActual(token: IToken | undefined): string {
  if (!token || token.tokenType?.name === 'EOF') return 'the end of the file';
  const image = token.image.length > 30 ? `${token.image.slice(0, 30)}…` : token.image;
  return `\`${image}\``;
}

function listExpected(paths: TokenType[][]): string {
  const labels = [...new Set(paths.map((path) => path[0]).filter((type) => type !== undefined).map(describeExpected))];
  if (labels.length === 0) return 'something else';
  if (labels.length === 1) return labels[0]!;
  if (labels.length > 8) return `one of ${labels.slice(0, 8).join(', ')}, …`;
  return `one of ${labels.join(', ')}`;
}

const expressionRules = new Set(['expression', 'exprTail', 'operand', 'parenExpr']);

/** " in `limits`", or nothing inside expressions (where the construct name would be noise). */
function inConstruct(ruleName: string): string {
  return expressionRules.has(ruleName) ? '' : ` in \`${constructOf(ruleName)}\``;
}

/** Rules whose percent is a rate (`rate 48%`, `iva 16%`, `moratorium 90% annual`). */
const RATE_RULES = new Set(['rateSetting', 'rateRow', 'ivaSetting', 'restructureRate', 'moratoriumDecl']);

/** `rate 110` where `rate 110%` was meant (the parser reads it so: parser.ts, `tryInRuleRecovery`). */
function missingPercent(found: IToken, ruleName: string): string {
  const what = RATE_RULES.has(ruleName) ? 'a rate' : 'a percent';
  return detailed(
    `${what} needs \`%\`: \`${spelling(found)}%\``,
    'missing-percent',
    `\`${spelling(found)}\` alone is a plain number; write \`%\` right after it (\`36%\` is 0.36)`,
  );
}

/** A word where one of `keywords` belongs and that is most likely one of them: its message. */
function misspeltKeyword(found: IToken | undefined, keywords: readonly TokenType[], ruleName: string): string | undefined {
  if (!found || !tokenMatcher(found, Identifier)) return undefined;
  const words = keywords.map(keywordOf).filter((w): w is string => w !== undefined);
  const meant = suggestKeyword(found.image, words);
  if (meant === undefined) return undefined;
  return detailed(`unknown keyword \`${found.image}\`${inConstruct(ruleName)}`, 'unknown-keyword', keywordHelp(found.image, meant));
}

/** The first token of each path (the tokens that could come next). */
function firstTokens(paths: TokenType[][]): TokenType[] {
  return paths.map((path) => path[0]).filter((type): type is TokenType => type !== undefined);
}

export const syntaxMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, ruleName }) {
    const found = describeActual(actual);
    if (ruleName === 'product' && expected === Product) return `expected \`product\` (a file holds one product), found ${found}`;
    if (expected === PercentLiteral && actual.tokenType === NumberLiteral) return missingPercent(actual, ruleName);
    const keyword = misspeltKeyword(actual, [expected], ruleName);
    if (keyword) return keyword;
    if (expected === RCurly) return `expected \`}\` to close \`${constructOf(ruleName)}\`, found ${found}`;
    return `expected ${describeExpected(expected)}${inConstruct(ruleName)}, found ${found}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    if (firstRedundant.tokenType === RCurly) return detailed('unmatched `}`', 'unmatched-brace', 'remove it: the product closed before it');
    return `unexpected ${describeActual(firstRedundant)} after the end of the product (a file holds one product)`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, ruleName }) {
    const next = firstTokens(expectedPathsPerAlt.flat());
    const found = actual[0];
    if (found?.tokenType === NumberLiteral && next.includes(PercentLiteral) && !next.includes(NumberLiteral)) return missingPercent(found, ruleName);
    const keyword = misspeltKeyword(found, next, ruleName);
    if (keyword) return keyword;
    const expected = expectedThings[ruleName] ?? listExpected(expectedPathsPerAlt.flat());
    return `expected ${expected}${inConstruct(ruleName)}, found ${describeActual(found)}`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, ruleName }) {
    const keyword = misspeltKeyword(actual[0], firstTokens(expectedIterationPaths), ruleName);
    if (keyword) return keyword;
    const expected = expectedThings[ruleName] ?? listExpected(expectedIterationPaths);
    return `expected at least one ${expected}${inConstruct(ruleName)}, found ${describeActual(actual[0])}`;
  },
};
