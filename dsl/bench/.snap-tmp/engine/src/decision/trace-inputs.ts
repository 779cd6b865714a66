// The inputs of one traced evaluation: each variable an expression reads, with its value.
import { toJsonValue, type JsonOutput } from '../expressions/values.ts';
import type { IsoDate } from '../ir/product-ir.ts';

/** Each read variable's value in the scope (decimal strings for numbers, null when missing); `today` is the decision date. */
export function traceInputs(reads: readonly string[], scope: Readonly<Record<string, unknown>>, today: IsoDate): Readonly<Record<string, JsonOutput>> {
  const out: Record<string, JsonOutput> = {};
  for (const path of reads) {
    if (path === 'today') {
      out[path] = today;
      continue;
    }
    let v: unknown = scope;
    for (const s of path.split('.')) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[s] : undefined;
    out[path] = toJsonValue(v);
  }
  return Object.freeze(out);
}
