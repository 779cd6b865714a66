// Request bodies larger than the limit are a 413 before any handler reads them. A body with a
// Content-Length is judged by the header alone (Node's parser delivers exactly that many bytes),
// which leaves the body unread for the route's own reader: @hono/node-server then reads it from
// the socket directly instead of building a web `Request` and stream for each request. Only a
// chunked body (or a length that is not a number) is counted as it streams in, by hono's bodyLimit.
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { AppError } from '../errors.ts';
import type { AppEnv } from './app-env.ts';

export function limitRequestBody(maxBytes: number) {
  const tooLarge = (): never => {
    throw new AppError(413, 'payload-too-large', `the request body exceeds ${maxBytes} bytes`, { maxBytes });
  };
  const streamed = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return createMiddleware<AppEnv>(async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length !== undefined && /^\d+$/.test(length) && c.req.header('transfer-encoding') === undefined) {
      if (Number(length) > maxBytes) tooLarge();
      return next();
    }
    return streamed(c, next);
  });
}
