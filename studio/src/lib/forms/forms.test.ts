import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileText, format, isPolicyText, parse, type Diagnostic } from '@plazo/dsl';
import { Dec, runProductTests, type ProductIR } from '@plazo/engine';
import { describe, expect, it } from 'vitest';
import { compiledExample, exampleText } from '../testing/examples.ts';
import { applyFormEdit, editPart, figureUpdate, type FormEdit } from './edits.ts';
import { productForm, type ProductForm } from './model.ts';
import { placeDiagnostics } from './placement.ts';
import { plainNumber } from './values.ts';

// Products only: pld.plazo is the institution's PLD policy, not a product.
const EXAMPLES_DIR = join(import.meta.dirname, '../../../../examples');
const EXAMPLES = readdirSync(EXAMPLES_DIR)
  .filter((f) => f.endsWith('.plazo') && !isPolicyText(readFileSync(join(EXAMPLES_DIR, f), 'utf8')))
  .map((f) => f.replace(/\.plazo$/, ''));

const formOf = (text: string): ProductForm => productForm(text, parse(text));

/** Every path where two JSON values differ (`pricing.rate.rows.0.rate`). */
function jsonDiff(a: unknown, b: unknown, path = ''): string[] {
  if (a === b) return [];
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return [path];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].flatMap((k) => jsonDiff((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k));
}

const errors = (text: string): Diagnostic[] => compileText(text).diagnostics.filter((d) => d.severity === 'error');

/** The multiset of comments of a text, as written. */
const comments = (text: string): string[] => parse(text).comments.map((c) => c.text.trimEnd()).sort();

/** Applies an edit that must succeed, checks what every edit must keep, and returns the IR change. */
function edited(name: string, edit: FormEdit, text = exampleText(name)): { text: string; changed: string[]; before: ProductIR; after: ProductIR } {
  const result = applyFormEdit(text, edit);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(edit)} refused: ${result.message}`);
  expect(parse(result.text).diagnostics).toEqual([]);
  expect(errors(result.text)).toEqual(errors(text));
  expect(comments(result.text)).toEqual(comments(text));
  expect(format(result.text).text).toBe(result.text);
  const before = compiledExample(name, text);
  const after = compiledExample(name, result.text);
  return { text: result.text, changed: jsonDiff({ ...before, hash: '' }, { ...after, hash: '' }), before, after };
}

const fraction = (points: string) => new Dec(plainNumber(points)).div(100).toString();

describe('the form of every example, read from its text', () => {
  it.each(EXAMPLES)('%s: every field agrees with what the compiler reads', (name) => {
    const text = exampleText(name);
    const form = formOf(text);
    const ir = compiledExample(name, text);
    expect(form.editable).toBe(true);
    expect(form.product.code).toBe(ir.code);
    // Limits.
    const amount = form.limits!.amount!;
    expect([plainNumber(amount.range.min!), plainNumber(amount.range.max!)]).toEqual([ir.limits.amount.min, ir.limits.amount.max]);
    if (amount.step) expect(plainNumber(amount.step)).toBe(ir.limits.amount.step);
    expect(form.limits!.terms.map((t) => ({ min: Number(t.payments.min), max: Number(t.payments.max), f: t.frequency.kind === 'every' ? { everyDays: Number(t.frequency.days) } : t.frequency.kind }))).toEqual(
      ir.limits.terms.map((t) => ({ min: t.payments.min, max: t.payments.max, f: t.frequency })),
    );
    if (ir.limits.firstPaymentDays) expect(form.limits!.firstPayment!.days).toMatchObject({ min: String(ir.limits.firstPaymentDays.min), max: String(ir.limits.firstPaymentDays.max) });
    // Pricing.
    const pricing = form.pricing!;
    expect(pricing.method?.value).toBe(ir.pricing.method);
    if (pricing.basis) expect(pricing.basis.value).toBe(ir.pricing.basis);
    if (pricing.businessDays) expect(pricing.businessDays.value).toBe(ir.pricing.businessDays);
    const rate = pricing.rate!;
    if (rate.kind === 'fixed') expect(ir.pricing.rate).toMatchObject({ kind: 'fixed', rate: fraction(rate.rate) });
    else {
      expect(ir.pricing.rate.kind).toBe('table');
      if (ir.pricing.rate.kind !== 'table') return;
      expect(rate.keys).toEqual(ir.pricing.rate.keys);
      expect(rate.rows.map((r) => fraction(r.rate))).toEqual(ir.pricing.rate.rows.map((r) => new Dec(r.rate).toString()));
      expect(rate.rows.every((r) => r.cells.length === rate.keys.length)).toBe(true);
    }
    if (pricing.iva) expect({ rate: fraction(pricing.iva.rate), on: pricing.iva.on }).toEqual({ rate: new Dec(ir.pricing.tax!.rate).toString(), on: ir.pricing.tax!.on });
    // Fees.
    expect(form.fees.map((f) => ({ name: f.name, timing: f.timing ?? 'upfront', kind: f.amount.kind }))).toEqual(ir.fees.map((f) => ({ name: f.name, timing: f.timing, kind: f.amount.kind })));
    for (const [i, f] of form.fees.entries()) {
      const fee = ir.fees[i]!;
      if (f.amount.kind === 'percent' && fee.amount.kind === 'percent') expect(fraction(f.amount.value)).toBe(new Dec(fee.amount.rate).toString());
      if (f.min) expect(plainNumber(f.min)).toBe(fee.min);
      if (f.max) expect(plainNumber(f.max)).toBe(fee.max);
    }
    // Eligibility: every rule, in order, with its reason and message.
    const rules = form.eligibility?.rules ?? [];
    expect(rules.map((r) => ({ reason: r.reason, outcome: r.outcome }))).toEqual(ir.eligibility.map((r) => ({ reason: r.reason, outcome: r.outcome })));
    expect(rules.map((r) => r.message)).toEqual(ir.eligibility.map((r) => r.message));
    // Penalties.
    expect(form.penalties?.lateFee !== undefined).toBe(ir.penalties.lateFee !== undefined);
    expect(form.penalties?.moratorium?.on).toBe(ir.penalties.moratorium?.on);
    if (form.penalties?.moratorium?.rate.kind === 'multiple') expect(ir.penalties.moratorium!.rate).toEqual({ kind: 'multiple', factor: form.penalties.moratorium.rate.factor });
    // Collection: each step's days, stage and actions.
    const steps = form.collection?.steps ?? [];
    expect(
      steps.map((s) => (s.kind === 'at' ? { kind: 'at', day: Number(s.day) } : { kind: 'stage', from: Number(s.from), ...(s.to ? { to: Number(s.to) } : {}), stage: s.stage })),
    ).toEqual(ir.collection.map((s) => (s.kind === 'at' ? { kind: 'at', day: s.day } : { kind: 'stage', from: s.from, ...(s.to !== undefined ? { to: s.to } : {}), stage: s.stage })));
    expect(steps.map((s) => s.actions.map((a) => a.kind))).toEqual(ir.collection.map((s) => s.actions.map((a) => a.kind)));
    // What the form does not edit is shown as written: the scorecard, the tests.
    expect(form.readOnly.filter((b) => b.kind === 'test').map((b) => b.name)).toEqual(ir.tests.map((t) => t.name));
    for (const b of form.readOnly) expect(text.slice(b.at.start, b.at.end)).toBe(b.text);
  });

  it.each(EXAMPLES)('%s: every item printed back unchanged leaves the text as it is', (name) => {
    const text = exampleText(name);
    const form = formOf(text);
    const identity: FormEdit[] = [
      { kind: 'amount' },
      ...form.limits!.terms.map((_, index) => ({ kind: 'term', index }) as const),
      ...(form.limits!.firstPayment ? [{ kind: 'firstPayment' } as const] : []),
      ...form.fees.map((_, index) => ({ kind: 'fee', index, patch: {} }) as const),
      ...(form.eligibility?.rules ?? []).map((_, index) => ({ kind: 'rule', index }) as const),
      ...(form.eligibility?.rules ?? []).flatMap((r, rule) => (r.condition.simple ? r.condition.clauses.map((_, index) => ({ kind: 'clause', rule, index }) as const) : [])),
      ...(form.pricing!.rate?.kind === 'table' ? form.pricing!.rate.rows.map((_, index) => ({ kind: 'rateRow', index }) as const) : []),
      ...(form.pricing!.iva ? [{ kind: 'iva' } as const] : []),
      ...(form.penalties?.lateFee ? [{ kind: 'lateFee', patch: {} } as const] : []),
      ...(form.penalties?.moratorium ? [{ kind: 'moratorium', patch: {} } as const] : []),
      ...(form.collection?.steps ?? []).map((_, index) => ({ kind: 'step', index }) as const),
      ...(form.collection?.steps ?? []).flatMap((s, step) => s.actions.map((_, index) => ({ kind: 'action', step, index, patch: {} }) as const)),
    ];
    for (const edit of identity) {
      const result = applyFormEdit(text, edit);
      expect(result, JSON.stringify(edit)).toEqual({ ok: true, text });
    }
  });

  it('reads simple conditions as clauses and leaves the others to the text', () => {
    const rules = formOf(exampleText('nomina')).eligibility!.rules;
    const byReason = Object.fromEntries(rules.map((r) => [r.reason, r]));
    expect(byReason['CONVENIO']!.condition).toMatchObject({ simple: true, clauses: [{ field: 'employment.employer_in_agreement', op: 'true' }] });
    expect(byReason['CONVENIO']!.negated).toBe(true);
    expect(byReason['SUELDO_MINIMO']!.condition).toMatchObject({ simple: true, clauses: [{ field: 'payroll.net_pay', op: '<', value: '4_000', literal: 'number' }] });
    expect(byReason['ATRASO_BURO']!.condition).toMatchObject({
      simple: true,
      clauses: [
        { field: 'bureau.worst_dpd_12m', op: 'present' },
        { field: 'bureau.worst_dpd_12m', op: '>', value: '60' },
      ],
    });
    expect(byReason['CONTRATO_TEMPORAL']!.condition).toMatchObject({ simple: true, clauses: [{ field: 'employment.contract', op: 'in', values: ['temporal'] }] });
    expect(byReason['EDAD']!.condition).toEqual({ simple: false, text: 'age < 18 or age > 69', at: expect.objectContaining({ line: expect.any(Number) }) });
    expect(byReason['EDAD_PLAZO']!.condition.simple).toBe(false);
  });

  it('offers the declared inputs and lets, with their types and docs', () => {
    const fields = formOf(exampleText('nomina')).fields;
    expect(fields.find((f) => f.name === 'employment.contract')).toEqual({
      name: 'employment.contract',
      source: 'input',
      type: 'enum',
      values: ['planta', 'confianza', 'temporal'],
      optional: false,
      doc: 'Tipo de contratación: de planta (base), de confianza o temporal (eventual)',
    });
    expect(fields.find((f) => f.name === 'capacity')).toMatchObject({ source: 'let', type: 'money' });
    expect(fields.find((f) => f.name === 'age')).toMatchObject({ source: 'let', type: 'integer' });
    expect(fields.find((f) => f.name === 'bureau.score')).toMatchObject({ optional: true, type: 'integer' });
  });
});

describe('form edits are text edits', () => {
  it('a rate cell 26% → 25% changes only that rate in the IR', () => {
    const { text, changed, after } = edited('nomina', { kind: 'rateRow', index: 0, rate: '25' });
    expect(changed).toEqual(['pricing.rate.rows.0.rate']);
    expect(after.pricing.rate.kind === 'table' && after.pricing.rate.rows[0]!.rate).toBe('0.25');
    expect(text).toContain('A, 6..24: 25%');
  });

  it('the maximum number of payments changes only the term', () => {
    const { changed, after } = edited('nomina', { kind: 'term', index: 0, max: '36' });
    expect(changed).toEqual(['limits.terms.0.payments.max']);
    expect(after.limits.terms[0]!.payments.max).toBe(36);
  });

  it('an eligibility value changes only that rule, spelled like the text', () => {
    const rules = formOf(exampleText('nomina')).eligibility!.rules;
    const index = rules.findIndex((r) => r.reason === 'SUELDO_MINIMO');
    const { text, changed } = edited('nomina', { kind: 'clause', rule: index, index: 0, value: '5000' });
    expect(text).toContain('decline "SUELDO_MINIMO" when payroll.net_pay < 5_000');
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((p) => p.startsWith(`eligibility.${index}.`))).toBe(true);
  });

  it('a rule with a complex condition keeps it verbatim when its message changes', () => {
    const rules = formOf(exampleText('nomina')).eligibility!.rules;
    const index = rules.findIndex((r) => r.reason === 'EDAD_PLAZO');
    const { text, changed } = edited('nomina', { kind: 'rule', index, message: 'Debe liquidarse antes de los 70' });
    expect(text).toMatch(/decline "EDAD_PLAZO" when age \+ request\.payments \/ 24 > 70\s+message "Debe liquidarse antes de los 70"/);
    expect(changed).toEqual([`eligibility.${index}.message`]);
  });

  it('adds a clause with `and`, changes its field and operator, and removes it', () => {
    const rules = formOf(exampleText('nomina')).eligibility!.rules;
    const index = rules.findIndex((r) => r.reason === 'ANTIGUEDAD');
    const added = edited('nomina', { kind: 'clause.add', rule: index });
    expect(added.text).toMatch(/refer "ANTIGUEDAD" when employment\.months < 6 and employment\.months < 0/);
    const field = edited('nomina', { kind: 'clause', rule: index, index: 1, field: 'employment.contract' }, added.text);
    expect(field.text).toContain('employment.months < 6 and employment.contract = planta');
    const op = edited('nomina', { kind: 'clause', rule: index, index: 1, op: 'in', value: 'temporal, confianza' }, field.text);
    expect(op.text).toContain('employment.contract in { temporal, confianza }');
    const removed = edited('nomina', { kind: 'clause.remove', rule: index, index: 1 }, op.text);
    expect(removed.text).toBe(exampleText('nomina'));
  });

  it('the outcome, reason and `unless` of a rule', () => {
    const rules = formOf(exampleText('nomina')).eligibility!.rules;
    const index = rules.findIndex((r) => r.reason === 'SIN_CAPACIDAD');
    const { text, changed } = edited('nomina', { kind: 'rule', index, outcome: 'refer', reason: 'CAPACIDAD', negated: true });
    expect(text).toContain('refer "CAPACIDAD" unless capacity < 300');
    // `unless c` compiles to the negated condition `{ "!": c }`.
    expect(changed.sort()).toEqual([`eligibility.${index}.outcome`, `eligibility.${index}.reason`, `eligibility.${index}.when.!`, `eligibility.${index}.when.<`]);
  });

  it('adds a rule to the eligibility and removes it with its doc comment', () => {
    const text = exampleText('nomina');
    const added = edited('nomina', { kind: 'rule.add' });
    expect(added.text).toContain('decline "NUEVA_REGLA" when applicant.birth_date < 2000-01-01');
    expect(added.after.eligibility.length).toBe(added.before.eligibility.length + 1);
    const last = formOf(added.text).eligibility!.rules.length - 1;
    const documented = added.text.replace('    decline "NUEVA_REGLA"', '    /// Regla de prueba\n    decline "NUEVA_REGLA"');
    const removed = applyFormEdit(documented, { kind: 'rule.remove', index: last });
    expect(removed).toEqual({ ok: true, text });
  });

  it('amount limits, step, fees, IVA, moratorium and stages, each only where meant', () => {
    expect(edited('nomina', { kind: 'amount', max: '300000' }).changed).toEqual(['limits.amount.max']);
    expect(edited('nomina', { kind: 'amount', step: '1000', min: '5000' }).changed).toEqual(['limits.amount.step']);
    expect(edited('nomina', { kind: 'fee', index: 0, patch: { min: '250' } }).changed).toEqual(['fees.0.min']);
    expect(edited('nomina', { kind: 'fee', index: 0, patch: { value: '2.5' } }).changed).toEqual(['fees.0.amount.rate']);
    expect(edited('nomina', { kind: 'iva', on: ['interest', 'fees'] }).changed).toEqual(['pricing.tax.on.2']);
    expect(edited('nomina', { kind: 'moratorium', patch: { rate: '2' } }).changed).toEqual(['penalties.moratorium.rate.factor']);
    expect(edited('nomina', { kind: 'step', index: 3, stage: 'preventiva' }).changed.sort()).toEqual(['collection.3.stage']);
    expect(edited('nomina', { kind: 'action', step: 0, index: 0, patch: { template: 'recordatorio' } }).changed).toEqual(['collection.0.actions.0.template']);
    // nómina levels its installment with IVA, which only `french` can (engine-limit): capital de trabajo has no such clause.
    expect(edited('capital_trabajo', { kind: 'method', value: 'german' }).changed).toEqual(['pricing.method']);
  });

  it('the fixed rate of a product without a table, and a one-line table', () => {
    expect(edited('adelanto_nomina', { kind: 'rate', value: '12' }).changed).toEqual(['pricing.rate.rate']);
    const tienda = edited('financiamiento_tienda', { kind: 'rateRow', index: 1, rate: '60' });
    expect(tienda.changed).toEqual(['pricing.rate.rows.1.rate']);
    expect(tienda.text).toContain('rate by band { A: 55%, B: 60%, C: 75% }');
  });

  it('a late fee, its grace days and its base', () => {
    const { changed, text } = edited('capital_trabajo', { kind: 'lateFee', patch: { graceDays: '7', max: '2500' } });
    expect(changed.sort()).toEqual(['penalties.lateFee.graceDays', 'penalties.lateFee.max']);
    expect(text).toContain('late fee 5% of overdue max 2_500 grace 7 days iva');
  });

  it('a term added and removed, a collection step added and removed', () => {
    const text = exampleText('capital_trabajo');
    const term = applyFormEdit(text, { kind: 'term.add' });
    if (!term.ok) throw new Error(term.message);
    expect(term.text).toMatch(/payments 3\.\.12 monthly\n\s+payments 1\.\.12 semimonthly/);
    expect(applyFormEdit(term.text, { kind: 'term.remove', index: 1 })).toEqual({ ok: true, text });
    const step = applyFormEdit(text, { kind: 'step.add', step: 'at' });
    if (!step.ok) throw new Error(step.message);
    expect(step.text).toContain('at 0 days notify sms "plantilla"');
    const added = formOf(step.text).collection!.steps.length - 1;
    expect(applyFormEdit(step.text, { kind: 'step.remove', index: added })).toEqual({ ok: true, text });
  });

  it('says what is wrong with a value, and changes nothing', () => {
    const text = exampleText('nomina');
    expect(applyFormEdit(text, { kind: 'term', index: 0, max: 'cuarenta' })).toMatchObject({ ok: false, problem: 'number', value: 'cuarenta' });
    expect(applyFormEdit(text, { kind: 'term', index: 0, max: '36.5' })).toMatchObject({ ok: false, problem: 'whole' });
    expect(applyFormEdit(text, { kind: 'rateRow', index: 0, rate: '-3' })).toMatchObject({ ok: false, problem: 'percent' });
    expect(applyFormEdit(text, { kind: 'rateRow', index: 9, rate: '30' })).toMatchObject({ ok: false, problem: 'stale' });
    expect(applyFormEdit(text, { kind: 'step', index: 3, stage: 'etapa temprana' })).toMatchObject({ ok: false, problem: 'name' });
    expect(applyFormEdit(text, { kind: 'method', value: 'frensh' })).toMatchObject({ ok: false, problem: 'name' });
    expect(applyFormEdit(text.replace('method french', 'method french {'), { kind: 'amount', max: '1' })).toMatchObject({ ok: false, problem: 'syntax' });
  });

  it('leaves an item with a comment inside it to the text', () => {
    const text = exampleText('nomina').replace('decline "SUELDO_MINIMO" when payroll.net_pay < 4_000', 'decline "SUELDO_MINIMO" when payroll.net_pay < 4_000 // mínimo\n');
    const rules = formOf(text).eligibility!.rules;
    const index = rules.findIndex((r) => r.reason === 'SUELDO_MINIMO');
    expect(rules[index]!.commented).toBe(true);
    expect(applyFormEdit(text, { kind: 'clause', rule: index, index: 0, value: '5000' })).toMatchObject({ ok: false, problem: 'commented' });
  });

  it('names the part of the product each edit changes (the role rules)', () => {
    expect(editPart({ kind: 'clause', rule: 0, index: 0 })).toBe('eligibility');
    expect(editPart({ kind: 'rateRow.add' })).toBe('pricing');
    expect(editPart({ kind: 'fee.remove', index: 0 })).toBe('fee');
    expect(editPart({ kind: 'firstPayment' })).toBe('limits');
    expect(editPart({ kind: 'moratorium.remove' })).toBe('penalties');
    expect(editPart({ kind: 'action.add', step: 0, action: 'queue' })).toBe('collection');
  });
});

describe('diagnostics in the form', () => {
  it('puts each diagnostic next to the item whose range it points into', () => {
    const text = exampleText('nomina').replace('B, 25..48: 38%', 'B, 25..40: 38%').replace('payroll.net_pay < 4_000', 'payroll.net_pay < "mucho"');
    const form = formOf(text);
    const diagnostics = compileText(text).diagnostics;
    const placed = placeDiagnostics(form, diagnostics);
    const rule = form.eligibility!.rules.findIndex((r) => r.reason === 'SUELDO_MINIMO');
    expect(placed.byItem[`rule.${rule}.clause.0`]?.map((d) => d.code)).toEqual(['type-mismatch']);
    const gap = diagnostics.find((d) => d.code === 'rate-gap')!;
    const holder = Object.entries(placed.byItem).find(([, ds]) => ds.includes(gap))![0];
    expect(holder.startsWith('pricing')).toBe(true);
    expect(placed.elsewhere).toEqual([]);
  });
});

describe('use the new figure (a failed test expectation takes what the engine gives)', () => {
  it('reads the edit from the test report’s words, only for a figure of the same kind', () => {
    expect(figureUpdate(3, 'installment 2262.82', 'installment 2190.44')).toEqual({ kind: 'expectation', test: 3, expect: 'installment', value: '2190.44' });
    expect(figureUpdate(0, 'cat 48.9%', 'cat 41.2%')).toEqual({ kind: 'expectation', test: 0, expect: 'cat', value: '41.2%' });
    expect(figureUpdate(0, 'installment 2262.82', 'no offer (decline)')).toBeUndefined();
    expect(figureUpdate(0, 'offer 40000', 'counteroffer 35000')).toBeUndefined();
    expect(figureUpdate(0, 'reasons CONVENIO', 'reasons EDAD')).toBeUndefined();
    expect(figureUpdate(0, 'band A', 'band B')).toBeUndefined();
    expect(editPart({ kind: 'expectation', test: 0, expect: 'cat', value: '41.2%' })).toBe('test');
  });

  it('after a rate change, the failed installment and CAT take the new figures and every test passes again', () => {
    const text = exampleText('nomina');
    const rated = applyFormEdit(text, { kind: 'rateRow', index: 0, rate: '20' });
    if (!rated.ok) throw new Error(rated.message);
    let current = rated.text;
    const failedBefore = runProductTests(compiledExample('nomina', current)).results.filter((r) => r.status === 'failed');
    expect(failedBefore.length).toBeGreaterThan(0);
    for (const result of failedBefore) {
      for (const e of result.expectations.filter((x) => !x.passed)) {
        const edit = figureUpdate(result.index, e.expected, e.actual);
        expect(edit, `${result.name}: ${e.expected} → ${e.actual}`).toBeDefined();
        const next = applyFormEdit(current, edit!);
        if (!next.ok) throw new Error(next.message);
        expect(comments(next.text)).toEqual(comments(current));
        current = next.text;
      }
    }
    const after = runProductTests(compiledExample('nomina', current));
    expect(after.failed).toBe(0);
    expect(after.passed).toBe(runProductTests(compiledExample('nomina', text)).passed);
  });

  it('refuses an expectation the test no longer has', () => {
    const result = applyFormEdit(exampleText('nomina'), { kind: 'expectation', test: 999, expect: 'installment', value: '1' });
    expect(result).toMatchObject({ ok: false, problem: 'stale' });
  });
});
