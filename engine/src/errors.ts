// Errors the engine raises for bad input: each names the field (a JSON path) and what is wrong,
// so the CLI, the API and the studio can point at it.

/** One problem with one input field. `path` is dotted with [i] for arrays: `fees[0].amount`. */
export interface FieldIssue {
  readonly path: string;
  readonly message: string;
}

/** Input that cannot be processed; carries every issue found, not just the first. */
export class InvalidInputError extends Error {
  readonly issues: readonly FieldIssue[];
  constructor(issues: readonly FieldIssue[]) {
    super(issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '));
    this.name = 'InvalidInputError';
    this.issues = Object.freeze([...issues]);
  }
}

/** The largest CAT the engine reports, in percent: 10^6 % (a rate of 10,000 a year). */
export const CAT_MAX_PERCENT = '1000000';

/** The one error code of a CAT beyond {@link CAT_MAX_PERCENT}: the API's `error.code`, the studio's key. */
export const CAT_OUT_OF_RANGE = 'cat-out-of-range';

/**
 * A CAT beyond 10^6 % (or beyond any finite rate): refused rather than printed as `Infinity` or in
 * exponent notation. The CLI exits 1 with its message; the API answers 422 with its `code`.
 */
export class CatOutOfRangeError extends InvalidInputError {
  readonly code = CAT_OUT_OF_RANGE;
  constructor(path = 'cat') {
    super([{ path, message: `the CAT exceeds ${CAT_MAX_PERCENT}% a year, the largest Plazo reports: the payments are out of all proportion to the amount received (check the rate, the fees and the term)` }]);
    this.name = 'CatOutOfRangeError';
  }
}
