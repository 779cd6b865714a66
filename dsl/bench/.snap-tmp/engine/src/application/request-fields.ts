// The fields every product's input carries: what the client asks for. Declared implicitly when a
// product does not list them, so every application states amount and number of payments.
import type { Frequency, InputField, ProductIR } from '../ir/product-ir.ts';

/** The enum value naming a frequency in `request.frequency`: `weekly`…, `every_10_days`. */
export function frequencyKey(frequency: Frequency): string {
  return typeof frequency === 'object' ? `every_${frequency.everyDays}_days` : frequency;
}

/** The product's input fields plus the implicit request fields it does not declare. */
export function inputFieldsOf(ir: ProductIR): readonly InputField[] {
  const declared = new Set(ir.inputs.map((f) => f.path));
  const implicit: InputField[] = [];
  if (!declared.has('request.amount')) implicit.push({ path: 'request.amount', type: 'money', optional: false });
  if (!declared.has('request.payments')) implicit.push({ path: 'request.payments', type: 'integer', optional: false });
  if (!declared.has('request.frequency')) {
    implicit.push({ path: 'request.frequency', type: 'enum', optional: true, values: ir.limits.terms.map((t) => frequencyKey(t.frequency)) });
  }
  return implicit.length === 0 ? ir.inputs : [...ir.inputs, ...implicit];
}
