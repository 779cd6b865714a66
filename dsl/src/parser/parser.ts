// The Plazo grammar: one Chevrotain CstParser with error recovery, built once and reused. Every
// section and statement is its own rule so a syntax error re-syncs locally and the rest of the
// file is still parsed. Token labels name the CST children the AST builder reads.
import { CstParser, EOF, NoViableAltException, tokenMatcher, type AtLeastOneSepMethodOpts, type CstNode, type IOrAlt, type IToken, type TokenType } from 'chevrotain';
import type { PlazoCstNode } from '../ast/cst.ts';
import { respell, spelling } from '../lexer/lexer.ts';
import * as t from '../lexer/tokens.ts';
import { keywordArgs, suggestKeyword } from './keyword-suggestions.ts';
import type { MessageArgs, MessageId } from '../messages/catalogue.ts';
import { constructOf, foundOf, syntaxMessages } from './messages.ts';
import { MAX_NESTING } from './nesting.ts';

/** A syntax error found by the parser's own recovery (parser.ts), beside Chevrotain's `errors`. */
export interface SyntaxProblem {
  /** The catalogue message id and its args. */
  readonly id: MessageId;
  readonly args: Readonly<Record<string, unknown>>;
  /** Where: the offending token. */
  readonly token: IToken;
}

/** CONSUME/SUBRULE label options, allocated once (Chevrotain reads them on every call). */
/** Cache slot of the `+`/`-` alternatives (the numbered slots are per call site). */
const SIGN_CACHE = 102;

const L = {
  accrued: { LABEL: 'accrued' },
  actions: { LABEL: 'actions' },
  amount: { LABEL: 'amount' },
  amountKind: { LABEL: 'amountKind' },
  annual: { LABEL: 'annual' },
  args: { LABEL: 'args' },
  band: { LABEL: 'band' },
  bandName: { LABEL: 'bandName' },
  basis: { LABEL: 'basis' },
  bins: { LABEL: 'bins' },
  books: { LABEL: 'books' },
  bookStage: { LABEL: 'bookStage' },
  boolean: { LABEL: 'boolean' },
  bounds: { LABEL: 'bounds' },
  byBand: { LABEL: 'byBand' },
  call: { LABEL: 'call' },
  callee: { LABEL: 'callee' },
  cells: { LABEL: 'cells' },
  channel: { LABEL: 'channel' },
  code: { LABEL: 'code' },
  components: { LABEL: 'components' },
  condition: { LABEL: 'condition' },
  count: { LABEL: 'count' },
  date: { LABEL: 'date' },
  day: { LABEL: 'day' },
  days: { LABEL: 'days' },
  decimals: { LABEL: 'decimals' },
  deferred: { LABEL: 'deferred' },
  dots: { LABEL: 'dots' },
  dpd: { LABEL: 'dpd' },
  entries: { LABEL: 'entries' },
  enum: { LABEL: 'enum' },
  every: { LABEL: 'every' },
  expectations: { LABEL: 'expectations' },
  expectedLoss: { LABEL: 'expectedLoss' },
  fact: { LABEL: 'fact' },
  factor: { LABEL: 'factor' },
  field: { LABEL: 'field' },
  fixed: { LABEL: 'fixed' },
  frequency: { LABEL: 'frequency' },
  from: { LABEL: 'from' },
  grace: { LABEL: 'grace' },
  if: { LABEL: 'if' },
  in: { LABEL: 'in' },
  inner: { LABEL: 'inner' },
  is: { LABEL: 'is' },
  keys: { LABEL: 'keys' },
  label: { LABEL: 'label' },
  lateFees: { LABEL: 'lateFees' },
  lgd: { LABEL: 'lgd' },
  max: { LABEL: 'max' },
  message: { LABEL: 'message' },
  min: { LABEL: 'min' },
  minScore: { LABEL: 'minScore' },
  missing: { LABEL: 'missing' },
  mode: { LABEL: 'mode' },
  moratorium: { LABEL: 'moratorium' },
  multiple: { LABEL: 'multiple' },
  name: { LABEL: 'name' },
  named: { LABEL: 'named' },
  no: { LABEL: 'no' },
  notAllowed: { LABEL: 'notAllowed' },
  notify: { LABEL: 'notify' },
  number: { LABEL: 'number' },
  of: { LABEL: 'of' },
  offerRestructure: { LABEL: 'offerRestructure' },
  on: { LABEL: 'on' },
  open: { LABEL: 'open' },
  operand: { LABEL: 'operand' },
  operator: { LABEL: 'operator' },
  optional: { LABEL: 'optional' },
  otherwise: { LABEL: 'otherwise' },
  outcome: { LABEL: 'outcome' },
  outstanding: { LABEL: 'outstanding' },
  paren: { LABEL: 'paren' },
  payments: { LABEL: 'payments' },
  pd: { LABEL: 'pd' },
  percent: { LABEL: 'percent' },
  percentKind: { LABEL: 'percentKind' },
  points: { LABEL: 'points' },
  prefixes: { LABEL: 'prefixes' },
  presence: { LABEL: 'presence' },
  queue: { LABEL: 'queue' },
  queueName: { LABEL: 'queueName' },
  range: { LABEL: 'range' },
  rate: { LABEL: 'rate' },
  reason: { LABEL: 'reason' },
  reasons: { LABEL: 'reasons' },
  reduce: { LABEL: 'reduce' },
  reserve: { LABEL: 'reserve' },
  restructure: { LABEL: 'restructure' },
  rows: { LABEL: 'rows' },
  rules: { LABEL: 'rules' },
  sign: { LABEL: 'sign' },
  stage: { LABEL: 'stage' },
  state: { LABEL: 'state' },
  step: { LABEL: 'step' },
  steps: { LABEL: 'steps' },
  stopAccrual: { LABEL: 'stopAccrual' },
  string: { LABEL: 'string' },
  table: { LABEL: 'table' },
  tails: { LABEL: 'tails' },
  taxable: { LABEL: 'taxable' },
  template: { LABEL: 'template' },
  then: { LABEL: 'then' },
  timing: { LABEL: 'timing' },
  to: { LABEL: 'to' },
  type: { LABEL: 'type' },
  unless: { LABEL: 'unless' },
  value: { LABEL: 'value' },
  values: { LABEL: 'values' },
  what: { LABEL: 'what' },
  when: { LABEL: 'when' },
  writeOff: { LABEL: 'writeOff' },
} as const;

/**
 * The prototype of every `children` dictionary: no keys of its own, so a label can never collide
 * with an inherited property. Chevrotain creates `Object.create(null)` objects, which V8 keeps in
 * slow dictionary mode (large, hashed lookups); objects made from a prototype stay fast.
 */
const CHILDREN = Object.create(null) as object;

/** The offset just past a token (the lexer tracks start offsets only). */
function endOf(token: IToken): number {
  return token.startOffset + token.image.length;
}

/** Keywords that expressions hold (besides those that double as names). */
const EXPRESSION_KEYWORDS: ReadonlySet<TokenType> = new Set([t.If, t.Then, t.Else, t.Not, t.And, t.Or, t.In, t.Is, t.Missing, t.Present, t.True, t.False]);

/** Chevrotain's CST-building internals (11.2.0, pinned) that {@link PlazoParser} replaces. */
interface TreeBuilderInternals {
  CST_STACK: PlazoCstNode[];
}

/** Chevrotain's recovery internals (11.2.0, pinned) that {@link PlazoParser} uses and extends. */
interface RecoveryInternals {
  flattenFollowSet(): TokenType[];
  exportLexerState(): number;
  importLexerState(state: number): void;
  getCurrRuleFullName(): string;
  tryInRuleRecovery(expected: TokenType, follows: TokenType[]): IToken;
  shouldInRepetitionRecoveryBeTried(expected: TokenType, nextTokenIndex: number, notStuck: boolean | undefined): boolean;
}

const chevrotainRecovery = CstParser.prototype as unknown as RecoveryInternals;

class PlazoParser extends CstParser {
  // Alternatives and separator options are built on first use and reused: allocating them (and,
  // under tsx/esbuild keepNames, naming their closures) on every rule call dominated parse time.
  private readonly cache: IOrAlt<unknown>[][] = [];
  private readonly sepCache: AtLeastOneSepMethodOpts<unknown>[] = [];
  /** How many `expression` rules are open: the nesting of parentheses, `if`s, calls and `in` lists. */
  private nesting = 0;
  /** Errors found by this parser's own recovery in the current parse (Chevrotain's are in `errors`). */
  problems: SyntaxProblem[] = [];
  /** Repetitions being run again after a recovery, innermost last (see `reenter`). */
  private reentries: string[] = [];
  private reenterAgain = false;

  constructor() {
    super([...t.allTokens], {
      recoveryEnabled: true,
      // Node locations are kept as the first and last real tokens instead (see `cstPostTerminal`).
      nodeLocationTracking: 'none',
      maxLookahead: 3,
      errorMessageProvider: syntaxMessages,
    });
    this.performSelfAnalysis();
  }

  // ------------------------------------------------------------ file and product

  file = this.RULE('file', () => {
    this.SUBRULE(this.product);
  });

  product = this.RULE('product', () => {
    this.CONSUME(t.Product);
    this.CONSUME(t.Name, L.code);
    this.OPTION(() => this.CONSUME(t.StringLiteral, L.name));
    this.CONSUME(t.LCurly);
    this.MANY(() => {
      this.OR((this.cache[0] ??= [
        { ALT: () => this.SUBRULE(this.currencySetting) },
        { ALT: () => this.SUBRULE(this.kindSetting) },
        { ALT: () => this.SUBRULE(this.docSetting) },
        { ALT: () => this.SUBRULE(this.inputSection) },
        { ALT: () => this.SUBRULE(this.letDecl) },
        { ALT: () => this.SUBRULE(this.limitsSection) },
        { ALT: () => this.SUBRULE(this.pricingSection) },
        { ALT: () => this.SUBRULE(this.feeDecl) },
        { ALT: () => this.SUBRULE(this.eligibilitySection) },
        { ALT: () => this.SUBRULE(this.scorecardSection) },
        { ALT: () => this.SUBRULE(this.offerSection) },
        { ALT: () => this.SUBRULE(this.penaltiesSection) },
        { ALT: () => this.SUBRULE(this.collectionSection) },
        { ALT: () => this.SUBRULE(this.reservesSection) },
        { ALT: () => this.SUBRULE(this.allocationDecl) },
        { ALT: () => this.SUBRULE(this.prepaymentDecl) },
        { ALT: () => this.SUBRULE(this.overpaymentDecl) },
        { ALT: () => this.SUBRULE(this.testDecl) },
      ]));
    });
    this.CONSUME(t.RCurly);
  });

  currencySetting = this.RULE('currencySetting', () => {
    this.CONSUME(t.Currency);
    this.CONSUME(t.Name, L.value);
  });

  kindSetting = this.RULE('kindSetting', () => {
    this.CONSUME(t.Kind);
    this.CONSUME(t.Name, L.value);
  });

  docSetting = this.RULE('docSetting', () => {
    this.CONSUME(t.Doc);
    this.CONSUME(t.StringLiteral, L.value);
  });

  // ------------------------------------------------------------ input and let

  inputSection = this.RULE('inputSection', () => {
    this.CONSUME(t.Input);
    this.CONSUME(t.LCurly);
    this.MANY(() => this.SUBRULE(this.inputField));
    this.CONSUME(t.RCurly);
  });

  inputField = this.RULE('inputField', () => {
    this.CONSUME(t.Name, L.name);
    this.CONSUME(t.Colon);
    this.OR((this.cache[1] ??= [
      { ALT: () => this.CONSUME(t.NumberType, L.type) },
      { ALT: () => this.CONSUME(t.IntegerType, L.type) },
      { ALT: () => this.CONSUME(t.MoneyType, L.type) },
      { ALT: () => this.CONSUME(t.PercentType, L.type) },
      { ALT: () => this.CONSUME(t.StringType, L.type) },
      { ALT: () => this.CONSUME(t.BooleanType, L.type) },
      { ALT: () => this.CONSUME(t.DateType, L.type) },
      { ALT: () => this.SUBRULE(this.enumType, L.enum) },
    ]));
    this.OPTION(() => this.SUBRULE(this.rangeExpr, L.bounds));
    this.OPTION2(() => this.CONSUME(t.Optional, L.optional));
    // `from client.cycle`: a derived input, filled from the client record (issue 14)
    this.OPTION3(() => {
      this.CONSUME(t.From, L.from);
      this.CONSUME2(t.Name, L.fact);
    });
  });

  enumType = this.RULE('enumType', () => {
    this.CONSUME(t.EnumType, L.type);
    this.CONSUME(t.LCurly);
    this.MANY_SEP((this.sepCache[40] ??= { SEP: t.Comma, DEF: () => this.CONSUME(t.Name, L.values) }));
    this.CONSUME(t.RCurly);
  });

  letDecl = this.RULE('letDecl', () => {
    this.CONSUME(t.Let);
    this.CONSUME(t.Name, L.name);
    this.CONSUME(t.Equals);
    this.SUBRULE(this.expression, L.value);
  });

  // ------------------------------------------------------------ ranges and signed numbers

  /** `a..b`, `a..<b`, `..b`, `a..`, `..` */
  rangeExpr = this.RULE('rangeExpr', () => {
    this.OR((this.cache[2] ??= [
      {
        ALT: () => {
          this.SUBRULE(this.bound, L.min);
          this.OR2((this.cache[100] ??= [{ ALT: () => this.CONSUME(t.RangeDots, L.dots) }, { ALT: () => this.CONSUME(t.RangeExclusive, L.dots) }]));
          this.OPTION(() => this.SUBRULE2(this.bound, L.max));
        },
      },
      {
        ALT: () => {
          this.OR3((this.cache[101] ??= [{ ALT: () => this.CONSUME2(t.RangeDots, L.dots) }, { ALT: () => this.CONSUME2(t.RangeExclusive, L.dots) }]));
          this.OPTION2(() => this.SUBRULE3(this.bound, L.max));
        },
      },
    ]));
  });

  bound = this.RULE('bound', () => {
    this.OPTION(() => this.OR5((this.cache[SIGN_CACHE] ??= this.signAlternatives())));
    this.OR((this.cache[4] ??= [
      { ALT: () => this.CONSUME(t.NumberLiteral, L.value) },
      { ALT: () => this.CONSUME(t.PercentLiteral, L.value) },
    ]));
  });

  signedNumber = this.RULE('signedNumber', () => {
    this.OPTION(() => this.OR5((this.cache[SIGN_CACHE] ??= this.signAlternatives())));
    this.CONSUME(t.NumberLiteral, L.value);
  });

  /** `+` or `-` before a number (shared by `bound` and `signedNumber`). */
  private signAlternatives(): IOrAlt<unknown>[] {
    return [{ ALT: () => this.CONSUME(t.Plus, L.sign) }, { ALT: () => this.CONSUME(t.Minus, L.sign) }];
  }

  // ------------------------------------------------------------ limits

  limitsSection = this.RULE('limitsSection', () => {
    this.CONSUME(t.Limits);
    this.CONSUME(t.LCurly);
    this.MANY(() => {
      this.OR((this.cache[6] ??= [
        { ALT: () => this.SUBRULE(this.amountLimit) },
        { ALT: () => this.SUBRULE(this.termLimit) },
        { ALT: () => this.SUBRULE(this.firstPaymentLimit) },
      ]));
    });
    this.CONSUME(t.RCurly);
  });

  amountLimit = this.RULE('amountLimit', () => {
    this.CONSUME(t.Amount);
    this.SUBRULE(this.rangeExpr, L.range);
    this.OPTION(() => {
      this.CONSUME(t.Step);
      this.CONSUME(t.NumberLiteral, L.step);
    });
  });

  termLimit = this.RULE('termLimit', () => {
    this.CONSUME(t.Payments);
    this.SUBRULE(this.rangeExpr, L.range);
    this.SUBRULE(this.frequency, L.frequency);
  });

  firstPaymentLimit = this.RULE('firstPaymentLimit', () => {
    this.CONSUME(t.First);
    this.CONSUME(t.Payment);
    this.SUBRULE(this.rangeExpr, L.range);
    this.CONSUME(t.Days);
  });

  frequency = this.RULE('frequency', () => {
    this.OR((this.cache[7] ??= [
      { ALT: () => this.CONSUME(t.Weekly, L.named) },
      { ALT: () => this.CONSUME(t.Biweekly, L.named) },
      { ALT: () => this.CONSUME(t.Semimonthly, L.named) },
      { ALT: () => this.CONSUME(t.Monthly, L.named) },
      {
        ALT: () => {
          this.CONSUME(t.Every, L.every);
          this.CONSUME(t.NumberLiteral, L.days);
          this.CONSUME(t.Days);
        },
      },
    ]));
  });

  // ------------------------------------------------------------ pricing

  pricingSection = this.RULE('pricingSection', () => {
    this.CONSUME(t.Pricing);
    this.CONSUME(t.LCurly);
    this.MANY(() => {
      this.OR((this.cache[8] ??= [
        { ALT: () => this.SUBRULE(this.methodSetting) },
        { ALT: () => this.SUBRULE(this.basisSetting) },
        { ALT: () => this.SUBRULE(this.rateSetting) },
        { ALT: () => this.SUBRULE(this.ivaSetting) },
        { ALT: () => this.SUBRULE(this.roundingSetting) },
        { ALT: () => this.SUBRULE(this.graceSetting) },
        { ALT: () => this.SUBRULE(this.businessDaysSetting) },
        { ALT: () => this.SUBRULE(this.installmentIncludesIva) },
      ]));
    });
    this.CONSUME(t.RCurly);
  });

  methodSetting = this.RULE('methodSetting', () => {
    this.CONSUME(t.Method);
    this.CONSUME(t.Name, L.value);
  });

  basisSetting = this.RULE('basisSetting', () => {
    this.CONSUME(t.Basis);
    this.SUBRULE(this.basisValue, L.value);
  });

  basisValue = this.RULE('basisValue', () => {
    this.OR((this.cache[9] ??= [
      { ALT: () => this.CONSUME(t.BasisName, L.value) },
      { ALT: () => this.CONSUME(t.Name, L.value) },
    ]));
  });

  rateSetting = this.RULE('rateSetting', () => {
    this.CONSUME(t.Rate);
    this.OR((this.cache[10] ??= [
      { ALT: () => this.CONSUME(t.PercentLiteral, L.fixed) },
      { ALT: () => this.SUBRULE(this.rateTable, L.table) },
    ]));
  });

  rateTable = this.RULE('rateTable', () => {
    this.CONSUME(t.By);
    this.AT_LEAST_ONE_SEP((this.sepCache[41] ??= { SEP: t.Comma, DEF: () => this.CONSUME(t.Name, L.keys) }));
    this.CONSUME(t.LCurly);
    this.MANY(() => this.SUBRULE(this.rateRow, L.rows));
    this.CONSUME(t.RCurly);
  });

  rateRow = this.RULE('rateRow', () => {
    this.AT_LEAST_ONE_SEP((this.sepCache[42] ??= { SEP: t.Comma, DEF: () => this.SUBRULE(this.rateCell, L.cells) }));
    this.CONSUME(t.Colon);
    this.CONSUME(t.PercentLiteral, L.rate);
    this.OPTION(() => this.CONSUME2(t.Comma));
  });

  rateCell = this.RULE('rateCell', () => {
    this.OR((this.cache[11] ??= [
      { ALT: () => this.CONSUME(t.Name, L.name) },
      { ALT: () => this.SUBRULE(this.rangeExpr, L.range) },
    ]));
  });

  ivaSetting = this.RULE('ivaSetting', () => {
    this.CONSUME(t.Iva);
    this.CONSUME(t.PercentLiteral, L.rate);
    this.CONSUME(t.On);
    this.AT_LEAST_ONE_SEP((this.sepCache[43] ??= { SEP: t.Comma, DEF: () => this.SUBRULE(this.component, L.on) }));
  });

  roundingSetting = this.RULE('roundingSetting', () => {
    this.CONSUME(t.Rounding);
    this.CONSUME(t.NumberLiteral, L.decimals);
    this.OPTION(() => {
      this.OR((this.cache[12] ??= [
        { ALT: () => this.CONSUME(t.RoundingMode, L.mode) },
        { ALT: () => this.CONSUME(t.Identifier, L.mode) },
      ]));
    });
    this.OPTION2(() => {
      this.CONSUME(t.Multiple);
      this.CONSUME2(t.NumberLiteral, L.multiple);
    });
  });

  graceSetting = this.RULE('graceSetting', () => {
    this.CONSUME(t.Grace);
    this.OR((this.cache[13] ??= [
      { ALT: () => this.CONSUME(t.Principal, L.what) },
      { ALT: () => this.CONSUME(t.Interest, L.what) },
    ]));
    this.CONSUME(t.NumberLiteral, L.count);
  });

  businessDaysSetting = this.RULE('businessDaysSetting', () => {
    this.CONSUME(t.Business);
    this.CONSUME(t.Days);
    this.CONSUME(t.Name, L.value);
  });

  installmentIncludesIva = this.RULE('installmentIncludesIva', () => {
    this.CONSUME(t.Installment);
    this.CONSUME(t.Includes);
    this.CONSUME(t.Iva);
  });

  // ------------------------------------------------------------ fees

  feeDecl = this.RULE('feeDecl', () => {
    this.CONSUME(t.Fee);
    this.CONSUME(t.Name, L.name);
    this.SUBRULE(this.feeAmount, L.amount);
    this.OPTION(() => {
      this.CONSUME(t.Of);
      this.CONSUME2(t.Name, L.of);
    });
    this.MANY(() => {
      this.OR((this.cache[14] ??= [
        { ALT: () => this.SUBRULE(this.minCap, L.min) },
        { ALT: () => this.SUBRULE(this.maxCap, L.max) },
        { ALT: () => this.SUBRULE(this.feeTiming, L.timing) },
        { ALT: () => this.SUBRULE(this.taxability, L.taxable) },
      ]));
    });
  });

  feeAmount = this.RULE('feeAmount', () => {
    this.OR((this.cache[15] ??= [
      { ALT: () => this.CONSUME(t.NumberLiteral, L.value) },
      { ALT: () => this.CONSUME(t.PercentLiteral, L.value) },
    ]));
  });

  minCap = this.RULE('minCap', () => {
    this.CONSUME(t.Min);
    this.CONSUME(t.NumberLiteral, L.value);
  });

  maxCap = this.RULE('maxCap', () => {
    this.CONSUME(t.Max);
    this.CONSUME(t.NumberLiteral, L.value);
  });

  feeTiming = this.RULE('feeTiming', () => {
    this.OR((this.cache[16] ??= [
      { ALT: () => this.CONSUME(t.Upfront, L.timing) },
      { ALT: () => this.CONSUME(t.Deducted, L.timing) },
      { ALT: () => this.CONSUME(t.Financed, L.timing) },
      {
        ALT: () => {
          this.CONSUME(t.Per, L.timing);
          this.CONSUME(t.Installment);
        },
      },
    ]));
  });

  /** `iva` or `no iva`. */
  taxability = this.RULE('taxability', () => {
    this.OPTION(() => this.CONSUME(t.No, L.no));
    this.CONSUME(t.Iva);
  });

  // ------------------------------------------------------------ eligibility

  eligibilitySection = this.RULE('eligibilitySection', () => {
    this.CONSUME(t.Eligibility);
    this.CONSUME(t.LCurly);
    this.MANY(() => this.SUBRULE(this.ruleDecl, L.rules));
    this.CONSUME(t.RCurly);
  });

  ruleDecl = this.RULE('ruleDecl', () => {
    this.SUBRULE(this.outcome, L.outcome);
    this.CONSUME(t.StringLiteral, L.reason);
    this.OR((this.cache[17] ??= [
      { ALT: () => this.CONSUME(t.When, L.when) },
      { ALT: () => this.CONSUME(t.Unless, L.unless) },
    ]));
    this.SUBRULE(this.expression, L.condition);
    this.OPTION(() => {
      this.CONSUME(t.Message);
      this.CONSUME2(t.StringLiteral, L.message);
    });
  });

  outcome = this.RULE('outcome', () => {
    this.OR((this.cache[18] ??= [
      { ALT: () => this.CONSUME(t.Decline, L.outcome) },
      { ALT: () => this.CONSUME(t.Refer, L.outcome) },
    ]));
  });

  // ------------------------------------------------------------ scorecard

  scorecardSection = this.RULE('scorecardSection', () => {
    this.CONSUME(t.Scorecard);
    this.CONSUME(t.LCurly);
    this.MANY(() => {
      this.OR((this.cache[19] ??= [
        { ALT: () => this.SUBRULE(this.baseSetting) },
        { ALT: () => this.SUBRULE(this.characteristicDecl) },
        { ALT: () => this.SUBRULE(this.bandDecl) },
        { ALT: () => this.SUBRULE(this.scoreOtherwise) },
      ]));
    });
    this.CONSUME(t.RCurly);
  });

  baseSetting = this.RULE('baseSetting', () => {
    this.CONSUME(t.Base);
    this.SUBRULE(this.signedNumber, L.value);
  });

  characteristicDecl = this.RULE('characteristicDecl', () => {
    this.CONSUME(t.Characteristic);
    this.CONSUME(t.Name, L.name);
    this.OPTION(() => this.CONSUME(t.StringLiteral, L.label));
    this.CONSUME(t.LCurly);
    this.MANY(() => this.SUBRULE(this.binDecl, L.bins));
    this.CONSUME(t.RCurly);
  });

  binDecl = this.RULE('binDecl', () => {
    this.OR((this.cache[20] ??= [
      { ALT: () => this.CONSUME(t.Missing, L.missing) },
      { ALT: () => this.CONSUME(t.Otherwise, L.otherwise) },
      { ALT: () => this.SUBRULE(this.rangeExpr, L.range) },
      {
        ALT: () =>
          this.AT_LEAST_ONE_SEP((this.sepCache[44] ??= { SEP: t.Comma, DEF: () => this.SUBRULE(this.binValue, L.values) })),
      },
    ]));
    this.CONSUME(t.Arrow);
    this.SUBRULE(this.signedNumber, L.points);
    this.OPTION(() => {
      this.CONSUME(t.Reason);
      this.CONSUME(t.StringLiteral, L.reason);
    });
  });

  binValue = this.RULE('binValue', () => {
    this.OR((this.cache[21] ??= [
      { ALT: () => this.CONSUME(t.Name, L.name) },
      { ALT: () => this.CONSUME(t.True, L.boolean) },
      { ALT: () => this.CONSUME(t.False, L.boolean) },
      { ALT: () => this.CONSUME(t.StringLiteral, L.string) },
    ]));
  });

  bandDecl = this.RULE('bandDecl', () => {
    this.CONSUME(t.Band);
    this.CONSUME(t.Name, L.name);
    this.CONSUME(t.When);
    this.CONSUME(t.Score);
    this.CONSUME(t.GreaterEq);
    this.CONSUME(t.NumberLiteral, L.minScore);
  });

  scoreOtherwise = this.RULE('scoreOtherwise', () => {
    this.CONSUME(t.Otherwise);
    this.SUBRULE(this.outcome, L.outcome);
    this.CONSUME(t.StringLiteral, L.reason);
    this.OPTION(() => {
      this.CONSUME(t.Message);
      this.CONSUME2(t.StringLiteral, L.message);
    });
  });

  // ------------------------------------------------------------ offer

  offerSection = this.RULE('offerSection', () => {
    this.CONSUME(t.Offer);
    this.CONSUME(t.LCurly);
    this.MANY(() => {
      this.OR((this.cache[22] ??= [
        { ALT: () => this.SUBRULE(this.installmentCap) },
        { ALT: () => this.SUBRULE(this.amountCap) },
        { ALT: () => this.SUBRULE(this.counterofferSetting) },
      ]));
    });
    this.CONSUME(t.RCurly);
  });

  installmentCap = this.RULE('installmentCap', () => {
    this.CONSUME(t.Installment);
    this.CONSUME(t.LessEq);
    this.SUBRULE(this.expression, L.value);
  });

  amountCap = this.RULE('amountCap', () => {
    this.CONSUME(t.Amount);
    this.CONSUME(t.LessEq);
    this.OR((this.cache[23] ??= [
      { ALT: () => this.SUBRULE(this.amountByBand, L.byBand) },
      { ALT: () => this.SUBRULE(this.expression, L.value) },
    ]));
  });

  amountByBand = this.RULE('amountByBand', () => {
    this.CONSUME(t.By);
    this.CONSUME(t.Band);
    this.CONSUME(t.LCurly);
    this.MANY(() => this.SUBRULE(this.bandAmount, L.entries));
    this.CONSUME(t.RCurly);
  });

  bandAmount = this.RULE('bandAmount', () => {
    this.CONSUME(t.Name, L.band);
    this.CONSUME(t.Colon);
    this.CONSUME(t.NumberLiteral, L.amount);
    this.OPTION(() => this.CONSUME(t.Comma));
  });

  counterofferSetting = this.RULE('counterofferSetting', () => {
    this.OPTION(() => this.CONSUME(t.No, L.no));
    this.CONSUME(t.Counteroffer);
  });

  // ------------------------------------------------------------ penalties

  penaltiesSection = this.RULE('penaltiesSection', () => {
    this.CONSUME(t.Penalties);
    this.CONSUME(t.LCurly);
    this.MANY(() => {
      this.OR((this.cache[24] ??= [
        { ALT: () => this.SUBRULE(this.lateFeeDecl) },
        { ALT: () => this.SUBRULE(this.moratoriumDecl) },
      ]));
    });
    this.CONSUME(t.RCurly);
  });

  lateFeeDecl = this.RULE('lateFeeDecl', () => {
    this.CONSUME(t.Late);
    this.CONSUME(t.Fee);
    this.SUBRULE(this.feeAmount, L.amount);
    this.OPTION(() => {
      this.CONSUME(t.Of);
      this.CONSUME(t.Name, L.of);
    });
    this.MANY(() => {
      this.OR((this.cache[25] ??= [
        { ALT: () => this.SUBRULE(this.minCap, L.min) },
        { ALT: () => this.SUBRULE(this.maxCap, L.max) },
        { ALT: () => this.SUBRULE(this.graceDays, L.grace) },
        { ALT: () => this.SUBRULE(this.taxability, L.taxable) },
      ]));
    });
  });

  graceDays = this.RULE('graceDays', () => {
    this.CONSUME(t.Grace);
    this.CONSUME(t.NumberLiteral, L.value);
    this.CONSUME(t.Days);
  });

  moratoriumDecl = this.RULE('moratoriumDecl', () => {
    this.CONSUME(t.Moratorium);
    this.OR((this.cache[26] ??= [
      {
        ALT: () => {
          this.CONSUME(t.MultipleLiteral, L.factor);
          this.CONSUME(t.Ordinary);
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.PercentLiteral, L.annual);
          this.CONSUME(t.Annual);
        },
      },
    ]));
    this.CONSUME(t.On);
    this.CONSUME(t.Overdue);
    this.OR2((this.cache[27] ??= [
      { ALT: () => this.CONSUME(t.Principal, L.on) },
      { ALT: () => this.CONSUME(t.Installment, L.on) },
    ]));
    this.MANY(() => {
      this.OR3((this.cache[28] ??= [
        {
          ALT: () => {
            this.CONSUME(t.Basis);
            this.SUBRULE(this.basisValue, L.basis);
          },
        },
        { ALT: () => this.SUBRULE(this.taxability, L.taxable) },
      ]));
    });
  });

  // ------------------------------------------------------------ collection

  collectionSection = this.RULE('collectionSection', () => {
    this.CONSUME(t.Collection);
    this.CONSUME(t.LCurly);
    this.MANY(() => {
      this.OR((this.cache[29] ??= [
        { ALT: () => this.SUBRULE(this.atStep, L.steps) },
        { ALT: () => this.SUBRULE(this.stageStep, L.steps) },
      ]));
    });
    this.CONSUME(t.RCurly);
  });

  atStep = this.RULE('atStep', () => {
    this.CONSUME(t.At);
    this.SUBRULE(this.signedNumber, L.day);
    this.CONSUME(t.Days);
    this.MANY(() => this.SUBRULE(this.action, L.actions));
  });

  stageStep = this.RULE('stageStep', () => {
    this.CONSUME(t.From);
    this.CONSUME(t.NumberLiteral, L.from);
    this.OPTION(() => {
      this.CONSUME(t.To);
      this.CONSUME2(t.NumberLiteral, L.to);
    });
    this.CONSUME(t.Dpd);
    this.OPTION2(() => {
      this.CONSUME(t.Stage);
      this.CONSUME(t.Name, L.stage);
    });
    this.MANY(() => this.SUBRULE(this.action, L.actions));
  });

  action = this.RULE('action', () => {
    this.OR((this.cache[30] ??= [
      {
        ALT: () => {
          this.CONSUME(t.Notify, L.notify);
          this.CONSUME(t.Name, L.channel);
          this.CONSUME(t.StringLiteral, L.template);
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.Queue, L.queue);
          this.CONSUME2(t.StringLiteral, L.queueName);
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.Stop, L.stopAccrual);
          this.CONSUME(t.Accrual);
        },
      },
      { ALT: () => this.SUBRULE(this.restructureOffer, L.restructure) },
      {
        ALT: () => {
          this.CONSUME(t.Write, L.writeOff);
          this.CONSUME(t.Off);
        },
      },
    ]));
  });

  /** `offer restructure [payments N [FREQUENCY]] [rate P%]`: the terms a stage offers, modifiers in any order. */
  restructureOffer = this.RULE('restructureOffer', () => {
    this.CONSUME(t.Offer, L.offerRestructure);
    this.CONSUME(t.Restructure);
    this.MANY(() => {
      this.OR((this.cache[40] ??= [
        { ALT: () => this.SUBRULE(this.restructurePayments, L.payments) },
        { ALT: () => this.SUBRULE(this.restructureRate, L.rate) },
      ]));
    });
  });

  restructurePayments = this.RULE('restructurePayments', () => {
    this.CONSUME(t.Payments);
    this.CONSUME(t.NumberLiteral, L.count);
    this.OPTION(() => this.SUBRULE(this.frequency, L.frequency));
  });

  restructureRate = this.RULE('restructureRate', () => {
    this.CONSUME(t.Rate);
    this.CONSUME(t.PercentLiteral, L.percent);
  });

  // ------------------------------------------------------------ reserves

  /** `reserves { rows }` or `reserves { expected loss pd EXPR lgd EXPR }` (issue 15). */
  reservesSection = this.RULE('reservesSection', () => {
    this.CONSUME(t.Reserves);
    this.CONSUME(t.LCurly);
    this.MANY(() => {
      this.OR((this.cache[50] ??= [
        { ALT: () => this.SUBRULE(this.expectedLoss, L.expectedLoss) },
        { ALT: () => this.SUBRULE(this.reserveRow, L.rows) },
      ]));
    });
    this.CONSUME(t.RCurly);
  });

  /** `[vigente|vencida] (N dpd | N to M dpd | from N dpd) P%` */
  reserveRow = this.RULE('reserveRow', () => {
    this.OPTION(() => this.CONSUME(t.Name, L.stage));
    this.OR((this.cache[51] ??= [
      {
        ALT: () => {
          this.CONSUME(t.From, L.open);
          this.CONSUME(t.NumberLiteral, L.from);
        },
      },
      {
        ALT: () => {
          this.CONSUME2(t.NumberLiteral, L.from);
          this.OPTION2(() => {
            this.CONSUME(t.To);
            this.CONSUME3(t.NumberLiteral, L.to);
          });
        },
      },
    ]));
    this.CONSUME(t.Dpd);
    this.CONSUME(t.PercentLiteral, L.rate);
  });

  /** `expected loss pd EXPR lgd EXPR`: reserve = pd × lgd × exposure. */
  expectedLoss = this.RULE('expectedLoss', () => {
    this.CONSUME(t.Expected);
    this.CONSUME(t.Loss);
    this.CONSUME(t.Pd);
    this.SUBRULE(this.expression, L.pd);
    this.CONSUME(t.Lgd);
    this.SUBRULE2(this.expression, L.lgd);
  });

  // ------------------------------------------------------------ allocation and prepayment

  allocationDecl = this.RULE('allocationDecl', () => {
    this.CONSUME(t.Allocation);
    this.AT_LEAST_ONE_SEP((this.sepCache[45] ??= { SEP: t.Comma, DEF: () => this.SUBRULE(this.component, L.components) }));
  });

  /** A loan component: `interest`, `fees`, `iva`... `penalties` is reserved (it opens a section) but allowed here. */
  component = this.RULE('component', () => {
    this.OR((this.cache[31] ??= [
      { ALT: () => this.CONSUME(t.Name, L.name) },
      { ALT: () => this.CONSUME(t.Penalties, L.name) },
    ]));
  });

  prepaymentDecl = this.RULE('prepaymentDecl', () => {
    this.CONSUME(t.Prepayment);
    this.OR((this.cache[32] ??= [
      {
        ALT: () => {
          this.CONSUME(t.Reduce);
          this.OR2([
            { ALT: () => this.CONSUME(t.Term, L.reduce) },
            { ALT: () => this.CONSUME(t.Installment, L.reduce) },
          ]);
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.Not, L.notAllowed);
          this.CONSUME(t.Allowed);
        },
      },
    ]));
  });

  /** `overpayment tolerance 5`: how much a payment may go beyond the payoff (kept as credit). */
  overpaymentDecl = this.RULE('overpaymentDecl', () => {
    this.CONSUME(t.Overpayment);
    this.CONSUME(t.Tolerance);
    this.SUBRULE(this.signedNumber, L.amount);
  });

  // ------------------------------------------------------------ tests

  testDecl = this.RULE('testDecl', () => {
    this.CONSUME(t.Test);
    this.CONSUME(t.StringLiteral, L.name);
    this.CONSUME(t.LCurly);
    this.MANY(() => {
      this.OR((this.cache[33] ??= [
        { ALT: () => this.SUBRULE(this.givenStatement) },
        { ALT: () => this.SUBRULE(this.todayStatement) },
        { ALT: () => this.SUBRULE(this.disburseStatement) },
        { ALT: () => this.SUBRULE(this.payStatement) },
        { ALT: () => this.SUBRULE(this.expectStatement) },
      ]));
    });
    this.CONSUME(t.RCurly);
  });

  givenStatement = this.RULE('givenStatement', () => {
    this.CONSUME(t.Given);
    this.AT_LEAST_ONE_SEP((this.sepCache[46] ??= { SEP: t.Comma, DEF: () => this.SUBRULE(this.givenEntry, L.entries) }));
  });

  givenEntry = this.RULE('givenEntry', () => {
    this.CONSUME(t.Name, L.field);
    this.CONSUME(t.Equals);
    this.OR((this.cache[34] ??= [
      { ALT: () => this.SUBRULE(this.signedNumber, L.number) },
      { ALT: () => this.CONSUME(t.PercentLiteral, L.percent) },
      { ALT: () => this.CONSUME(t.StringLiteral, L.string) },
      { ALT: () => this.CONSUME(t.DateLiteral, L.date) },
      { ALT: () => this.CONSUME(t.True, L.boolean) },
      { ALT: () => this.CONSUME(t.False, L.boolean) },
      { ALT: () => this.CONSUME2(t.Name, L.name) },
    ]));
  });

  todayStatement = this.RULE('todayStatement', () => {
    this.CONSUME(t.Today);
    this.CONSUME(t.DateLiteral, L.date);
  });

  disburseStatement = this.RULE('disburseStatement', () => {
    this.CONSUME(t.Disburse);
    this.CONSUME(t.DateLiteral, L.date);
  });

  payStatement = this.RULE('payStatement', () => {
    this.CONSUME(t.Pay);
    this.CONSUME(t.NumberLiteral, L.amount);
    this.CONSUME(t.On);
    this.CONSUME(t.DateLiteral, L.date);
  });

  expectStatement = this.RULE('expectStatement', () => {
    this.CONSUME(t.Expect);
    this.AT_LEAST_ONE(() => this.SUBRULE(this.expectation, L.expectations));
  });

  expectation = this.RULE('expectation', () => {
    this.OR((this.cache[35] ??= [
      {
        ALT: () => {
          this.OR2([
            { ALT: () => this.CONSUME(t.Approve, L.outcome) },
            { ALT: () => this.CONSUME(t.Refer, L.outcome) },
            { ALT: () => this.CONSUME(t.Decline, L.outcome) },
          ]);
          this.OPTION(() => {
            this.CONSUME(t.Reasons);
            this.AT_LEAST_ONE_SEP((this.sepCache[47] ??= { SEP: t.Comma, DEF: () => this.CONSUME(t.StringLiteral, L.reasons) }));
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.Band, L.band);
          this.CONSUME(t.Name, L.bandName);
        },
      },
      {
        ALT: () => {
          this.OR3([
            { ALT: () => this.CONSUME(t.Score, L.amountKind) },
            { ALT: () => this.CONSUME(t.Offer, L.amountKind) },
            { ALT: () => this.CONSUME(t.Counteroffer, L.amountKind) },
            { ALT: () => this.CONSUME(t.Installment, L.amountKind) },
            { ALT: () => this.CONSUME(t.Total, L.amountKind) },
          ]);
          this.CONSUME(t.NumberLiteral, L.number);
        },
      },
      {
        ALT: () => {
          this.OR4([
            { ALT: () => this.CONSUME(t.Rate, L.percentKind) },
            { ALT: () => this.CONSUME(t.Cat, L.percentKind) },
          ]);
          this.CONSUME(t.PercentLiteral, L.percent);
        },
      },
      { ALT: () => this.SUBRULE(this.stateExpectation, L.state) },
    ]));
  });

  stateExpectation = this.RULE('stateExpectation', () => {
    this.CONSUME(t.On);
    this.CONSUME(t.DateLiteral, L.on);
    this.OR((this.cache[52] ??= [
      { ALT: () => this.SUBRULE(this.booksExpectation, L.books) },
      { ALT: () => this.SUBRULE(this.loanExpectation) },
    ]));
  });

  /** `books stage vencida reserve N accrued N deferred N` (any subset, any order): the loan's regulatory books. */
  booksExpectation = this.RULE('booksExpectation', () => {
    this.CONSUME(t.Books);
    this.MANY(() => {
      this.OR((this.cache[53] ??= [
        {
          ALT: () => {
            this.CONSUME(t.Stage);
            this.CONSUME(t.Name, L.bookStage);
          },
        },
        {
          ALT: () => {
            this.CONSUME(t.Reserve);
            this.CONSUME(t.NumberLiteral, L.reserve);
          },
        },
        {
          ALT: () => {
            this.CONSUME(t.Accrued);
            this.CONSUME2(t.NumberLiteral, L.accrued);
          },
        },
        {
          ALT: () => {
            this.CONSUME(t.Deferred);
            this.CONSUME3(t.NumberLiteral, L.deferred);
          },
        },
      ]));
    });
  });

  /** `dpd N stage S outstanding N late fees N moratorium N` (any subset): the loan's servicing state. */
  loanExpectation = this.RULE('loanExpectation', () => {
    this.MANY(() => {
      this.OR((this.cache[36] ??= [
        {
          ALT: () => {
            this.CONSUME(t.Dpd);
            this.CONSUME(t.NumberLiteral, L.dpd);
          },
        },
        {
          ALT: () => {
            this.CONSUME(t.Stage);
            this.CONSUME(t.Name, L.stage);
          },
        },
        {
          ALT: () => {
            this.CONSUME(t.Outstanding);
            this.CONSUME2(t.NumberLiteral, L.outstanding);
          },
        },
        {
          ALT: () => {
            this.CONSUME(t.Late);
            this.CONSUME(t.Fees);
            this.CONSUME3(t.NumberLiteral, L.lateFees);
          },
        },
        {
          ALT: () => {
            this.CONSUME(t.Moratorium);
            this.CONSUME4(t.NumberLiteral, L.moratorium);
          },
        },
      ]));
    });
  });

  // ------------------------------------------------------------ expressions

  // Expressions are flat here: operands and the operators between them, in order. Precedence is
  // applied by the AST builder (build-expression.ts); a CST node per precedence level per operand
  // would cost most of the parse time on large products.

  expression = this.RULE('expression', () => {
    try {
      this.enterExpression();
      this.SUBRULE(this.operand, L.operand);
      this.MANY(() => this.SUBRULE(this.exprTail, L.tails));
    } finally {
      this.nesting--;
    }
  });

  /**
   * Counts one more open expression (the statement's own is the first); past MAX_NESTING levels
   * inside it, stops descending: the expression is left empty, marked with the token that opened
   * it (the AST builder reports `nesting-too-deep` there), its text is skipped, and Chevrotain's
   * recovery resumes after it without another error.
   */
  private enterExpression(): void {
    if (++this.nesting <= MAX_NESTING + 1 || this.RECORDING_PHASE) return;
    const stack = (this as unknown as TreeBuilderInternals).CST_STACK;
    stack[stack.length - 1]!.tooDeep = this.LA(0);
    this.skipExpression();
    throw new NoViableAltException('nesting-too-deep', this.LA(1), this.LA(0));
  }

  /**
   * Skips the text of the expression that starts here, without descending into it: up to the
   * `)`, `}` or `,` that closes the construct around it, the `then`/`else` of an enclosing `if`,
   * or a keyword that no expression holds (the next statement).
   */
  private skipExpression(): void {
    let depth = 0;
    let ifs = 0; // `if`s opened in the skipped text still waiting for their `then`
    let thens = 0; // ... and for their `else`
    for (let next = this.LA(1); next.tokenType !== EOF; next = this.LA(1)) {
      const type = next.tokenType;
      if (type === t.LParen || type === t.LCurly) depth++;
      else if (type === t.RParen || type === t.RCurly) {
        if (depth === 0) return;
        depth--;
      } else if (depth === 0) {
        if (type === t.Comma) return;
        if (type === t.If) ifs++;
        else if (type === t.Then) {
          if (ifs === 0) return;
          ifs--;
          thens++;
        } else if (type === t.Else) {
          if (thens === 0) return;
          thens--;
        } else if (tokenMatcher(next, t.Keyword) && !tokenMatcher(next, t.Name) && !EXPRESSION_KEYWORDS.has(type)) return;
      }
      this.SKIP_TOKEN();
    }
  }

  /** What follows an operand: a binary operator and the next operand, `in { ... }`, or `is missing|present`. */
  exprTail = this.RULE('exprTail', () => {
    this.OR((this.cache[37] ??= [
      {
        ALT: () => {
          this.CONSUME(t.BinaryOperator, L.operator);
          this.SUBRULE(this.operand, L.operand);
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.In, L.in);
          this.CONSUME(t.LCurly);
          this.MANY_SEP((this.sepCache[48] ??= { SEP: t.Comma, DEF: () => this.SUBRULE(this.expression, L.values) }));
          this.CONSUME(t.RCurly);
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.Is, L.is);
          this.OR2([
            { ALT: () => this.CONSUME(t.Missing, L.presence) },
            { ALT: () => this.CONSUME(t.Present, L.presence) },
          ]);
        },
      },
    ]));
  });

  /** Prefix operators (`not`, `-`) and an atom. */
  operand = this.RULE('operand', () => {
    this.MANY(() => {
      this.OR((this.cache[38] ??= [
        { ALT: () => this.CONSUME(t.Not, L.prefixes) },
        { ALT: () => this.CONSUME(t.Minus, L.prefixes) },
      ]));
    });
    this.OR2((this.cache[39] ??= [
      { ALT: () => this.CONSUME(t.NumberLiteral, L.number) },
      { ALT: () => this.CONSUME(t.PercentLiteral, L.percent) },
      { ALT: () => this.CONSUME(t.StringLiteral, L.string) },
      { ALT: () => this.CONSUME(t.DateLiteral, L.date) },
      { ALT: () => this.CONSUME(t.True, L.boolean) },
      { ALT: () => this.CONSUME(t.False, L.boolean) },
      { ALT: () => this.SUBRULE(this.call, L.call) },
      { ALT: () => this.CONSUME(t.Name, L.name) },
      { ALT: () => this.SUBRULE(this.parenExpr, L.paren) },
      { ALT: () => this.SUBRULE(this.ifExpr, L.if) },
    ]));
  });

  call = this.RULE('call', () => {
    this.CONSUME(t.Name, L.callee);
    this.CONSUME(t.LParen);
    this.MANY_SEP((this.sepCache[49] ??= { SEP: t.Comma, DEF: () => this.SUBRULE(this.expression, L.args) }));
    this.CONSUME(t.RParen);
  });

  parenExpr = this.RULE('parenExpr', () => {
    this.CONSUME(t.LParen);
    this.SUBRULE(this.expression, L.inner);
    this.CONSUME(t.RParen);
  });

  ifExpr = this.RULE('ifExpr', () => {
    this.CONSUME(t.If);
    this.SUBRULE(this.expression, L.condition);
    this.CONSUME(t.Then);
    this.SUBRULE2(this.expression, L.then);
    this.CONSUME(t.Else);
    this.SUBRULE3(this.expression, L.otherwise);
  });

  // ------------------------------------------------------------ error recovery
  // Chevrotain re-syncs after an error at the next statement or section (each is its own rule).
  // These hooks make it re-sync where a person would: past a stray `}` (not at the end of the
  // product), past a misspelt keyword (read as the one meant), over a stray block whole.

  /**
   * Whether to recover inside a repetition that found no next item (Chevrotain's test), and also
   * at a `}` that would close the product while sections follow it: a stray one, skipped by
   * {@link tryInRepetitionRecovery} — else everything after it would be lost.
   */
  shouldInRepetitionRecoveryBeTried(expected: TokenType, nextTokenIndex: number, notStuck: boolean | undefined): boolean {
    if (notStuck !== false && this.atStrayBrace()) return true;
    return chevrotainRecovery.shouldInRepetitionRecoveryBeTried.call(this, expected, nextTokenIndex, notStuck);
  }

  /** A `}` in the product's list of sections, with more of the product after it. */
  private atStrayBrace(): boolean {
    return this.LA(1).tokenType === t.RCurly && (this as unknown as RecoveryInternals).getCurrRuleFullName() === 'product' && this.productGoesOn();
  }

  /** Whether, past the `}`s ahead, the product goes on: a keyword or a name other than `product`. */
  private productGoesOn(): boolean {
    for (let k = 2; ; k++) {
      const next = this.LA(k);
      if (next.tokenType === t.RCurly) continue;
      if (next.tokenType === EOF || next.tokenType === t.Product) return false;
      return tokenMatcher(next, t.Keyword) || tokenMatcher(next, t.Identifier);
    }
  }

  /**
   * Chevrotain's recovery inside a repetition (a section's lines, the product's sections), called
   * when the next token starts no item and does not close the block. Chevrotain's own skips up to
   * the first `}`, even one closing a nested block, which then ended the enclosing section (or the
   * whole product) early and lost everything after it. Here: a misspelt keyword that would start
   * an item is read as that keyword (reported with "did you mean"); anything else is reported once
   * and skipped, braces balanced, up to the next item or the end of the block.
   */
  tryInRepetitionRecovery(grammarRule: (...args: unknown[]) => void, args: unknown[], lookAhead: () => boolean, expected: TokenType): void {
    const internals = this as unknown as RecoveryInternals;
    while (this.atStrayBrace()) {
      this.problem('unmatched-brace', {}, this.LA(1));
      this.SKIP_TOKEN();
      if (lookAhead.call(this)) {
        this.reenter(grammarRule, args);
        return;
      }
    }
    const first = this.LA(1);
    if (first.tokenType === EOF || tokenMatcher(first, expected)) return; // nothing to skip
    if (this.respellKeyword(first, lookAhead)) {
      this.reenter(grammarRule, args);
      return;
    }
    const items = this.expectedItems(first, lookAhead);
    const stray = (): void => this.problem('unexpected-token/stray', { found: foundOf(first), construct: constructOf(internals.getCurrRuleFullName()), items }, first);
    // Tokens that belong to an enclosing block: met first, there is nothing to re-sync to here.
    const enclosing = new Set(internals.flattenFollowSet());
    const start = internals.exportLexerState();
    let depth = 0;
    for (let next = first; next.tokenType !== EOF; next = this.LA(1)) {
      if (depth === 0 && next !== first) {
        if (this.respellKeyword(next, lookAhead) || lookAhead.call(this)) {
          stray();
          this.reenter(grammarRule, args);
          return;
        }
        if (this.atStrayBrace()) {
          this.problem('unmatched-brace', {}, this.LA(1));
        } else if (tokenMatcher(this.LA(1), expected)) {
          stray();
          return;
        }
        if (enclosing.has(this.LA(1).tokenType)) break;
      }
      const type = this.LA(1).tokenType;
      if (type === t.LCurly || type === t.LParen) depth++;
      else if ((type === t.RCurly || type === t.RParen) && depth > 0) depth--;
      this.SKIP_TOKEN();
    }
    // Nothing to re-sync to in this block: Chevrotain's recovery between rules takes over.
    internals.importLexerState(start);
  }

  /**
   * Runs the repetition again after a recovery (Chevrotain calls it recursively, which exhausts
   * the stack after a few thousand recoveries in one block): a recovery in the repetition being
   * re-run only asks for one more run, so the runs of one repetition are a loop.
   */
  private reenter(grammarRule: (...args: unknown[]) => void, args: unknown[]): void {
    const key = `${(this as unknown as TreeBuilderInternals).CST_STACK.length}:${grammarRule.name}:${String(args[0])}`;
    if (this.reentries[this.reentries.length - 1] === key) {
      this.reenterAgain = true;
      return;
    }
    this.reentries.push(key);
    try {
      do {
        this.reenterAgain = false;
        grammarRule.apply(this, args);
      } while (this.reenterAgain);
    } finally {
      this.reentries.pop();
      this.reenterAgain = false;
    }
  }

  /**
   * Reads `token`, a name where an item of the current block should start, as the keyword it
   * most likely misspells among those that start an item here (`prcing` → `pricing`,
   * `elegibilidad` → `eligibility`), reporting `unknown-keyword`. False when none fits.
   */
  private respellKeyword(token: IToken, lookAhead: () => boolean): boolean {
    if (token.tokenType !== t.Identifier) return false;
    const starts = this.keywordsStartingItem(token, lookAhead);
    const meant = suggestKeyword(token.image, starts.keys());
    if (meant === undefined) return false;
    const rule = (this as unknown as RecoveryInternals).getCurrRuleFullName();
    if (rule === 'product') this.problem('unknown-keyword/section', { word: token.image, ...keywordArgs(token.image, meant) }, token);
    else this.problem('unknown-keyword', { word: token.image, construct: constructOf(rule), ...keywordArgs(token.image, meant) }, token);
    respell(token, starts.get(meant)!, meant);
    return true;
  }

  /** The keywords that start an item of the current block, tried in place of `token` (the next one). */
  private keywordsStartingItem(token: IToken, lookAhead: () => boolean): Map<string, TokenType> {
    const { tokenType, tokenTypeIdx } = token;
    const starts = new Map<string, TokenType>();
    for (const [word, type] of t.keywordTypes) {
      token.tokenType = type;
      token.tokenTypeIdx = type.tokenTypeIdx!;
      if (lookAhead.call(this)) starts.set(word, type);
    }
    token.tokenType = tokenType;
    token.tokenTypeIdx = tokenTypeIdx;
    return starts;
  }

  /** "expected `method`, `basis`, … or `}`": the keywords that start an item in place of `token` (the next one). */
  private expectedItems(token: IToken, lookAhead: () => boolean): string[] {
    return [...this.keywordsStartingItem(token, lookAhead).keys()];
  }

  /**
   * Chevrotain's single-token recovery, first trying what was most likely meant: a number where a
   * percent belongs (`rate 110`) is read as that percent, a misspelt keyword (`ordinay`) as the
   * keyword expected. Either way the error is already reported (messages.ts explains it).
   */
  tryInRuleRecovery(expected: TokenType, follows: TokenType[]): IToken {
    const next = this.LA(1);
    if (expected === t.PercentLiteral && next.tokenType === t.NumberLiteral) {
      respell(next, t.PercentLiteral, `${spelling(next)}%`);
      this.SKIP_TOKEN();
      return next;
    }
    const word = t.keywordOf(expected);
    if (word !== undefined && next.tokenType === t.Identifier && suggestKeyword(next.image, [word]) !== undefined) {
      respell(next, expected, word);
      this.SKIP_TOKEN();
      return next;
    }
    return chevrotainRecovery.tryInRuleRecovery.call(this, expected, follows);
  }

  private problem<Id extends MessageId>(id: Id, args: MessageArgs<Id>, token: IToken): void {
    this.problems.push({ id, args: args as SyntaxProblem['args'], token });
  }

  // ------------------------------------------------------------ CST building
  // Chevrotain's CST builder (traits/tree_builder.js) with cheaper nodes: fast-mode `children`
  // holding a single element without an array (see PlazoCstNode in ast/cst.ts), and, instead of a `location` of six boxed doubles updated on every token, the first and last
  // real tokens of the node. Same semantics as its `nodeLocationTracking: 'full'` with recovery
  // (`setNodeLocationFull`): the first token with an offset starts the node, and the end moves to
  // any later-ending token; tokens inserted by recovery (NaN offsets) are ignored.

  /** Called by Chevrotain on entering a rule. */
  cstInvocationStateUpdate(name: string): void {
    const node: PlazoCstNode = { name, children: Object.create(CHILDREN) as PlazoCstNode['children'], first: undefined, last: undefined };
    (this as unknown as TreeBuilderInternals).CST_STACK.push(node);
  }

  /** Called by Chevrotain after each consumed (or recovery-inserted) token. */
  cstPostTerminal(key: string, token: IToken): void {
    const stack = (this as unknown as TreeBuilderInternals).CST_STACK;
    const node = stack[stack.length - 1]!;
    const held = node.children[key];
    if (held === undefined) node.children[key] = token;
    else if (Array.isArray(held)) held.push(token);
    else node.children[key] = [held, token];
    if (token.startOffset !== token.startOffset) return; // NaN: inserted by recovery
    if (node.first === undefined) {
      node.first = token;
      node.last = token;
    } else if (endOf(node.last!) < endOf(token)) node.last = token;
  }

  /** Called by Chevrotain after each subrule (complete or partial after recovery). */
  cstPostNonTerminal(result: PlazoCstNode, key: string): void {
    const stack = (this as unknown as TreeBuilderInternals).CST_STACK;
    const node = stack[stack.length - 1]!;
    const held = node.children[key];
    if (held === undefined) node.children[key] = result;
    else if (Array.isArray(held)) held.push(result);
    else node.children[key] = [held, result];
    if (result.first === undefined) return;
    if (node.first === undefined) {
      node.first = result.first;
      node.last = result.last;
    } else if (endOf(node.last!) < endOf(result.last!)) node.last = result.last;
  }

  /** Parses a token vector into a CST; errors are left in `this.errors`. */
  parseFile(tokens: IToken[]): CstNode {
    this.input = tokens;
    this.nesting = 0;
    this.problems = [];
    this.reentries = [];
    return this.file();
  }

  /**
   * Parses one expression from a token vector (the policy document's parser, policy/parse-policy.ts,
   * reads its own statements and hands each expression's tokens here); errors are left in `errors`
   * and `problems`, tokens left over are reported by the caller.
   */
  parseExpressionTokens(tokens: IToken[]): CstNode {
    this.input = tokens;
    this.nesting = 0;
    this.problems = [];
    this.reentries = [];
    return this.expression();
  }
}

/** The one parser instance (Chevrotain parsers are costly to build and meant to be reused). */
export const plazoParser = new PlazoParser();
