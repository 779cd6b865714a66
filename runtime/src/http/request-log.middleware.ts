// One structured log line per request: id, method, path (no query string: it may carry
// secrets), status, duration and who called. Never headers or bodies.
import { createMiddleware } from 'hono/factory';
import { actorOf } from '../auth/principal.ts';
import type { AppEnv } from './app-env.ts';

/** Logs each request after it completes. */
export const requestLog = createMiddleware<AppEnv>(async (c, next) => {
  const started = performance.now();
  await next();
  const principal = c.get('principal');
  c.get('logger').info('request', {
    requestId: c.get('requestId'),
    method: c.req.method,
    path: c.req.path,
    status: c.res.status,
    durationMs: Math.round((performance.now() - started) * 100) / 100,
    actor: principal ? actorOf(principal) : null,
  });
});
