// Requests with a body must send JSON: anything else is a 415 before any handler runs.
import { createMiddleware } from 'hono/factory';
import { AppError } from '../errors.ts';
import type { AppEnv } from './app-env.ts';

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

/**
 * Rejects a request that declares a non-JSON body: a non-JSON `Content-Type`, or a body
 * (Content-Length > 0 or chunked) without one. A POST without a body (`curl -X POST`) passes.
 */
export const requireJsonBody = createMiddleware<AppEnv>(async (c, next) => {
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
    const contentType = c.req.header('content-type');
    const length = c.req.header('content-length');
    const declaresBody = (length !== undefined && length !== '0') || c.req.header('transfer-encoding') !== undefined;
    const mediaType = contentType?.split(';')[0]?.trim() ?? '';
    if ((contentType !== undefined || declaresBody) && !JSON_MEDIA_TYPE.test(mediaType)) {
      throw new AppError(415, 'unsupported-media-type', 'send the request body as `application/json`', { contentType: mediaType || null });
    }
  }
  await next();
});
