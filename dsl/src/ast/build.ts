// CST → AST of nodes.ts, with ranges. Copes with partial trees after error recovery: missing names
// become empty identifiers, missing expressions ErrorExpr, and a statement whose required number
// was lost is dropped. Reports `duplicate-setting` for a setting written twice.
import { diagnostic } from '../messages/catalogue.ts';
import type { CstNode, IToken } from 'chevrotain';
import { buildExpression } from './build-expression.ts';
import {
  bound,
  booleanLiteral,
  dateLiteral,
  identifier,
  missingIdentifier,
  numberLiteral,
  percentLiteral,
  signedNumber,
  stringLiteral,
  type BuildContext,
} from './build-literals.ts';
import { child, children, emptyAt, hasRealToken, labelled, nodeRange, token, tokenRange, tokens } from './cst.ts';
import type { PlazoCstNode } from './cst.ts';
import type * as A from './nodes.ts';
import { spelling } from '../lexer/lexer.ts';

export type { BuildContext } from './build-literals.ts';

type Range = A.Range;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Builds the AST of a whole file from the CST of the `file` rule. */
export function buildFile(cst: CstNode | undefined, ctx: BuildContext): A.ProductFile {
  const whole = ctx.lines.range(0, ctx.lines.text.length);
  const productCst = child(cst, 'product');
  const product = productCst && hasRealToken(productCst) ? buildProduct(productCst, ctx) : undefined;
  return Object.freeze({ kind: 'ProductFile', product, range: whole });
}

// ---------------------------------------------------------------- helpers

function rangeOf(node: CstNode | undefined, ctx: BuildContext, fallback?: Range): Range {
  // The end-of-text fallback is made only when it is used (a node with tokens needs none).
  if (fallback === undefined && (node === undefined || (node as unknown as PlazoCstNode).first === undefined)) {
    fallback = emptyAt(ctx.lines.position(ctx.lines.text.length));
  }
  return nodeRange(node, fallback!, ctx.lines);
}

function nameOr(t: IToken | undefined, fallback: Range, ctx: BuildContext): A.Identifier {
  return t ? identifier(t, ctx) : missingIdentifier(emptyAt(fallback.end));
}

function stringOr(t: IToken | undefined, ctx: BuildContext, fallback: Range): A.StringLiteral {
  return t ? stringLiteral(t, ctx) : Object.freeze({ kind: 'StringLiteral', value: '', range: emptyAt(fallback.end) });
}

function duplicate(ctx: BuildContext, what: string, range: Range, where: string): void {
  ctx.diagnostics.push(diagnostic('error', 'duplicate-setting', { what, where }, range));
}

/** Sets a singleton setting, reporting a duplicate (the first one wins). */
function setOnce<T extends object, K extends keyof T>(
  target: T,
  key: K,
  value: T[K] | undefined,
  ctx: BuildContext,
  what: string,
  range: Range,
  where: string,
): void {
  if (value === undefined) return;
  if (target[key] !== undefined) duplicate(ctx, what, range, where);
  else target[key] = value;
}

function lowerBound(tokensList: readonly IToken[], offset: number): number {
  let low = 0;
  let high = tokensList.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (tokensList[mid]!.startOffset < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The `///` comments that document a declaration: those on their own lines between the previous
 * significant token and the declaration's first token — their text joined with newlines, and the
 * range from the first to the end of the last.
 */
function docFor(range: Range, ctx: BuildContext): { readonly text: string; readonly range: Range } | undefined {
  const start = range.start.offset;
  const previous = ctx.tokens[lowerBound(ctx.tokens, start) - 1];
  const previousEnd = previous ? previous.startOffset + previous.image.length : -1;
  const first = lowerBound(ctx.comments, previousEnd);
  // Most declarations have no comment before them: done without computing a line.
  if (first >= ctx.comments.length || ctx.comments[first]!.startOffset >= start) return undefined;
  const previousLine = previous ? ctx.lines.line(previousEnd) : -1;
  const lines: string[] = [];
  let from = -1;
  let to = -1;
  for (let i = first; i < ctx.comments.length; i++) {
    const comment = ctx.comments[i]!;
    if (comment.startOffset >= start) break;
    if (!comment.image.startsWith('///') || comment.image.startsWith('////')) continue;
    if (ctx.lines.line(comment.startOffset) === previousLine) continue;
    lines.push(comment.image.slice(3).replace(/^ /, '').trimEnd());
    if (from < 0) from = comment.startOffset;
    to = comment.startOffset + comment.image.length;
  }
  return lines.length > 0 ? { text: lines.join('\n'), range: ctx.lines.range(from, to) } : undefined;
}

function documented<T extends object>(node: T, ctx: BuildContext, range: Range): T {
  const doc = docFor(range, ctx);
  return Object.freeze(doc === undefined ? node : { ...node, doc: doc.text, docRange: doc.range });
}

/** The names of `component` children (allocation order, IVA bases). */
function components(node: CstNode, label: string, ctx: BuildContext): A.Identifier[] {
  return children(node, label)
    .map((c) => token(c, 'name'))
    .filter((t): t is IToken => t !== undefined)
    .map((t) => identifier(t, ctx));
}

function rangeExpr(node: CstNode | undefined, ctx: BuildContext, fallback: Range): A.RangeExpr | undefined {
  if (!node || !hasRealToken(node)) return undefined;
  const dots = token(node, 'dots');
  if (!dots) return undefined;
  const range: Mutable<A.RangeExpr> = { kind: 'RangeExpr', maxExclusive: dots.image === '..<', range: rangeOf(node, ctx, fallback) };
  const min = bound(child(node, 'min'), ctx);
  const max = bound(child(node, 'max'), ctx);
  if (min) range.min = min;
  if (max) range.max = max;
  return Object.freeze(range);
}

// ---------------------------------------------------------------- product

function buildProduct(node: CstNode, ctx: BuildContext): A.ProductDecl {
  const range = rangeOf(node, ctx);
  const name = token(node, 'name');
  const product: Mutable<A.ProductDecl> = {
    kind: 'ProductDecl',
    code: nameOr(token(node, 'code'), range, ctx),
    sections: [],
    range,
  };
  if (name) product.name = stringLiteral(name, ctx);
  const sections: A.Section[] = [];
  for (const [ruleName, list] of labelled(node)) {
    for (const element of list) {
      if (!('children' in element) || !hasRealToken(element as unknown as CstNode)) continue;
      const item = element as unknown as CstNode;
      const at = rangeOf(item, ctx, range);
      switch (ruleName) {
        case 'currencySetting': {
          const value = token(item, 'value');
          setOnce(product, 'currency', value && identifier(value, ctx), ctx, 'currency', at, 'product');
          break;
        }
        case 'kindSetting': {
          const value = token(item, 'value');
          setOnce(product, 'productKind', value && identifier(value, ctx), ctx, 'kind', at, 'product');
          break;
        }
        case 'docSetting': {
          const value = token(item, 'value');
          setOnce(product, 'description', value && stringLiteral(value, ctx), ctx, 'doc', at, 'product');
          break;
        }
        default: {
          const section = buildSection(ruleName, item, ctx, at);
          if (section) sections.push(documented(section, ctx, at));
        }
      }
    }
  }
  // CST children are grouped by rule; the AST keeps source order.
  sections.sort((a, b) => a.range.start.offset - b.range.start.offset);
  product.sections = sections;
  return documented(product, ctx, range);
}

function buildSection(ruleName: string, node: CstNode, ctx: BuildContext, at: Range): A.Section | undefined {
  switch (ruleName) {
    case 'inputSection':
      return buildInput(node, ctx, at);
    case 'letDecl':
      return buildLet(node, ctx, at);
    case 'limitsSection':
      return buildLimits(node, ctx, at);
    case 'pricingSection':
      return buildPricing(node, ctx, at);
    case 'feeDecl':
      return buildFee(node, ctx, at);
    case 'eligibilitySection':
      return buildEligibility(node, ctx, at);
    case 'scorecardSection':
      return buildScorecard(node, ctx, at);
    case 'offerSection':
      return buildOffer(node, ctx, at);
    case 'penaltiesSection':
      return buildPenalties(node, ctx, at);
    case 'collectionSection':
      return buildCollection(node, ctx, at);
    case 'reservesSection':
      return buildReserves(node, ctx, at);
    case 'allocationDecl':
      return Object.freeze({
        kind: 'AllocationDecl',
        components: components(node, 'components', ctx),
        range: at,
      });
    case 'prepaymentDecl': {
      const reduce = token(node, 'reduce');
      const notAllowed = token(node, 'notAllowed');
      if (!reduce && !notAllowed) return undefined;
      const policy = notAllowed ? 'not-allowed' : spelling(reduce!) === 'term' ? 'reduce-term' : 'reduce-installment';
      return Object.freeze({ kind: 'PrepaymentDecl', policy, range: at });
    }
    case 'overpaymentDecl': {
      const tolerance = signedNumber(child(node, 'amount'), ctx);
      return Object.freeze({ kind: 'OverpaymentDecl', ...(tolerance ? { tolerance } : {}), range: at });
    }
    case 'testDecl':
      return buildTest(node, ctx, at);
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------- input and let

function buildInput(node: CstNode, ctx: BuildContext, range: Range): A.InputSection {
  const fields: A.InputFieldDecl[] = [];
  for (const field of children(node, 'inputField')) {
    if (!hasRealToken(field)) continue;
    const at = rangeOf(field, ctx, range);
    const enumNode = child(field, 'enum');
    const typeToken = token(field, 'type') ?? token(enumNode, 'type');
    if (!typeToken) continue;
    const bounds = rangeExpr(child(field, 'bounds'), ctx, at);
    const fact = token(field, 'fact');
    const decl: A.InputFieldDecl = {
      kind: 'InputFieldDecl',
      name: nameOr(token(field, 'name'), at, ctx),
      type: spelling(typeToken) as A.TypeName,
      typeRange: enumNode ? rangeOf(enumNode, ctx, at) : tokenRange(typeToken, ctx.lines),
      enumValues: tokens(enumNode, 'values').map((t) => identifier(t, ctx)),
      ...(bounds ? { bounds } : {}),
      optional: token(field, 'optional') !== undefined,
      ...(fact ? { from: identifier(fact, ctx) } : {}),
      range: at,
    };
    fields.push(documented(decl, ctx, at));
  }
  return Object.freeze({ kind: 'InputSection', fields, range });
}

function buildLet(node: CstNode, ctx: BuildContext, range: Range): A.LetDecl {
  const decl: A.LetDecl = {
    kind: 'LetDecl',
    name: nameOr(token(node, 'name'), range, ctx),
    value: buildExpression(child(node, 'value'), ctx, emptyAt(range.end)),
    range,
  };
  return Object.freeze(decl);
}

// ---------------------------------------------------------------- limits

function buildFrequency(node: CstNode | undefined, ctx: BuildContext, fallback: Range): A.FrequencyNode | undefined {
  if (!node || !hasRealToken(node)) return undefined;
  const range = rangeOf(node, ctx, fallback);
  const named = token(node, 'named');
  if (named) return Object.freeze({ kind: spelling(named) as 'weekly' | 'biweekly' | 'semimonthly' | 'monthly', range });
  const days = token(node, 'days');
  return days ? Object.freeze({ kind: 'every', days: numberLiteral(days, ctx), range }) : undefined;
}

function buildLimits(node: CstNode, ctx: BuildContext, range: Range): A.LimitsSection {
  const limits: Mutable<A.LimitsSection> = { kind: 'LimitsSection', terms: [], range };
  const terms: Mutable<A.LimitsSection>['terms'][number][] = [];
  for (const item of children(node, 'amountLimit')) {
    const at = rangeOf(item, ctx, range);
    const limitRange = rangeExpr(child(item, 'range'), ctx, at);
    if (!limitRange) continue;
    const step = token(item, 'step');
    const amount = Object.freeze({ range: limitRange, ...(step ? { step: numberLiteral(step, ctx) } : {}), at });
    setOnce(limits, 'amount', amount, ctx, 'amount', at, 'limits');
  }
  for (const item of children(node, 'termLimit')) {
    const at = rangeOf(item, ctx, range);
    const payments = rangeExpr(child(item, 'range'), ctx, at);
    const frequency = buildFrequency(child(item, 'frequency'), ctx, at);
    if (payments && frequency) terms.push(Object.freeze({ payments, frequency, at }));
  }
  for (const item of children(node, 'firstPaymentLimit')) {
    const at = rangeOf(item, ctx, range);
    const days = rangeExpr(child(item, 'range'), ctx, at);
    setOnce(limits, 'firstPayment', days && Object.freeze({ days, at }), ctx, 'first payment', at, 'limits');
  }
  terms.sort((a, b) => a.at.start.offset - b.at.start.offset);
  limits.terms = terms;
  return Object.freeze(limits);
}

// ---------------------------------------------------------------- pricing

function basisIdentifier(node: CstNode | undefined, ctx: BuildContext): A.Identifier | undefined {
  const value = token(node, 'value');
  return value && identifier(value, ctx);
}

function buildRate(node: CstNode, ctx: BuildContext, at: Range): A.RateNode | undefined {
  const fixed = token(node, 'fixed');
  if (fixed) return Object.freeze({ kind: 'FixedRate', rate: percentLiteral(fixed, ctx), range: at });
  const table = child(node, 'table');
  if (!table || !hasRealToken(table)) return undefined;
  const rows: A.RateRow[] = [];
  for (const row of children(table, 'rows')) {
    const rate = token(row, 'rate');
    if (!rate) continue;
    const rowRange = rangeOf(row, ctx, at);
    const cells: (A.Identifier | A.RangeExpr)[] = [];
    for (const cell of children(row, 'cells')) {
      const name = token(cell, 'name');
      const cellRange = name ? identifier(name, ctx) : rangeExpr(child(cell, 'range'), ctx, rowRange);
      if (cellRange) cells.push(cellRange);
    }
    rows.push(Object.freeze({ kind: 'RateRow', cells, rate: percentLiteral(rate, ctx), range: rowRange }));
  }
  return Object.freeze({ kind: 'RateTable', keys: tokens(table, 'keys').map((t) => identifier(t, ctx)), rows, range: at });
}

function buildPricing(node: CstNode, ctx: BuildContext, range: Range): A.PricingSection {
  const pricing: Mutable<A.PricingSection> = { kind: 'PricingSection', grace: [], installmentIncludesIva: false, range };
  const grace: Mutable<A.PricingSection>['grace'][number][] = [];
  const where = 'pricing';
  for (const [ruleName, list] of labelled(node)) {
    for (const element of list) {
      if (!('children' in element) || !hasRealToken(element as unknown as CstNode)) continue;
      const item = element as unknown as CstNode;
      const at = rangeOf(item, ctx, range);
      switch (ruleName) {
        case 'methodSetting': {
          const value = token(item, 'value');
          setOnce(pricing, 'method', value && identifier(value, ctx), ctx, 'method', at, where);
          break;
        }
        case 'basisSetting':
          setOnce(pricing, 'basis', basisIdentifier(child(item, 'value'), ctx), ctx, 'basis', at, where);
          break;
        case 'rateSetting':
          setOnce(pricing, 'rate', buildRate(item, ctx, at), ctx, 'rate', at, where);
          break;
        case 'ivaSetting': {
          const rate = token(item, 'rate');
          const iva = rate && Object.freeze({ rate: percentLiteral(rate, ctx), on: components(item, 'on', ctx), range: at });
          setOnce(pricing, 'iva', iva, ctx, 'iva', at, where);
          break;
        }
        case 'roundingSetting': {
          const decimals = token(item, 'decimals');
          const mode = token(item, 'mode');
          const multiple = token(item, 'multiple');
          const rounding = decimals && Object.freeze({
            decimals: numberLiteral(decimals, ctx),
            ...(mode ? { mode: identifier(mode, ctx) } : {}),
            ...(multiple ? { multiple: numberLiteral(multiple, ctx) } : {}),
            range: at,
          });
          setOnce(pricing, 'rounding', rounding, ctx, 'rounding', at, where);
          break;
        }
        case 'graceSetting': {
          const what = token(item, 'what');
          const count = token(item, 'count');
          if (what && count) {
            grace.push(Object.freeze({ what: spelling(what) as 'principal' | 'interest', count: numberLiteral(count, ctx), range: at }));
          }
          break;
        }
        case 'businessDaysSetting': {
          const value = token(item, 'value');
          setOnce(pricing, 'businessDays', value && identifier(value, ctx), ctx, 'business days', at, where);
          break;
        }
        case 'installmentIncludesIva':
          if (pricing.installmentIncludesIva) duplicate(ctx, 'installment includes iva', at, where);
          pricing.installmentIncludesIva = true;
          break;
      }
    }
  }
  grace.sort((a, b) => a.range.start.offset - b.range.start.offset);
  pricing.grace = grace;
  return Object.freeze(pricing);
}

// ---------------------------------------------------------------- fees and penalties

function feeAmount(node: CstNode | undefined, ctx: BuildContext): A.NumberLiteral | A.PercentLiteral | undefined {
  const value = token(node, 'value');
  if (!value) return undefined;
  return spelling(value).endsWith('%') ? percentLiteral(value, ctx) : numberLiteral(value, ctx);
}

/** `min`, `max` and `iva`/`no iva` modifiers shared by fees and late fees. */
function capsAndTax(
  node: CstNode,
  target: { min?: A.NumberLiteral; max?: A.NumberLiteral; taxable?: boolean },
  ctx: BuildContext,
  where: string,
): void {
  for (const label of ['min', 'max'] as const) {
    for (const cap of children(node, label)) {
      const value = token(cap, 'value');
      setOnce(target, label, value && numberLiteral(value, ctx), ctx, label, rangeOf(cap, ctx), where);
    }
  }
  for (const tax of children(node, 'taxable')) {
    if (!hasRealToken(tax)) continue;
    setOnce(target, 'taxable', token(tax, 'no') === undefined, ctx, 'iva', rangeOf(tax, ctx), where);
  }
}

function buildFee(node: CstNode, ctx: BuildContext, range: Range): A.FeeDecl | undefined {
  const amount = feeAmount(child(node, 'amount'), ctx);
  if (!amount) return undefined;
  const of = token(node, 'of');
  const fee: Mutable<A.FeeDecl> = {
    kind: 'FeeDecl',
    name: nameOr(token(node, 'name'), range, ctx),
    amount,
    ...(of ? { of: identifier(of, ctx) } : {}),
    range,
  };
  const where = `fee ${fee.name.name}`;
  capsAndTax(node, fee, ctx, where);
  for (const timingNode of children(node, 'timing')) {
    const timing = token(timingNode, 'timing');
    if (!timing) continue;
    const at = rangeOf(timingNode, ctx, range);
    const value = spelling(timing) === 'per' ? 'per-installment' : (spelling(timing) as 'upfront' | 'deducted' | 'financed');
    setOnce(fee, 'timing', Object.freeze({ value, range: at }), ctx, 'timing', at, where);
  }
  return Object.freeze(fee);
}

function buildPenalties(node: CstNode, ctx: BuildContext, range: Range): A.PenaltiesSection {
  const penalties: Mutable<A.PenaltiesSection> = { kind: 'PenaltiesSection', range };
  for (const item of children(node, 'lateFeeDecl')) {
    const at = rangeOf(item, ctx, range);
    const amount = feeAmount(child(item, 'amount'), ctx);
    if (!amount) continue;
    const of = token(item, 'of');
    const lateFee: Omit<Mutable<NonNullable<A.PenaltiesSection['lateFee']>>, 'taxable'> & { taxable?: boolean } = {
      amount,
      ...(of ? { of: identifier(of, ctx) } : {}),
      range: at,
    };
    capsAndTax(item, lateFee, ctx, 'late fee');
    for (const grace of children(item, 'grace')) {
      const value = token(grace, 'value');
      setOnce(lateFee, 'graceDays', value && numberLiteral(value, ctx), ctx, 'grace', rangeOf(grace, ctx, at), 'late fee');
    }
    setOnce(penalties, 'lateFee', Object.freeze({ ...lateFee, taxable: lateFee.taxable ?? false }), ctx, 'late fee', at, 'penalties');
  }
  for (const item of children(node, 'moratoriumDecl')) {
    const at = rangeOf(item, ctx, range);
    const factor = token(item, 'factor');
    const annual = token(item, 'annual');
    const on = token(item, 'on');
    if ((!factor && !annual) || !on) continue;
    const rate = factor
      ? Object.freeze({ kind: 'multiple' as const, factor: numberLiteral(factor, ctx) })
      : Object.freeze({ kind: 'annual' as const, rate: percentLiteral(annual!, ctx) });
    const moratorium: Omit<Mutable<NonNullable<A.PenaltiesSection['moratorium']>>, 'taxable'> & { taxable?: boolean } = {
      rate,
      on: spelling(on) === 'principal' ? 'overdue-principal' : 'overdue-installment',
      range: at,
    };
    for (const basis of children(item, 'basis')) {
      setOnce(moratorium, 'basis', basisIdentifier(basis, ctx), ctx, 'basis', rangeOf(basis, ctx, at), 'moratorium');
    }
    capsAndTax(item, moratorium, ctx, 'moratorium');
    const taxable = moratorium.taxable ?? false;
    setOnce(penalties, 'moratorium', Object.freeze({ ...moratorium, taxable }), ctx, 'moratorium', at, 'penalties');
  }
  return Object.freeze(penalties);
}

// ---------------------------------------------------------------- eligibility and scorecard

function outcomeOf(node: CstNode | undefined): 'decline' | 'refer' | undefined {
  const outcome = token(child(node, 'outcome'), 'outcome');
  return outcome ? (spelling(outcome) as 'decline' | 'refer') : undefined;
}

function buildEligibility(node: CstNode, ctx: BuildContext, range: Range): A.EligibilitySection {
  const rules: A.RuleDecl[] = [];
  for (const ruleNode of children(node, 'rules')) {
    if (!hasRealToken(ruleNode)) continue;
    const at = rangeOf(ruleNode, ctx, range);
    const outcome = outcomeOf(ruleNode);
    if (!outcome) continue;
    const message = token(ruleNode, 'message');
    const rule: A.RuleDecl = {
      kind: 'RuleDecl',
      outcome,
      reason: stringOr(token(ruleNode, 'reason'), ctx, at),
      negated: token(ruleNode, 'unless') !== undefined,
      condition: buildExpression(child(ruleNode, 'condition'), ctx, emptyAt(at.end)),
      ...(message ? { message: stringLiteral(message, ctx) } : {}),
      range: at,
    };
    rules.push(documented(rule, ctx, at));
  }
  return Object.freeze({ kind: 'EligibilitySection', rules, range });
}

function buildBin(node: CstNode, ctx: BuildContext, fallback: Range): A.BinDecl | undefined {
  const at = rangeOf(node, ctx, fallback);
  const points = signedNumber(child(node, 'points'), ctx);
  if (!points) return undefined;
  let match: A.BinMatchNode | undefined;
  const missing = token(node, 'missing');
  const otherwise = token(node, 'otherwise');
  if (missing) match = Object.freeze({ kind: 'missing', range: tokenRange(missing, ctx.lines) });
  else if (otherwise) match = Object.freeze({ kind: 'otherwise', range: tokenRange(otherwise, ctx.lines) });
  else {
    const range = rangeExpr(child(node, 'range'), ctx, at);
    if (range) match = Object.freeze({ kind: 'range', value: range, range: range.range });
    else {
      const valueNodes = children(node, 'values').filter(hasRealToken);
      const values: (A.Identifier | A.BooleanLiteral | A.StringLiteral)[] = [];
      for (const valueNode of valueNodes) {
        const name = token(valueNode, 'name');
        const bool = token(valueNode, 'boolean');
        const str = token(valueNode, 'string');
        if (name) values.push(identifier(name, ctx));
        else if (bool) values.push(booleanLiteral(bool, ctx));
        else if (str) values.push(stringLiteral(str, ctx));
      }
      const first = values[0];
      const last = values[values.length - 1];
      if (first && last) match = Object.freeze({ kind: 'values', values, range: { start: first.range.start, end: last.range.end } });
    }
  }
  if (!match) return undefined;
  const reason = token(node, 'reason');
  return Object.freeze({ kind: 'BinDecl', match, points, ...(reason ? { reason: stringLiteral(reason, ctx) } : {}), range: at });
}

function buildScorecard(node: CstNode, ctx: BuildContext, range: Range): A.ScorecardSection {
  const scorecard: Mutable<A.ScorecardSection> = { kind: 'ScorecardSection', characteristics: [], bands: [], range };
  for (const item of children(node, 'baseSetting')) {
    const at = rangeOf(item, ctx, range);
    setOnce(scorecard, 'base', signedNumber(child(item, 'value'), ctx), ctx, 'base', at, 'scorecard');
  }
  const characteristics: A.CharacteristicDecl[] = [];
  for (const item of children(node, 'characteristicDecl')) {
    if (!hasRealToken(item)) continue;
    const at = rangeOf(item, ctx, range);
    const label = token(item, 'label');
    const bins: A.BinDecl[] = [];
    for (const binNode of children(item, 'bins')) {
      if (!hasRealToken(binNode)) continue;
      const bin = buildBin(binNode, ctx, at);
      if (bin !== undefined) bins.push(bin);
    }
    const decl: A.CharacteristicDecl = {
      kind: 'CharacteristicDecl',
      name: nameOr(token(item, 'name'), at, ctx),
      ...(label ? { label: stringLiteral(label, ctx) } : {}),
      bins,
      range: at,
    };
    characteristics.push(documented(decl, ctx, at));
  }
  scorecard.characteristics = characteristics;
  const bands: A.BandDecl[] = [];
  for (const item of children(node, 'bandDecl')) {
    const at = rangeOf(item, ctx, range);
    const minScore = token(item, 'minScore');
    if (!minScore) continue;
    bands.push(Object.freeze({ kind: 'BandDecl', name: nameOr(token(item, 'name'), at, ctx), minScore: numberLiteral(minScore, ctx), range: at }));
  }
  scorecard.bands = bands;
  for (const item of children(node, 'scoreOtherwise')) {
    const at = rangeOf(item, ctx, range);
    const outcome = outcomeOf(item);
    if (!outcome) continue;
    const message = token(item, 'message');
    const otherwise = Object.freeze({
      outcome,
      reason: stringOr(token(item, 'reason'), ctx, at),
      ...(message ? { message: stringLiteral(message, ctx) } : {}),
      range: at,
    });
    setOnce(scorecard, 'otherwise', otherwise, ctx, 'otherwise', at, 'scorecard');
  }
  return Object.freeze(scorecard);
}

// ---------------------------------------------------------------- offer and collection

function buildOffer(node: CstNode, ctx: BuildContext, range: Range): A.OfferSection {
  const offer: Mutable<A.OfferSection> = { kind: 'OfferSection', caps: [], range };
  const caps: A.OfferCapNode[] = [];
  for (const item of children(node, 'installmentCap')) {
    const at = rangeOf(item, ctx, range);
    caps.push(Object.freeze({ kind: 'installment', value: buildExpression(child(item, 'value'), ctx, emptyAt(at.end)), range: at }));
  }
  for (const item of children(node, 'amountCap')) {
    const at = rangeOf(item, ctx, range);
    const byBand = child(item, 'byBand');
    if (byBand) {
      const entries = children(byBand, 'entries')
        .map((entry) => ({ band: token(entry, 'band'), amount: token(entry, 'amount') }))
        .filter((entry): entry is { band: IToken; amount: IToken } => entry.band !== undefined && entry.amount !== undefined)
        .map((entry) => Object.freeze({ band: identifier(entry.band, ctx), amount: numberLiteral(entry.amount, ctx) }));
      caps.push(Object.freeze({ kind: 'amount-by-band', entries, range: at }));
    } else {
      caps.push(Object.freeze({ kind: 'amount', value: buildExpression(child(item, 'value'), ctx, emptyAt(at.end)), range: at }));
    }
  }
  for (const item of children(node, 'counterofferSetting')) {
    if (!hasRealToken(item)) continue;
    setOnce(offer, 'counteroffer', token(item, 'no') === undefined, ctx, 'counteroffer', rangeOf(item, ctx, range), 'offer');
  }
  caps.sort((a, b) => a.range.start.offset - b.range.start.offset);
  offer.caps = caps;
  return Object.freeze(offer);
}

function buildAction(node: CstNode, ctx: BuildContext, fallback: Range): A.ActionNode | undefined {
  const at = rangeOf(node, ctx, fallback);
  if (token(node, 'notify')) {
    const template = token(node, 'template');
    if (!template) return undefined;
    return Object.freeze({ kind: 'notify', channel: nameOr(token(node, 'channel'), at, ctx), template: stringLiteral(template, ctx), range: at });
  }
  if (token(node, 'queue')) {
    const queue = token(node, 'queueName');
    return queue ? Object.freeze({ kind: 'queue', queue: stringLiteral(queue, ctx), range: at }) : undefined;
  }
  if (token(node, 'stopAccrual')) return Object.freeze({ kind: 'stop-accrual', range: at });
  const restructure = child(node, 'restructure');
  if (restructure) return buildRestructureOffer(restructure, ctx, at);
  if (token(node, 'writeOff')) return Object.freeze({ kind: 'write-off', range: at });
  return undefined;
}

function buildRestructureOffer(node: CstNode, ctx: BuildContext, at: Range): A.ActionNode {
  const offer: Mutable<Extract<A.ActionNode, { kind: 'offer-restructure' }>> = { kind: 'offer-restructure', range: rangeOf(node, ctx, at) };
  for (const item of children(node, 'payments')) {
    const count = token(item, 'count');
    if (!count) continue;
    const frequency = buildFrequency(child(item, 'frequency'), ctx, at);
    const range = rangeOf(item, ctx, at);
    if (offer.payments !== undefined) duplicate(ctx, 'payments', range, 'offer restructure');
    else {
      offer.payments = numberLiteral(count, ctx);
      if (frequency) offer.frequency = frequency;
    }
  }
  for (const item of children(node, 'rate')) {
    const percent = token(item, 'percent');
    setOnce(offer, 'rate', percent && percentLiteral(percent, ctx), ctx, 'rate', rangeOf(item, ctx, at), 'offer restructure');
  }
  return Object.freeze(offer);
}

function actionsOf(node: CstNode, ctx: BuildContext, at: Range): A.ActionNode[] {
  return children(node, 'actions')
    .filter(hasRealToken)
    .map((action) => buildAction(action, ctx, at))
    .filter((action): action is A.ActionNode => action !== undefined);
}

function buildCollection(node: CstNode, ctx: BuildContext, range: Range): A.CollectionSection {
  const steps: A.CollectionStepNode[] = [];
  for (const step of children(node, 'steps')) {
    if (!hasRealToken(step)) continue;
    const at = rangeOf(step, ctx, range);
    if (step.name === 'atStep') {
      const day = signedNumber(child(step, 'day'), ctx);
      if (day) steps.push(Object.freeze({ kind: 'at', day, actions: actionsOf(step, ctx, at), range: at }));
    } else {
      const from = token(step, 'from');
      if (!from) continue;
      const to = token(step, 'to');
      const stage = token(step, 'stage');
      steps.push(
        Object.freeze({
          kind: 'stage',
          from: numberLiteral(from, ctx),
          ...(to ? { to: numberLiteral(to, ctx) } : {}),
          ...(stage ? { stage: identifier(stage, ctx) } : {}),
          actions: actionsOf(step, ctx, at),
          range: at,
        }),
      );
    }
  }
  return Object.freeze({ kind: 'CollectionSection', steps, range });
}

// ---------------------------------------------------------------- reserves

function buildReserves(node: CstNode, ctx: BuildContext, range: Range): A.ReservesSection {
  const reserves: Mutable<A.ReservesSection> = { kind: 'ReservesSection', rows: [], range };
  const rows: A.ReserveRowNode[] = [];
  for (const row of children(node, 'rows')) {
    if (!hasRealToken(row)) continue;
    const at = rangeOf(row, ctx, range);
    const from = token(row, 'from');
    const rate = token(row, 'rate');
    if (!from || !rate) continue;
    const stage = token(row, 'stage');
    const to = token(row, 'to');
    const built: A.ReserveRowNode = {
      kind: 'ReserveRow',
      ...(stage ? { stage: identifier(stage, ctx) } : {}),
      from: numberLiteral(from, ctx),
      ...(to ? { to: numberLiteral(to, ctx) } : {}),
      open: token(row, 'open') !== undefined,
      rate: percentLiteral(rate, ctx),
      range: at,
    };
    rows.push(documented(built, ctx, at));
  }
  reserves.rows = rows;
  for (const item of children(node, 'expectedLoss')) {
    if (!hasRealToken(item)) continue;
    const at = rangeOf(item, ctx, range);
    const expectedLoss = Object.freeze({
      pd: buildExpression(child(item, 'pd'), ctx, emptyAt(at.end)),
      lgd: buildExpression(child(item, 'lgd'), ctx, emptyAt(at.end)),
      range: at,
    });
    setOnce(reserves, 'expectedLoss', expectedLoss, ctx, 'expected loss', at, 'reserves');
  }
  return Object.freeze(reserves);
}

// ---------------------------------------------------------------- tests

function givenValue(node: CstNode, ctx: BuildContext): A.Literal | A.Identifier | undefined {
  const number = signedNumber(child(node, 'number'), ctx);
  if (number) return number;
  let t: IToken | undefined;
  if ((t = token(node, 'percent'))) return percentLiteral(t, ctx);
  if ((t = token(node, 'string'))) return stringLiteral(t, ctx);
  if ((t = token(node, 'date'))) return dateLiteral(t, ctx);
  if ((t = token(node, 'boolean'))) return booleanLiteral(t, ctx);
  if ((t = token(node, 'name'))) return identifier(t, ctx);
  return undefined;
}

function buildExpectation(node: CstNode, ctx: BuildContext, fallback: Range): A.ExpectNode | undefined {
  const at = rangeOf(node, ctx, fallback);
  const outcome = token(node, 'outcome');
  if (outcome) {
    const reasons = tokens(node, 'reasons').map((reason) => stringLiteral(reason, ctx));
    return Object.freeze({ kind: 'outcome', outcome: spelling(outcome) as 'approve' | 'refer' | 'decline', reasons, range: at });
  }
  if (token(node, 'band')) {
    const band = token(node, 'bandName');
    return band ? Object.freeze({ kind: 'band', band: identifier(band, ctx), range: at }) : undefined;
  }
  const amountKind = token(node, 'amountKind');
  if (amountKind) {
    const value = token(node, 'number');
    const kind = spelling(amountKind) as 'score' | 'offer' | 'counteroffer' | 'installment' | 'total';
    return value ? Object.freeze({ kind, value: numberLiteral(value, ctx), range: at }) : undefined;
  }
  const percentKind = token(node, 'percentKind');
  if (percentKind) {
    const value = token(node, 'percent');
    return value ? Object.freeze({ kind: spelling(percentKind) as 'rate' | 'cat', value: percentLiteral(value, ctx), range: at }) : undefined;
  }
  const state = child(node, 'state');
  const on = token(state, 'on');
  if (!state || !on) return undefined;
  const books = child(state, 'books');
  if (books) return buildBooksExpectation(books, dateLiteral(on, ctx), ctx, at);
  const loan = child(state, 'loanExpectation');
  const expectation: Mutable<Extract<A.ExpectNode, { kind: 'state' }>> = { kind: 'state', on: dateLiteral(on, ctx), range: at };
  const where = 'expect on';
  for (const label of ['dpd', 'outstanding', 'lateFees', 'moratorium'] as const) {
    for (const t of tokens(loan, label)) {
      const shown = label === 'lateFees' ? 'late fees' : label;
      setOnce(expectation, label, numberLiteral(t, ctx), ctx, shown, tokenRange(t, ctx.lines), where);
    }
  }
  for (const stage of tokens(loan, 'stage')) setOnce(expectation, 'stage', identifier(stage, ctx), ctx, 'stage', tokenRange(stage, ctx.lines), where);
  return Object.freeze(expectation);
}

/** `on DATE books stage S reserve N accrued N deferred N`: each figure at most once. */
function buildBooksExpectation(node: CstNode, on: A.DateLiteral, ctx: BuildContext, at: Range): A.ExpectNode {
  const expectation: Mutable<Extract<A.ExpectNode, { kind: 'books' }>> = { kind: 'books', on, range: at };
  const where = 'expect on ... books';
  for (const stage of tokens(node, 'bookStage')) setOnce(expectation, 'stage', identifier(stage, ctx), ctx, 'stage', tokenRange(stage, ctx.lines), where);
  for (const label of ['reserve', 'accrued', 'deferred'] as const) {
    for (const t of tokens(node, label)) setOnce(expectation, label, numberLiteral(t, ctx), ctx, label, tokenRange(t, ctx.lines), where);
  }
  return Object.freeze(expectation);
}

function buildTest(node: CstNode, ctx: BuildContext, range: Range): A.TestDecl {
  const test: Mutable<A.TestDecl> = {
    kind: 'TestDecl',
    name: stringOr(token(node, 'name'), ctx, range),
    given: [],
    payments: [],
    expects: [],
    range,
  };
  const given: A.GivenEntry[] = [];
  for (const statement of children(node, 'givenStatement')) {
    for (const entry of children(statement, 'entries')) {
      const field = token(entry, 'field');
      const value = givenValue(entry, ctx);
      if (!field || !value) continue;
      given.push(Object.freeze({ kind: 'GivenEntry', field: identifier(field, ctx), value, range: rangeOf(entry, ctx, range) }));
    }
  }
  test.given = given;
  for (const [label, key] of [
    ['todayStatement', 'today'],
    ['disburseStatement', 'disburse'],
  ] as const) {
    for (const statement of children(node, label)) {
      const date = token(statement, 'date');
      setOnce(test, key, date && dateLiteral(date, ctx), ctx, key, rangeOf(statement, ctx, range), 'test');
    }
  }
  test.payments = children(node, 'payStatement')
    .map((statement) => ({ amount: token(statement, 'amount'), on: token(statement, 'date'), at: rangeOf(statement, ctx, range) }))
    .filter((p): p is { amount: IToken; on: IToken; at: Range } => p.amount !== undefined && p.on !== undefined)
    .map((p) => Object.freeze({ amount: numberLiteral(p.amount, ctx), on: dateLiteral(p.on, ctx), range: p.at }));
  const expects: A.ExpectNode[] = [];
  for (const statement of children(node, 'expectStatement')) {
    for (const expectation of children(statement, 'expectations')) {
      if (!hasRealToken(expectation)) continue;
      const built = buildExpectation(expectation, ctx, rangeOf(statement, ctx, range));
      if (built) expects.push(built);
    }
  }
  test.expects = expects;
  return Object.freeze(test);
}
