// Requests with a body must send JSON: anything else is a 415 before any handler runs.
import { createMiddleware } from 'hono/factory';
import { AppError } from '../errors.ts';
import type { AppEnv } from './app-env.ts';

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

/** Rejects a request that carries a body with a non-JSON content type. */
export const requireJsonBody = createMiddleware<AppEnv>(async (c, next) => {
  const length = c.req.header('content-length');
  const hasBody = c.req.raw.body !== null && length !== '0';
  if (hasBody && c.req.method !== 'GET' && c.req.method !== 'HEAD') {
    const mediaType = (c.req.header('content-type') ?? '').split(';')[0]?.trim() ?? '';
    if (!JSON_MEDIA_TYPE.test(mediaType)) {
      throw new AppError(415, 'unsupported-media-type', 'send the request body as `application/json`', { contentType: mediaType || null });
    }
  }
  await next();
});
