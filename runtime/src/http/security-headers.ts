// The browser-facing security headers of every response the service sends: the API's (this
// module's middleware) and the studio's pages and files (src/studio/mount-studio.ts). The studio's
// pages carry their own Content-Security-Policy, with the nonces of SvelteKit's inline scripts
// (studio/svelte.config.js, `kit.csp`), which replaces the assets' policy below.

/** JSON and the like: nothing may load, nothing may frame it. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The studio's files (scripts, styles, fonts, the workers' scripts — a worker runs under the
 * policy its own script came with): same origin only. Styles may be inline: Monaco and Svelte
 * write `<style>` elements and style attributes at run time.
 */
export const STUDIO_ASSET_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** HSTS for responses that went over TLS: a year, this host only (subdomains are the operator's call). */
export const HSTS = 'max-age=31536000';

/** The headers every response carries, with `csp` as its policy; HSTS only over TLS. */
export function securityHeaders(csp: string, overTls: boolean): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(overTls ? { 'Strict-Transport-Security': HSTS } : {}),
  };
}
