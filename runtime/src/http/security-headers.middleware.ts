// Sets the security headers (src/http/security-headers.ts) on every API response, errors
// included; a route that sets its own Content-Security-Policy (the docs page) keeps it.
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './app-env.ts';
import { cameOverTls } from './client-request.ts';
import { API_CSP, securityHeaders } from './security-headers.ts';

export const apiSecurityHeaders = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  const own = c.res.headers.get('content-security-policy');
  for (const [name, value] of Object.entries(securityHeaders(own ?? API_CSP, cameOverTls(c)))) c.res.headers.set(name, value);
});
