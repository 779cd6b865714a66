// Canonical JSON: one text per value (object keys sorted by UTF-16 code units, no whitespace,
// `undefined` members left out), so equal IRs hash equally. It matches RFC 8785 (JCS) for the
// values the IR holds: strings, booleans, null, safe integers, arrays and plain objects.

/** A value canonical JSON accepts. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue | undefined };

/**
 * The canonical JSON text of `value`. Throws on what JSON cannot carry exactly: non-finite or
 * non-integer numbers (decimals belong in strings), functions, class instances.
 * @example canonicalJson({ b: 1, a: ['x', true] }) // '{"a":["x",true],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$');
}

/**
 * A deep copy of `value` with object keys in canonical order and `undefined` members dropped: what
 * `JSON.stringify(sortKeys(v), null, 2)` prints is stable, readable and has `canonicalJson`'s order
 * — except integer-like keys ("0", "12"), which JS objects always enumerate first; IR keys never are.
 */
export function sortKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => sortKeys(item)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined) out[key] = sortKeys(member);
    }
    return out as T;
  }
  return value;
}

function write(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isSafeInteger(value)) {
        throw new TypeError(`canonical JSON: ${path} is the number ${value}; write non-integers as decimal strings`);
      }
      return Object.is(value, -0) ? '0' : String(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((item, i) => write(item, `${path}[${i}]`)).join(',')}]`;
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) {
        throw new TypeError(`canonical JSON: ${path} is not a plain object`);
      }
      const members: string[] = [];
      for (const key of Object.keys(value).sort()) {
        const member = (value as Record<string, unknown>)[key];
        if (member !== undefined) members.push(`${JSON.stringify(key)}:${write(member, `${path}.${key}`)}`);
      }
      return `{${members.join(',')}}`;
    }
    default:
      throw new TypeError(`canonical JSON: ${path} is a ${typeof value}, which JSON cannot carry`);
  }
}
