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
  // One pass, appending to a string: no sorted copies, no replacer calls. It throws without a path
  // on anything unusual; `write` then runs again to name the path of the offending value (or to
  // print what it accepts and the fast pass does not: sparse arrays).
  const saved = out;
  out = '';
  try {
    writeFast(value);
    return out;
  } catch {
    // fall through
  } finally {
    out = saved;
  }
  return write(value, '$');
}

/** The text being written by {@link writeFast}. */
let out = '';

/** `write` without the path: same text, or a throw. */
function writeFast(value: unknown): void {
  if (typeof value === 'string') {
    out += quote(value);
    return;
  }
  if (typeof value === 'object') {
    if (value === null) {
      out += 'null';
      return;
    }
    if (Array.isArray(value)) {
      const n = value.length;
      out += '[';
      for (let i = 0; i < n; i++) {
        if (i > 0) out += ',';
        const item: unknown = value[i];
        if (item === undefined) throw new TypeError('undefined or hole');
        writeFast(item);
      }
      out += ']';
      return;
    }
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) throw new TypeError('not a plain object');
    const keys = sortedKeys(value);
    const n = keys.length;
    out += '{';
    let first = true;
    for (let i = 0; i < n; i++) {
      const key = keys[i]!;
      const member = (value as Record<string, unknown>)[key];
      if (member === undefined) continue;
      if (first) first = false;
      else out += ',';
      out += quote(key);
      out += ':';
      writeFast(member);
    }
    out += '}';
    return;
  }
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new TypeError('not an integer');
    out += value === 0 ? '0' : String(value);
    return;
  }
  if (typeof value === 'boolean') {
    out += value ? 'true' : 'false';
    return;
  }
  throw new TypeError('not JSON');
}

/** JSON.stringify of a string, without the call for the common strings that need no escape. */
function quote(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return JSON.stringify(s);
  }
  return '"' + s + '"';
}

/**
 * The UTF-8 bytes of `canonicalJson(value)`, written straight into a byte buffer (no string, no
 * encoder): what product hashes are computed over. Objects met through unfrozen parents that are
 * not frozen yet are appended to `unfrozen` when given (hash-product freezes them afterwards).
 * Returns a view into a buffer that the next call reuses: hash it before calling again. Throws
 * exactly when `canonicalJson` throws, with its message.
 */
export function canonicalJsonUtf8(value: unknown, unfrozen?: object[]): Uint8Array {
  if (!writingBytes) {
    writingBytes = true;
    const count = unfrozen?.length ?? 0;
    try {
      pos = 0;
      collect = unfrozen;
      writeBytes(value, unfrozen !== undefined);
      return bytes.subarray(0, pos);
    } catch {
      // fall through: the text path names the offending value, or prints what it accepts
      if (unfrozen) unfrozen.length = count;
    } finally {
      collect = undefined;
      writingBytes = false;
    }
  }
  const text = canonicalJson(value);
  if (unfrozen) collectUnfrozen(value, unfrozen);
  return new TextEncoder().encode(text);
}

let bytes = new Uint8Array(1 << 16);
let pos = 0;
let writingBytes = false;
let collect: object[] | undefined;

/** Room for `n` more bytes. */
function reserve(n: number): void {
  if (pos + n <= bytes.length) return;
  let size = bytes.length * 2;
  while (size < pos + n) size *= 2;
  const grown = new Uint8Array(size);
  grown.set(bytes.subarray(0, pos));
  bytes = grown;
}

function writeBytes(value: unknown, freezing: boolean): void {
  if (typeof value === 'string') {
    writeStringBytes(value);
    return;
  }
  if (typeof value === 'object') {
    if (value === null) {
      writeAscii('null');
      return;
    }
    const freezeMembers = freezing && !Object.isFrozen(value);
    if (freezeMembers) collect!.push(value);
    if (Array.isArray(value)) {
      const n = value.length;
      reserve(1);
      bytes[pos++] = 0x5b; // [
      for (let i = 0; i < n; i++) {
        if (i > 0) {
          reserve(1);
          bytes[pos++] = 0x2c; // ,
        }
        const item: unknown = value[i];
        if (item === undefined) throw new TypeError('undefined or hole');
        writeBytes(item, freezeMembers);
      }
      reserve(1);
      bytes[pos++] = 0x5d; // ]
      return;
    }
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) throw new TypeError('not a plain object');
    const keys = sortedKeys(value);
    reserve(1);
    bytes[pos++] = 0x7b; // {
    let first = true;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const member = (value as Record<string, unknown>)[key];
      if (member === undefined) continue;
      if (first) first = false;
      else {
        reserve(1);
        bytes[pos++] = 0x2c; // ,
      }
      writeStringBytes(key);
      reserve(1);
      bytes[pos++] = 0x3a; // :
      writeBytes(member, freezeMembers);
    }
    reserve(1);
    bytes[pos++] = 0x7d; // }
    return;
  }
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new TypeError('not an integer');
    writeAscii(value === 0 ? '0' : String(value));
    return;
  }
  if (typeof value === 'boolean') {
    writeAscii(value ? 'true' : 'false');
    return;
  }
  throw new TypeError('not JSON');
}

function writeAscii(text: string): void {
  reserve(text.length);
  for (let i = 0; i < text.length; i++) bytes[pos++] = text.charCodeAt(i);
}

/** JSON.stringify(s) as UTF-8; strings that need no escape are encoded without the call. */
function writeStringBytes(s: string): void {
  const n = s.length;
  reserve(3 * n + 2);
  const b = bytes;
  let p = pos;
  b[p++] = 0x22;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (c < 0x20 || c === 0x22 || c === 0x5c) return writeUtf8(JSON.stringify(s));
      b[p++] = c;
    } else if (c < 0x800) {
      b[p++] = 0xc0 | (c >> 6);
      b[p++] = 0x80 | (c & 0x3f);
    } else if (c < 0xd800 || c > 0xdfff) {
      b[p++] = 0xe0 | (c >> 12);
      b[p++] = 0x80 | ((c >> 6) & 0x3f);
      b[p++] = 0x80 | (c & 0x3f);
    } else {
      const d = i + 1 < n ? s.charCodeAt(i + 1) : 0;
      // A lone surrogate: JSON.stringify writes it as a \u escape.
      if (c > 0xdbff || d < 0xdc00 || d > 0xdfff) return writeUtf8(JSON.stringify(s));
      const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
      b[p++] = 0xf0 | (cp >> 18);
      b[p++] = 0x80 | ((cp >> 12) & 0x3f);
      b[p++] = 0x80 | ((cp >> 6) & 0x3f);
      b[p++] = 0x80 | (cp & 0x3f);
      i++;
    }
  }
  b[p++] = 0x22;
  pos = p;
}

/** Well-formed text (no lone surrogates) as UTF-8, at `pos`. */
function writeUtf8(text: string): void {
  const n = text.length;
  reserve(3 * n);
  const b = bytes;
  let p = pos;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) b[p++] = c;
    else if (c < 0x800) {
      b[p++] = 0xc0 | (c >> 6);
      b[p++] = 0x80 | (c & 0x3f);
    } else if (c < 0xd800 || c > 0xdfff) {
      b[p++] = 0xe0 | (c >> 12);
      b[p++] = 0x80 | ((c >> 6) & 0x3f);
      b[p++] = 0x80 | (c & 0x3f);
    } else {
      const cp = 0x10000 + ((c - 0xd800) << 10) + (text.charCodeAt(i + 1) - 0xdc00);
      b[p++] = 0xf0 | (cp >> 18);
      b[p++] = 0x80 | ((cp >> 12) & 0x3f);
      b[p++] = 0x80 | ((cp >> 6) & 0x3f);
      b[p++] = 0x80 | (cp & 0x3f);
      i++;
    }
  }
  pos = p;
}

/** The same objects `writeBytes` collects, for values only the text path accepts. */
function collectUnfrozen(value: unknown, out: object[], freezing = true): void {
  if (value === null || typeof value !== 'object') return;
  const freezeMembers = freezing && !Object.isFrozen(value);
  if (freezeMembers) out.push(value);
  for (const member of Object.values(value)) collectUnfrozen(member, out, freezeMembers);
}

/** Own keys in UTF-16 code-unit order (insertion sort: objects have a handful of keys; `<` compares code units, like sort()). */
function sortedKeys(value: object): string[] {
  const keys = Object.keys(value);
  const n = keys.length;
  for (let i = 1; i < n; i++) {
    const key = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > key) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
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
      // defineProperty, not `out[key] =`: a key named `__proto__` must stay an own key.
      if (member !== undefined) Object.defineProperty(out, key, { value: sortKeys(member), enumerable: true, writable: true, configurable: true });
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
