// Comparisons and membership: numbers compare as exact decimals, strings by code units (ISO dates
// order correctly), booleans only for equality; any comparison with a missing value is false.
import { compareNumbers } from './arithmetic.ts';
import { ExpressionTypeError, describeValue, isExactNumber, type ExactNumber, type ExpressionValue } from './values.ts';

function isNumeric(v: ExpressionValue): v is ExactNumber {
  return isExactNumber(v);
}

/**
 * Equality without coercion: numbers by value (0.10 = 0.1), strings and booleans strictly, a number
 * never equals a string. False when either side is missing.
 */
export function equals(a: ExpressionValue, b: ExpressionValue): boolean {
  if (a === null || b === null) return false;
  if (typeof a === 'string' || typeof a === 'boolean' || typeof b === 'string' || typeof b === 'boolean') return a === b;
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  if (isNumeric(a) && isNumeric(b)) return compareNumbers(a, b) === 0;
  return a === b;
}

/** Inequality: the negation of {@link equals} when both are present; false when either is missing. */
export function notEquals(a: ExpressionValue, b: ExpressionValue): boolean {
  if (a === null || b === null) return false;
  return !equals(a, b);
}

/** −1, 0 or 1 for two numbers or two strings; null when either is missing; throws on mixed kinds. */
export function order(a: ExpressionValue, b: ExpressionValue, op: string): number | null {
  if (a === null || b === null) return null;
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (isNumeric(a) && isNumeric(b)) return compareNumbers(a, b);
  throw new ExpressionTypeError(`\`${op}\` compares two numbers or two strings, got ${describeValue(a)} and ${describeValue(b)}`);
}

/**
 * Membership: `a` among the elements of a list (by {@link equals}), or `a` a substring of a
 * non-empty string. False when `a` or the haystack is missing.
 */
export function isIn(a: ExpressionValue, haystack: ExpressionValue): boolean {
  if (a === null || haystack === null) return false;
  // As in json-logic-js, the empty string contains nothing (not even itself).
  if (typeof haystack === 'string') return typeof a === 'string' && haystack !== '' && haystack.includes(a);
  if (Array.isArray(haystack)) {
    for (const item of haystack as readonly ExpressionValue[]) if (equals(a, item)) return true;
    return false;
  }
  throw new ExpressionTypeError(`\`in\` looks in a list or a string, got ${describeValue(haystack)}`);
}
