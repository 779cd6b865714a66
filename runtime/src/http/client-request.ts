// Facts about who sent a request that depend on how the service is reached: the client's address
// (the socket's peer, or `X-Forwarded-For` from trusted proxies), whether it came over TLS, and
// the origins the studio is served from. Proxy headers count only with PLAZO_TRUST_PROXY = the
// number of proxies in front; otherwise anyone could write them.
import { isIP } from 'node:net';
import type { Context } from 'hono';
import type { AppEnv } from './app-env.ts';

/** What @hono/node-server passes as `c.env` (absent under `app.request()` without an env). */
interface NodeBindings {
  readonly incoming?: { readonly socket?: { readonly remoteAddress?: string } };
}

/** The value appended by the `hops`-th proxy from us: the last `hops` entries are the proxies' own. */
export function forwardedValue(header: string | undefined, hops: number): string | undefined {
  if (!header || hops < 1) return undefined;
  const values = header.split(',').map((v) => v.trim());
  return values.length >= hops ? values[values.length - hops] : undefined;
}

/**
 * The client's address as a throttling key: IPv4 as is (`::ffff:` mapping removed), IPv6 as its
 * /64 network (`2001:db8:1:2::/64`: one subscriber's whole allocation), `unknown` without one.
 */
export function clientAddress(c: Context<AppEnv>): string {
  const hops = c.get('config').trustProxy ?? 0;
  const forwarded = forwardedValue(c.req.header('x-forwarded-for'), hops);
  const socket = (c.env as NodeBindings | undefined)?.incoming?.socket?.remoteAddress;
  return addressKey((forwarded !== undefined && isIP(forwarded) ? forwarded : undefined) ?? socket);
}

/** Normalizes an address for keying (exported for tests). */
export function addressKey(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (isIP(address) !== 6) return isIP(address) === 4 ? address : 'unknown';
  const [head = '', tail = ''] = address.toLowerCase().split('%')[0]!.split('::') as [string, string?];
  const left = head ? head.split(':') : [];
  const right = address.includes('::') ? (tail ? tail.split(':') : []) : [];
  const groups = address.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/** True when the client reached us over TLS: the request URL, or a trusted `X-Forwarded-Proto`. */
export function cameOverTls(c: Context<AppEnv>): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return forwardedValue(c.req.header('x-forwarded-proto'), c.get('config').trustProxy ?? 0)?.toLowerCase() === 'https';
}

/**
 * The origins a same-site request may carry: this request's own (scheme as it reached the
 * client, host from the URL), its https form (an upgrade is never an attack), and PLAZO_ORIGIN's.
 */
export function siteOrigins(c: Context<AppEnv>): readonly string[] {
  const url = new URL(c.req.url);
  const scheme = cameOverTls(c) ? 'https:' : url.protocol;
  return [...new Set([`${scheme}//${url.host}`, `https://${url.host}`, ...(c.get('config').publicOrigins ?? [])])];
}
