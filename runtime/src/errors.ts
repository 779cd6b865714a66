// Errors the API reports as 4xx JSON `{ "error": { code, message, details } }`; anything else
// thrown is a bug and becomes a 500 without internals.

/** One problem with one field; `path` is dotted with [i] for arrays (`fees[0].amount`). */
export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

/** An error with an HTTP status and a stable kebab-case code clients may switch on. */
export class AppError extends Error {
  readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;
  readonly code: string;
  readonly details: unknown;
  /** Response headers that go with the error (`Retry-After`). */
  readonly headers: Readonly<Record<string, string>>;
  constructor(status: AppError['status'], code: string, message: string, details?: unknown, headers: Readonly<Record<string, string>> = {}) {
    super(message);
    this.name = 'AppError';
    this.status = status;
    this.code = code;
    this.details = details ?? null;
    this.headers = headers;
  }
}

/** The request body or parameters do not match the schema: 422 (or 400 for malformed JSON). */
export class ValidationError extends AppError {
  constructor(problems: readonly FieldProblem[], message = 'the request is not valid', status: 400 | 422 = 422) {
    super(status, status === 400 ? 'malformed-request' : 'validation-failed', message, problems);
    this.name = 'ValidationError';
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, id: string) {
    super(404, 'not-found', `${what} \`${id}\` does not exist`, { [what.replace(/\s+/g, '_')]: id });
    this.name = 'NotFoundError';
  }
}

export class ConflictError extends AppError {
  constructor(code: string, message: string, details?: unknown) {
    super(409, code, message, details);
    this.name = 'ConflictError';
  }
}

/**
 * The request could not be done now for a passing reason (the database kept refusing it under
 * concurrency): 503 `retry-later` with `Retry-After`; nothing was written, so sending it again —
 * with the same `Idempotency-Key` — is safe.
 */
export class RetryLaterError extends AppError {
  readonly retryAfterSeconds: number;
  constructor(message: string, retryAfterSeconds = 1) {
    super(503, 'retry-later', message, { retryAfterSeconds });
    this.name = 'RetryLaterError';
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'authentication required: send `Authorization: Bearer <api key>` or log in') {
    super(401, 'unauthenticated', message);
    this.name = 'UnauthenticatedError';
  }
}

/** Too many failed logins for the account or from the address: 429 with `Retry-After`. */
export class TooManyAttemptsError extends AppError {
  constructor(retryAfterSeconds: number) {
    super(429, 'too-many-attempts', `too many failed logins; try again in ${retryAfterSeconds} s`, { retryAfterSeconds }, {
      'Retry-After': String(retryAfterSeconds),
    });
    this.name = 'TooManyAttemptsError';
  }
}

/** 403 `password-change-required`: the session's password was set by an admin and must be changed first. */
export class PasswordChangeRequiredError extends AppError {
  constructor() {
    super(403, 'password-change-required', 'an admin set your password: change it (POST /api/v1/auth/password) before anything else');
    this.name = 'PasswordChangeRequiredError';
  }
}

export class ForbiddenError extends AppError {
  constructor(permission: string, role: string) {
    super(403, 'forbidden', `role \`${role}\` lacks permission \`${permission}\``, { permission, role });
    this.name = 'ForbiddenError';
  }
}
