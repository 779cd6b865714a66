// The canonical layout of a product: sections in the README's order, one statement per line,
// settings inside a section in a fixed order, list items (fields, rules, bins, steps...) in source
// order. Turns the AST into layout items whose spans let every comment find its place.
import type { IToken } from 'chevrotain';
import type * as A from '../ast/nodes.ts';
import { keepSourceBlanks, MAX_WIDTH, type BlankPolicy, type Block, type Item, type Leaf } from './layout.ts';
import type { Spelling } from './print-expression.ts';

/** Canonical order of the product's members (README order); equal ranks keep source order. */
const sectionRank: Record<A.Section['kind'], number> = {
  InputSection: 10,
  LetDecl: 11,
  LimitsSection: 12,
  PricingSection: 13,
  FeeDecl: 14,
  EligibilitySection: 15,
  ScorecardSection: 16,
  OfferSection: 17,
  PenaltiesSection: 18,
  CollectionSection: 19,
  ReservesSection: 20,
  AllocationDecl: 21,
  PrepaymentDecl: 22,
  OverpaymentDecl: 23,
  TestDecl: 24,
};

/** Sections in canonical order (stable: `let`s, fees and tests keep their source order). */
export function canonicalSections(sections: readonly A.Section[]): A.Section[] {
  return sections
    .map((section, index) => ({ section, index }))
    .sort((a, b) => sectionRank[a.section.kind] - sectionRank[b.section.kind] || a.index - b.index)
    .map(({ section }) => section);
}

/** Groups whose members may sit on consecutive lines; other neighbours get a blank line. */
const tightGroups = new Set(['header', 'let', 'fee', 'settle']);

const productBlanks: BlankPolicy = (previous, next, sourceHadBlank) =>
  previous.group !== next.group || !tightGroups.has(next.group) ? true : sourceHadBlank;

/** `head message "..."` on one line, or the message on a continuation line when too wide. */
function withMessage(head: string, message: string | undefined, indent: number): string[] {
  if (!message) return [head];
  const line = `${head} message ${message}`;
  return indent + line.length <= MAX_WIDTH ? [line] : [head, `  message ${message}`];
}

export class ProductLayout {
  constructor(
    private readonly spell: Spelling,
    private readonly tokens: readonly IToken[],
  ) {}

  // -------------------------------------------------------------- token lookups

  /** Index of the first token starting at or after `offset`. */
  private tokenIndexAt(offset: number): number {
    let low = 0;
    let high = this.tokens.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.tokens[mid]!.startOffset < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** The start of the `count`-th token before `offset` (a keyword the AST range leaves out). */
  private keywordStart(offset: number, count = 1): number {
    return this.tokens[this.tokenIndexAt(offset) - count]?.startOffset ?? offset;
  }

  private tokenBefore(offset: number): IToken | undefined {
    return this.tokens[this.tokenIndexAt(offset) - 1];
  }

  /** The offset just after the first `{` at or after `offset`. */
  private braceEnd(offset: number): number {
    for (let i = this.tokenIndexAt(offset); i < this.tokens.length; i++) {
      const t = this.tokens[i]!;
      if (t.image === '{') return t.startOffset + 1;
    }
    return offset;
  }

  /** The first token with this image inside [start, end). */
  private find(start: number, end: number, image: string): IToken | undefined {
    for (let i = this.tokenIndexAt(start); i < this.tokens.length; i++) {
      const t = this.tokens[i]!;
      if (t.startOffset >= end) return undefined;
      if (t.image === image) return t;
    }
    return undefined;
  }

  // -------------------------------------------------------------- item helpers

  private leaf(start: number, end: number, line: string | string[], group = 'item', verbatimPrefix?: string): Leaf {
    return {
      kind: 'leaf',
      start,
      end,
      group,
      lines: typeof line === 'string' ? [line] : line,
      ...(verbatimPrefix ? { verbatimPrefix } : {}),
    };
  }

  private leafOf(range: A.Range, line: string, group = 'item'): Leaf {
    return this.leaf(range.start.offset, range.end.offset, line, group);
  }

  private block(range: A.Range, header: string, children: Item[], group = 'item', extra: Partial<Block> = {}): Block {
    return {
      kind: 'block',
      start: range.start.offset,
      end: range.end.offset,
      group,
      header,
      headerEnd: this.braceEnd(range.start.offset),
      children,
      blankPolicy: keepSourceBlanks,
      ...extra,
    };
  }

  // -------------------------------------------------------------- product

  /** The layout of a whole product. */
  product(product: A.ProductDecl): Block {
    const s = this.spell;
    const children: Item[] = [];
    const setting = (node: A.Identifier | A.StringLiteral | undefined, keyword: string): void => {
      if (!node) return;
      const start = this.keywordStart(node.range.start.offset);
      children.push(this.leaf(start, node.range.end.offset, `${keyword} ${s.value(node)}`, 'header'));
    };
    setting(product.currency, 'currency');
    setting(product.productKind, 'kind');
    setting(product.description, 'doc');
    for (const section of canonicalSections(product.sections)) children.push(this.section(section));
    const name = product.name ? ` ${s.literal(product.name)}` : '';
    return this.block(product.range, `product ${product.code.name}${name} {`, children, 'product', { blankPolicy: productBlanks });
  }

  private section(section: A.Section): Item {
    const s = this.spell;
    switch (section.kind) {
      case 'InputSection':
        return this.block(section.range, 'input {', section.fields.map((f) => this.leafOf(f.range, this.field(f))), 'input');
      case 'LetDecl':
        return this.leafOf(section.range, `let ${section.name.name} = ${s.expression(section.value)}`, 'let');
      case 'LimitsSection':
        return this.limits(section);
      case 'PricingSection':
        return this.pricing(section);
      case 'FeeDecl':
        return this.leafOf(section.range, this.fee(section), 'fee');
      case 'EligibilitySection':
        return this.block(section.range, 'eligibility {', section.rules.map((r) => this.leaf(r.range.start.offset, r.range.end.offset, this.rule(r))), 'eligibility');
      case 'ScorecardSection':
        return this.scorecard(section);
      case 'OfferSection':
        return this.offer(section);
      case 'PenaltiesSection':
        return this.penalties(section);
      case 'CollectionSection':
        return this.block(section.range, 'collection {', section.steps.map((step) => this.leafOf(step.range, this.step(step))), 'collection');
      case 'ReservesSection':
        return this.reserves(section);
      case 'AllocationDecl':
        return this.leafOf(section.range, `allocation ${section.components.map((c) => c.name).join(', ')}`, 'settle');
      case 'PrepaymentDecl': {
        const policy = { 'reduce-term': 'reduce term', 'reduce-installment': 'reduce installment', 'not-allowed': 'not allowed' }[section.policy];
        return this.leafOf(section.range, `prepayment ${policy}`, 'settle');
      }
      case 'OverpaymentDecl':
        return this.leafOf(section.range, `overpayment tolerance ${section.tolerance?.value ?? ''}`.trimEnd(), 'settle');
      case 'TestDecl':
        return this.test(section);
    }
  }

  // -------------------------------------------------------------- input, limits, pricing, fees

  private field(field: A.InputFieldDecl): string {
    const type = field.type === 'enum' ? `enum { ${field.enumValues.map((v) => v.name).join(', ')} }` : field.type;
    const enumType = field.type === 'enum' && field.enumValues.length === 0 ? 'enum {}' : type;
    const bounds = field.bounds ? ` ${this.spell.range(field.bounds)}` : '';
    const from = field.from ? ` from ${field.from.name}` : '';
    return `${field.name.name}: ${enumType}${bounds}${field.optional ? ' optional' : ''}${from}`;
  }

  private frequency(frequency: A.FrequencyNode): string {
    return frequency.kind === 'every' ? `every ${this.spell.literal(frequency.days)} days` : frequency.kind;
  }

  private limits(limits: A.LimitsSection): Block {
    const s = this.spell;
    const children: Item[] = [];
    if (limits.amount) {
      const step = limits.amount.step ? ` step ${s.literal(limits.amount.step)}` : '';
      children.push(this.leafOf(limits.amount.at, `amount ${s.range(limits.amount.range)}${step}`));
    }
    for (const term of limits.terms) {
      children.push(this.leafOf(term.at, `payments ${s.range(term.payments)} ${this.frequency(term.frequency)}`));
    }
    if (limits.firstPayment) children.push(this.leafOf(limits.firstPayment.at, `first payment ${s.range(limits.firstPayment.days)} days`));
    return this.block(limits.range, 'limits {', children, 'limits');
  }

  private rate(rate: A.RateNode): Item {
    const s = this.spell;
    if (rate.kind === 'FixedRate') return this.leafOf(rate.range, `rate ${s.literal(rate.rate)}`);
    const row = (r: A.RateRow): string =>
      `${r.cells.map((c) => (c.kind === 'Identifier' ? c.name : s.range(c))).join(', ')}: ${s.literal(r.rate)}`;
    const rows = rate.rows.map((r) => this.leafOf(r.range, row(r)));
    const header = `rate by ${rate.keys.map((k) => k.name).join(', ')} {`;
    const inline = rate.keys.length === 1 ? (rate.rows.length === 0 ? '}' : `${rate.rows.map(row).join(', ')} }`) : undefined;
    return this.block(rate.range, header, rows, 'item', inline === undefined ? {} : { inline });
  }

  private pricing(pricing: A.PricingSection): Block {
    const s = this.spell;
    const children: Item[] = [];
    const named = (node: A.Identifier | undefined, keyword: string, keywordTokens = 1): void => {
      if (!node) return;
      children.push(this.leaf(this.keywordStart(node.range.start.offset, keywordTokens), node.range.end.offset, `${keyword} ${node.name}`));
    };
    named(pricing.method, 'method');
    named(pricing.basis, 'basis');
    if (pricing.rate) children.push(this.rate(pricing.rate));
    if (pricing.iva) {
      children.push(this.leafOf(pricing.iva.range, `iva ${s.literal(pricing.iva.rate)} on ${pricing.iva.on.map((o) => o.name).join(', ')}`));
    }
    if (pricing.rounding) {
      const r = pricing.rounding;
      const mode = r.mode ? ` ${r.mode.name}` : '';
      const multiple = r.multiple ? ` multiple ${s.literal(r.multiple)}` : '';
      children.push(this.leafOf(r.range, `rounding ${s.literal(r.decimals)}${mode}${multiple}`));
    }
    for (const grace of pricing.grace) children.push(this.leafOf(grace.range, `grace ${grace.what} ${s.literal(grace.count)}`));
    named(pricing.businessDays, 'business days', 2);
    if (pricing.installmentIncludesIva) {
      const includes = this.find(pricing.range.start.offset, pricing.range.end.offset, 'includes');
      const start = includes ? this.keywordStart(includes.startOffset) : pricing.range.start.offset;
      const iva = includes ? this.tokens[this.tokenIndexAt(includes.startOffset) + 1] : undefined;
      const end = iva ? iva.startOffset + iva.image.length : start;
      children.push(this.leaf(start, end, 'installment includes iva'));
    }
    return this.block(pricing.range, 'pricing {', children, 'pricing');
  }

  private caps(node: { min?: A.NumberLiteral; max?: A.NumberLiteral }): string {
    const min = node.min ? ` min ${this.spell.literal(node.min)}` : '';
    const max = node.max ? ` max ${this.spell.literal(node.max)}` : '';
    return min + max;
  }

  private fee(fee: A.FeeDecl): string {
    const s = this.spell;
    const of = fee.of ? ` of ${fee.of.name}` : '';
    const timing = fee.timing ? ` ${fee.timing.value === 'per-installment' ? 'per installment' : fee.timing.value}` : '';
    const tax = fee.taxable === undefined ? '' : fee.taxable ? ' iva' : ' no iva';
    return `fee ${fee.name.name} ${s.literal(fee.amount)}${of}${this.caps(fee)}${timing}${tax}`;
  }

  // -------------------------------------------------------------- rules and scorecard

  /** A rule; its `message` moves to a continuation line when the whole would pass the width. */
  private rule(rule: A.RuleDecl): string[] {
    const s = this.spell;
    const head = `${rule.outcome} ${s.literal(rule.reason)} ${rule.negated ? 'unless' : 'when'} ${s.expression(rule.condition)}`;
    return withMessage(head, rule.message && s.literal(rule.message), 4);
  }

  private bin(bin: A.BinDecl): string {
    const s = this.spell;
    const m = bin.match;
    const match =
      m.kind === 'missing' || m.kind === 'otherwise'
        ? m.kind
        : m.kind === 'range'
          ? s.range(m.value)
          : m.values.map((v) => s.value(v)).join(', ');
    const reason = bin.reason ? ` reason ${s.literal(bin.reason)}` : '';
    return `${match} -> ${s.literal(bin.points)}${reason}`;
  }

  private scorecard(scorecard: A.ScorecardSection): Block {
    const s = this.spell;
    const children: Item[] = [];
    if (scorecard.base) {
      const base = scorecard.base;
      children.push(this.leaf(this.keywordStart(base.range.start.offset), base.range.end.offset, `base ${s.literal(base)}`));
    }
    for (const c of scorecard.characteristics) {
      const label = c.label ? ` ${s.literal(c.label)}` : '';
      const bins = c.bins.map((bin) => this.leafOf(bin.range, this.bin(bin)));
      children.push(this.block(c.range, `characteristic ${c.name.name}${label} {`, bins));
    }
    for (const band of scorecard.bands) {
      children.push(this.leafOf(band.range, `band ${band.name.name} when score >= ${s.literal(band.minScore)}`));
    }
    if (scorecard.otherwise) {
      const o = scorecard.otherwise;
      const lines = withMessage(`otherwise ${o.outcome} ${s.literal(o.reason)}`, o.message && s.literal(o.message), 4);
      children.push(this.leaf(o.range.start.offset, o.range.end.offset, lines));
    }
    return this.block(scorecard.range, 'scorecard {', children, 'scorecard');
  }

  // -------------------------------------------------------------- offer, penalties, collection

  private offer(offer: A.OfferSection): Block {
    const s = this.spell;
    const children: Item[] = offer.caps.map((cap): Item => {
      if (cap.kind !== 'amount-by-band') return this.leafOf(cap.range, `${cap.kind} <= ${s.expression(cap.value)}`);
      const entry = (e: (typeof cap.entries)[number]): string => `${e.band.name}: ${s.literal(e.amount)}`;
      const rows = cap.entries.map((e) => this.leaf(e.band.range.start.offset, e.amount.range.end.offset, entry(e)));
      const inline = cap.entries.length === 0 ? '}' : `${cap.entries.map(entry).join(', ')} }`;
      return this.block(cap.range, 'amount <= by band {', rows, 'item', { inline });
    });
    if (offer.counteroffer !== undefined) {
      const keyword = this.find(offer.range.start.offset, offer.range.end.offset, 'counteroffer');
      const end = keyword ? keyword.startOffset + keyword.image.length : offer.range.start.offset;
      const start = keyword && !offer.counteroffer ? this.keywordStart(keyword.startOffset) : (keyword?.startOffset ?? end);
      children.push(this.leaf(start, end, offer.counteroffer ? 'counteroffer' : 'no counteroffer'));
    }
    return this.block(offer.range, 'offer {', children, 'offer');
  }

  private penalties(penalties: A.PenaltiesSection): Block {
    const s = this.spell;
    const children: Item[] = [];
    const tax = (taxable: boolean): string => (taxable ? ' iva' : '');
    if (penalties.lateFee) {
      const f = penalties.lateFee;
      const of = f.of ? ` of ${f.of.name}` : '';
      const grace = f.graceDays ? ` grace ${s.literal(f.graceDays)} days` : '';
      children.push(this.leafOf(f.range, `late fee ${s.literal(f.amount)}${of}${this.caps(f)}${grace}${tax(f.taxable)}`));
    }
    if (penalties.moratorium) {
      const m = penalties.moratorium;
      const rate = m.rate.kind === 'multiple' ? `${s.literal(m.rate.factor)} ordinary` : `${s.literal(m.rate.rate)} annual`;
      const on = m.on === 'overdue-principal' ? 'overdue principal' : 'overdue installment';
      const basis = m.basis ? ` basis ${m.basis.name}` : '';
      children.push(this.leafOf(m.range, `moratorium ${rate} on ${on}${basis}${tax(m.taxable)}`));
    }
    return this.block(penalties.range, 'penalties {', children, 'penalties');
  }

  private action(action: A.ActionNode): string {
    switch (action.kind) {
      case 'notify':
        return `notify ${action.channel.name} ${this.spell.literal(action.template)}`;
      case 'queue':
        return `queue ${this.spell.literal(action.queue)}`;
      case 'stop-accrual':
        return 'stop accrual';
      case 'offer-restructure': {
        const payments = action.payments ? ` payments ${this.spell.literal(action.payments)}${action.frequency ? ` ${this.frequency(action.frequency)}` : ''}` : '';
        const rate = action.rate ? ` rate ${this.spell.literal(action.rate)}` : '';
        return `offer restructure${payments}${rate}`;
      }
      case 'write-off':
        return 'write off';
    }
  }

  private step(step: A.CollectionStepNode): string {
    const s = this.spell;
    const actions = step.actions.map((a) => ` ${this.action(a)}`).join('');
    if (step.kind === 'at') return `at ${s.literal(step.day)} days${actions}`;
    const to = step.to ? ` to ${s.literal(step.to)}` : '';
    const stage = step.stage ? ` stage ${step.stage.name}` : '';
    return `from ${s.literal(step.from)}${to} dpd${stage}${actions}`;
  }

  // -------------------------------------------------------------- reserves

  /** Rows in source order, then `expected loss` (a section holds one or the other: the checker says so). */
  private reserves(reserves: A.ReservesSection): Block {
    const s = this.spell;
    const children: Item[] = reserves.rows.map((row) => this.leafOf(row.range, this.reserveRow(row)));
    const el = reserves.expectedLoss;
    if (el) children.push(this.leafOf(el.range, `expected loss pd ${s.expression(el.pd)} lgd ${s.expression(el.lgd)}`));
    return this.block(reserves.range, 'reserves {', children, 'reserves');
  }

  private reserveRow(row: A.ReserveRowNode): string {
    const s = this.spell;
    const stage = row.stage ? `${row.stage.name} ` : '';
    const days = row.open ? `from ${s.literal(row.from)}` : row.to ? `${s.literal(row.from)} to ${s.literal(row.to)}` : s.literal(row.from);
    return `${stage}${days} dpd ${s.literal(row.rate)}`;
  }

  // -------------------------------------------------------------- tests

  private test(test: A.TestDecl): Block {
    const s = this.spell;
    const children: Item[] = [...this.givens(test)];
    const dated = (date: A.DateLiteral | undefined, keyword: string): void => {
      if (date) children.push(this.leaf(this.keywordStart(date.range.start.offset), date.range.end.offset, `${keyword} ${date.value}`));
    };
    dated(test.today, 'today');
    dated(test.disburse, 'disburse');
    for (const p of test.payments) children.push(this.leafOf(p.range, `pay ${s.literal(p.amount)} on ${p.on.value}`));
    for (const e of test.expects) {
      const before = this.tokenBefore(e.range.start.offset);
      const keyword = before?.image === 'expect' ? before : undefined;
      const start = keyword ? keyword.startOffset : e.range.start.offset;
      children.push(this.leaf(start, e.range.end.offset, `expect ${this.expectation(e)}`, 'item', keyword ? undefined : 'expect '));
    }
    return this.block(test.range, `test ${s.literal(test.name)} {`, children, 'test');
  }

  /** One leaf per `given` statement, entries wrapped at the line width under the first entry. */
  private givens(test: A.TestDecl): Leaf[] {
    const statements: { keyword: IToken; entries: A.GivenEntry[] }[] = [];
    for (const entry of test.given) {
      const keyword = this.givenKeyword(entry.range.start.offset);
      const last = statements[statements.length - 1];
      if (last && keyword && last.keyword.startOffset === keyword.startOffset) last.entries.push(entry);
      else if (keyword) statements.push({ keyword, entries: [entry] });
    }
    const budget = MAX_WIDTH - 4;
    return statements.map(({ keyword, entries }) => {
      const texts = entries.map((e) => `${e.field.name} = ${this.spell.value(e.value)}`);
      const lines: string[] = [];
      let line = 'given ';
      texts.forEach((text, i) => {
        const piece = i < texts.length - 1 ? `${text},` : text;
        if (line.trim() !== 'given' && line.length + piece.length > budget) {
          lines.push(line.trimEnd());
          line = '      ';
        }
        line += `${piece} `;
      });
      lines.push(line.trimEnd());
      return this.leaf(keyword.startOffset, entries[entries.length - 1]!.range.end.offset, lines);
    });
  }

  /** The `given` keyword that opens the statement holding the entry at `offset`. */
  private givenKeyword(offset: number): IToken | undefined {
    for (let i = this.tokenIndexAt(offset) - 1; i >= 0; i--) {
      const t = this.tokens[i]!;
      if (t.image === 'given') return t;
      if (t.image === '{' || t.image === '}') return undefined;
    }
    return undefined;
  }

  private expectation(e: A.ExpectNode): string {
    const s = this.spell;
    switch (e.kind) {
      case 'outcome':
        return e.reasons.length === 0 ? e.outcome : `${e.outcome} reasons ${e.reasons.map((r) => s.literal(r)).join(', ')}`;
      case 'band':
        return `band ${e.band.name}`;
      case 'score':
      case 'offer':
      case 'counteroffer':
      case 'installment':
      case 'total':
        return `${e.kind} ${s.literal(e.value)}`;
      case 'rate':
      case 'cat':
        return `${e.kind} ${s.literal(e.value)}`;
      case 'state': {
        const parts = [`on ${e.on.value}`];
        if (e.dpd) parts.push(`dpd ${s.literal(e.dpd)}`);
        if (e.stage) parts.push(`stage ${e.stage.name}`);
        if (e.outstanding) parts.push(`outstanding ${s.literal(e.outstanding)}`);
        if (e.lateFees) parts.push(`late fees ${s.literal(e.lateFees)}`);
        if (e.moratorium) parts.push(`moratorium ${s.literal(e.moratorium)}`);
        return parts.join(' ');
      }
      case 'books': {
        const parts = [`on ${e.on.value} books`];
        if (e.stage) parts.push(`stage ${e.stage.name}`);
        if (e.reserve) parts.push(`reserve ${s.literal(e.reserve)}`);
        if (e.accrued) parts.push(`accrued ${s.literal(e.accrued)}`);
        if (e.deferred) parts.push(`deferred ${s.literal(e.deferred)}`);
        return parts.join(' ');
      }
    }
  }
}
