// The applicant the simulator starts from: valid example values, so the first decision runs
// without input errors. A field takes the value the product's tests give it (the first test that
// names it: a realistic applicant); otherwise a value from what the product declares — the request
// within the limits (an amount on the offer step, a number of payments the default frequency
// allows by default), a number inside its range, the first enum value. No Svelte here.
import { Dec, frequencyKey, type ProductIR, type TestValue } from '@plazo/engine';
import type { FormField } from './form.ts';

type Example = Pick<ProductIR, 'tests' | 'limits'>;

/** A test's given value as the control shows it (percent fields in points). */
function shown(field: FormField, value: TestValue): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return String(value);
  return field.type === 'percent' ? new Dec(value).times(100).toFixed() : value;
}

/** The value the product's tests give the field, or undefined when none names it. */
function fromTests(field: FormField, ir: Example): string | undefined {
  for (const test of ir.tests) {
    const given = test.given[field.path];
    if (given !== undefined) return shown(field, given);
  }
  return undefined;
}

/** Inside the field's bounds (below an exclusive maximum), near the middle, whole for integers. */
function inRange(field: FormField): string {
  const whole = field.type === 'integer';
  const { min, max } = field;
  if (min === undefined && max === undefined) return '0';
  if (max === undefined) return new Dec(min!).toFixed();
  if (min === undefined) {
    const top = new Dec(max);
    return (field.maxExclusive ? top.minus(1) : top).toFixed();
  }
  const middle = new Dec(min).plus(max).div(2).toDecimalPlaces(whole ? 0 : 2, Dec.ROUND_DOWN);
  return (field.maxExclusive && middle.gte(max) ? new Dec(min) : middle).toFixed();
}

/** The amount nearest the middle of the limits (and of the field's own bounds) on the offer step. */
function exampleAmount(field: FormField, ir: Example): string {
  const { amount } = ir.limits;
  const low = Dec.max(amount.min, field.min ?? amount.min);
  const high = Dec.min(amount.max, field.max ?? amount.max);
  const step = new Dec(amount.step);
  const middle = low.plus(high).div(2);
  const onStep = new Dec(amount.min).plus(middle.minus(amount.min).div(step).floor().times(step));
  return (onStep.lt(low) ? low : onStep).toFixed();
}

/**
 * The simulator's starting values by field path (what the controls show: strings, percent in
 * points, '' for an absent optional field).
 * @example exampleValues(formFields(ir), ir, '2025-03-03')['request.amount'] // '127500'
 */
export function exampleValues(fields: readonly FormField[], ir: Example, today: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    const tested = fromTests(f, ir);
    if (tested !== undefined) out[f.path] = tested;
    else if (f.path === 'request.amount') out[f.path] = exampleAmount(f, ir);
    else if (f.optional || f.path === 'request.payments') out[f.path] = '';
    else if (f.control === 'number') out[f.path] = inRange(f);
    else if (f.control === 'select') out[f.path] = f.values?.[0] ?? '';
    else if (f.control === 'boolean') out[f.path] = 'false';
    else if (f.control === 'date') out[f.path] = today;
    else out[f.path] = '';
  }
  // The number of payments the chosen frequency allows (the first term when none is chosen).
  if (out['request.payments'] === '') {
    const field = fields.find((f) => f.path === 'request.payments')!;
    const chosen = out['request.frequency'];
    const term = ir.limits.terms.find((t) => frequencyKey(t.frequency) === chosen) ?? ir.limits.terms[0];
    out['request.payments'] = term ? String(Math.floor((term.payments.min + term.payments.max) / 2)) : inRange(field);
  }
  return out;
}
