// The values an expression computes with: exact numbers (a safe integer as a JS number, a short
// decimal as Fixed, anything else as Dec), strings, booleans, null for "missing", and lists; plus
// their JSON Logic truthiness and JSON form.
import { Dec } from '../decimal.ts';
import { Fixed, parseExact } from './fixed.ts';

/** An exact number: a JS number only when it is a safe integer, a Fixed decimal, or a Dec. */
export type ExactNumber = number | Fixed | Dec;

/** What a compiled expression returns. `null` means missing. */
export type ExpressionValue =
  | null
  | boolean
  | string
  | ExactNumber
  | readonly ExpressionValue[]
  | { readonly [key: string]: unknown };

/** A JSON-safe rendering of a value: numbers become decimal strings. */
export type JsonOutput = null | boolean | string | readonly JsonOutput[] | { readonly [key: string]: JsonOutput };

/** Raised at evaluation when an operator gets a value of the wrong kind (a product bug, not bad input). */
export class ExpressionTypeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExpressionTypeError';
  }
}

/** Whether a value is a Dec (any decimal.js instance counts). */
export function isDec(value: unknown): value is Dec {
  return value instanceof Dec || Dec.isDecimal(value);
}

/** Whether a value is an exact number of any representation. */
export function isExactNumber(value: unknown): value is ExactNumber {
  return typeof value === 'number' || value instanceof Fixed || isDec(value);
}

/**
 * Normalises a number read from data or written in the logic: a safe integer stays a JS number,
 * any other finite number becomes the Dec of its shortest decimal string (never float math).
 */
export function exactFromNumber(n: number, where: string): ExactNumber {
  if (Number.isSafeInteger(n)) return n === 0 ? 0 : n;
  if (!Number.isFinite(n)) throw new ExpressionTypeError(`${where}: ${n} is not a finite number`);
  const text = String(n);
  return parseExact(text) ?? new Dec(text);
}

/** Normalises a value read from data: numbers to exact numbers, undefined to null. */
export function fromData(value: unknown, where: string): ExpressionValue {
  if (value === undefined) return null;
  if (typeof value === 'number') return exactFromNumber(value, where);
  return value as ExpressionValue;
}

/** The exact number in a value, null when missing; throws for strings, booleans and lists. */
export function asNumber(value: ExpressionValue, op: string): ExactNumber | null {
  if (value === null) return null;
  if (typeof value === 'number' || value instanceof Fixed || isDec(value)) return value;
  throw new ExpressionTypeError(`\`${op}\` expects numbers, got ${describeValue(value)}`);
}

/** A Dec of an exact number. */
export function toDec(n: ExactNumber): Dec {
  return typeof n === 'number' ? new Dec(n) : n instanceof Fixed ? n.toDec() : n;
}

/** JSON Logic truthiness (jsonlogic.com/truthy): false, null, "", zero and [] are falsy. */
export function truthy(value: ExpressionValue): boolean {
  if (value === null || value === false || value === '' || value === 0) return false;
  if (typeof value === 'object') {
    if (value instanceof Fixed) return true;
    if (Array.isArray(value)) return value.length > 0;
    if (isDec(value)) return !value.isZero();
  }
  return true;
}

/** The JSON form of a value: exact numbers as decimal strings, lists and records element-wise. */
export function toJsonValue(value: unknown): JsonOutput {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return String(value === 0 ? 0 : value);
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Fixed) return value.toString();
  if (isDec(value)) return value.isZero() ? '0' : value.toString();
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (typeof value === 'object') {
    const out: Record<string, JsonOutput> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toJsonValue(v);
    return out;
  }
  return String(value);
}

/** A short description of a value for error messages. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'missing';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (typeof value === 'boolean') return `the boolean ${value}`;
  if (isExactNumber(value)) return `the number ${String(value)}`;
  if (Array.isArray(value)) return 'a list';
  return 'an object';
}
