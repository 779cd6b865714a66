// /api/v1/watchlists: lists of blocked or sanctioned persons an institution uploads as CSV (the
// body as `text/csv` in UTF-8 or Latin-1, or JSON with the text in `csv`); each new content is a
// new version that replaces the list and re-screens every client. Uploading takes
// `watchlists:write`, reading `compliance:review`. /api/v1/screening/hits: the hits screening
// found, cleared or confirmed by the compliance officer (`compliance:review`), audited.
import { createRoute, z } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import { principalOf } from '../auth/auth.middleware.ts';
import { actorOf } from '../auth/principal.ts';
import { AppError, ValidationError } from '../errors.ts';
import type { AppEnv, ContextVariables } from '../http/app-env.ts';
import { limitRequestBody } from '../http/body-limit.middleware.ts';
import { errorResponses, guarded, jsonBody, jsonResponse, newRouter } from '../http/openapi.ts';
import { decideHit, listHits } from '../screening/hits.repository.ts';
import { decodeListBytes } from '../screening/watchlist-file.ts';
import { listWatchlists, uploadWatchlist } from '../screening/watchlists.repository.ts';
import { IdParamSchema, UuidSchema } from './schemas.ts';

/** The largest list file accepted (OFAC's sdn.csv is ~5 MB). */
export const WATCHLIST_MAX_BYTES = 32 * 1024 * 1024;
const UPLOAD_MEDIA_TYPES = /^(application\/json|text\/csv|text\/plain)$/i;

/** Is this request a list upload (which takes CSV and a larger body than other routes)? */
export function isWatchlistUpload(method: string, path: string): boolean {
  return method === 'POST' && path === '/api/v1/watchlists';
}

/** A list upload's body: at most WATCHLIST_MAX_BYTES, JSON or CSV (415 otherwise). Other requests pass. */
const uploadLimit = limitRequestBody(WATCHLIST_MAX_BYTES);
export const watchlistUploadBody = createMiddleware<AppEnv>(async (c, next) => {
  if (!isWatchlistUpload(c.req.method, c.req.path)) return next();
  const mediaType = c.req.header('content-type')?.split(';')[0]?.trim() ?? '';
  if (!UPLOAD_MEDIA_TYPES.test(mediaType)) throw new AppError(415, 'unsupported-media-type', 'send the list as `text/csv` or as `application/json` with the text in `csv`', { contentType: mediaType || null });
  return uploadLimit(c, next);
});

const Kind = z.enum(['blocked-persons', 'ofac-sdn', 'own']).openapi({ description: '`blocked-persons` (UIF Lista de Personas Bloqueadas), `ofac-sdn` (OFAC SDN; its header-less sdn.csv is read as is), `own`' });
const Threshold = z.string().regex(/^(0\.\d{1,4}|1(\.0{1,4})?)$/, 'a score above 0 and at most 1, up to 4 decimals').refine((v) => Number(v) > 0, 'must be above 0').openapi({ example: '0.85', description: 'Score at or above which a name is a hit (default: the list’s current one, 0.85 for a new list)' });
const ListName = z.string().trim().min(1).max(200);
const Columns = z.strictObject({ name: z.string().max(200).optional(), birthDate: z.string().max(200).optional(), listId: z.string().max(200).optional() })
  .openapi({ description: 'Header names of the columns, when the file’s are not recognized (NOMBRE, FECHA DE NACIMIENTO, ID, … — see runtime README)' });
const UploadQuery = z.strictObject({
  name: ListName.optional().openapi({ param: { name: 'name', in: 'query' }, description: 'With a `text/csv` body: the list’s name' }),
  kind: Kind.optional().openapi({ param: { name: 'kind', in: 'query' } }),
  threshold: Threshold.optional().openapi({ param: { name: 'threshold', in: 'query' } }),
});
const JsonUpload = z.strictObject({ name: ListName, kind: Kind, threshold: Threshold.optional(), csv: z.string().min(1), columns: Columns.optional() }).openapi('WatchlistUpload');
const WatchlistSchema = z.object({
  id: z.string(), name: z.string(), kind: Kind, threshold: z.string(), version: z.number(), versionId: z.string(), contentHash: z.string(), entries: z.number(),
  encoding: z.string().openapi({ description: '`utf-8` or `windows-1252` (Latin-1): how the bytes were read' }), uploadedAt: z.string(), uploadedBy: z.string(),
  openHits: z.number().optional().openapi({ description: 'In the list of lists: hits on the current version waiting for the compliance officer' }),
  createdAt: z.string().optional().openapi({ description: 'In the list of lists: when the list was first uploaded' }),
}).openapi('Watchlist');
const HitStatusSchema = z.enum(['open', 'cleared', 'confirmed', 'superseded']);
const HitSchema = z.record(z.string(), z.unknown()).openapi('ScreeningHit', {
  description: 'id, clientId, clientKind, clientName (a person’s names, a company’s legal name), referredDecisions (count, latestId, latestAt: the client’s decisions screening referred or declined), subject (client / legal-representative / beneficial-owner), screenedName, watchlist (id, name, kind, version, threshold), entry (id, name, birth date, listRef, line), score, nameScore, birthDate agreement, foundBy, foundAt, status, decidedAt, decidedBy, comment',
});

function ctxOf(c: ContextVariables) {
  return { actor: actorOf(principalOf(c)), at: c.get('clock').now().toISOString(), requestId: c.get('requestId'), today: c.get('clock').today() };
}

export const watchlistsRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['screening'],
      summary: 'Upload a watchlist (CSV): a new version replaces the list and re-screens every client',
      description: 'Body `text/csv` (UTF-8 or Latin-1, detected; `charset=iso-8859-1` is honored) with `?name=&kind=&threshold=`, or JSON `{ name, kind, threshold?, csv, columns? }`. The same content as the current version again: 200 with the current version (`replayed: true`). Bad rows: 422 `validation-failed` naming each by line (`details[].line`), with `details[].reason` (`csv-syntax`, `field-count` with `fields` and `expected`, `no-name`, `bad-date` with `value`, `no-name-column` and `unknown-column` with the `header`, `no-entries`) for clients that write it in their own words.',
      ...guarded('watchlists:write'),
      request: { query: UploadQuery, body: { required: false, content: { 'application/json': { schema: JsonUpload }, 'text/csv': { schema: z.string() } } } },
      responses: {
        201: jsonResponse(z.object({ watchlist: WatchlistSchema, rescreened: z.object({ clients: z.number(), hits: z.number() }), replayed: z.boolean() }), 'The new version, and the clients screened against it'),
        200: jsonResponse(z.object({ watchlist: WatchlistSchema, rescreened: z.object({ clients: z.number(), hits: z.number() }), replayed: z.boolean() }), 'The same content as the current version: nothing changed'),
        ...errorResponses(400, 401, 403, 413, 415, 422),
      },
    }),
    async (c) => {
      const mediaType = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
      let upload;
      if (mediaType === 'application/json') {
        const body = c.req.valid('json') as z.infer<typeof JsonUpload>;
        upload = { name: body.name, kind: body.kind, threshold: body.threshold, text: body.csv, encoding: 'utf-8' as const, columns: body.columns };
      } else {
        const query = c.req.valid('query');
        const missing = (['name', 'kind'] as const).filter((k) => query[k] === undefined).map((k) => ({ path: k, message: `\`${k}\` is required in the query with a CSV body` }));
        if (missing.length > 0) throw new ValidationError(missing);
        const charset = /charset=([^;]+)/i.exec(c.req.header('content-type') ?? '')?.[1]?.trim().replace(/"/g, '');
        const { text, encoding } = decodeListBytes(new Uint8Array(await c.req.arrayBuffer()), charset);
        upload = { name: query.name!, kind: query.kind!, threshold: query.threshold, text, encoding };
      }
      const result = await uploadWatchlist(c.get('db'), upload, ctxOf(c));
      return c.json(result as never, result.replayed ? 200 : 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['screening'],
      summary: 'The watchlists, each with its current version',
      ...guarded('compliance:review'),
      responses: { 200: jsonResponse(z.object({ watchlists: z.array(WatchlistSchema) }), 'The lists'), ...errorResponses(401, 403) },
    }),
    async (c) => c.json({ watchlists: await listWatchlists(c.get('db')) } as never, 200),
  );

const HitsQuery = z.strictObject({
  status: HitStatusSchema.optional().openapi({ param: { name: 'status', in: 'query' } }),
  clientId: UuidSchema.optional().openapi({ param: { name: 'clientId', in: 'query' } }),
  watchlistId: UuidSchema.optional().openapi({ param: { name: 'watchlistId', in: 'query' }, description: 'Only the hits on this list (any version)' }),
  after: UuidSchema.optional().openapi({ param: { name: 'after', in: 'query' }, description: 'The last id of the previous page' }),
  limit: z.coerce.number().int().min(1).max(200).default(50).openapi({ param: { name: 'limit', in: 'query' } }),
});
const Ruling = z.strictObject({ comment: z.string().trim().min(1).max(2000).openapi({ description: 'Why: what the officer checked' }) }).openapi('HitRuling');

function rulingRoute(action: 'clear' | 'confirm') {
  return createRoute({
    method: 'post',
    path: `/hits/{id}/${action}`,
    tags: ['screening'],
    summary: action === 'clear' ? 'Clear an open hit: not the listed person (a homonym); audited' : 'Confirm an open hit: the listed person; the client’s decisions are declined from now on; audited',
    ...guarded('compliance:review'),
    request: { params: IdParamSchema, body: jsonBody(Ruling) },
    responses: { 200: jsonResponse(z.object({ hit: HitSchema }), 'The hit'), ...errorResponses(400, 401, 403, 404, 409, 415, 422) },
  });
}

export const screeningRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/hits',
      tags: ['screening'],
      summary: 'Screening hits by status (open: waiting for the compliance officer) and client, oldest first, a page at a time. Audited (they show clients’ names).',
      ...guarded('compliance:review'),
      request: { query: HitsQuery },
      responses: { 200: jsonResponse(z.object({ hits: z.array(HitSchema), nextAfter: z.string().nullable() }), 'A page of hits'), ...errorResponses(401, 403, 422) },
    }),
    async (c) => c.json((await listHits(c.get('db'), c.req.valid('query'), ctxOf(c))) as never, 200),
  )
  .openapi(rulingRoute('clear'), async (c) => c.json({ hit: await decideHit(c.get('db'), c.req.valid('param').id, 'cleared', c.req.valid('json').comment, ctxOf(c)) } as never, 200))
  .openapi(rulingRoute('confirm'), async (c) => c.json({ hit: await decideHit(c.get('db'), c.req.valid('param').id, 'confirmed', c.req.valid('json').comment, ctxOf(c)) } as never, 200));
