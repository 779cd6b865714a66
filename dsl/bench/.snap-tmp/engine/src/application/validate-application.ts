// Validates application JSON against a product's input schema, reporting every problem at once
// (missing, ill-typed, out of range, unknown) by field path; never fills a silent default.
import { InvalidInputError, type FieldIssue } from '../errors.ts';
import type { InputField, ProductIR } from '../ir/product-ir.ts';
import type { Application, ApplicationValue, ApplicationValues } from './application.ts';
import { parseFieldValue } from './parse-field-value.ts';
import { inputFieldsOf } from './request-fields.ts';

type Raw = Record<string, unknown>;

function isRecord(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Collects the leaf values of the data by dotted path; a key may itself be dotted (`"applicant.age": 35`). */
function collect(
  data: Raw,
  prefix: string,
  fields: ReadonlyMap<string, InputField>,
  groups: ReadonlySet<string>,
  out: Map<string, unknown>,
  issues: FieldIssue[],
): void {
  for (const [key, value] of Object.entries(data)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (fields.has(path)) {
      if (out.has(path)) issues.push({ path, message: 'is given twice (nested and as a dotted key)' });
      else out.set(path, value);
    } else if (groups.has(path)) {
      if (isRecord(value)) collect(value, path, fields, groups, out, issues);
      else if (value !== undefined) {
        const members = [...fields.keys()].filter((p) => p.startsWith(`${path}.`)).map((p) => p.slice(path.length + 1));
        issues.push({ path, message: `must be an object with ${members.map((m) => `\`${m}\``).join(', ')}, got ${JSON.stringify(value)}` });
      }
    } else {
      issues.push({ path, message: `unknown field \`${path}\`: the product declares no such input` });
    }
  }
}

function nest(fields: readonly InputField[], values: ReadonlyMap<string, ApplicationValue>): ApplicationValues {
  const root: Record<string, unknown> = {};
  for (const f of fields) {
    const segments = f.path.split('.');
    let node = root;
    for (const s of segments.slice(0, -1)) node = (node[s] ??= {}) as Record<string, unknown>;
    node[segments[segments.length - 1]!] = values.get(f.path) ?? null;
  }
  return deepFreeze(root) as ApplicationValues;
}

function deepFreeze(o: Record<string, unknown>): Record<string, unknown> {
  for (const v of Object.values(o)) if (isRecord(v) && !Object.isFrozen(v)) deepFreeze(v);
  return Object.freeze(o);
}

/**
 * Validates application data against the product's inputs (plus the implicit `request.amount`,
 * `request.payments` and optional `request.frequency`). Data is nested (`{ "applicant": { "age":
 * 35 } }`) or uses dotted keys (`{ "applicant.age": 35 }`). Numbers, money and percents are
 * decimal strings or JSON numbers (percents as fractions); integers whole; dates real
 * `YYYY-MM-DD`; enums among their values. An optional field may be absent or null.
 * Throws InvalidInputError listing every issue with its path.
 * @example validateApplication(ir, { applicant: { age: 35 }, request: { amount: '5000', payments: 12 } }).values
 */
export function validateApplication(ir: ProductIR, data: unknown): Application {
  const fields = inputFieldsOf(ir);
  if (!isRecord(data)) {
    throw new InvalidInputError([{ path: '', message: `the application must be a JSON object, got ${JSON.stringify(data) ?? String(data)}` }]);
  }
  const byPath = new Map(fields.map((f) => [f.path, f] as const));
  const groups = new Set<string>();
  for (const f of fields) {
    const segments = f.path.split('.');
    for (let i = 1; i < segments.length; i++) groups.add(segments.slice(0, i).join('.'));
  }
  const issues: FieldIssue[] = [];
  const raw = new Map<string, unknown>();
  collect(data, '', byPath, groups, raw, issues);
  const values = new Map<string, ApplicationValue>();
  for (const f of fields) {
    const value = raw.get(f.path);
    if (value === undefined || value === null) {
      if (!f.optional) issues.push({ path: f.path, message: `is required (${f.type === 'enum' ? `one of ${(f.values ?? []).join(', ')}` : f.type})` });
      continue;
    }
    const parsed = parseFieldValue(f, value);
    if (parsed.ok) values.set(f.path, parsed.value);
    else issues.push({ path: f.path, message: parsed.message });
  }
  if (issues.length > 0) throw new InvalidInputError(issues);
  return Object.freeze({ values: nest(fields, values), paths: Object.freeze(fields.map((f) => f.path)) });
}
