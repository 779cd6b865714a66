// Turns one CSV record into an application for the product through a validated map: cells
// converted by each input's declared type, constants added, the observed outcome read.
import { parseIsoDate } from '../calendar/iso-date.ts';
import { Dec } from '../decimal.ts';
import type { FieldIssue } from '../errors.ts';
import type { InputField, IsoDate, ProductIR } from '../ir/product-ir.ts';
import { inputFieldsOf } from '../application/request-fields.ts';
import type { DataMap, FieldSource } from './data-map.ts';
import type { CsvRecord } from './parse-csv.ts';

/** A record read: the application (dotted input paths) and whether its outcome was bad. */
export type RowRead =
  | { readonly ok: true; readonly id: string; readonly application: Readonly<Record<string, string | boolean | null>>; readonly bad: boolean; readonly asOf: IsoDate | undefined }
  | { readonly ok: false; readonly id: string; readonly issues: readonly FieldIssue[] };

const NUMBER = /^[+-]?\d+(\.\d+)?$/;
const TRUE = ['true', '1'];
const FALSE = ['false', '0'];

type ColumnSource = Extract<FieldSource, { kind: 'column' }>;

function convert(cell: string, source: ColumnSource, field: InputField): { value: string | boolean | null } | { message: string } {
  const text = cell.trim();
  if (source.values && Object.hasOwn(source.values, text)) return { value: source.values[text]! };
  if (text === '') return { value: null };
  switch (field.type) {
    case 'number':
    case 'integer':
    case 'money':
    case 'percent': {
      let t = text;
      if (source.thousandsSeparator !== undefined) t = t.split(source.thousandsSeparator).join('');
      if (source.decimalSeparator !== undefined && source.decimalSeparator !== '.') t = t.split(source.decimalSeparator).join('.');
      if (!NUMBER.test(t)) return { message: `${JSON.stringify(cell)} is not a number` };
      return { value: source.percentPoints ? new Dec(t).div(100).toString() : t };
    }
    case 'boolean': {
      const lower = text.toLowerCase();
      if ((source.trueValues ?? TRUE).some((v) => v.toLowerCase() === lower)) return { value: true };
      if ((source.falseValues ?? FALSE).some((v) => v.toLowerCase() === lower)) return { value: false };
      return { message: `${JSON.stringify(cell)} is neither true (${(source.trueValues ?? TRUE).join(', ')}) nor false (${(source.falseValues ?? FALSE).join(', ')})` };
    }
    default:
      return { value: text };
  }
}

/**
 * Compiles a map for a header once; the returned reader converts each record. A record with the
 * wrong number of fields, a cell that does not convert, an outcome that is neither bad nor good or
 * a bad date gives `ok: false` with every issue (the application itself is validated by decide).
 * Row ids: the map's id column, else the data row number (1 = first record after the header).
 */
export function rowReader(ir: ProductIR, map: DataMap, header: readonly string[]): (record: CsvRecord, row: number) => RowRead {
  const index = new Map(header.map((h, i) => [h, i] as const));
  const fields = new Map(inputFieldsOf(ir).map((f) => [f.path, f] as const));
  const sources = Object.entries(map.fields).map(([path, source]) => ({ path, source, field: fields.get(path)!, col: source.kind === 'column' ? index.get(source.column)! : -1 }));
  const outcomeCol = index.get(map.outcome.column)!;
  const idCol = map.id === undefined ? -1 : index.get(map.id)!;
  const asOfCol = map.asOf?.kind === 'column' ? index.get(map.asOf.column)! : -1;
  const constantAsOf = map.asOf?.kind === 'constant' ? map.asOf.date : undefined;
  const bad = new Set(map.outcome.bad);
  const good = new Set(map.outcome.good);
  return (record, row) => {
    const cells = record.fields;
    const id = idCol >= 0 ? (cells[idCol] ?? '').trim() || String(row) : String(row);
    if (cells.length !== header.length) {
      return { ok: false, id, issues: [{ path: `line ${record.line}`, message: `has ${cells.length} fields, the header has ${header.length}` }] };
    }
    const issues: FieldIssue[] = [];
    const application: Record<string, string | boolean | null> = {};
    for (const { path, source, field, col } of sources) {
      if (source.kind === 'constant') {
        application[path] = source.value;
        continue;
      }
      const converted = convert(cells[col]!, source, field);
      if ('message' in converted) issues.push({ path, message: `column \`${source.column}\`: ${converted.message}` });
      else application[path] = converted.value;
    }
    const observed = cells[outcomeCol]!.trim();
    const isBad = bad.has(observed);
    if (!isBad && !good.has(observed)) {
      issues.push({ path: `outcome`, message: `column \`${map.outcome.column}\`: ${JSON.stringify(observed)} is neither bad (${map.outcome.bad.join(', ')}) nor good (${map.outcome.good.join(', ')})` });
    }
    let asOf = constantAsOf;
    if (asOfCol >= 0) {
      const date = cells[asOfCol]!.trim();
      if (parseIsoDate(date) === undefined) issues.push({ path: 'asOf', message: `column \`${header[asOfCol]}\`: ${JSON.stringify(date)} is not a date "YYYY-MM-DD"` });
      else asOf = date;
    }
    if (issues.length > 0) return { ok: false, id, issues };
    return { ok: true, id, application, bad: isBad, asOf };
  };
}
