// How values come back from PostgreSQL, the same for `pg` and PGlite: money (NUMERIC) and dates
// (DATE) stay exact strings, timestamps become ISO-8601 UTC strings, INT8 a checked JS number.

/** PostgreSQL type oids the runtime parses itself. */
export const PG_OIDS = {
  INT8: 20,
  NUMERIC: 1700,
  DATE: 1082,
  TIMESTAMP: 1114,
  TIMESTAMPTZ: 1184,
} as const;

/** NUMERIC as PostgreSQL prints it: exact, never through a binary float. */
export function parseNumeric(text: string): string {
  return text;
}

/** DATE as `YYYY-MM-DD`, not a JS Date at local midnight. */
export function parseDate(text: string): string {
  return text;
}

/**
 * TIMESTAMPTZ (`2025-01-06 10:00:00.123+00`, any session time zone) as an ISO-8601 UTC string
 * (`2025-01-06T10:00:00.123Z`). Millisecond precision: the runtime writes timestamps from its
 * clock at that precision, so they round-trip exactly.
 */
export function parseTimestamptz(text: string): string {
  let iso = text.replace(' ', 'T');
  if (/[+-]\d\d$/.test(iso)) iso += ':00';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return text;
  return date.toISOString();
}

/** TIMESTAMP without time zone: taken as UTC. */
export function parseTimestamp(text: string): string {
  return parseTimestamptz(`${text}+00`);
}

/**
 * INT8 (bigint, count(*)) as a JS number. The runtime uses INT8 for counts and sequence numbers,
 * far below 2^53; a larger value throws instead of silently losing digits.
 */
export function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`int8 value ${text} exceeds the safe integer range`);
  return value;
}

/** The parsers by oid, in the shape PGlite's `parsers` option takes. */
export const typeParsers: Readonly<Record<number, (text: string) => unknown>> = {
  [PG_OIDS.INT8]: parseInt8,
  [PG_OIDS.NUMERIC]: parseNumeric,
  [PG_OIDS.DATE]: parseDate,
  [PG_OIDS.TIMESTAMP]: parseTimestamp,
  [PG_OIDS.TIMESTAMPTZ]: parseTimestamptz,
};
