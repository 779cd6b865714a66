// Cross-site request forgery: a state-changing request (POST, PUT, PATCH, DELETE) authenticated by
// the studio's session cookie must come from the studio's own pages. The browser says where a
// request comes from: `Origin` (sent with every such request by current browsers), else
// `Sec-Fetch-Site`, else `Referer`. A cookie-authenticated write with none of the three is refused
// too: browsers always send one of them, so only a script replaying a stolen cookie lacks all
// three, and scripts use API keys. Bearer API keys are not affected (a browser never attaches
// them by itself). A login is refused only when it says it comes from another site (login CSRF).
import { createMiddleware } from 'hono/factory';
import type { Context } from 'hono';
import { AppError } from '../errors.ts';
import type { AppEnv } from '../http/app-env.ts';
import { siteOrigins } from '../http/client-request.ts';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
const LOGIN_PATH = '/api/v1/auth/login';

type Verdict = 'same-origin' | 'cross-site' | 'unknown';

/** Where the browser says the request comes from, judged against this site's origins. */
export function requestSite(c: Context<AppEnv>): { verdict: Verdict; from: string | null } {
  const origins = siteOrigins(c);
  const origin = c.req.header('origin');
  if (origin !== undefined) return { verdict: origins.includes(origin) ? 'same-origin' : 'cross-site', from: origin };
  const fetchSite = c.req.header('sec-fetch-site');
  if (fetchSite !== undefined) {
    return { verdict: fetchSite === 'same-origin' || fetchSite === 'none' ? 'same-origin' : 'cross-site', from: `Sec-Fetch-Site: ${fetchSite}` };
  }
  const referer = c.req.header('referer');
  if (referer !== undefined) {
    let from: string;
    try {
      from = new URL(referer).origin;
    } catch {
      return { verdict: 'cross-site', from: 'Referer (not a URL)' };
    }
    return { verdict: origins.includes(from) ? 'same-origin' : 'cross-site', from };
  }
  return { verdict: 'unknown', from: null };
}

/** Refuses cross-site writes made with the session cookie (403 `cross-site-request`); runs after `authenticate`. */
export const refuseCrossSiteWrites = createMiddleware<AppEnv>(async (c, next) => {
  if (READS.has(c.req.method)) return next();
  const byCookie = c.get('principal')?.kind === 'user';
  if (!byCookie && c.req.path !== LOGIN_PATH) return next();
  const { verdict, from } = requestSite(c);
  if (verdict === 'cross-site' || (verdict === 'unknown' && byCookie)) {
    throw new AppError(
      403,
      'cross-site-request',
      from === null
        ? 'a write with the studio session must say where it comes from (Origin, Sec-Fetch-Site or Referer); scripts use an API key'
        : `a write with the studio session must come from the studio's own pages, not from \`${from}\``,
      { from },
    );
  }
  await next();
});
