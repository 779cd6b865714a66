// PostgreSQL array literals built once per column of a chunk, sent as one text parameter each
// (`${uuids(ids)}::uuid[]`): a chunk's statements pass thousands of values per column, and `pg`'s
// generic array serializer (two regex passes and a concatenation per element) was a good part of
// a worker's CPU. Same text for `pg` and PGlite.

/** Characters a bare (unquoted) element may hold: uuids, integers, dates, decimal strings, booleans. */
const BARE = /^[0-9A-Za-z.+-]+$/;

/**
 * An array literal of values that need no quoting — uuids, integers, `YYYY-MM-DD` dates, decimal
 * strings, booleans; null is NULL. Throws on anything else (it would need quotes: use `texts`).
 */
export function bare(values: readonly (string | number | boolean | null)[]): string {
  let out = '';
  for (const v of values) {
    out += out === '' ? '{' : ',';
    if (v === null) out += 'NULL';
    else if (typeof v === 'number' || typeof v === 'boolean') out += String(v);
    else if (BARE.test(v) && !(v.length === 4 && v.toUpperCase() === 'NULL')) out += v;
    else throw new RangeError(`array element ${JSON.stringify(v).slice(0, 40)} needs quoting`);
  }
  return out === '' ? '{}' : `${out}}`;
}

/** Characters JSON.stringify escapes in its own way (`\n`, `\u0001`...), which an array literal would misread. */
const JSON_ONLY_ESCAPES = /[\u0000-\u001f\ud800-\udfff]/;

/**
 * An array literal of text values (each quoted, `"` and `\` escaped); null is NULL. Values without
 * control characters or lone surrogates — JSON texts always, most others — are quoted by
 * JSON.stringify, whose `"…"` with `\"` and `\\` is an array element as PostgreSQL reads it.
 */
export function texts(values: readonly (string | null)[]): string {
  if (values.every((v) => v === null || !JSON_ONLY_ESCAPES.test(v))) return `{${JSON.stringify(values).slice(1, -1)}}`;
  let out = '';
  for (const v of values) {
    out += out === '' ? '{' : ',';
    out += v === null ? 'NULL' : `"${v.replace(/["\\]/g, '\\$&')}"`;
  }
  return out === '' ? '{}' : `${out}}`;
}
