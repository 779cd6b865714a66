// The applicant simulator's form, generated from the compiled product's input schema: one typed
// control per input field (plus the implicit request fields), the values the user typed as plain
// strings, and the conversion to an application the engine validates. No Svelte here.
import { Dec, frequencyKey, type InputField, type ProductIR } from '@plazo/engine';

export type ControlKind = 'number' | 'select' | 'boolean' | 'date' | 'text';

/** One control of the form. Percent fields are entered in percentage points (35 for 35%). */
export interface FormField {
  readonly path: string;
  readonly type: InputField['type'];
  readonly control: ControlKind;
  readonly optional: boolean;
  /** Bounds as the control shows them (percent fields in points). */
  readonly min?: string;
  readonly max?: string;
  readonly maxExclusive?: boolean;
  readonly step?: string;
  readonly values?: readonly string[];
  readonly doc?: string;
  /** A derived input: the client fact a real decision fills it from (`client.cycle`); here the user types a test value. */
  readonly from?: string;
}

/** Raw control values by field path: '' means empty (absent when the field is optional). */
export type FormValues = Readonly<Record<string, string>>;

function points(fraction: string): string {
  return new Dec(fraction).times(100).toFixed();
}

function controlOf(type: InputField['type']): ControlKind {
  switch (type) {
    case 'number':
    case 'integer':
    case 'money':
    case 'percent':
      return 'number';
    case 'enum':
      return 'select';
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'date';
    case 'string':
      return 'text';
  }
}

/**
 * The form of a product: its declared inputs in order, then the request fields the product does
 * not declare (amount and payments bounded by the product's limits, the frequency among its terms),
 * exactly the fields the engine's application validation expects.
 * @example formFields(ir).map((f) => f.path) // ['applicant.birth_date', …, 'request.amount', 'request.payments', 'request.frequency']
 */
export function formFields(ir: ProductIR): FormField[] {
  const declared = new Set(ir.inputs.map((f) => f.path));
  const payments = ir.limits.terms.map((t) => t.payments);
  const implicit: InputField[] = [];
  if (!declared.has('request.amount')) implicit.push({ path: 'request.amount', type: 'money', optional: false, min: ir.limits.amount.min, max: ir.limits.amount.max });
  if (!declared.has('request.payments')) {
    implicit.push({
      path: 'request.payments',
      type: 'integer',
      optional: false,
      ...(payments.length > 0 ? { min: String(Math.min(...payments.map((p) => p.min))), max: String(Math.max(...payments.map((p) => p.max))) } : {}),
    });
  }
  if (!declared.has('request.frequency')) implicit.push({ path: 'request.frequency', type: 'enum', optional: true, values: ir.limits.terms.map((t) => frequencyKey(t.frequency)) });
  // A declared request field without bounds is still bounded by the product's limits.
  const bounded = (f: InputField): InputField =>
    f.path === 'request.amount' && f.min === undefined && f.max === undefined ? { ...f, min: ir.limits.amount.min, max: ir.limits.amount.max } : f;
  return [...ir.inputs.map(bounded), ...implicit].map((f) => {
    const percent = f.type === 'percent';
    const step = f.type === 'integer' ? '1' : f.type === 'money' ? '0.01' : 'any';
    return {
      path: f.path,
      type: f.type,
      control: controlOf(f.type),
      optional: f.optional,
      ...(f.min !== undefined ? { min: percent ? points(f.min) : f.min } : {}),
      ...(f.max !== undefined ? { max: percent ? points(f.max) : f.max } : {}),
      ...(f.maxExclusive ? { maxExclusive: true } : {}),
      ...(controlOf(f.type) === 'number' ? { step } : {}),
      ...(f.values ? { values: f.values } : {}),
      ...(f.doc ? { doc: f.doc } : {}),
      ...(f.from !== undefined ? { from: f.from } : {}),
    };
  });
}

/** Keeps what the user typed for fields that still exist after an edit; new fields get their example values. */
export function carryValues(fields: readonly FormField[], previous: FormValues, initial: FormValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    const before = previous[f.path];
    const keep = before !== undefined && (f.control !== 'select' || before === '' || (f.values ?? []).includes(before));
    out[f.path] = keep ? before : (initial[f.path] ?? '');
  }
  return out;
}

export type FieldProblem =
  | { readonly key: 'sim.required' }
  | { readonly key: 'sim.notNumber' }
  | { readonly key: 'sim.notInteger' }
  | { readonly key: 'sim.belowMin'; readonly min: string }
  | { readonly key: 'sim.aboveMax'; readonly max: string };

/** What is wrong with a control's value before the engine sees it (the engine checks again). */
export function fieldProblem(field: FormField, raw: string): FieldProblem | null {
  raw = String(raw ?? '');
  if (raw.trim() === '') return field.optional ? null : { key: 'sim.required' };
  if (field.control !== 'number') return null;
  let value: Dec;
  try {
    value = new Dec(raw.trim());
  } catch {
    return { key: 'sim.notNumber' };
  }
  if (!value.isFinite()) return { key: 'sim.notNumber' };
  if (field.type === 'integer' && !value.isInteger()) return { key: 'sim.notInteger' };
  if (field.min !== undefined && value.lt(field.min)) return { key: 'sim.belowMin', min: field.min };
  if (field.max !== undefined && (field.maxExclusive ? value.gte(field.max) : value.gt(field.max))) return { key: 'sim.aboveMax', max: field.max };
  return null;
}

/**
 * The application for the engine, by dotted path: numbers as decimal strings (percent points back
 * to fractions), booleans, ISO dates, enum values; empty optional fields left out.
 * @example toApplication(fields, { 'applicant.dti': '35', 'request.amount': '20000' }) // { 'applicant.dti': '0.35', 'request.amount': '20000' }
 */
export function toApplication(fields: readonly FormField[], values: FormValues): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (const f of fields) {
    // String(): a control may hand over a number (an input bound as a number); the form keeps strings.
    const raw = String(values[f.path] ?? '').trim();
    if (raw === '') continue;
    if (f.control === 'boolean') out[f.path] = raw === 'true';
    else if (f.type === 'percent') {
      try {
        out[f.path] = new Dec(raw).div(100).toFixed();
      } catch {
        out[f.path] = raw;
      }
    } else if (f.control === 'number') {
      try {
        out[f.path] = new Dec(raw).toFixed();
      } catch {
        out[f.path] = raw;
      }
    } else out[f.path] = raw;
  }
  return out;
}
