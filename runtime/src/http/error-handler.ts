// The one place errors become responses: AppErrors as their 4xx JSON, framework errors (bad
// JSON, body too large) mapped to the same shape, anything else a logged 500 without internals.
// Messages in the request's language (error-messages.ts); codes and details do not change.
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { isTransientConflict } from '../db/postgres-errors.ts';
import { AppError, RetryLaterError } from '../errors.ts';
import type { AppEnv } from './app-env.ts';
import { errorMessage } from './error-messages.ts';

/** The API's error body. */
export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly details: unknown };
}

function errorResponse(c: Context<AppEnv>, status: number, code: string, message: string, details: unknown = null): Response {
  const body: ErrorBody = { error: { code, message: errorMessage(c.get('lang') ?? 'en', code, message, details), details } };
  return c.json(body, status as 400);
}

/**
 * app.onError: domain errors → 4xx JSON; a write the database rolled back under concurrency
 * (deadlock, serialization failure) that was not retried → 503 `retry-later` with `Retry-After`;
 * unknown errors → 500, logged with the request id.
 */
export const handleError: ErrorHandler<AppEnv> = (error, c) => {
  const retry = error instanceof RetryLaterError ? error : isTransientConflict(error) ? new RetryLaterError('the database was busy with concurrent writes; nothing was written: send the request again') : null;
  if (retry) {
    c.header('Retry-After', String(retry.retryAfterSeconds));
    return errorResponse(c, retry.status, retry.code, retry.message, retry.details);
  }
  if (error instanceof AppError) {
    for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
    return errorResponse(c, error.status, error.code, error.message, error.details);
  }
  if (error instanceof HTTPException) {
    if (error.status === 400 && /JSON/i.test(error.message)) {
      return errorResponse(c, 400, 'malformed-json', 'the request body is not valid JSON');
    }
    if (error.status === 413) return errorResponse(c, 413, 'payload-too-large', 'the request body is too large');
    // A route's declared media types (a multipart upload) refusing the body's.
    if (error.status === 415) return errorResponse(c, 415, 'unsupported-media-type', 'the request body’s media type is not one this route takes (see the OpenAPI document)');
    if (error.status < 500) return errorResponse(c, error.status, 'bad-request', error.message || 'bad request');
  }
  c.get('logger')?.error('unhandled error', {
    requestId: c.get('requestId'),
    method: c.req.method,
    path: c.req.path,
    error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
  });
  return errorResponse(c, 500, 'internal-error', 'an internal error occurred; quote the request id when reporting it', {
    requestId: c.get('requestId'),
  });
};

/** app.notFound: every unknown route answers 404 JSON. */
export const handleNotFound: NotFoundHandler<AppEnv> = (c) =>
  errorResponse(c, 404, 'route-not-found', `no route for ${c.req.method} ${c.req.path}`);
