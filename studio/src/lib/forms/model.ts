// The form view's model of a product: what the forms show, derived from the parse of the current
// text (never stored apart from it). Every editable item carries its place in the text — where an
// edit replaces it, where its diagnostics point, where "edit as text" jumps — and its values as
// written (`250_000`, `26%`), so an item printed back unchanged is the same text. Plain JSON: the
// language worker builds it with every analysis.
import { analyze, type Comment, type Expr, type FrequencyNode, type ParseResult, type ProductDecl, type ProductFile, type Range, type RangeExpr, type Section } from '@plazo/dsl';
import { simpleClauses, type ClauseValue } from './conditions.ts';

/** Where an item is: [start, end) offsets, and its first character 1-based (for the editor). */
export interface Place {
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
}

/** The parts of a product a role may be allowed to edit (the runtime's section rights). */
export type FormPart = 'limits' | 'pricing' | 'fee' | 'eligibility' | 'penalties' | 'collection' | 'test';

interface Item {
  /** Stable within one text: `limits.amount`, `pricing.row.2`, `rule.3`, `rule.3.clause.1`… */
  readonly id: string;
  readonly at: Place;
  /** A comment sits inside the item: the form leaves it to the text (replacing it would lose the comment). */
  readonly commented: boolean;
}

/** `a..b`, `..b`, `a..`, `a..<b`, bounds as written. */
export interface RangeValue {
  readonly min?: string;
  readonly max?: string;
  readonly maxExclusive: boolean;
}

export type FrequencyKind = 'weekly' | 'biweekly' | 'semimonthly' | 'monthly' | 'every';
export const FREQUENCY_KINDS: readonly FrequencyKind[] = ['weekly', 'biweekly', 'semimonthly', 'monthly', 'every'];

export interface FrequencyValue {
  readonly kind: FrequencyKind;
  /** For `every N days`, N as written. */
  readonly days?: string;
}

export interface AmountLimit extends Item {
  readonly range: RangeValue;
  readonly step?: string;
}

export interface TermLimit extends Item {
  readonly payments: RangeValue;
  readonly frequency: FrequencyValue;
}

export interface FirstPaymentLimit extends Item {
  readonly days: RangeValue;
}

export interface LimitsForm extends Item {
  readonly amount?: AmountLimit;
  readonly terms: readonly TermLimit[];
  readonly firstPayment?: FirstPaymentLimit;
}

export interface RateRowForm extends Item {
  /** One cell per key, as written: a band name or a range (`6..24`, `..`). */
  readonly cells: readonly string[];
  /** The rate as written, without `%` (`26`). */
  readonly rate: string;
}

export type RateForm =
  | (Item & { readonly kind: 'fixed'; readonly rate: string; readonly rateAt: Place })
  | (Item & { readonly kind: 'table'; readonly keys: readonly string[]; readonly rows: readonly RateRowForm[] });

export interface IvaForm extends Item {
  /** Points as written (`16`). */
  readonly rate: string;
  readonly on: readonly string[];
}

export interface PricingForm extends Item {
  readonly method?: Item & { readonly value: string };
  readonly basis?: Item & { readonly value: string };
  readonly rate?: RateForm;
  readonly iva?: IvaForm;
  readonly businessDays?: Item & { readonly value: string };
  /** Shown, edited in the text: rounding, grace, `installment includes iva`. */
  readonly rounding?: Item & { readonly text: string };
  readonly grace: readonly (Item & { readonly text: string })[];
  readonly installmentIncludesIva: boolean;
}

/** A fixed amount (as written) or a percent (points as written). */
export interface ChargeValue {
  readonly kind: 'fixed' | 'percent';
  readonly value: string;
}

export type FeeTiming = 'upfront' | 'deducted' | 'financed' | 'per-installment';
export const FEE_TIMINGS: readonly FeeTiming[] = ['upfront', 'deducted', 'financed', 'per-installment'];

export interface FeeForm extends Item {
  readonly name: string;
  readonly doc?: string;
  readonly amount: ChargeValue;
  readonly of?: string;
  readonly min?: string;
  readonly max?: string;
  readonly timing?: FeeTiming;
  /** `iva` true, `no iva` false, absent: the pricing default. */
  readonly taxable?: boolean;
}

export interface ClauseForm extends Item, ClauseValue {}

export type ConditionForm = { readonly simple: true; readonly clauses: readonly ClauseForm[] } | { readonly simple: false; readonly text: string; readonly at: Place };

export interface RuleForm extends Item {
  readonly outcome: 'decline' | 'refer';
  readonly reason: string;
  /** `unless` instead of `when`. */
  readonly negated: boolean;
  readonly condition: ConditionForm;
  /** The condition as written (kept verbatim when only the rest of the rule changes). */
  readonly conditionText: string;
  readonly message?: string;
  readonly doc?: string;
}

export interface LateFeeForm extends Item {
  readonly amount: ChargeValue;
  readonly of?: string;
  readonly min?: string;
  readonly max?: string;
  readonly graceDays?: string;
  readonly taxable: boolean;
}

export interface MoratoriumForm extends Item {
  readonly rate: { readonly kind: 'multiple'; readonly factor: string } | { readonly kind: 'annual'; readonly rate: string };
  readonly on: 'overdue-principal' | 'overdue-installment';
  readonly basis?: string;
  readonly taxable: boolean;
}

export interface PenaltiesForm extends Item {
  readonly lateFee?: LateFeeForm;
  readonly moratorium?: MoratoriumForm;
}

export type ActionValue =
  | { readonly kind: 'notify'; readonly channel: string; readonly template: string }
  | { readonly kind: 'queue'; readonly queue: string }
  | { readonly kind: 'offer-restructure'; readonly payments?: string; readonly frequency?: FrequencyValue; readonly rate?: string }
  | { readonly kind: 'stop-accrual' }
  | { readonly kind: 'write-off' };

export type ActionKind = ActionValue['kind'];
export const ACTION_KINDS: readonly ActionKind[] = ['notify', 'queue', 'offer-restructure', 'stop-accrual', 'write-off'];

export type StepForm = Item & { readonly actions: readonly ActionValue[] } & (
    | { readonly kind: 'at'; readonly day: string }
    | { readonly kind: 'stage'; readonly from: string; readonly to?: string; readonly stage?: string }
  );

export interface CollectionForm extends Item {
  readonly steps: readonly StepForm[];
}

/** A declared name the condition picker offers: an input field or a `let`. */
export interface FieldOption {
  readonly name: string;
  readonly source: 'input' | 'let';
  /** The input's type; a let's resolved type (`number` when it could not be resolved). */
  readonly type: 'number' | 'integer' | 'money' | 'percent' | 'string' | 'boolean' | 'date' | 'enum';
  readonly values?: readonly string[];
  readonly optional: boolean;
  readonly doc?: string;
}

/** A part the form does not edit: shown as written, with "edit as text". */
export interface ReadOnlyBlock extends Item {
  readonly kind: 'input' | 'let' | 'scorecard' | 'offer' | 'allocation' | 'prepayment' | 'test' | 'other';
  /** The test's or let's name. */
  readonly name?: string;
  readonly text: string;
}

export interface ProductForm {
  /** False while the text has syntax errors: the form is shown but not editable. */
  readonly editable: boolean;
  readonly product: { readonly code: string; readonly name?: string; readonly doc?: string; readonly description?: string };
  readonly fields: readonly FieldOption[];
  readonly limits?: LimitsForm;
  readonly pricing?: PricingForm;
  readonly fees: readonly FeeForm[];
  readonly eligibility?: Item & { readonly rules: readonly RuleForm[] };
  readonly penalties?: PenaltiesForm;
  readonly collection?: CollectionForm;
  readonly readOnly: readonly ReadOnlyBlock[];
  /** Where a new section goes (the offset just inside the product's closing brace). */
  readonly productEnd: number;
}

// ---------------------------------------------------------------- reading the AST

class Reader {
  constructor(
    readonly text: string,
    readonly comments: readonly Comment[],
  ) {}

  place(range: Range): Place {
    return { start: range.start.offset, end: range.end.offset, line: range.start.line + 1, column: range.start.column + 1 };
  }

  written(range: Range): string {
    return this.text.slice(range.start.offset, range.end.offset);
  }

  /** A comment strictly inside the range (between its own tokens). */
  commented(range: Range): boolean {
    return this.comments.some((c) => c.range.start.offset > range.start.offset && c.range.end.offset <= range.end.offset);
  }

  item(id: string, range: Range): Item {
    return { id, at: this.place(range), commented: this.commented(range) };
  }

  range(r: RangeExpr): RangeValue {
    return {
      ...(r.min ? { min: this.written(r.min.range) } : {}),
      ...(r.max ? { max: this.written(r.max.range) } : {}),
      maxExclusive: r.maxExclusive,
    };
  }

  frequency(f: FrequencyNode): FrequencyValue {
    return f.kind === 'every' ? { kind: 'every', days: this.written(f.days.range) } : { kind: f.kind };
  }
}

const points = (written: string): string => written.replace(/%$/, '');

function typeOfLet(kind: string | undefined): FieldOption['type'] {
  switch (kind) {
    case 'integer':
    case 'money':
    case 'percent':
    case 'string':
    case 'boolean':
    case 'date':
    case 'enum':
    case 'number':
      return kind;
    default:
      return 'number';
  }
}

function fieldOptions(file: ProductFile, product: ProductDecl): FieldOption[] {
  const options: FieldOption[] = [];
  const seen = new Set<string>();
  let lets: ReadonlyMap<string, { type: { kind: string; values?: readonly string[] }; optional: boolean }> | undefined;
  for (const section of product.sections) {
    if (section.kind === 'InputSection') {
      for (const f of section.fields) {
        if (!f.name?.name || seen.has(f.name.name)) continue;
        seen.add(f.name.name);
        const values = f.enumValues.map((v) => v.name);
        options.push({ name: f.name.name, source: 'input', type: f.type, ...(f.type === 'enum' ? { values } : {}), optional: f.optional, ...(f.doc ? { doc: f.doc } : {}) });
      }
    } else if (section.kind === 'LetDecl') {
      const name = section.name?.name;
      if (!name || seen.has(name)) continue;
      seen.add(name);
      // The let's type is what the checker resolves (the first let asks for the analysis).
      lets ??= analyze(file).scope?.lets;
      const symbol = lets?.get(name);
      const type = typeOfLet(symbol?.type.kind);
      options.push({
        name,
        source: 'let',
        type,
        ...(type === 'enum' && symbol?.type.values ? { values: symbol.type.values } : {}),
        optional: symbol?.optional ?? false,
        ...(section.doc ? { doc: section.doc } : {}),
      });
    }
  }
  return options;
}

function limitsForm(r: Reader, s: Extract<Section, { kind: 'LimitsSection' }>): LimitsForm {
  return {
    ...r.item('limits', s.range),
    ...(s.amount ? { amount: { ...r.item('limits.amount', s.amount.at), range: r.range(s.amount.range), ...(s.amount.step ? { step: r.written(s.amount.step.range) } : {}) } } : {}),
    terms: s.terms.map((t, i) => ({ ...r.item(`limits.term.${i}`, t.at), payments: r.range(t.payments), frequency: r.frequency(t.frequency) })),
    ...(s.firstPayment ? { firstPayment: { ...r.item('limits.first', s.firstPayment.at), days: r.range(s.firstPayment.days) } } : {}),
  };
}

function pricingForm(r: Reader, s: Extract<Section, { kind: 'PricingSection' }>): PricingForm {
  const named = (id: string, node: { name: string; range: Range } | undefined) => (node?.name ? { ...r.item(id, node.range), value: node.name } : undefined);
  const method = named('pricing.method', s.method);
  const basis = named('pricing.basis', s.basis);
  const businessDays = named('pricing.businessDays', s.businessDays);
  let rate: RateForm | undefined;
  if (s.rate?.kind === 'FixedRate') {
    rate = { kind: 'fixed', ...r.item('pricing.rate', s.rate.range), rate: points(r.written(s.rate.rate.range)), rateAt: r.place(s.rate.rate.range) };
  } else if (s.rate?.kind === 'RateTable') {
    rate = {
      kind: 'table',
      ...r.item('pricing.rate', s.rate.range),
      keys: s.rate.keys.map((k) => k.name),
      rows: s.rate.rows.map((row, i) => ({ ...r.item(`pricing.row.${i}`, row.range), cells: row.cells.map((c) => r.written(c.range)), rate: points(r.written(row.rate.range)) })),
    };
  }
  // `grace` and `rounding` have their own ranges; the keyword docs explain them.
  return {
    ...r.item('pricing', s.range),
    ...(method ? { method } : {}),
    ...(basis ? { basis } : {}),
    ...(businessDays ? { businessDays } : {}),
    ...(rate ? { rate } : {}),
    ...(s.iva ? { iva: { ...r.item('pricing.iva', s.iva.range), rate: points(r.written(s.iva.rate.range)), on: s.iva.on.map((o) => o.name) } } : {}),
    ...(s.rounding ? { rounding: { ...r.item('pricing.rounding', s.rounding.range), text: r.written(s.rounding.range) } } : {}),
    grace: s.grace.map((g, i) => ({ ...r.item(`pricing.grace.${i}`, g.range), text: r.written(g.range) })),
    installmentIncludesIva: s.installmentIncludesIva,
  };
}

function charge(r: Reader, node: { kind: 'NumberLiteral' | 'PercentLiteral'; range: Range }): ChargeValue {
  const written = r.written(node.range);
  return node.kind === 'PercentLiteral' ? { kind: 'percent', value: points(written) } : { kind: 'fixed', value: written };
}

function feeForm(r: Reader, f: Extract<Section, { kind: 'FeeDecl' }>, index: number): FeeForm {
  return {
    ...r.item(`fee.${index}`, f.range),
    name: f.name.name,
    ...(f.doc ? { doc: f.doc } : {}),
    amount: charge(r, f.amount),
    ...(f.of?.name ? { of: f.of.name } : {}),
    ...(f.min ? { min: r.written(f.min.range) } : {}),
    ...(f.max ? { max: r.written(f.max.range) } : {}),
    ...(f.timing ? { timing: f.timing.value } : {}),
    ...(f.taxable !== undefined ? { taxable: f.taxable } : {}),
  };
}

function ruleForm(r: Reader, rule: Extract<Section, { kind: 'EligibilitySection' }>['rules'][number], index: number, isField: (name: string) => boolean): RuleForm {
  const id = `rule.${index}`;
  const clauses = simpleClauses(rule.condition, r.text, isField);
  let condition: ConditionForm;
  if (clauses) {
    const parts = conjunctRanges(rule.condition);
    condition = { simple: true, clauses: clauses.map((c, i) => ({ ...c, ...r.item(`${id}.clause.${i}`, parts[i]!) })) };
  } else {
    condition = { simple: false, text: r.written(rule.condition.range), at: r.place(rule.condition.range) };
  }
  return {
    ...r.item(id, rule.range),
    outcome: rule.outcome,
    reason: rule.reason.value,
    negated: rule.negated,
    condition,
    conditionText: r.written(rule.condition.range),
    ...(rule.message ? { message: rule.message.value } : {}),
    ...(rule.doc ? { doc: rule.doc } : {}),
  };
}

function conjunctRanges(expr: Expr): Range[] {
  if (expr.kind === 'BinaryExpr' && expr.operator === 'and') return [...conjunctRanges(expr.left), ...conjunctRanges(expr.right)];
  return [expr.range];
}

function penaltiesForm(r: Reader, s: Extract<Section, { kind: 'PenaltiesSection' }>): PenaltiesForm {
  const late = s.lateFee;
  const mora = s.moratorium;
  return {
    ...r.item('penalties', s.range),
    ...(late
      ? {
          lateFee: {
            ...r.item('penalties.lateFee', late.range),
            amount: charge(r, late.amount),
            ...(late.of?.name ? { of: late.of.name } : {}),
            ...(late.min ? { min: r.written(late.min.range) } : {}),
            ...(late.max ? { max: r.written(late.max.range) } : {}),
            ...(late.graceDays ? { graceDays: r.written(late.graceDays.range) } : {}),
            taxable: late.taxable,
          },
        }
      : {}),
    ...(mora
      ? {
          moratorium: {
            ...r.item('penalties.moratorium', mora.range),
            rate: mora.rate.kind === 'multiple' ? { kind: 'multiple', factor: r.written(mora.rate.factor.range).replace(/x$/i, '') } : { kind: 'annual', rate: points(r.written(mora.rate.rate.range)) },
            on: mora.on,
            ...(mora.basis?.name ? { basis: mora.basis.name } : {}),
            taxable: mora.taxable,
          },
        }
      : {}),
  };
}

function collectionForm(r: Reader, s: Extract<Section, { kind: 'CollectionSection' }>): CollectionForm {
  return {
    ...r.item('collection', s.range),
    steps: s.steps.map((step, i): StepForm => {
      const actions = step.actions.map((a): ActionValue => {
        switch (a.kind) {
          case 'notify':
            return { kind: 'notify', channel: a.channel.name, template: a.template.value };
          case 'queue':
            return { kind: 'queue', queue: a.queue.value };
          case 'offer-restructure':
            return {
              kind: 'offer-restructure',
              ...(a.payments ? { payments: r.written(a.payments.range) } : {}),
              ...(a.frequency ? { frequency: r.frequency(a.frequency) } : {}),
              ...(a.rate ? { rate: points(r.written(a.rate.range)) } : {}),
            };
          default:
            return { kind: a.kind };
        }
      });
      const item = r.item(`collection.step.${i}`, step.range);
      return step.kind === 'at'
        ? { ...item, kind: 'at', day: r.written(step.day.range).replace(/\s+/g, ''), actions }
        : { ...item, kind: 'stage', from: r.written(step.from.range), ...(step.to ? { to: r.written(step.to.range) } : {}), ...(step.stage?.name ? { stage: step.stage.name } : {}), actions };
    }),
  };
}

const READ_ONLY_KIND: Partial<Record<Section['kind'], ReadOnlyBlock['kind']>> = {
  InputSection: 'input',
  LetDecl: 'let',
  ScorecardSection: 'scorecard',
  OfferSection: 'offer',
  AllocationDecl: 'allocation',
  PrepaymentDecl: 'prepayment',
  TestDecl: 'test',
};

/**
 * The form of a product text, from its parse.
 * @example productForm(text, parse(text)).pricing?.rate // { kind: 'table', keys: ['band', 'payments'], rows: [...] }
 */
export function productForm(text: string, parsed: Pick<ParseResult, 'file' | 'diagnostics' | 'comments'>): ProductForm {
  const r = new Reader(text, parsed.comments);
  const product = parsed.file.product;
  const editable = !parsed.diagnostics.some((d) => d.severity === 'error');
  if (!product) return { editable: false, product: { code: '' }, fields: [], fees: [], readOnly: [], productEnd: text.length };
  const fields = fieldOptions(parsed.file, product);
  const names = new Set(fields.map((f) => f.name));
  const isField = (name: string) => names.has(name);
  const form: {
    -readonly [K in keyof ProductForm]: ProductForm[K];
  } = {
    editable,
    product: {
      code: product.code?.name ?? '',
      ...(product.name ? { name: product.name.value } : {}),
      ...(product.doc ? { doc: product.doc } : {}),
      ...(product.description ? { description: product.description.value } : {}),
    },
    fields,
    fees: [],
    readOnly: [],
    productEnd: Math.max(product.range.start.offset, product.range.end.offset - 1),
  };
  const readOnly: ReadOnlyBlock[] = [];
  const fees: FeeForm[] = [];
  for (const section of product.sections) {
    switch (section.kind) {
      case 'LimitsSection':
        form.limits ??= limitsForm(r, section);
        break;
      case 'PricingSection':
        form.pricing ??= pricingForm(r, section);
        break;
      case 'FeeDecl':
        fees.push(feeForm(r, section, fees.length));
        break;
      case 'EligibilitySection':
        form.eligibility ??= { ...r.item('eligibility', section.range), rules: section.rules.map((rule, i) => ruleForm(r, rule, i, isField)) };
        break;
      case 'PenaltiesSection':
        form.penalties ??= penaltiesForm(r, section);
        break;
      case 'CollectionSection':
        form.collection ??= collectionForm(r, section);
        break;
      default: {
        const kind = READ_ONLY_KIND[section.kind] ?? 'other';
        const name = section.kind === 'TestDecl' ? section.name.value : section.kind === 'LetDecl' ? section.name?.name : undefined;
        readOnly.push({ ...r.item(`block.${readOnly.length}`, section.range), kind, ...(name ? { name } : {}), text: r.written(section.range) });
      }
    }
  }
  form.fees = fees;
  form.readOnly = readOnly;
  return form;
}

/** Every item of a form with a place, most specific last within its parent (for diagnostics). */
export function formItems(form: ProductForm): (Item & { part: FormPart })[] {
  const items: (Item & { part: FormPart })[] = [];
  const add = (part: FormPart, item: Item | undefined) => {
    if (item) items.push({ id: item.id, at: item.at, commented: item.commented, part });
  };
  if (form.limits) {
    add('limits', form.limits);
    add('limits', form.limits.amount);
    form.limits.terms.forEach((t) => add('limits', t));
    add('limits', form.limits.firstPayment);
  }
  const p = form.pricing;
  if (p) {
    add('pricing', p);
    add('pricing', p.method);
    add('pricing', p.basis);
    add('pricing', p.rate);
    if (p.rate?.kind === 'table') p.rate.rows.forEach((row) => add('pricing', row));
    add('pricing', p.iva);
    add('pricing', p.businessDays);
    add('pricing', p.rounding);
    p.grace.forEach((g) => add('pricing', g));
  }
  form.fees.forEach((f) => add('fee', f));
  if (form.eligibility) {
    add('eligibility', form.eligibility);
    for (const rule of form.eligibility.rules) {
      add('eligibility', rule);
      if (rule.condition.simple) rule.condition.clauses.forEach((c) => add('eligibility', c));
    }
  }
  if (form.penalties) {
    add('penalties', form.penalties);
    add('penalties', form.penalties.lateFee);
    add('penalties', form.penalties.moratorium);
  }
  if (form.collection) {
    add('collection', form.collection);
    form.collection.steps.forEach((s) => add('collection', s));
  }
  return items;
}
