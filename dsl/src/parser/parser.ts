// The Plazo grammar: one Chevrotain CstParser with error recovery, built once and reused. Every
// section and statement is its own rule so a syntax error re-syncs locally and the rest of the
// file is still parsed. Token labels name the CST children the AST builder reads.
import { CstParser, type CstNode, type IToken } from 'chevrotain';
import * as t from '../lexer/tokens.ts';
import { syntaxMessages } from './messages.ts';

class PlazoParser extends CstParser {
  constructor() {
    super([...t.allTokens], {
      recoveryEnabled: true,
      nodeLocationTracking: 'full',
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
    this.CONSUME(t.Name, { LABEL: 'code' });
    this.OPTION(() => this.CONSUME(t.StringLiteral, { LABEL: 'name' }));
    this.CONSUME(t.LCurly);
    this.MANY(() => {
      this.OR([
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
        { ALT: () => this.SUBRULE(this.allocationDecl) },
        { ALT: () => this.SUBRULE(this.prepaymentDecl) },
        { ALT: () => this.SUBRULE(this.testDecl) },
      ]);
    });
    this.CONSUME(t.RCurly);
  });

  currencySetting = this.RULE('currencySetting', () => {
    this.CONSUME(t.Currency);
    this.CONSUME(t.Name, { LABEL: 'value' });
  });

  kindSetting = this.RULE('kindSetting', () => {
    this.CONSUME(t.Kind);
    this.CONSUME(t.Name, { LABEL: 'value' });
  });

  docSetting = this.RULE('docSetting', () => {
    this.CONSUME(t.Doc);
    this.CONSUME(t.StringLiteral, { LABEL: 'value' });
  });

  // ------------------------------------------------------------ input and let

  inputSection = this.RULE('inputSection', () => {
    this.CONSUME(t.Input);
    this.CONSUME(t.LCurly);
    this.MANY(() => this.SUBRULE(this.inputField));
    this.CONSUME(t.RCurly);
  });

  inputField = this.RULE('inputField', () => {
    this.CONSUME(t.Name, { LABEL: 'name' });
    this.CONSUME(t.Colon);
    this.OR([
      { ALT: () => this.CONSUME(t.NumberType, { LABEL: 'type' }) },
      { ALT: () => this.CONSUME(t.IntegerType, { LABEL: 'type' }) },
      { ALT: () => this.CONSUME(t.MoneyType, { LABEL: 'type' }) },
      { ALT: () => this.CONSUME(t.PercentType, { LABEL: 'type' }) },
      { ALT: () => this.CONSUME(t.StringType, { LABEL: 'type' }) },
      { ALT: () => this.CONSUME(t.BooleanType, { LABEL: 'type' }) },
      { ALT: () => this.CONSUME(t.DateType, { LABEL: 'type' }) },
      { ALT: () => this.SUBRULE(this.enumType, { LABEL: 'enum' }) },
    ]);
    this.OPTION(() => this.SUBRULE(this.rangeExpr, { LABEL: 'bounds' }));
    this.OPTION2(() => this.CONSUME(t.Optional, { LABEL: 'optional' }));
  });

  enumType = this.RULE('enumType', () => {
    this.CONSUME(t.EnumType, { LABEL: 'type' });
    this.CONSUME(t.LCurly);
    this.MANY_SEP({ SEP: t.Comma, DEF: () => this.CONSUME(t.Name, { LABEL: 'values' }) });
    this.CONSUME(t.RCurly);
  });

  letDecl = this.RULE('letDecl', () => {
    this.CONSUME(t.Let);
    this.CONSUME(t.Name, { LABEL: 'name' });
    this.CONSUME(t.Equals);
    this.SUBRULE(this.expression, { LABEL: 'value' });
  });

  // ------------------------------------------------------------ ranges and signed numbers

  /** `a..b`, `a..<b`, `..b`, `a..`, `..` */
  rangeExpr = this.RULE('rangeExpr', () => {
    this.OR([
      {
        ALT: () => {
          this.SUBRULE(this.bound, { LABEL: 'min' });
          this.SUBRULE(this.rangeDots, { LABEL: 'dots' });
          this.OPTION(() => this.SUBRULE2(this.bound, { LABEL: 'max' }));
        },
      },
      {
        ALT: () => {
          this.SUBRULE2(this.rangeDots, { LABEL: 'dots' });
          this.OPTION2(() => this.SUBRULE3(this.bound, { LABEL: 'max' }));
        },
      },
    ]);
  });

  rangeDots = this.RULE('rangeDots', () => {
    this.OR([
      { ALT: () => this.CONSUME(t.RangeDots, { LABEL: 'dots' }) },
      { ALT: () => this.CONSUME(t.RangeExclusive, { LABEL: 'dots' }) },
    ]);
  });

  bound = this.RULE('bound', () => {
    this.OPTION(() => this.SUBRULE(this.sign));
    this.OR([
      { ALT: () => this.CONSUME(t.NumberLiteral, { LABEL: 'value' }) },
      { ALT: () => this.CONSUME(t.PercentLiteral, { LABEL: 'value' }) },
    ]);
  });

  signedNumber = this.RULE('signedNumber', () => {
    this.OPTION(() => this.SUBRULE(this.sign));
    this.CONSUME(t.NumberLiteral, { LABEL: 'value' });
  });

  sign = this.RULE('sign', () => {
    this.OR([
      { ALT: () => this.CONSUME(t.Plus, { LABEL: 'sign' }) },
      { ALT: () => this.CONSUME(t.Minus, { LABEL: 'sign' }) },
    ]);
  });

  // ------------------------------------------------------------ limits

  limitsSection = this.RULE('limitsSection', () => {
    this.CONSUME(t.Limits);
    this.CONSUME(t.LCurly);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.amountLimit) },
        { ALT: () => this.SUBRULE(this.termLimit) },
        { ALT: () => this.SUBRULE(this.firstPaymentLimit) },
      ]);
    });
    this.CONSUME(t.RCurly);
  });

  amountLimit = this.RULE('amountLimit', () => {
    this.CONSUME(t.Amount);
    this.SUBRULE(this.rangeExpr, { LABEL: 'range' });
    this.OPTION(() => {
      this.CONSUME(t.Step);
      this.CONSUME(t.NumberLiteral, { LABEL: 'step' });
    });
  });

  termLimit = this.RULE('termLimit', () => {
    this.CONSUME(t.Payments);
    this.SUBRULE(this.rangeExpr, { LABEL: 'range' });
    this.SUBRULE(this.frequency, { LABEL: 'frequency' });
  });

  firstPaymentLimit = this.RULE('firstPaymentLimit', () => {
    this.CONSUME(t.First);
    this.CONSUME(t.Payment);
    this.SUBRULE(this.rangeExpr, { LABEL: 'range' });
    this.CONSUME(t.Days);
  });

  frequency = this.RULE('frequency', () => {
    this.OR([
      { ALT: () => this.CONSUME(t.Weekly, { LABEL: 'named' }) },
      { ALT: () => this.CONSUME(t.Biweekly, { LABEL: 'named' }) },
      { ALT: () => this.CONSUME(t.Semimonthly, { LABEL: 'named' }) },
      { ALT: () => this.CONSUME(t.Monthly, { LABEL: 'named' }) },
      {
        ALT: () => {
          this.CONSUME(t.Every, { LABEL: 'every' });
          this.CONSUME(t.NumberLiteral, { LABEL: 'days' });
          this.CONSUME(t.Days);
        },
      },
    ]);
  });

  // ------------------------------------------------------------ pricing

  pricingSection = this.RULE('pricingSection', () => {
    this.CONSUME(t.Pricing);
    this.CONSUME(t.LCurly);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.methodSetting) },
        { ALT: () => this.SUBRULE(this.basisSetting) },
        { ALT: () => this.SUBRULE(this.rateSetting) },
        { ALT: () => this.SUBRULE(this.ivaSetting) },
        { ALT: () => this.SUBRULE(this.roundingSetting) },
        { ALT: () => this.SUBRULE(this.graceSetting) },
        { ALT: () => this.SUBRULE(this.businessDaysSetting) },
        { ALT: () => this.SUBRULE(this.installmentIncludesIva) },
      ]);
    });
    this.CONSUME(t.RCurly);
  });

  methodSetting = this.RULE('methodSetting', () => {
    this.CONSUME(t.Method);
    this.CONSUME(t.Name, { LABEL: 'value' });
  });

  basisSetting = this.RULE('basisSetting', () => {
    this.CONSUME(t.Basis);
    this.SUBRULE(this.basisValue, { LABEL: 'value' });
  });

  basisValue = this.RULE('basisValue', () => {
    this.OR([
      { ALT: () => this.CONSUME(t.BasisName, { LABEL: 'value' }) },
      { ALT: () => this.CONSUME(t.Name, { LABEL: 'value' }) },
    ]);
  });

  rateSetting = this.RULE('rateSetting', () => {
    this.CONSUME(t.Rate);
    this.OR([
      { ALT: () => this.CONSUME(t.PercentLiteral, { LABEL: 'fixed' }) },
      { ALT: () => this.SUBRULE(this.rateTable, { LABEL: 'table' }) },
    ]);
  });

  rateTable = this.RULE('rateTable', () => {
    this.CONSUME(t.By);
    this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => this.CONSUME(t.Name, { LABEL: 'keys' }) });
    this.CONSUME(t.LCurly);
    this.MANY(() => this.SUBRULE(this.rateRow, { LABEL: 'rows' }));
    this.CONSUME(t.RCurly);
  });

  rateRow = this.RULE('rateRow', () => {
    this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE(this.rateCell, { LABEL: 'cells' }) });
    this.CONSUME(t.Colon);
    this.CONSUME(t.PercentLiteral, { LABEL: 'rate' });
    this.OPTION(() => this.CONSUME2(t.Comma));
  });

  rateCell = this.RULE('rateCell', () => {
    this.OR([
      { ALT: () => this.CONSUME(t.Name, { LABEL: 'name' }) },
      { ALT: () => this.SUBRULE(this.rangeExpr, { LABEL: 'range' }) },
    ]);
  });

  ivaSetting = this.RULE('ivaSetting', () => {
    this.CONSUME(t.Iva);
    this.CONSUME(t.PercentLiteral, { LABEL: 'rate' });
    this.CONSUME(t.On);
    this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE(this.component, { LABEL: 'on' }) });
  });

  roundingSetting = this.RULE('roundingSetting', () => {
    this.CONSUME(t.Rounding);
    this.CONSUME(t.NumberLiteral, { LABEL: 'decimals' });
    this.OPTION(() => {
      this.OR([
        { ALT: () => this.CONSUME(t.RoundingMode, { LABEL: 'mode' }) },
        { ALT: () => this.CONSUME(t.Identifier, { LABEL: 'mode' }) },
      ]);
    });
    this.OPTION2(() => {
      this.CONSUME(t.Multiple);
      this.CONSUME2(t.NumberLiteral, { LABEL: 'multiple' });
    });
  });

  graceSetting = this.RULE('graceSetting', () => {
    this.CONSUME(t.Grace);
    this.OR([
      { ALT: () => this.CONSUME(t.Principal, { LABEL: 'what' }) },
      { ALT: () => this.CONSUME(t.Interest, { LABEL: 'what' }) },
    ]);
    this.CONSUME(t.NumberLiteral, { LABEL: 'count' });
  });

  businessDaysSetting = this.RULE('businessDaysSetting', () => {
    this.CONSUME(t.Business);
    this.CONSUME(t.Days);
    this.CONSUME(t.Name, { LABEL: 'value' });
  });

  installmentIncludesIva = this.RULE('installmentIncludesIva', () => {
    this.CONSUME(t.Installment);
    this.CONSUME(t.Includes);
    this.CONSUME(t.Iva);
  });

  // ------------------------------------------------------------ fees

  feeDecl = this.RULE('feeDecl', () => {
    this.CONSUME(t.Fee);
    this.CONSUME(t.Name, { LABEL: 'name' });
    this.SUBRULE(this.feeAmount, { LABEL: 'amount' });
    this.OPTION(() => {
      this.CONSUME(t.Of);
      this.CONSUME2(t.Name, { LABEL: 'of' });
    });
    this.MANY(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.minCap, { LABEL: 'min' }) },
        { ALT: () => this.SUBRULE(this.maxCap, { LABEL: 'max' }) },
        { ALT: () => this.SUBRULE(this.feeTiming, { LABEL: 'timing' }) },
        { ALT: () => this.SUBRULE(this.taxability, { LABEL: 'taxable' }) },
      ]);
    });
  });

  feeAmount = this.RULE('feeAmount', () => {
    this.OR([
      { ALT: () => this.CONSUME(t.NumberLiteral, { LABEL: 'value' }) },
      { ALT: () => this.CONSUME(t.PercentLiteral, { LABEL: 'value' }) },
    ]);
  });

  minCap = this.RULE('minCap', () => {
    this.CONSUME(t.Min);
    this.CONSUME(t.NumberLiteral, { LABEL: 'value' });
  });

  maxCap = this.RULE('maxCap', () => {
    this.CONSUME(t.Max);
    this.CONSUME(t.NumberLiteral, { LABEL: 'value' });
  });

  feeTiming = this.RULE('feeTiming', () => {
    this.OR([
      { ALT: () => this.CONSUME(t.Upfront, { LABEL: 'timing' }) },
      { ALT: () => this.CONSUME(t.Deducted, { LABEL: 'timing' }) },
      { ALT: () => this.CONSUME(t.Financed, { LABEL: 'timing' }) },
      {
        ALT: () => {
          this.CONSUME(t.Per, { LABEL: 'timing' });
          this.CONSUME(t.Installment);
        },
      },
    ]);
  });

  /** `iva` or `no iva`. */
  taxability = this.RULE('taxability', () => {
    this.OPTION(() => this.CONSUME(t.No, { LABEL: 'no' }));
    this.CONSUME(t.Iva);
  });

  // ------------------------------------------------------------ eligibility

  eligibilitySection = this.RULE('eligibilitySection', () => {
    this.CONSUME(t.Eligibility);
    this.CONSUME(t.LCurly);
    this.MANY(() => this.SUBRULE(this.ruleDecl, { LABEL: 'rules' }));
    this.CONSUME(t.RCurly);
  });

  ruleDecl = this.RULE('ruleDecl', () => {
    this.SUBRULE(this.outcome, { LABEL: 'outcome' });
    this.CONSUME(t.StringLiteral, { LABEL: 'reason' });
    this.OR([
      { ALT: () => this.CONSUME(t.When, { LABEL: 'when' }) },
      { ALT: () => this.CONSUME(t.Unless, { LABEL: 'unless' }) },
    ]);
    this.SUBRULE(this.expression, { LABEL: 'condition' });
    this.OPTION(() => {
      this.CONSUME(t.Message);
      this.CONSUME2(t.StringLiteral, { LABEL: 'message' });
    });
  });

  outcome = this.RULE('outcome', () => {
    this.OR([
      { ALT: () => this.CONSUME(t.Decline, { LABEL: 'outcome' }) },
      { ALT: () => this.CONSUME(t.Refer, { LABEL: 'outcome' }) },
    ]);
  });

  // ------------------------------------------------------------ scorecard

  scorecardSection = this.RULE('scorecardSection', () => {
    this.CONSUME(t.Scorecard);
    this.CONSUME(t.LCurly);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.baseSetting) },
        { ALT: () => this.SUBRULE(this.characteristicDecl) },
        { ALT: () => this.SUBRULE(this.bandDecl) },
        { ALT: () => this.SUBRULE(this.scoreOtherwise) },
      ]);
    });
    this.CONSUME(t.RCurly);
  });

  baseSetting = this.RULE('baseSetting', () => {
    this.CONSUME(t.Base);
    this.SUBRULE(this.signedNumber, { LABEL: 'value' });
  });

  characteristicDecl = this.RULE('characteristicDecl', () => {
    this.CONSUME(t.Characteristic);
    this.CONSUME(t.Name, { LABEL: 'name' });
    this.OPTION(() => this.CONSUME(t.StringLiteral, { LABEL: 'label' }));
    this.CONSUME(t.LCurly);
    this.MANY(() => this.SUBRULE(this.binDecl, { LABEL: 'bins' }));
    this.CONSUME(t.RCurly);
  });

  binDecl = this.RULE('binDecl', () => {
    this.OR([
      { ALT: () => this.CONSUME(t.Missing, { LABEL: 'missing' }) },
      { ALT: () => this.CONSUME(t.Otherwise, { LABEL: 'otherwise' }) },
      { ALT: () => this.SUBRULE(this.rangeExpr, { LABEL: 'range' }) },
      {
        ALT: () =>
          this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE(this.binValue, { LABEL: 'values' }) }),
      },
    ]);
    this.CONSUME(t.Arrow);
    this.SUBRULE(this.signedNumber, { LABEL: 'points' });
    this.OPTION(() => {
      this.CONSUME(t.Reason);
      this.CONSUME(t.StringLiteral, { LABEL: 'reason' });
    });
  });

  binValue = this.RULE('binValue', () => {
    this.OR([
      { ALT: () => this.CONSUME(t.Name, { LABEL: 'name' }) },
      { ALT: () => this.CONSUME(t.True, { LABEL: 'boolean' }) },
      { ALT: () => this.CONSUME(t.False, { LABEL: 'boolean' }) },
      { ALT: () => this.CONSUME(t.StringLiteral, { LABEL: 'string' }) },
    ]);
  });

  bandDecl = this.RULE('bandDecl', () => {
    this.CONSUME(t.Band);
    this.CONSUME(t.Name, { LABEL: 'name' });
    this.CONSUME(t.When);
    this.CONSUME(t.Score);
    this.CONSUME(t.GreaterEq);
    this.CONSUME(t.NumberLiteral, { LABEL: 'minScore' });
  });

  scoreOtherwise = this.RULE('scoreOtherwise', () => {
    this.CONSUME(t.Otherwise);
    this.SUBRULE(this.outcome, { LABEL: 'outcome' });
    this.CONSUME(t.StringLiteral, { LABEL: 'reason' });
    this.OPTION(() => {
      this.CONSUME(t.Message);
      this.CONSUME2(t.StringLiteral, { LABEL: 'message' });
    });
  });

  // ------------------------------------------------------------ offer

  offerSection = this.RULE('offerSection', () => {
    this.CONSUME(t.Offer);
    this.CONSUME(t.LCurly);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.installmentCap) },
        { ALT: () => this.SUBRULE(this.amountCap) },
        { ALT: () => this.SUBRULE(this.counterofferSetting) },
      ]);
    });
    this.CONSUME(t.RCurly);
  });

  installmentCap = this.RULE('installmentCap', () => {
    this.CONSUME(t.Installment);
    this.CONSUME(t.LessEq);
    this.SUBRULE(this.expression, { LABEL: 'value' });
  });

  amountCap = this.RULE('amountCap', () => {
    this.CONSUME(t.Amount);
    this.CONSUME(t.LessEq);
    this.OR([
      { ALT: () => this.SUBRULE(this.amountByBand, { LABEL: 'byBand' }) },
      { ALT: () => this.SUBRULE(this.expression, { LABEL: 'value' }) },
    ]);
  });

  amountByBand = this.RULE('amountByBand', () => {
    this.CONSUME(t.By);
    this.CONSUME(t.Band);
    this.CONSUME(t.LCurly);
    this.MANY(() => this.SUBRULE(this.bandAmount, { LABEL: 'entries' }));
    this.CONSUME(t.RCurly);
  });

  bandAmount = this.RULE('bandAmount', () => {
    this.CONSUME(t.Name, { LABEL: 'band' });
    this.CONSUME(t.Colon);
    this.CONSUME(t.NumberLiteral, { LABEL: 'amount' });
    this.OPTION(() => this.CONSUME(t.Comma));
  });

  counterofferSetting = this.RULE('counterofferSetting', () => {
    this.OPTION(() => this.CONSUME(t.No, { LABEL: 'no' }));
    this.CONSUME(t.Counteroffer);
  });

  // ------------------------------------------------------------ penalties

  penaltiesSection = this.RULE('penaltiesSection', () => {
    this.CONSUME(t.Penalties);
    this.CONSUME(t.LCurly);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.lateFeeDecl) },
        { ALT: () => this.SUBRULE(this.moratoriumDecl) },
      ]);
    });
    this.CONSUME(t.RCurly);
  });

  lateFeeDecl = this.RULE('lateFeeDecl', () => {
    this.CONSUME(t.Late);
    this.CONSUME(t.Fee);
    this.SUBRULE(this.feeAmount, { LABEL: 'amount' });
    this.OPTION(() => {
      this.CONSUME(t.Of);
      this.CONSUME(t.Name, { LABEL: 'of' });
    });
    this.MANY(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.minCap, { LABEL: 'min' }) },
        { ALT: () => this.SUBRULE(this.maxCap, { LABEL: 'max' }) },
        { ALT: () => this.SUBRULE(this.graceDays, { LABEL: 'grace' }) },
        { ALT: () => this.SUBRULE(this.taxability, { LABEL: 'taxable' }) },
      ]);
    });
  });

  graceDays = this.RULE('graceDays', () => {
    this.CONSUME(t.Grace);
    this.CONSUME(t.NumberLiteral, { LABEL: 'value' });
    this.CONSUME(t.Days);
  });

  moratoriumDecl = this.RULE('moratoriumDecl', () => {
    this.CONSUME(t.Moratorium);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(t.MultipleLiteral, { LABEL: 'factor' });
          this.CONSUME(t.Ordinary);
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.PercentLiteral, { LABEL: 'annual' });
          this.CONSUME(t.Annual);
        },
      },
    ]);
    this.CONSUME(t.On);
    this.CONSUME(t.Overdue);
    this.OR2([
      { ALT: () => this.CONSUME(t.Principal, { LABEL: 'on' }) },
      { ALT: () => this.CONSUME(t.Installment, { LABEL: 'on' }) },
    ]);
    this.MANY(() => {
      this.OR3([
        {
          ALT: () => {
            this.CONSUME(t.Basis);
            this.SUBRULE(this.basisValue, { LABEL: 'basis' });
          },
        },
        { ALT: () => this.SUBRULE(this.taxability, { LABEL: 'taxable' }) },
      ]);
    });
  });

  // ------------------------------------------------------------ collection

  collectionSection = this.RULE('collectionSection', () => {
    this.CONSUME(t.Collection);
    this.CONSUME(t.LCurly);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.atStep, { LABEL: 'steps' }) },
        { ALT: () => this.SUBRULE(this.stageStep, { LABEL: 'steps' }) },
      ]);
    });
    this.CONSUME(t.RCurly);
  });

  atStep = this.RULE('atStep', () => {
    this.CONSUME(t.At);
    this.SUBRULE(this.signedNumber, { LABEL: 'day' });
    this.CONSUME(t.Days);
    this.MANY(() => this.SUBRULE(this.action, { LABEL: 'actions' }));
  });

  stageStep = this.RULE('stageStep', () => {
    this.CONSUME(t.From);
    this.CONSUME(t.NumberLiteral, { LABEL: 'from' });
    this.OPTION(() => {
      this.CONSUME(t.To);
      this.CONSUME2(t.NumberLiteral, { LABEL: 'to' });
    });
    this.CONSUME(t.Dpd);
    this.OPTION2(() => {
      this.CONSUME(t.Stage);
      this.CONSUME(t.Name, { LABEL: 'stage' });
    });
    this.MANY(() => this.SUBRULE(this.action, { LABEL: 'actions' }));
  });

  action = this.RULE('action', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(t.Notify, { LABEL: 'notify' });
          this.CONSUME(t.Name, { LABEL: 'channel' });
          this.CONSUME(t.StringLiteral, { LABEL: 'template' });
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.Queue, { LABEL: 'queue' });
          this.CONSUME2(t.StringLiteral, { LABEL: 'queueName' });
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.Stop, { LABEL: 'stopAccrual' });
          this.CONSUME(t.Accrual);
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.Offer, { LABEL: 'offerRestructure' });
          this.CONSUME(t.Restructure);
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.Write, { LABEL: 'writeOff' });
          this.CONSUME(t.Off);
        },
      },
    ]);
  });

  // ------------------------------------------------------------ allocation and prepayment

  allocationDecl = this.RULE('allocationDecl', () => {
    this.CONSUME(t.Allocation);
    this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE(this.component, { LABEL: 'components' }) });
  });

  /** A loan component: `interest`, `fees`, `iva`... `penalties` is reserved (it opens a section) but allowed here. */
  component = this.RULE('component', () => {
    this.OR([
      { ALT: () => this.CONSUME(t.Name, { LABEL: 'name' }) },
      { ALT: () => this.CONSUME(t.Penalties, { LABEL: 'name' }) },
    ]);
  });

  prepaymentDecl = this.RULE('prepaymentDecl', () => {
    this.CONSUME(t.Prepayment);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(t.Reduce);
          this.OR2([
            { ALT: () => this.CONSUME(t.Term, { LABEL: 'reduce' }) },
            { ALT: () => this.CONSUME(t.Installment, { LABEL: 'reduce' }) },
          ]);
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.Not, { LABEL: 'notAllowed' });
          this.CONSUME(t.Allowed);
        },
      },
    ]);
  });

  // ------------------------------------------------------------ tests

  testDecl = this.RULE('testDecl', () => {
    this.CONSUME(t.Test);
    this.CONSUME(t.StringLiteral, { LABEL: 'name' });
    this.CONSUME(t.LCurly);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.givenStatement) },
        { ALT: () => this.SUBRULE(this.todayStatement) },
        { ALT: () => this.SUBRULE(this.disburseStatement) },
        { ALT: () => this.SUBRULE(this.payStatement) },
        { ALT: () => this.SUBRULE(this.expectStatement) },
      ]);
    });
    this.CONSUME(t.RCurly);
  });

  givenStatement = this.RULE('givenStatement', () => {
    this.CONSUME(t.Given);
    this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE(this.givenEntry, { LABEL: 'entries' }) });
  });

  givenEntry = this.RULE('givenEntry', () => {
    this.CONSUME(t.Name, { LABEL: 'field' });
    this.CONSUME(t.Equals);
    this.OR([
      { ALT: () => this.SUBRULE(this.signedNumber, { LABEL: 'number' }) },
      { ALT: () => this.CONSUME(t.PercentLiteral, { LABEL: 'percent' }) },
      { ALT: () => this.CONSUME(t.StringLiteral, { LABEL: 'string' }) },
      { ALT: () => this.CONSUME(t.DateLiteral, { LABEL: 'date' }) },
      { ALT: () => this.CONSUME(t.True, { LABEL: 'boolean' }) },
      { ALT: () => this.CONSUME(t.False, { LABEL: 'boolean' }) },
      { ALT: () => this.CONSUME2(t.Name, { LABEL: 'name' }) },
    ]);
  });

  todayStatement = this.RULE('todayStatement', () => {
    this.CONSUME(t.Today);
    this.CONSUME(t.DateLiteral, { LABEL: 'date' });
  });

  disburseStatement = this.RULE('disburseStatement', () => {
    this.CONSUME(t.Disburse);
    this.CONSUME(t.DateLiteral, { LABEL: 'date' });
  });

  payStatement = this.RULE('payStatement', () => {
    this.CONSUME(t.Pay);
    this.CONSUME(t.NumberLiteral, { LABEL: 'amount' });
    this.CONSUME(t.On);
    this.CONSUME(t.DateLiteral, { LABEL: 'date' });
  });

  expectStatement = this.RULE('expectStatement', () => {
    this.CONSUME(t.Expect);
    this.AT_LEAST_ONE(() => this.SUBRULE(this.expectation, { LABEL: 'expectations' }));
  });

  expectation = this.RULE('expectation', () => {
    this.OR([
      {
        ALT: () => {
          this.OR2([
            { ALT: () => this.CONSUME(t.Approve, { LABEL: 'outcome' }) },
            { ALT: () => this.CONSUME(t.Refer, { LABEL: 'outcome' }) },
            { ALT: () => this.CONSUME(t.Decline, { LABEL: 'outcome' }) },
          ]);
          this.OPTION(() => {
            this.CONSUME(t.Reasons);
            this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => this.CONSUME(t.StringLiteral, { LABEL: 'reasons' }) });
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.Band, { LABEL: 'band' });
          this.CONSUME(t.Name, { LABEL: 'bandName' });
        },
      },
      {
        ALT: () => {
          this.OR3([
            { ALT: () => this.CONSUME(t.Score, { LABEL: 'amountKind' }) },
            { ALT: () => this.CONSUME(t.Offer, { LABEL: 'amountKind' }) },
            { ALT: () => this.CONSUME(t.Counteroffer, { LABEL: 'amountKind' }) },
            { ALT: () => this.CONSUME(t.Installment, { LABEL: 'amountKind' }) },
            { ALT: () => this.CONSUME(t.Total, { LABEL: 'amountKind' }) },
          ]);
          this.CONSUME(t.NumberLiteral, { LABEL: 'number' });
        },
      },
      {
        ALT: () => {
          this.OR4([
            { ALT: () => this.CONSUME(t.Rate, { LABEL: 'percentKind' }) },
            { ALT: () => this.CONSUME(t.Cat, { LABEL: 'percentKind' }) },
          ]);
          this.CONSUME(t.PercentLiteral, { LABEL: 'percent' });
        },
      },
      { ALT: () => this.SUBRULE(this.stateExpectation, { LABEL: 'state' }) },
    ]);
  });

  stateExpectation = this.RULE('stateExpectation', () => {
    this.CONSUME(t.On);
    this.CONSUME(t.DateLiteral, { LABEL: 'on' });
    this.MANY(() => {
      this.OR([
        {
          ALT: () => {
            this.CONSUME(t.Dpd);
            this.CONSUME(t.NumberLiteral, { LABEL: 'dpd' });
          },
        },
        {
          ALT: () => {
            this.CONSUME(t.Stage);
            this.CONSUME(t.Name, { LABEL: 'stage' });
          },
        },
        {
          ALT: () => {
            this.CONSUME(t.Outstanding);
            this.CONSUME2(t.NumberLiteral, { LABEL: 'outstanding' });
          },
        },
        {
          ALT: () => {
            this.CONSUME(t.Late);
            this.CONSUME(t.Fees);
            this.CONSUME3(t.NumberLiteral, { LABEL: 'lateFees' });
          },
        },
        {
          ALT: () => {
            this.CONSUME(t.Moratorium);
            this.CONSUME4(t.NumberLiteral, { LABEL: 'moratorium' });
          },
        },
      ]);
    });
  });

  // ------------------------------------------------------------ expressions

  // Expressions are flat here: operands and the operators between them, in order. Precedence is
  // applied by the AST builder (build-expression.ts); a CST node per precedence level per operand
  // would cost most of the parse time on large products.

  expression = this.RULE('expression', () => {
    this.SUBRULE(this.operand, { LABEL: 'operand' });
    this.MANY(() => this.SUBRULE(this.exprTail, { LABEL: 'tails' }));
  });

  /** What follows an operand: a binary operator and the next operand, `in { ... }`, or `is missing|present`. */
  exprTail = this.RULE('exprTail', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(t.BinaryOperator, { LABEL: 'operator' });
          this.SUBRULE(this.operand, { LABEL: 'operand' });
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.In, { LABEL: 'in' });
          this.CONSUME(t.LCurly);
          this.MANY_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE(this.expression, { LABEL: 'values' }) });
          this.CONSUME(t.RCurly);
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.Is, { LABEL: 'is' });
          this.OR2([
            { ALT: () => this.CONSUME(t.Missing, { LABEL: 'presence' }) },
            { ALT: () => this.CONSUME(t.Present, { LABEL: 'presence' }) },
          ]);
        },
      },
    ]);
  });

  /** Prefix operators (`not`, `-`) and an atom. */
  operand = this.RULE('operand', () => {
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(t.Not, { LABEL: 'prefixes' }) },
        { ALT: () => this.CONSUME(t.Minus, { LABEL: 'prefixes' }) },
      ]);
    });
    this.OR2([
      { ALT: () => this.CONSUME(t.NumberLiteral, { LABEL: 'number' }) },
      { ALT: () => this.CONSUME(t.PercentLiteral, { LABEL: 'percent' }) },
      { ALT: () => this.CONSUME(t.StringLiteral, { LABEL: 'string' }) },
      { ALT: () => this.CONSUME(t.DateLiteral, { LABEL: 'date' }) },
      { ALT: () => this.CONSUME(t.True, { LABEL: 'boolean' }) },
      { ALT: () => this.CONSUME(t.False, { LABEL: 'boolean' }) },
      { ALT: () => this.SUBRULE(this.call, { LABEL: 'call' }) },
      { ALT: () => this.CONSUME(t.Name, { LABEL: 'name' }) },
      { ALT: () => this.SUBRULE(this.parenExpr, { LABEL: 'paren' }) },
      { ALT: () => this.SUBRULE(this.ifExpr, { LABEL: 'if' }) },
    ]);
  });

  call = this.RULE('call', () => {
    this.CONSUME(t.Name, { LABEL: 'callee' });
    this.CONSUME(t.LParen);
    this.MANY_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE(this.expression, { LABEL: 'args' }) });
    this.CONSUME(t.RParen);
  });

  parenExpr = this.RULE('parenExpr', () => {
    this.CONSUME(t.LParen);
    this.SUBRULE(this.expression, { LABEL: 'inner' });
    this.CONSUME(t.RParen);
  });

  ifExpr = this.RULE('ifExpr', () => {
    this.CONSUME(t.If);
    this.SUBRULE(this.expression, { LABEL: 'condition' });
    this.CONSUME(t.Then);
    this.SUBRULE2(this.expression, { LABEL: 'then' });
    this.CONSUME(t.Else);
    this.SUBRULE3(this.expression, { LABEL: 'otherwise' });
  });

  /** Parses a token vector into a CST; errors are left in `this.errors`. */
  parseFile(tokens: IToken[]): CstNode {
    this.input = tokens;
    return this.file();
  }
}

/** The one parser instance (Chevrotain parsers are costly to build and meant to be reused). */
export const plazoParser = new PlazoParser();
