// Syntax error messages in Cedar's style (lowercase, user text in backticks), naming what was
// expected and the construct being parsed: "expected `}` to close `limits`". Where the mistake is
// recognisable the message names the fix instead, with its own code and help: a number without
// `%` where a rate belongs, a misspelt keyword ("did you mean `ordinary`?").
import { tokenLabel, tokenMatcher, type IParserErrorMessageProvider, type IToken, type TokenType } from 'chevrotain';
import { spelling } from '../lexer/lexer.ts';
import { Identifier, keywordOf, NumberLiteral, PercentLiteral, Product, RCurly } from '../lexer/tokens.ts';
import { renderMessage, type MessageArgs, type MessageId } from '../messages/catalogue.ts';
import { EXPECTED_THING_RULES, type Expected } from '../messages/en.ts';
import { keywordArgs, suggestKeyword } from './keyword-suggestions.ts';

/** The catalogue id and args of a message built here, by its English text (Chevrotain keeps only the text). */
export interface SyntaxDetail {
  readonly id: MessageId;
  readonly args: Readonly<Record<string, unknown>>;
}

/** Details of the messages built during the current parse (parse.ts clears and reads them). */
export const syntaxDetails = new Map<string, SyntaxDetail>();

function detailed<Id extends MessageId>(id: Id, args: MessageArgs<Id>): string {
  const { message } = renderMessage('en', id, args);
  syntaxDetails.set(message, { id, args: args as SyntaxDetail['args'] });
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
  loanExpectation: 'expect on',
  booksExpectation: 'expect on ... books',
  reservesSection: 'reserves',
  reserveRow: 'reserves',
  expectedLoss: 'expected loss',
  call: 'call',
  parenExpr: 'expression',
  ifExpr: 'if',
};

const expectedThings = new Set(EXPECTED_THING_RULES);

/** What a rule expects: a phrase of the catalogue, or the labels of the tokens that may come next. */
function expectedOf(ruleName: string, paths: TokenType[][]): Expected {
  if (expectedThings.has(ruleName)) return { thing: ruleName };
  return { labels: [...new Set(firstTokens(paths).map(describeExpected))] };
}

/** The construct a rule parses, for messages. */
export function constructOf(ruleName: string): string {
  return constructs[ruleName] ?? ruleName;
}

/** How a token is named in a message: its label (`` `}` ``, `number`) or its text. */
export function describeExpected(type: TokenType): string {
  return tokenLabel(type);
}

/** The token actually found, as message args show it: its text (cut at 30 characters), or null at the end of the file. */
export function foundOf(token: IToken | undefined): string | null {
  if (!token || token.tokenType?.name === 'EOF') return null;
  return token.image.length > 30 ? `${token.image.slice(0, 30)}…` : token.image;
}

const expressionRules = new Set(['expression', 'exprTail', 'operand', 'parenExpr']);

/** The construct to name in " in `limits`", or null inside expressions (where it would be noise). */
function constructIn(ruleName: string): string | null {
  return expressionRules.has(ruleName) ? null : constructOf(ruleName);
}

/** Rules whose percent is a rate (`rate 48%`, `iva 16%`, `moratorium 90% annual`). */
const RATE_RULES = new Set(['rateSetting', 'rateRow', 'ivaSetting', 'restructureRate', 'moratoriumDecl']);

/** `rate 110` where `rate 110%` was meant (the parser reads it so: parser.ts, `tryInRuleRecovery`). */
function missingPercent(found: IToken, ruleName: string): string {
  return detailed('missing-percent', { rate: RATE_RULES.has(ruleName), number: spelling(found) });
}

/** A word where one of `keywords` belongs and that is most likely one of them: its message. */
function misspeltKeyword(found: IToken | undefined, keywords: readonly TokenType[], ruleName: string): string | undefined {
  if (!found || !tokenMatcher(found, Identifier)) return undefined;
  const words = keywords.map(keywordOf).filter((w): w is string => w !== undefined);
  const meant = suggestKeyword(found.image, words);
  if (meant === undefined) return undefined;
  return detailed('unknown-keyword', { word: found.image, construct: constructIn(ruleName), ...keywordArgs(found.image, meant) });
}

/** The first token of each path (the tokens that could come next). */
function firstTokens(paths: TokenType[][]): TokenType[] {
  return paths.map((path) => path[0]).filter((type): type is TokenType => type !== undefined);
}

export const syntaxMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, ruleName }) {
    const found = foundOf(actual);
    if (ruleName === 'product' && expected === Product) return detailed('unexpected-token/expected-product', { found });
    if (expected === PercentLiteral && actual.tokenType === NumberLiteral) return missingPercent(actual, ruleName);
    const keyword = misspeltKeyword(actual, [expected], ruleName);
    if (keyword) return keyword;
    if (expected === RCurly) return detailed('unexpected-token/expected-close', { construct: constructOf(ruleName), found });
    return detailed('unexpected-token/expected', { expected: { labels: [describeExpected(expected)] }, construct: constructIn(ruleName), found });
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    if (firstRedundant.tokenType === RCurly) return detailed('unmatched-brace/after-product', {});
    return detailed('unexpected-token/after-product', { found: foundOf(firstRedundant) });
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, ruleName }) {
    const next = firstTokens(expectedPathsPerAlt.flat());
    const found = actual[0];
    if (found?.tokenType === NumberLiteral && next.includes(PercentLiteral) && !next.includes(NumberLiteral)) return missingPercent(found, ruleName);
    const keyword = misspeltKeyword(found, next, ruleName);
    if (keyword) return keyword;
    return detailed('unexpected-token/expected', { expected: expectedOf(ruleName, expectedPathsPerAlt.flat()), construct: constructIn(ruleName), found: foundOf(found) });
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, ruleName }) {
    const keyword = misspeltKeyword(actual[0], firstTokens(expectedIterationPaths), ruleName);
    if (keyword) return keyword;
    return detailed('unexpected-token/expected-at-least-one', { expected: expectedOf(ruleName, expectedIterationPaths), construct: constructIn(ruleName), found: foundOf(actual[0]) });
  },
};
