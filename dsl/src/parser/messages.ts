// Syntax error messages in Cedar's style (lowercase, user text in backticks), naming what was
// expected and the construct being parsed: "expected `}` to close `limits`".
import { tokenLabel, type IParserErrorMessageProvider, type IToken, type TokenType } from 'chevrotain';
import { Product, RCurly } from '../lexer/tokens.ts';

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

export const syntaxMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, ruleName }) {
    const found = describeActual(actual);
    if (ruleName === 'product' && expected === Product) return `expected \`product\` (a file holds one product), found ${found}`;
    if (expected === RCurly) return `expected \`}\` to close \`${constructOf(ruleName)}\`, found ${found}`;
    return `expected ${describeExpected(expected)}${inConstruct(ruleName)}, found ${found}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `unexpected ${describeActual(firstRedundant)} after the end of the product (a file holds one product)`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, ruleName }) {
    const expected = expectedThings[ruleName] ?? listExpected(expectedPathsPerAlt.flat());
    return `expected ${expected}${inConstruct(ruleName)}, found ${describeActual(actual[0])}`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, ruleName }) {
    const expected = expectedThings[ruleName] ?? listExpected(expectedIterationPaths);
    return `expected at least one ${expected}${inConstruct(ruleName)}, found ${describeActual(actual[0])}`;
  },
};
