// Derived inputs (issue 14): an input declared `from client.…` is filled from the client's record,
// never typed. Given the product, the application as sent and the client's facts, this returns the
// application with those inputs filled, or every problem at once: a derived field typed in the
// application, a derived input with no client to take it from, a fact the client's record lacks
// for a required input. Pure; the runtime computes the facts (runtime/src/clients/client-facts.ts).
import type { FieldIssue } from '../errors.ts';
import type { InputField, ProductIR } from '../ir/product-ir.ts';

/** One client fact as JSON: dates `YYYY-MM-DD`, integers as numbers; null when the record lacks it. */
export type ClientFactValue = string | number | boolean | null;

/** A client's facts by name (`client.cycle`), as the runtime computes them at the decision date. */
export type ClientFacts = Readonly<Record<string, ClientFactValue>>;

export type FilledApplication =
  | {
      readonly ok: true;
      /** The application to decide: as sent, plus each derived input (nested by its path). */
      readonly application: Record<string, unknown>;
      /** Each derived input's value by path (`{ "group.cycle": 3 }`); empty for a product without any. */
      readonly derived: Readonly<Record<string, ClientFactValue>>;
    }
  | { readonly ok: false; readonly problems: readonly FieldIssue[] };

type Raw = Record<string, unknown>;

function isRecord(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The inputs of `ir` filled from the client record, in schema order. */
export function derivedInputsOf(ir: ProductIR): readonly (InputField & { readonly from: string })[] {
  return ir.inputs.filter((f): f is InputField & { from: string } => f.from !== undefined);
}

/** True when the data gives the field at `segments`, nested or under a dotted key at any level. */
function gives(data: Raw, segments: readonly string[]): boolean {
  for (let k = 1; k <= segments.length; k++) {
    const key = segments.slice(0, k).join('.');
    if (!Object.hasOwn(data, key)) continue;
    if (k === segments.length) return data[key] !== undefined;
    const inner = data[key];
    if (isRecord(inner) && gives(inner, segments.slice(k))) return true;
  }
  return false;
}

/** Sets `value` at `segments`, copying the groups on the way; a group that is not an object takes a dotted key instead. */
function put(data: Raw, segments: readonly string[], value: ClientFactValue): Raw {
  const [head, ...rest] = segments;
  if (rest.length === 0) return { ...data, [head!]: value };
  const inner = data[head!];
  if (inner === undefined) return { ...data, [head!]: put({}, rest, value) };
  if (isRecord(inner)) return { ...data, [head!]: put(inner, rest, value) };
  return { ...data, [segments.join('.')]: value };
}

/**
 * Fills the derived inputs of `ir` from `facts` (undefined: the decision names no client).
 * Problems name `application.<path>` (a derived field typed in the application, or a fact the
 * record lacks for a required input) or `clientId` (derived inputs and no client).
 * @example fillDerivedInputs(ir, { request: { amount: '8000', payments: 16 } }, { 'client.cycle': 2, … })
 */
export function fillDerivedInputs(ir: ProductIR, application: Record<string, unknown>, facts: ClientFacts | undefined): FilledApplication {
  const derivedInputs = derivedInputsOf(ir);
  if (derivedInputs.length === 0) return { ok: true, application, derived: {} };
  const problems: FieldIssue[] = [];
  for (const field of derivedInputs) {
    if (gives(application, field.path.split('.'))) {
      problems.push({ path: `application.${field.path}`, message: `is derived from the client record (\`${field.from}\`): it cannot be typed in the application` });
    }
  }
  if (facts === undefined) {
    const list = derivedInputs.map((f) => `\`${f.path}\` (\`${f.from}\`)`).join(', ');
    problems.push({ path: 'clientId', message: `a client is required: the product fills ${list} from the client record` });
    return { ok: false, problems };
  }
  let filled: Raw = application;
  const derived: Record<string, ClientFactValue> = {};
  for (const field of derivedInputs) {
    const value = Object.hasOwn(facts, field.from) ? facts[field.from]! : null;
    if (value === null && !field.optional) {
      problems.push({ path: `application.${field.path}`, message: `is derived from the client record (\`${field.from}\`), which has no such fact for this client: complete the record` });
      continue;
    }
    derived[field.path] = value;
    filled = put(filled, field.path.split('.'), value);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, application: filled, derived };
}
