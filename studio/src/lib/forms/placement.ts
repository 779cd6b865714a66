// The text view's diagnostics, shown in the form next to the item whose range they point into:
// each diagnostic goes to the smallest item (a clause before its rule, a rate row before its
// table, a section last) that holds its start; the rest are listed above the form.
import type { Diagnostic } from '@plazo/dsl';
import { formItems, type ProductForm } from './model.ts';

export interface PlacedDiagnostics {
  /** By item id (`rule.3.clause.0`, `pricing.row.2`, `block.4`…). */
  readonly byItem: Readonly<Record<string, readonly Diagnostic[]>>;
  /** Diagnostics no item of the form holds (the product header, a syntax error between sections). */
  readonly elsewhere: readonly Diagnostic[];
}

/**
 * Places each diagnostic on the smallest form item that holds its start offset.
 * @example placeDiagnostics(form, diagnostics).byItem['pricing.row.0'] // the `rate-gap` of that row
 */
export function placeDiagnostics(form: ProductForm, diagnostics: readonly Diagnostic[]): PlacedDiagnostics {
  const items = [...formItems(form), ...form.readOnly.map((b) => ({ id: b.id, at: b.at }))];
  const byItem: Record<string, Diagnostic[]> = {};
  const elsewhere: Diagnostic[] = [];
  for (const d of diagnostics) {
    const offset = d.range.start.offset;
    let best: (typeof items)[number] | undefined;
    for (const item of items) {
      const holds = item.at.start <= offset && (offset < item.at.end || (offset === item.at.end && item.at.start === item.at.end));
      if (holds && (!best || item.at.end - item.at.start < best.at.end - best.at.start)) best = item;
    }
    if (best) (byItem[best.id] ??= []).push(d);
    else elsewhere.push(d);
  }
  return { byItem, elsewhere };
}
