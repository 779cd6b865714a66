// The engine reports bad input as InvalidInputError with field paths; the API answers those as
// 422 `validation-failed`, with the paths moved to where the client sent the field. A CAT beyond
// what Plazo reports is a 422 of its own, with the engine's code (`cat-out-of-range`).
import { CAT_MAX_PERCENT, CatOutOfRangeError, InvalidInputError, type OverpaymentError } from '@plazo/engine';
import { AppError, ValidationError, type FieldProblem } from '../errors.ts';

/**
 * Runs an engine call; an InvalidInputError becomes a 422 ValidationError whose paths go through
 * `mapPath` (default: prefixed with `prefix.`); a CatOutOfRangeError becomes a 422 with its own
 * code. Other errors pass through.
 *
 * @example
 * const terms = withEngineInput(() => parseLoanTerms(body.terms), { prefix: 'terms' });
 */
export function withEngineInput<T>(run: () => T, options: { prefix?: string; mapPath?: (path: string) => string; message?: string } = {}): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof CatOutOfRangeError) throw catOutOfRange(error);
    if (error instanceof InvalidInputError) throw engineValidationError(error, options);
    throw error;
  }
}

/** A CAT beyond what Plazo reports: 422 `cat-out-of-range` with the bound, in percent. */
export function catOutOfRange(error: CatOutOfRangeError): AppError {
  return new AppError(422, error.code, error.issues[0]!.message, { maxPercent: CAT_MAX_PERCENT });
}

export function engineValidationError(error: InvalidInputError, options: { prefix?: string; mapPath?: (path: string) => string; message?: string } = {}): ValidationError {
  const map =
    options.mapPath ??
    ((path: string) => (options.prefix === undefined ? path : path === '' ? options.prefix : path.startsWith('[') ? `${options.prefix}${path}` : `${options.prefix}.${path}`));
  const problems: FieldProblem[] = error.issues.map((i) => ({ path: map(i.path), message: i.message }));
  return new ValidationError(problems, options.message ?? 'the request is not valid');
}

/**
 * The engine refused a payment above what the loan owes plus the product's overpayment tolerance:
 * 422 `payment-exceeds-payoff`, the problem at the body field `path` with the payoff, the most
 * the loan takes and the tolerance as decimal strings.
 */
export function overpaymentRefusal(error: OverpaymentError, path: string): AppError {
  const { payoff, maximum, tolerance } = error;
  return new AppError(422, 'payment-exceeds-payoff', `the payment is more than the loan takes on its date: at most ${maximum} (payoff ${payoff})`, [
    { path, message: error.issues[0]?.message ?? `must not exceed ${maximum}`, payoff, maximum, tolerance },
  ]);
}
