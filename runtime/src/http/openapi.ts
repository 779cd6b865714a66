// Shared pieces of the OpenAPI route definitions: the router factory with the validation hook,
// the error schema, the security schemes and the guard every route declares.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { requirePermission } from '../auth/auth.middleware.ts';
import type { Permission } from '../auth/permissions.ts';
import type { AppEnv } from './app-env.ts';
import { validationHook } from './validation.ts';

/** A route module's router: chained `.openapi(route, handler)` calls. */
export function newRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'validation-failed' }),
      message: z.string(),
      details: z.unknown().openapi({ description: 'For validation errors: `[{ path, message }]`' }),
    }),
  })
  .openapi('Error');

const errorContent = { 'application/json': { schema: ErrorSchema } };

/** Error responses a route documents, by status. */
export function errorResponses(...statuses: (400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503)[]) {
  const descriptions: Record<number, string> = {
    400: 'Malformed request (bad JSON)',
    401: 'No valid credentials',
    403: 'The role lacks the permission',
    404: 'Not found',
    409: 'Conflicts with the current state',
    413: 'Body too large',
    415: 'Body is not JSON',
    422: 'Validation failed; details name each field',
    429: 'Too many failed attempts; `Retry-After` says when to try again',
    503: 'A dependency is unavailable, or the write met concurrent ones: nothing was written; retry after `Retry-After` seconds',
  };
  return Object.fromEntries(statuses.map((s) => [s, { description: descriptions[s] ?? 'Error', content: errorContent }])) as Record<
    number,
    { description: string; content: typeof errorContent }
  >;
}

/** OpenAPI security requirement: an API key or a studio session. */
export const SECURITY: { [scheme: string]: string[] }[] = [{ apiKey: [] }, { session: [] }];

/**
 * What a guarded route spreads into `createRoute`: the permission middleware, the security
 * requirement, and the 401/403 responses.
 */
export function guarded(permission: Permission) {
  return {
    middleware: requirePermission(permission),
    security: SECURITY,
    'x-permission': permission,
  };
}

/** A JSON request body (required: a missing or non-JSON body is rejected, never skipped). */
export function jsonBody<T extends z.ZodType>(schema: T, description?: string) {
  return { required: true, content: { 'application/json': { schema } }, ...(description ? { description } : {}) };
}

/** A JSON response. */
export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

/** Registers the security schemes on the app's OpenAPI registry. */
export function registerSecuritySchemes(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key `plz_...` created by an admin: `Authorization: Bearer plz_...`',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'plazo_session',
    description: 'The studio session cookie set by `POST /api/v1/auth/login`',
  });
}
