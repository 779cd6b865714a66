// The backtest view's column mapping: which CSV column (or constant) feeds each input field, and
// which column holds the observed outcome with its "bad" values. Pre-filled from a product's map
// file (examples/<code>.map.json) when there is one, else by matching column names to field names.
import type { FormField } from '../simulator/form.ts';

export type FieldMapping = { readonly kind: 'column'; readonly column: string } | { readonly kind: 'constant'; readonly value: string } | { readonly kind: 'none' };

export interface BacktestMapping {
  readonly fields: Readonly<Record<string, FieldMapping>>;
  readonly outcome: { readonly column: string; readonly bad: readonly string[]; readonly good: readonly string[] };
}

interface MapFile {
  readonly fields?: Readonly<Record<string, string | { readonly column?: string; readonly value?: string | boolean | null }>>;
  readonly outcome?: { readonly column?: string; readonly bad?: readonly string[]; readonly good?: readonly string[] };
}

const last = (path: string) => path.slice(path.lastIndexOf('.') + 1);

/**
 * The initial mapping of `fields` to the CSV `header`: the map file's entries when given (only
 * those whose column exists), otherwise a column named like the field's path or its last segment.
 * @example initialMapping(fields, ['age', 'amount', 'outcome']).fields['applicant.age'] // { kind: 'column', column: 'age' }
 */
export function initialMapping(fields: readonly FormField[], header: readonly string[], preset?: unknown): BacktestMapping {
  const file = (typeof preset === 'object' && preset !== null ? preset : {}) as MapFile;
  const columns = new Set(header);
  const out: Record<string, FieldMapping> = {};
  for (const f of fields) {
    const entry = file.fields?.[f.path];
    if (typeof entry === 'string' && columns.has(entry)) out[f.path] = { kind: 'column', column: entry };
    else if (typeof entry === 'object' && entry !== null && typeof entry.column === 'string' && columns.has(entry.column)) out[f.path] = { kind: 'column', column: entry.column };
    else if (typeof entry === 'object' && entry !== null && entry.value !== undefined && entry.value !== null) out[f.path] = { kind: 'constant', value: String(entry.value) };
    else if (columns.has(f.path)) out[f.path] = { kind: 'column', column: f.path };
    else if (columns.has(last(f.path))) out[f.path] = { kind: 'column', column: last(f.path) };
    else out[f.path] = { kind: 'none' };
  }
  const outcomeColumn = file.outcome?.column && columns.has(file.outcome.column) ? file.outcome.column : (header.find((h) => /outcome|default|bad|target/i.test(h)) ?? header[header.length - 1] ?? '');
  return {
    fields: out,
    outcome: { column: outcomeColumn, bad: file.outcome?.bad ?? ['bad'], good: file.outcome?.good ?? ['good'] },
  };
}

/** The engine's map JSON (see engine backtest/data-map.ts) for a mapping; unmapped fields are left out. */
export function toDataMap(fields: readonly FormField[], mapping: BacktestMapping): { fields: Record<string, unknown>; outcome: BacktestMapping['outcome'] } {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const m = mapping.fields[f.path];
    if (!m || m.kind === 'none') continue;
    if (m.kind === 'column') out[f.path] = m.column;
    else out[f.path] = { value: f.type === 'boolean' ? m.value === 'true' : m.value };
  }
  return { fields: out, outcome: mapping.outcome };
}

/** The distinct values of a column (for the bad/good pickers), most frequent first, at most `limit`. */
export function columnValues(header: readonly string[], records: readonly { readonly fields: readonly string[] }[], column: string, limit = 12): string[] {
  const index = header.indexOf(column);
  if (index < 0) return [];
  const counts = new Map<string, number>();
  for (const r of records) {
    const v = r.fields[index] ?? '';
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit).map(([v]) => v);
}
