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
  // Native JSON.stringify with sorted objects is several times faster than writing by hand; the
  // hand-written path remains for what it cannot order (integer-like keys, which JS objects always
  // enumerate first) and to name the path of a value JSON cannot carry.
  try {
    const fast = nativeCanonical(value);
    if (fast !== undefined) return fast;
  } catch {
    // fall through: `write` throws with the path of the offending value
  }
  return write(value, '$');
}

const INTEGER_LIKE = /^(0|[1-9][0-9]*)$/;

/** Canonical JSON through JSON.stringify, or undefined when an integer-like key prevents it. */
function nativeCanonical(value: unknown): string | undefined {
  let reorderable = true;
  const text = JSON.stringify(value, function (this: unknown, key: string, member: unknown) {
    const original = (this as Record<string, unknown>)[key];
    if (original !== null && typeof original === 'object') {
      if (Array.isArray(original)) return member;
      const proto = Object.getPrototypeOf(original) as unknown;
      if (proto !== Object.prototype && proto !== null) throw new TypeError('not a plain object');
      const keys = Object.keys(original).sort();
      if (keys.some((k) => INTEGER_LIKE.test(k))) reorderable = false;
      const sorted: Record<string, unknown> = {};
      for (const k of keys) sorted[k] = (original as Record<string, unknown>)[k];
      return sorted;
    }
    if (typeof member === 'number' && !Number.isSafeInteger(member)) throw new TypeError('not an integer');
    if (member === undefined ? Array.isArray(this) : typeof member !== 'string' && typeof member !== 'number' && typeof member !== 'boolean' && member !== null) {
      throw new TypeError('not JSON');
    }
    return member;
  }) as string | undefined;
  return reorderable ? text : undefined;
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
