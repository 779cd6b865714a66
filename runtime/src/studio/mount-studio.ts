// Serves the studio beside the API on the same port: requests under /api go to the Hono app, every
// other request to the studio's built handler (studio/build/handler.js, a Node middleware written by
// SvelteKit's adapter-node). Without the build, a page says how to make it. Used by service.ts as
// the `createServer` of @hono/node-server's `serve`. Every studio response carries the security
// headers (src/http/security-headers.ts); SvelteKit replaces the policy of its pages with its own.
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerOptions, type ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { RuntimeConfig } from '../config.ts';
import { forwardedValue } from '../http/client-request.ts';
import { securityHeaders, STUDIO_ASSET_CSP } from '../http/security-headers.ts';

type StudioHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

const DEFAULT_HANDLER = fileURLToPath(new URL('../../../studio/build/handler.js', import.meta.url));

/** The page served instead of the studio when it has not been built. */
export function missingStudioPage(): string {
  return `<!doctype html>
<html lang="es"><head><meta charset="utf-8"><title>Plazo Studio no está compilado</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1d2330}code{background:#eef1f5;padding:.1rem .3rem;border-radius:4px}</style></head>
<body><h1>Plazo Studio no está compilado</h1>
<p>El API de Plazo está funcionando en <code>/api</code> (documentación en <a href="/api/docs">/api/docs</a>), pero falta la compilación del studio.</p>
<p>Compílalo y vuelve a iniciar:</p><pre><code>pnpm --filter @plazo/studio build</code></pre>
<p lang="en">The studio has not been built: run <code>pnpm --filter @plazo/studio build</code> and restart.</p>
</body></html>`;
}

/** The studio's handler; null when the build is missing. */
export function loadStudioHandler(path: string): Promise<StudioHandler | null> {
  return existsSync(path) ? import(pathToFileURL(path).href).then((m: { handler: StudioHandler }) => m.handler) : Promise.resolve(null);
}

function isApi(url: string | undefined): boolean {
  return url === '/api' || (url?.startsWith('/api/') ?? false) || (url?.startsWith('/api?') ?? false);
}

/** Over TLS: this socket's, or a trusted proxy's `X-Forwarded-Proto` (`trustProxy` hops). */
function overTls(req: IncomingMessage, trustProxy: number): boolean {
  if ((req.socket as TLSSocket).encrypted === true) return true;
  const proto = forwardedValue(req.headers['x-forwarded-proto']?.toString(), trustProxy);
  return proto?.toLowerCase() === 'https';
}

/**
 * A drop-in for `http.createServer` that sends /api to the API listener and everything else to
 * the studio built at `handlerPath` (imported once, when the server is created).
 * @example serve({ fetch: app.fetch, hostname, port, createServer: studioServer('/path/to/handler.js') }, onListen)
 */
export function studioServer(handlerPath: string, options: { trustProxy?: number | undefined } = {}): typeof createServer {
  const trustProxy = options.trustProxy ?? 0;
  return ((serverOptions: ServerOptions, api: RequestListener): Server => {
    const studio = loadStudioHandler(handlerPath);
    return createServer(serverOptions, (req, res) => {
      if (isApi(req.url)) return api(req, res);
      for (const [name, value] of Object.entries(securityHeaders(STUDIO_ASSET_CSP, overTls(req, trustProxy)))) res.setHeader(name, value);
      studio.then(
        (handler) => {
          if (!handler) {
            res.writeHead(503, { 'content-type': 'text/html; charset=utf-8' }).end(missingStudioPage());
            return;
          }
          handler(req, res, () => {
            res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
          });
        },
        (error: unknown) => {
          res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(`the studio failed to load: ${(error as Error).message}`);
        },
      );
    });
  }) as typeof createServer;
}

/** The studio from studio/build (or PLAZO_STUDIO_HANDLER) in front of the API: what `pnpm start` serves. */
export function createStudioServer(config: RuntimeConfig): typeof createServer {
  return studioServer(process.env.PLAZO_STUDIO_HANDLER ?? DEFAULT_HANDLER, { trustProxy: config.trustProxy });
}
