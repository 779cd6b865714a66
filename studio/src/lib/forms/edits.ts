// Every form edit is a text edit: `applyFormEdit(text, edit)` parses the text, finds the item the
// edit is about (its AST range), prints the item's new text, replaces exactly that range (or
// inserts a new statement after the last one of its section, or removes the item's lines with its
// `///` doc), and formats the result with the dsl formatter, which keeps every comment. The text
// stays the one source of truth: the form only ever proposes a new text.
import { format, parse, type TestDecl } from '@plazo/dsl';
import { opsFor, opTakesValue, type ClauseOp, type ClauseValue } from './conditions.ts';
import {
  productForm,
  type ActionKind,
  type ActionValue,
  type ChargeValue,
  type FeeForm,
  type FeeTiming,
  type FieldOption,
  type FormPart,
  type FrequencyValue,
  type LateFeeForm,
  type MoratoriumForm,
  type Place,
  type ProductForm,
  type RangeValue,
  type RuleForm,
  type StepForm,
} from './model.ts';
import {
  printAction,
  printAmountLimit,
  printClause,
  printCondition,
  printFee,
  printFirstPayment,
  printIva,
  printLateFee,
  printMoratorium,
  printRateRow,
  printRule,
  printStep,
  printTerm,
} from './print.ts';
import { FormValueError, spellDate, spellName, spellNumber, spellPercent, type FormValueProblem } from './values.ts';

/** A bound typed in the form; '' clears it (an open range end). */
type Typed = string;

export interface ChargePatch {
  readonly kind?: 'fixed' | 'percent';
  readonly value?: Typed;
  readonly of?: string;
  readonly min?: Typed;
  readonly max?: Typed;
}

export type FeePatch = ChargePatch & { readonly name?: string; readonly timing?: FeeTiming | null; readonly taxable?: boolean | null };
export type LateFeePatch = ChargePatch & { readonly graceDays?: Typed; readonly taxable?: boolean };
export interface MoratoriumPatch {
  readonly rateKind?: 'multiple' | 'annual';
  readonly rate?: Typed;
  readonly on?: MoratoriumForm['on'];
  readonly basis?: string | null;
  readonly taxable?: boolean;
}

export type ActionPatch =
  | { readonly channel?: string; readonly template?: string }
  | { readonly queue?: string }
  | { readonly payments?: Typed; readonly frequency?: FrequencyValue | null; readonly rate?: Typed };

export type FormEdit =
  | { readonly kind: 'amount'; readonly min?: Typed; readonly max?: Typed; readonly step?: Typed }
  | { readonly kind: 'term'; readonly index: number; readonly min?: Typed; readonly max?: Typed; readonly frequency?: FrequencyValue }
  | { readonly kind: 'term.add' }
  | { readonly kind: 'term.remove'; readonly index: number }
  | { readonly kind: 'firstPayment'; readonly min?: Typed; readonly max?: Typed }
  | { readonly kind: 'firstPayment.remove' }
  | { readonly kind: 'method' | 'basis' | 'businessDays'; readonly value: string }
  | { readonly kind: 'rate'; readonly value: Typed }
  | { readonly kind: 'rateRow'; readonly index: number; readonly cell?: { readonly index: number; readonly value: Typed }; readonly rate?: Typed }
  | { readonly kind: 'rateRow.add' }
  | { readonly kind: 'rateRow.remove'; readonly index: number }
  | { readonly kind: 'iva'; readonly rate?: Typed; readonly on?: readonly string[] }
  | { readonly kind: 'fee'; readonly index: number; readonly patch: FeePatch }
  | { readonly kind: 'fee.add' }
  | { readonly kind: 'fee.remove'; readonly index: number }
  | { readonly kind: 'rule'; readonly index: number; readonly outcome?: 'decline' | 'refer'; readonly reason?: string; readonly negated?: boolean; readonly message?: string | null }
  | { readonly kind: 'rule.add' }
  | { readonly kind: 'rule.remove'; readonly index: number }
  | { readonly kind: 'clause'; readonly rule: number; readonly index: number; readonly field?: string; readonly op?: ClauseOp; readonly value?: Typed }
  | { readonly kind: 'clause.add'; readonly rule: number }
  | { readonly kind: 'clause.remove'; readonly rule: number; readonly index: number }
  | { readonly kind: 'lateFee'; readonly patch: LateFeePatch }
  | { readonly kind: 'lateFee.remove' }
  | { readonly kind: 'moratorium'; readonly patch: MoratoriumPatch }
  | { readonly kind: 'moratorium.remove' }
  | { readonly kind: 'step'; readonly index: number; readonly day?: Typed; readonly from?: Typed; readonly to?: Typed; readonly stage?: string }
  | { readonly kind: 'step.add'; readonly step: 'at' | 'stage' }
  | { readonly kind: 'step.remove'; readonly index: number }
  | { readonly kind: 'action'; readonly step: number; readonly index: number; readonly patch: ActionPatch }
  | { readonly kind: 'action.add'; readonly step: number; readonly action: ActionKind }
  | { readonly kind: 'action.remove'; readonly step: number; readonly index: number }
  | { readonly kind: 'expectation'; readonly test: number; readonly expect: FigureExpectation; readonly value: Typed };

/** The expectations of a product test that pin one figure, which "use the new figure" rewrites. */
export const FIGURE_EXPECTATIONS = ['installment', 'cat', 'rate', 'total', 'score', 'offer', 'counteroffer'] as const;
export type FigureExpectation = (typeof FIGURE_EXPECTATIONS)[number];

/**
 * The edit that makes a failed expectation of a product test expect what the engine now gives —
 * for a figure that moved because the product changed on purpose (a new rate moves the
 * installment and the CAT). Undefined when the expectation is not a figure, or there is no figure
 * to take (`no offer (decline)`). `expected`/`actual` are the test report's words (`installment 2262.82`).
 * @example figureUpdate(3, 'installment 2262.82', 'installment 2190.44') // { kind: 'expectation', test: 3, expect: 'installment', value: '2190.44' }
 */
export function figureUpdate(test: number, expected: string, actual: string): FormEdit | undefined {
  const want = /^([a-z]+) /.exec(expected)?.[1];
  const got = /^([a-z]+) (\d+(?:\.\d+)?%?)$/.exec(actual);
  if (!want || !got || got[1] !== want || !(FIGURE_EXPECTATIONS as readonly string[]).includes(want)) return undefined;
  return { kind: 'expectation', test, expect: want as FigureExpectation, value: got[2]! };
}

/** Why an edit was not made: a typed value, the text, or (from the page) the role's section rights: `locked`. */
export type EditProblem = FormValueProblem | 'syntax' | 'stale' | 'commented' | 'last-clause' | 'locked';

export type EditResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problem: EditProblem; readonly value?: string; readonly message: string };

/** The closed sets of the pricing settings the form offers (dsl README "Pricing"). */
export const PRICING_OPTIONS = {
  method: ['french', 'german', 'flat', 'bullet'],
  basis: ['period', 'actual/360', 'actual/365', '30/360'],
  businessDays: ['next', 'previous', 'none'],
} as const satisfies Record<string, readonly string[]>;

/** The part of the product an edit changes (what the role's section rights are checked against). */
export function editPart(edit: FormEdit): FormPart {
  const kind = edit.kind.split('.')[0]!;
  if (['amount', 'term', 'firstPayment'].includes(kind)) return 'limits';
  if (['method', 'basis', 'businessDays', 'rate', 'rateRow', 'iva'].includes(kind)) return 'pricing';
  if (kind === 'fee') return 'fee';
  if (['rule', 'clause'].includes(kind)) return 'eligibility';
  if (['lateFee', 'moratorium'].includes(kind)) return 'penalties';
  if (kind === 'expectation') return 'test';
  return 'collection';
}

class EditFailure extends Error {
  constructor(
    readonly problem: EditProblem,
    message: string,
  ) {
    super(message);
  }
}

const stale = (what: string) => new EditFailure('stale', `${what} is no longer in the text`);

/** A text change: replace [start, end) with `text`. */
interface Change {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const replace = (at: { start: number; end: number }, text: string): Change => ({ start: at.start, end: at.end, text });

/** Refuses items with a comment inside: replacing them would lose it. */
function editable<T extends { commented: boolean; at: Place }>(item: T | undefined, what: string): T {
  if (!item) throw stale(what);
  if (item.commented) throw new EditFailure('commented', `${what} has a comment inside: edit it as text`);
  return item;
}

/** The offset just after the `{` that opens the block starting at `start`. */
function afterBrace(text: string, start: number): number {
  const brace = text.indexOf('{', start);
  return brace === -1 ? start : brace + 1;
}

/**
 * Where a new statement goes in a block: after the line of the last statement (past a comment at
 * the end of that line) while that line is inside the block; else right after the last statement
 * (or the `{`).
 */
function insertAfter(text: string, block: Place, lastEnd: number | undefined, statement: string): Change {
  const close = block.end - 1;
  const from = lastEnd ?? afterBrace(text, block.start);
  const eol = text.indexOf('\n', from);
  const at = eol !== -1 && eol < close ? eol : from;
  return { start: at, end: at, text: `\n${statement}` };
}

/** A new section, before the line of the product's closing brace. */
function insertSection(text: string, form: ProductForm, section: string): Change {
  const lineStart = text.lastIndexOf('\n', form.productEnd - 1) + 1;
  const onOwnLine = text.slice(lineStart, form.productEnd).trim() === '';
  return onOwnLine ? { start: lineStart, end: lineStart, text: `${section}\n` } : { start: form.productEnd, end: form.productEnd, text: `\n${section}\n` };
}

/**
 * Removes an item: its whole lines (with the `///` lines right above it and a comment at the end
 * of its last line) when it stands on lines of its own; else the item and the comma next to it.
 */
function removal(text: string, at: Place): Change {
  let lineStart = text.lastIndexOf('\n', at.start - 1) + 1;
  let lineEnd = text.indexOf('\n', at.end);
  if (lineEnd === -1) lineEnd = text.length;
  const before = text.slice(lineStart, at.start);
  const after = text.slice(at.end, lineEnd).trim();
  if (before.trim() === '' && (after === '' || (after.startsWith('//') && !after.startsWith('///')))) {
    for (;;) {
      if (lineStart === 0) break;
      const previousStart = text.lastIndexOf('\n', lineStart - 2) + 1;
      if (!text.slice(previousStart, lineStart - 1).trim().startsWith('///')) break;
      lineStart = previousStart;
    }
    return { start: lineStart, end: Math.min(text.length, lineEnd + 1), text: '' };
  }
  const following = /^\s*,[ \t]*/.exec(text.slice(at.end));
  if (following) return { start: at.start, end: at.end + following[0].length, text: '' };
  const preceding = /,\s*$/.exec(text.slice(0, at.start));
  if (preceding) return { start: at.start - preceding[0].length, end: at.end, text: '' };
  return { start: at.start, end: at.end, text: '' };
}

// ---------------------------------------------------------------- spelling what was typed

/** A bound or count typed in the form, '' leaving it out (when allowed). */
function bound(typed: Typed | undefined, previous: string | undefined, options: { integer?: boolean; signed?: boolean; optional?: boolean } = {}): string | undefined {
  if (typed === undefined) return previous;
  if (typed.trim() === '') {
    if (options.optional) return undefined;
    throw new FormValueError('empty', typed);
  }
  return spellNumber(typed, previous, options);
}

function rangeWith(range: RangeValue, min: Typed | undefined, max: Typed | undefined, integer: boolean): RangeValue {
  const lo = bound(min, range.min, { integer, optional: true });
  const hi = bound(max, range.max, { integer, optional: true });
  return { ...(lo !== undefined ? { min: lo } : {}), ...(hi !== undefined ? { max: hi } : {}), maxExclusive: hi !== undefined && range.maxExclusive };
}

function frequencyOf(f: FrequencyValue): FrequencyValue {
  if (f.kind !== 'every') return { kind: f.kind };
  return { kind: 'every', days: spellNumber(f.days ?? '', undefined, { integer: true }) };
}

/** A rate-table cell: a band name or a range (`6..24`, `..12`, `25..`, `..`). */
function spellCell(typed: Typed): string {
  const cell = typed.trim().replace(/\s+/g, '');
  const range = /^([\d_.,]*)\.\.(<?)([\d_.,]*)$/.exec(cell);
  if (range) {
    const [, lo = '', exclusive = '', hi = ''] = range;
    const min = lo === '' ? '' : spellNumber(lo);
    const max = hi === '' ? '' : spellNumber(hi);
    return `${min}..${max === '' ? '' : exclusive}${max}`;
  }
  return spellName(cell);
}

function charge(previous: ChargeValue, patch: ChargePatch): ChargeValue {
  const kind = patch.kind ?? previous.kind;
  const typed = patch.value ?? (kind === previous.kind ? undefined : kind === 'percent' ? '1' : '100');
  if (typed === undefined) return previous;
  return kind === 'percent' ? { kind, value: spellPercent(typed).replace(/%$/, '') } : { kind, value: spellNumber(typed, kind === previous.kind ? previous.value : undefined) };
}

function clauseValue(field: FieldOption | undefined, op: ClauseOp, typed: string, previous?: ClauseValue): Pick<ClauseValue, 'value' | 'values' | 'literal'> {
  if (!opTakesValue(op)) return { value: '', literal: 'none' };
  const type = field?.type ?? 'number';
  const one = (raw: string): Pick<ClauseValue, 'value' | 'literal'> => {
    switch (type) {
      case 'percent':
        return { value: spellPercent(raw), literal: 'percent' };
      case 'enum':
        return { value: spellName(raw), literal: 'name' };
      case 'boolean': {
        const v = raw.trim();
        if (v !== 'true' && v !== 'false') throw new FormValueError('name', raw);
        return { value: v, literal: 'boolean' };
      }
      case 'date':
        return { value: spellDate(raw), literal: 'date' };
      case 'string':
        return { value: raw.replace(/[\r\n]+/g, ' '), literal: 'string' };
      default: {
        const written = raw.trim();
        if (written.endsWith('%')) return { value: spellPercent(written), literal: 'percent' };
        const prev = previous?.literal === 'number' ? previous.value : undefined;
        return { value: spellNumber(written, prev, { integer: type === 'integer', signed: true }), literal: 'number' };
      }
    }
  };
  if (op === 'in') {
    const parts = typed.split(',').map((v) => v.trim()).filter((v) => v !== '');
    if (parts.length === 0) throw new FormValueError('empty', typed);
    const values = parts.map(one);
    return { value: values.map((v) => v.value).join(', '), values: values.map((v) => v.value), literal: values[0]!.literal };
  }
  return one(typed);
}

/** A value of the field's type to start a clause with. */
function defaultValue(field: FieldOption | undefined): string {
  switch (field?.type) {
    case 'enum':
      return field.values?.[0] ?? 'a';
    case 'boolean':
      return 'true';
    case 'date':
      return '2000-01-01';
    case 'string':
      return '';
    case 'percent':
      return '0%';
    default:
      return '0';
  }
}

function defaultOp(field: FieldOption | undefined): ClauseOp {
  return field?.type === 'boolean' ? 'true' : field?.type === 'enum' || field?.type === 'string' ? '=' : '<';
}

/** The raw text of a clause value (what re-spelling starts from when the field or operator changes). */
function typedOf(c: ClauseValue): string {
  return c.op === 'in' ? (c.values ?? [c.value]).join(', ') : c.value;
}

function newClause(field: FieldOption | undefined, name: string): ClauseValue {
  const op = defaultOp(field);
  return { field: name, op, ...clauseValue(field, op, defaultValue(field)) };
}

function uniqueName(taken: Iterable<string>, base: string, separator = '_'): string {
  const names = new Set(taken);
  if (!names.has(base)) return base;
  for (let i = 2; ; i++) if (!names.has(`${base}${separator}${i}`)) return `${base}${separator}${i}`;
}

// ---------------------------------------------------------------- the edits

function ruleText(rule: RuleForm, patch: Partial<Pick<RuleForm, 'outcome' | 'reason' | 'negated'>> & { message?: string | null | undefined; clauses?: readonly ClauseValue[] }): string {
  const message = patch.message === null ? undefined : (patch.message ?? rule.message);
  return printRule({
    outcome: patch.outcome ?? rule.outcome,
    reason: patch.reason ?? rule.reason,
    negated: patch.negated ?? rule.negated,
    ...(message !== undefined ? { message } : {}),
    condition: patch.clauses ? printCondition(patch.clauses) : rule.conditionText,
  });
}

function clausesOf(rule: RuleForm): readonly ClauseValue[] {
  if (!rule.condition.simple) throw new EditFailure('commented', `the condition of \`${rule.reason}\` is not a simple one: edit it as text`);
  return rule.condition.clauses.map(({ field, op, value, values, literal }) => ({ field, op, value, ...(values ? { values } : {}), literal }));
}

function actionWith(previous: ActionValue, patch: ActionPatch): ActionValue {
  switch (previous.kind) {
    case 'notify': {
      const p = patch as { channel?: string; template?: string };
      return { kind: 'notify', channel: p.channel ?? previous.channel, template: p.template ?? previous.template };
    }
    case 'queue': {
      const p = patch as { queue?: string };
      return { kind: 'queue', queue: p.queue ?? previous.queue };
    }
    case 'offer-restructure': {
      const p = patch as { payments?: Typed; frequency?: FrequencyValue | null; rate?: Typed };
      const payments = bound(p.payments, previous.payments, { integer: true, optional: true });
      const frequency = p.frequency === null ? undefined : p.frequency ? frequencyOf(p.frequency) : previous.frequency;
      const rate = p.rate === undefined ? previous.rate : p.rate.trim() === '' ? undefined : spellPercent(p.rate).replace(/%$/, '');
      return { kind: 'offer-restructure', ...(payments ? { payments } : {}), ...(payments && frequency ? { frequency } : {}), ...(rate ? { rate } : {}) };
    }
    default:
      return previous;
  }
}

function newAction(kind: ActionKind): ActionValue {
  switch (kind) {
    case 'notify':
      return { kind, channel: 'sms', template: 'plantilla' };
    case 'queue':
      return { kind, queue: 'cobranza' };
    default:
      return { kind };
  }
}

function stepValue(s: StepForm): Parameters<typeof printStep>[0] {
  return s.kind === 'at' ? { kind: 'at', day: s.day, actions: s.actions } : { kind: 'stage', from: s.from, to: s.to, stage: s.stage, actions: s.actions };
}

/** The one text change an edit makes to the text of `form`. */
function changeFor(text: string, form: ProductForm, edit: FormEdit): Change {
  const limits = form.limits;
  const pricing = form.pricing;
  const rules = form.eligibility?.rules ?? [];
  const steps = form.collection?.steps ?? [];
  switch (edit.kind) {
    case 'amount': {
      const a = editable(limits?.amount, 'the amount range');
      const step = edit.step === undefined ? a.step : edit.step.trim() === '' ? undefined : spellNumber(edit.step, a.step);
      return replace(a.at, printAmountLimit({ range: rangeWith(a.range, edit.min, edit.max, false), step }));
    }
    case 'term': {
      const t = editable(limits?.terms[edit.index], 'the term');
      return replace(t.at, printTerm({ payments: rangeWith(t.payments, edit.min, edit.max, true), frequency: edit.frequency ? frequencyOf(edit.frequency) : t.frequency }));
    }
    case 'term.add': {
      if (!limits) throw stale('limits');
      const used = new Set(limits.terms.map((t) => t.frequency.kind));
      const kind = (['monthly', 'semimonthly', 'biweekly', 'weekly'] as const).find((k) => !used.has(k)) ?? 'monthly';
      const last = limits.terms.at(-1);
      return insertAfter(text, limits.at, last?.at.end ?? limits.amount?.at.end, printTerm({ payments: { min: '1', max: '12', maxExclusive: false }, frequency: { kind } }));
    }
    case 'term.remove':
      return removal(text, editable(limits?.terms[edit.index], 'the term').at);
    case 'firstPayment': {
      if (!limits) throw stale('limits');
      const f = limits.firstPayment;
      if (!f) {
        const days = rangeWith({ min: '1', max: '31', maxExclusive: false }, edit.min, edit.max, true);
        const last = limits.terms.at(-1)?.at.end ?? limits.amount?.at.end;
        return insertAfter(text, limits.at, last, printFirstPayment({ days }));
      }
      return replace(editable(f, 'the first payment').at, printFirstPayment({ days: rangeWith(f.days, edit.min, edit.max, true) }));
    }
    case 'firstPayment.remove':
      return removal(text, editable(limits?.firstPayment, 'the first payment').at);
    case 'method':
    case 'basis':
    case 'businessDays': {
      if (!pricing) throw stale('pricing');
      const value = edit.value.trim();
      if (!(PRICING_OPTIONS[edit.kind] as readonly string[]).includes(value)) throw new FormValueError('name', edit.value);
      const current = pricing[edit.kind];
      if (current) return replace(editable(current, edit.kind).at, value);
      const keyword = edit.kind === 'businessDays' ? 'business days' : edit.kind;
      return insertAfter(text, pricing.at, pricing.method?.at.end, `${keyword} ${value}`);
    }
    case 'rate': {
      const rate = pricing?.rate;
      if (rate?.kind !== 'fixed') throw stale('the rate');
      editable(rate, 'the rate');
      return replace(rate.rateAt, spellPercent(edit.value));
    }
    case 'rateRow': {
      const rate = pricing?.rate;
      const row = editable(rate?.kind === 'table' ? rate.rows[edit.index] : undefined, 'the rate row');
      const cells = row.cells.map((c, i) => (edit.cell && edit.cell.index === i ? spellCell(edit.cell.value) : c));
      if (edit.cell && (edit.cell.index < 0 || edit.cell.index >= row.cells.length)) throw stale('the cell');
      return replace(row.at, printRateRow({ cells, rate: edit.rate === undefined ? row.rate : spellPercent(edit.rate).replace(/%$/, '') }));
    }
    case 'rateRow.add': {
      const rate = pricing?.rate;
      if (rate?.kind !== 'table') throw stale('the rate table');
      const last = rate.rows.at(-1);
      const row = last ? { cells: last.cells, rate: last.rate } : { cells: rate.keys.map((k) => (k === 'band' ? 'A' : '..')), rate: '0' };
      return insertAfter(text, rate.at, last?.at.end, printRateRow(row));
    }
    case 'rateRow.remove': {
      const rate = pricing?.rate;
      return removal(text, editable(rate?.kind === 'table' ? rate.rows[edit.index] : undefined, 'the rate row').at);
    }
    case 'iva': {
      if (!pricing) throw stale('pricing');
      const iva = pricing.iva;
      const rate = edit.rate === undefined ? (iva?.rate ?? '16') : spellPercent(edit.rate).replace(/%$/, '');
      const on = edit.on ?? iva?.on ?? ['interest', 'fees'];
      if (on.length === 0) throw new FormValueError('empty', '');
      const statement = printIva({ rate, on: on.map((o) => spellName(o)) });
      if (iva) return replace(editable(iva, 'the IVA').at, statement);
      return insertAfter(text, pricing.at, pricing.rate?.at.end ?? pricing.method?.at.end, statement);
    }
    case 'fee': {
      const fee = editable(form.fees[edit.index], 'the fee');
      const p = edit.patch;
      const amount = charge(fee.amount, p);
      const next: Pick<FeeForm, 'name' | 'amount' | 'of' | 'min' | 'max' | 'timing' | 'taxable'> = {
        name: p.name === undefined ? fee.name : spellName(p.name),
        amount,
        ...(amount.kind === 'percent' ? { of: p.of ?? fee.of ?? 'amount' } : {}),
        ...optional('min', amount.kind === 'percent' ? bound(p.min, fee.min, { optional: true }) : undefined),
        ...optional('max', amount.kind === 'percent' ? bound(p.max, fee.max, { optional: true }) : undefined),
        ...optional('timing', p.timing === null ? undefined : (p.timing ?? fee.timing)),
        ...optional('taxable', p.taxable === null ? undefined : (p.taxable ?? fee.taxable)),
      };
      return replace(fee.at, printFee(next));
    }
    case 'fee.add': {
      const name = uniqueName(
        form.fees.map((f) => f.name),
        'nueva_comision',
      );
      const statement = printFee({ name, amount: { kind: 'fixed', value: '100' }, timing: 'upfront' });
      const last = form.fees.at(-1);
      if (last) return { start: lineEndAfter(text, last.at.end), end: lineEndAfter(text, last.at.end), text: `\n${statement}` };
      return insertSection(text, form, statement);
    }
    case 'fee.remove':
      return removal(text, editable(form.fees[edit.index], 'the fee').at);
    case 'rule': {
      const rule = editable(rules[edit.index], 'the rule');
      const reason = edit.reason === undefined ? undefined : edit.reason.trim();
      if (reason === '') throw new FormValueError('empty', edit.reason ?? '');
      const message = edit.message === undefined ? undefined : edit.message === null || edit.message.trim() === '' ? null : edit.message;
      return replace(rule.at, ruleText(rule, { ...optional('outcome', edit.outcome), ...optional('reason', reason), ...optional('negated', edit.negated), message }));
    }
    case 'rule.add': {
      const field = form.fields.find((f) => !f.name.startsWith('request.')) ?? form.fields[0];
      const reason = uniqueName(
        rules.map((r) => r.reason),
        'NUEVA_REGLA',
      );
      const statement = printRule({ outcome: 'decline', reason, negated: false, condition: printClause(newClause(field, field?.name ?? 'request.amount')) });
      if (!form.eligibility) return insertSection(text, form, `eligibility {\n${statement}\n}`);
      return insertAfter(text, form.eligibility.at, rules.at(-1)?.at.end, statement);
    }
    case 'rule.remove':
      return removal(text, editable(rules[edit.index], 'the rule').at);
    case 'clause': {
      const rule = editable(rules[edit.rule], 'the rule');
      const clauses = [...clausesOf(rule)];
      const clause = clauses[edit.index];
      if (!clause) throw stale('the condition');
      const fieldName = edit.field ?? clause.field;
      if (!form.fields.some((f) => f.name === fieldName)) throw new FormValueError('name', fieldName);
      const field = form.fields.find((f) => f.name === fieldName);
      const fieldChanged = fieldName !== clause.field;
      const op = edit.op ?? (fieldChanged && !opsFor(field?.type ?? 'number', true).includes(clause.op) ? defaultOp(field) : clause.op);
      let value: Pick<ClauseValue, 'value' | 'values' | 'literal'>;
      if (edit.value !== undefined) value = clauseValue(field, op, edit.value, clause);
      else if (!opTakesValue(clause.op) || fieldChanged) {
        try {
          value = opTakesValue(clause.op) ? clauseValue(field, op, typedOf(clause), clause) : clauseValue(field, op, defaultValue(field));
        } catch {
          value = clauseValue(field, op, defaultValue(field));
        }
      } else value = clauseValue(field, op, op === 'in' ? typedOf(clause) : (clause.values?.[0] ?? clause.value), clause);
      clauses[edit.index] = { field: fieldName, op, ...value };
      return replace(rule.at, ruleText(rule, { clauses }));
    }
    case 'clause.add': {
      const rule = editable(rules[edit.rule], 'the rule');
      const clauses = [...clausesOf(rule)];
      const field = form.fields.find((f) => f.name === clauses.at(-1)?.field) ?? form.fields[0];
      clauses.push(newClause(field, field?.name ?? 'request.amount'));
      return replace(rule.at, ruleText(rule, { clauses }));
    }
    case 'clause.remove': {
      const rule = editable(rules[edit.rule], 'the rule');
      const clauses = [...clausesOf(rule)];
      if (!clauses[edit.index]) throw stale('the condition');
      if (clauses.length === 1) throw new EditFailure('last-clause', 'a rule needs a condition: remove the rule instead');
      clauses.splice(edit.index, 1);
      return replace(rule.at, ruleText(rule, { clauses }));
    }
    case 'lateFee': {
      const previous: Omit<LateFeeForm, 'id' | 'at' | 'commented'> = form.penalties?.lateFee ?? { amount: { kind: 'fixed', value: '100' }, taxable: true };
      if (form.penalties?.lateFee) editable(form.penalties.lateFee, 'the late fee');
      const p = edit.patch;
      const amount = charge(previous.amount, p);
      const statement = printLateFee({
        amount,
        ...(amount.kind === 'percent' ? { of: p.of ?? previous.of ?? 'overdue' } : {}),
        ...optional('min', amount.kind === 'percent' ? bound(p.min, previous.min, { optional: true }) : undefined),
        ...optional('max', amount.kind === 'percent' ? bound(p.max, previous.max, { optional: true }) : undefined),
        ...optional('graceDays', bound(p.graceDays, previous.graceDays, { integer: true, optional: true })),
        taxable: p.taxable ?? previous.taxable,
      });
      return penaltyChange(text, form, form.penalties?.lateFee, statement);
    }
    case 'moratorium': {
      const previous: Omit<MoratoriumForm, 'id' | 'at' | 'commented'> = form.penalties?.moratorium ?? { rate: { kind: 'multiple', factor: '1.5' }, on: 'overdue-principal', taxable: true };
      if (form.penalties?.moratorium) editable(form.penalties.moratorium, 'the moratorium');
      const p = edit.patch;
      const kind = p.rateKind ?? previous.rate.kind;
      let rate: MoratoriumForm['rate'];
      if (kind === 'multiple') {
        const factor = p.rate ?? (previous.rate.kind === 'multiple' ? previous.rate.factor : '1.5');
        rate = { kind, factor: spellNumber(factor.replace(/x$/i, '')) };
      } else {
        const annual = p.rate ?? (previous.rate.kind === 'annual' ? previous.rate.rate : '60');
        rate = { kind, rate: spellPercent(annual).replace(/%$/, '') };
      }
      const basis = p.basis === null ? undefined : (p.basis ?? previous.basis);
      const statement = printMoratorium({ rate, on: p.on ?? previous.on, ...optional('basis', basis), taxable: p.taxable ?? previous.taxable });
      return penaltyChange(text, form, form.penalties?.moratorium, statement);
    }
    case 'lateFee.remove':
      return removal(text, editable(form.penalties?.lateFee, 'the late fee').at);
    case 'moratorium.remove':
      return removal(text, editable(form.penalties?.moratorium, 'the moratorium').at);
    case 'step': {
      const step = editable(steps[edit.index], 'the collection step');
      if (step.kind === 'at') {
        const day = bound(edit.day, step.day, { integer: true, signed: true }) ?? step.day;
        return replace(step.at, printStep({ kind: 'at', day, actions: step.actions }));
      }
      const from = bound(edit.from, step.from, { integer: true }) ?? step.from;
      const to = bound(edit.to, step.to, { integer: true, optional: true });
      const stage = edit.stage === undefined ? step.stage : edit.stage.trim() === '' ? undefined : spellName(edit.stage);
      return replace(step.at, printStep({ kind: 'stage', from, to, stage, actions: step.actions }));
    }
    case 'step.add': {
      const collection = form.collection;
      let statement: string;
      if (edit.step === 'at') statement = printStep({ kind: 'at', day: '0', actions: [newAction('notify')] });
      else {
        const stages = steps.filter((s): s is Extract<StepForm, { kind: 'stage' }> => s.kind === 'stage');
        const lastTo = stages.reduce((max, s) => Math.max(max, Number((s.to ?? s.from).replace(/_/g, ''))), 0);
        const stage = uniqueName(
          stages.map((s) => s.stage ?? ''),
          'etapa',
        );
        statement = printStep({ kind: 'stage', from: String(lastTo + 1), stage, actions: [newAction('queue')] });
      }
      if (!collection) return insertSection(text, form, `collection {\n${statement}\n}`);
      return insertAfter(text, collection.at, steps.at(-1)?.at.end, statement);
    }
    case 'step.remove':
      return removal(text, editable(steps[edit.index], 'the collection step').at);
    case 'expectation':
      return expectationChange(text, edit);
    case 'action':
    case 'action.add':
    case 'action.remove': {
      const step = editable(steps[edit.step], 'the collection step');
      const actions = [...step.actions];
      if (edit.kind === 'action.add') actions.push(newAction(edit.action));
      else {
        const action = actions[edit.index];
        if (!action) throw stale('the action');
        if (edit.kind === 'action.remove') actions.splice(edit.index, 1);
        else actions[edit.index] = actionWith(action, edit.patch);
      }
      return replace(step.at, printStep({ ...stepValue(step), actions }));
    }
  }
}

/** The one `expect <figure>` of the test (source order, as the test report numbers them), given its new value. */
function expectationChange(text: string, edit: Extract<FormEdit, { kind: 'expectation' }>): Change {
  const tests = (parse(text).file.product?.sections ?? []).filter((s): s is TestDecl => s.kind === 'TestDecl');
  const test = tests[edit.test];
  if (!test) throw stale('the test');
  const matches = test.expects.filter((e) => e.kind === edit.expect);
  const expectation = matches.length === 1 ? matches[0]! : undefined;
  if (!expectation || !('value' in expectation)) throw stale(`\`expect ${edit.expect}\` of the test`);
  const at = expectation.value.range;
  const value = edit.expect === 'cat' || edit.expect === 'rate' ? spellPercent(edit.value) : spellNumber(edit.value, text.slice(at.start.offset, at.end.offset));
  if (/\/[/*]/.test(text.slice(expectation.range.start.offset, expectation.range.end.offset))) throw new EditFailure('commented', 'the expectation has a comment inside: edit it as text');
  return replace({ start: at.start.offset, end: at.end.offset }, value);
}

function lineEndAfter(text: string, offset: number): number {
  const eol = text.indexOf('\n', offset);
  return eol === -1 ? text.length : eol;
}

/** `{ key: value }` when the value is defined, else `{}` (optional properties stay absent). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function penaltyChange(text: string, form: ProductForm, current: { at: Place } | undefined, statement: string): Change {
  if (current) return replace(current.at, statement);
  const penalties = form.penalties;
  if (!penalties) return insertSection(text, form, `penalties {\n${statement}\n}`);
  const last = [penalties.lateFee?.at.end, penalties.moratorium?.at.end].filter((e): e is number => e !== undefined);
  return insertAfter(text, penalties.at, last.length ? Math.max(...last) : undefined, statement);
}

/**
 * Applies one form edit to a product text: the new text, formatted, or why the edit cannot be made
 * (a value that is not a number, an item gone from the text, a syntax error the edit would cause).
 * @example applyFormEdit(text, { kind: 'rateRow', index: 0, rate: '25' }) // { ok: true, text: '…A, 6..24: 25%…' }
 */
export function applyFormEdit(text: string, edit: FormEdit): EditResult {
  const parsed = parse(text);
  const form = productForm(text, parsed);
  if (!form.editable) return { ok: false, problem: 'syntax', message: 'the text has syntax errors: fix them in the text first' };
  let change: Change;
  try {
    change = changeFor(text, form, edit);
  } catch (e) {
    if (e instanceof FormValueError) return { ok: false, problem: e.problem, value: e.value, message: e.message };
    if (e instanceof EditFailure) return { ok: false, problem: e.problem, message: e.message };
    throw e;
  }
  const edited = text.slice(0, change.start) + change.text + text.slice(change.end);
  const formatted = format(edited);
  if (formatted.diagnostics.length > 0) {
    const first = formatted.diagnostics[0]!;
    return { ok: false, problem: 'syntax', message: `the edit would not parse: ${first.message}` };
  }
  return { ok: true, text: formatted.text };
}
