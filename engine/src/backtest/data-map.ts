// The `--map` file of a backtest: which CSV column (or constant) feeds each input of the product,
// how a cell converts to the field's type, which column holds the observed outcome and which of
// its values are "bad". Validated against the product and the file's header before any row runs.
import { InvalidInputError, type FieldIssue } from '../errors.ts';
import { parseIsoDate } from '../calendar/iso-date.ts';
import type { DecimalString, InputField, IsoDate, ProductIR } from '../ir/product-ir.ts';
import { inputFieldsOf } from '../application/request-fields.ts';

/** A cell converted to a field value, or a constant. Numbers become decimal strings. */
export type FieldSource =
  | {
      readonly kind: 'column';
      readonly column: string;
      /** Recodes raw cell text first (`"A201": "yes"`); null means missing. */
      readonly values?: Readonly<Record<string, string | boolean | null>>;
      /** Numeric fields: the decimal separator in the data (default "."). */
      readonly decimalSeparator?: string;
      /** Numeric fields: a thousands separator to drop (`"1,234.50"`), default none. */
      readonly thousandsSeparator?: string;
      /** Percent fields: the data holds percentage points (`35` for 35%), divided by 100. */
      readonly percentPoints?: boolean;
      /** Boolean fields: cell texts meaning true / false (case-insensitive; default true/1, false/0). */
      readonly trueValues?: readonly string[];
      readonly falseValues?: readonly string[];
    }
  | { readonly kind: 'constant'; readonly value: string | boolean | null };

/** A validated map, ready to read rows with (see readRow). */
export interface DataMap {
  readonly fields: Readonly<Record<string, FieldSource>>;
  readonly outcome: { readonly column: string; readonly bad: readonly string[]; readonly good: readonly string[] };
  /** The column naming each row; absent = the data row number (1 = first record after the header). */
  readonly id?: string;
  /** The decision date: one for every row, or a column per row; absent = the backtest's asOf. */
  readonly asOf?: { readonly kind: 'constant'; readonly date: IsoDate } | { readonly kind: 'column'; readonly column: string };
  /** The data's own cost matrix (german.doc's 5:1), when the map carries one. */
  readonly cost?: { readonly badApproved: DecimalString; readonly goodDeclined: DecimalString };
}

type Raw = Record<string, unknown>;
const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const DECIMAL = /^\d+(\.\d+)?$/;
const SOURCE_KEYS = new Set(['column', 'value', 'values', 'decimalSeparator', 'thousandsSeparator', 'percentPoints', 'true', 'false']);

function fieldSource(path: string, raw: unknown, field: InputField, columns: ReadonlySet<string>, issues: FieldIssue[]): FieldSource | undefined {
  const at = `fields.${path}`;
  const column = (name: unknown): string | undefined => {
    if (typeof name !== 'string' || !columns.has(name)) {
      issues.push({ path: typeof raw === 'string' ? at : `${at}.column`, message: `no column ${JSON.stringify(name)} in the data (columns: ${[...columns].join(', ')})` });
      return undefined;
    }
    return name;
  };
  if (typeof raw === 'string') {
    const c = column(raw);
    return c === undefined ? undefined : { kind: 'column', column: c };
  }
  if (!isRecord(raw)) {
    issues.push({ path: at, message: 'must be a column name or an object with `column` (or `value` for a constant)' });
    return undefined;
  }
  for (const key of Object.keys(raw)) if (!SOURCE_KEYS.has(key)) issues.push({ path: `${at}.${key}`, message: `unknown key \`${key}\`` });
  if ('value' in raw) {
    const v = raw['value'];
    if ('column' in raw) issues.push({ path: at, message: 'give either `column` or `value`, not both' });
    if (typeof v === 'number') {
      issues.push({ path: `${at}.value`, message: `write numbers as decimal strings ("${String(v)}"), never JSON numbers` });
      return undefined;
    }
    if (v !== null && typeof v !== 'string' && typeof v !== 'boolean') {
      issues.push({ path: `${at}.value`, message: 'must be a string, a boolean or null' });
      return undefined;
    }
    return { kind: 'constant', value: v };
  }
  const c = column(raw['column']);
  const numeric = field.type === 'number' || field.type === 'integer' || field.type === 'money' || field.type === 'percent';
  const out: { -readonly [K in keyof Extract<FieldSource, { kind: 'column' }>]: Extract<FieldSource, { kind: 'column' }>[K] } = { kind: 'column', column: c ?? '' };
  if (raw['values'] !== undefined) {
    const values = raw['values'];
    if (!isRecord(values) || !Object.values(values).every((v) => v === null || typeof v === 'string' || typeof v === 'boolean')) {
      issues.push({ path: `${at}.values`, message: 'must map cell texts to strings, booleans or null' });
    } else out.values = values as Record<string, string | boolean | null>;
  }
  for (const key of ['decimalSeparator', 'thousandsSeparator'] as const) {
    const v = raw[key];
    if (v === undefined) continue;
    if (!numeric) issues.push({ path: `${at}.${key}`, message: `only numeric fields convert separators; \`${path}\` is ${field.type}` });
    else if (typeof v !== 'string' || v.length !== 1 || /[\d\-+]/.test(v)) issues.push({ path: `${at}.${key}`, message: 'must be one character that is not a digit or a sign' });
    else out[key] = v;
  }
  if (raw['percentPoints'] !== undefined) {
    if (field.type !== 'percent') issues.push({ path: `${at}.percentPoints`, message: `only percent fields take percentage points; \`${path}\` is ${field.type}` });
    else if (typeof raw['percentPoints'] !== 'boolean') issues.push({ path: `${at}.percentPoints`, message: 'must be true or false' });
    else out.percentPoints = raw['percentPoints'];
  }
  for (const [key, prop] of [['true', 'trueValues'], ['false', 'falseValues']] as const) {
    const v = raw[key];
    if (v === undefined) continue;
    if (field.type !== 'boolean') issues.push({ path: `${at}.${key}`, message: `only boolean fields take \`${key}\` values; \`${path}\` is ${field.type}` });
    else if (!isStringList(v)) issues.push({ path: `${at}.${key}`, message: 'must be a list of cell texts' });
    else out[prop] = v;
  }
  return c === undefined ? undefined : out;
}

/**
 * Validates a map (the `--map` JSON) against the product's inputs and the data's header, reporting
 * every problem at once (InvalidInputError, by map path): an unknown input, a missing column, a
 * required input left unmapped, a bad outcome spec. Format (engine README, "Backtesting"):
 * `{ "fields": { "<input path>": "<column>" | { "column", ...conversion } | { "value": "<constant>" } },
 *    "outcome": { "column", "bad": [...], "good": [...] }, "id"?: "<column>",
 *    "asOf"?: "YYYY-MM-DD" | { "column" }, "cost"?: { "badApproved", "goodDeclined" } }`.
 * @example parseDataMap({ fields: { 'applicant.age': 'age' }, outcome: { column: 'outcome', bad: ['bad'], good: ['good'] } }, ir, header)
 */
export function parseDataMap(json: unknown, ir: ProductIR, header: readonly string[]): DataMap {
  if (!isRecord(json)) throw new InvalidInputError([{ path: '', message: 'the map must be a JSON object with `fields` and `outcome`' }]);
  const issues: FieldIssue[] = [];
  const columns = new Set(header);
  const inputs = new Map(inputFieldsOf(ir).map((f) => [f.path, f] as const));
  for (const key of Object.keys(json)) {
    if (!['fields', 'outcome', 'id', 'asOf', 'cost'].includes(key)) issues.push({ path: key, message: `unknown key \`${key}\` (expected fields, outcome, id, asOf, cost)` });
  }
  const fields: Record<string, FieldSource> = {};
  const rawFields = json['fields'];
  if (!isRecord(rawFields)) issues.push({ path: 'fields', message: 'must be an object from input paths to columns' });
  else {
    for (const [path, raw] of Object.entries(rawFields)) {
      const field = inputs.get(path);
      if (!field) {
        issues.push({ path: `fields.${path}`, message: `the product has no input \`${path}\`` });
        continue;
      }
      const source = fieldSource(path, raw, field, columns, issues);
      if (source) fields[path] = source;
    }
    for (const f of inputs.values()) {
      if (!f.optional && !(f.path in rawFields)) issues.push({ path: 'fields', message: `the required input \`${f.path}\` is not mapped to a column or a constant` });
    }
  }
  const o = json['outcome'];
  let outcome: DataMap['outcome'] = { column: '', bad: [], good: [] };
  if (!isRecord(o) || typeof o['column'] !== 'string' || !isStringList(o['bad']) || !isStringList(o['good']) || o['bad'].length === 0 || o['good'].length === 0) {
    issues.push({ path: 'outcome', message: 'must be { "column": "...", "bad": ["..."], "good": ["..."] } with at least one value each' });
  } else if (!columns.has(o['column'])) {
    issues.push({ path: 'outcome.column', message: `no column ${JSON.stringify(o['column'])} in the data` });
  } else if (o['bad'].some((b) => (o['good'] as string[]).includes(b))) {
    issues.push({ path: 'outcome', message: 'a value cannot be both bad and good' });
  } else outcome = { column: o['column'], bad: o['bad'], good: o['good'] };
  const id = json['id'];
  if (id !== undefined && (typeof id !== 'string' || !columns.has(id))) issues.push({ path: 'id', message: `no column ${JSON.stringify(id)} in the data` });
  let asOf: DataMap['asOf'];
  const a = json['asOf'];
  if (typeof a === 'string') {
    if (parseIsoDate(a) === undefined) issues.push({ path: 'asOf', message: `must be a date "YYYY-MM-DD", got ${JSON.stringify(a)}` });
    else asOf = { kind: 'constant', date: a };
  } else if (isRecord(a) && typeof a['column'] === 'string' && columns.has(a['column'])) {
    asOf = { kind: 'column', column: a['column'] };
  } else if (a !== undefined) issues.push({ path: 'asOf', message: 'must be a date "YYYY-MM-DD" or { "column": "<a column of the data>" }' });
  let cost: DataMap['cost'];
  const c = json['cost'];
  if (c !== undefined) {
    if (!isRecord(c) || typeof c['badApproved'] !== 'string' || typeof c['goodDeclined'] !== 'string' || !DECIMAL.test(c['badApproved']) || !DECIMAL.test(c['goodDeclined'])) {
      issues.push({ path: 'cost', message: 'must be { "badApproved": "5", "goodDeclined": "1" } with non-negative decimal strings' });
    } else cost = { badApproved: c['badApproved'], goodDeclined: c['goodDeclined'] };
  }
  if (issues.length > 0) throw new InvalidInputError(issues);
  return Object.freeze({
    fields: Object.freeze(fields),
    outcome: Object.freeze({ column: outcome.column, bad: Object.freeze([...outcome.bad]), good: Object.freeze([...outcome.good]) }),
    ...(typeof id === 'string' ? { id } : {}),
    ...(asOf ? { asOf: Object.freeze(asOf) } : {}),
    ...(cost ? { cost: Object.freeze(cost) } : {}),
  });
}

/**
 * The automatic map, used without `--map`: a column whose name equals an input's path, ignoring
 * case (`applicant.age`, `Applicant.Age`), feeds that input; the column `outcome` (any case) holds
 * `bad` / `good`; every other column is left unread (see unreadColumns). A required input no column
 * matches, or an input two columns match, is an InvalidInputError naming the input.
 * @example defaultDataMap(ir, ['Applicant.Age', 'request.amount', 'outcome', 'notes'])
 */
export function defaultDataMap(ir: ProductIR, header: readonly string[]): DataMap {
  const byName = new Map<string, string[]>();
  for (const column of header) byName.set(column.toLowerCase(), [...(byName.get(column.toLowerCase()) ?? []), column]);
  const issues: FieldIssue[] = [];
  const fields: Record<string, string> = {};
  for (const f of inputFieldsOf(ir)) {
    const matches = byName.get(f.path.toLowerCase()) ?? [];
    if (matches.length > 1) issues.push({ path: f.path, message: `columns ${matches.map((c) => `\`${c}\``).join(', ')} all match this input: keep one, or use a map` });
    else if (matches.length === 1) fields[f.path] = matches[0]!;
    else if (!f.optional) issues.push({ path: f.path, message: `required input: no column named \`${f.path}\` in the data (columns match input paths, ignoring case)` });
  }
  const outcome = byName.get('outcome') ?? [];
  if (outcome.length !== 1) {
    issues.push({ path: 'outcome', message: outcome.length === 0 ? 'no column named `outcome` (holding `bad` / `good`) in the data' : `columns ${outcome.map((c) => `\`${c}\``).join(', ')} all match \`outcome\`: keep one` });
  }
  if (issues.length > 0) throw new InvalidInputError(issues);
  return parseDataMap({ fields, outcome: { column: outcome[0], bad: ['bad'], good: ['good'] } }, ir, header);
}

/** The columns of `header` a map reads nothing from (not an input, the outcome, the id or the date). */
export function unreadColumns(map: DataMap, header: readonly string[]): string[] {
  const read = new Set<string>([map.outcome.column]);
  for (const source of Object.values(map.fields)) if (source.kind === 'column') read.add(source.column);
  if (map.id !== undefined) read.add(map.id);
  if (map.asOf?.kind === 'column') read.add(map.asOf.column);
  return header.filter((column) => !read.has(column));
}
