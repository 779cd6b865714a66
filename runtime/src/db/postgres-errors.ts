// Recognizes PostgreSQL errors by SQLSTATE, the same from `pg` and PGlite (both expose `code`).

function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * The database answered with an error (a SQLSTATE: five characters, unlike Node's `ECONNRESET`…):
 * an autocommit statement that gets one was rolled back whole.
 */
export function isDatabaseError(error: unknown): boolean {
  return /^[0-9A-Z]{5}$/.test(sqlState(error) ?? '');
}

/** A unique constraint rejected the write (23505); `constraint` narrows to one index. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (sqlState(error) !== '23505') return false;
  return constraint === undefined || (error as { constraint?: string }).constraint === constraint;
}

/** A CHECK or domain constraint rejected the value (23514). */
export function isCheckViolation(error: unknown): boolean {
  return sqlState(error) === '23514';
}

/** A write's `plazo_assert` found what it relied on changed (PZ010): nothing of it stays. */
export function isAssertionFailure(error: unknown): boolean {
  return sqlState(error) === 'PZ010';
}

/** Our append-only triggers (PZ001), the balanced-entry check (PZ002) or the closed-period guard (PZ020) rejected the write. */
export function isPlazoRule(error: unknown): boolean {
  const code = sqlState(error);
  return code === 'PZ001' || code === 'PZ002' || code === 'PZ020';
}

/** A journal entry (or a line of one) dated inside a closed accounting period was refused (PZ020): nothing of the statement stays. */
export function isClosedPeriodRefusal(error: unknown): boolean {
  return sqlState(error) === 'PZ020';
}

/**
 * The database rolled the transaction back to break a conflict between concurrent ones: a
 * serialization failure (40001) or a deadlock (40P01). Nothing of it was written; running the
 * whole transaction again may succeed.
 */
export function isTransientConflict(error: unknown): boolean {
  const code = sqlState(error);
  return code === '40001' || code === '40P01';
}
