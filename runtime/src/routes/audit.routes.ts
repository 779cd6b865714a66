// /api/v1/audit: the audit chain, read by admins in chain order, a page at a time.
import { createRoute, z } from '@hono/zod-openapi';
import { listAudit } from '../audit/audit.repository.ts';
import { errorResponses, guarded, jsonResponse, newRouter } from '../http/openapi.ts';
import { ActorSchema, TimestampSchema } from './schemas.ts';

const AuditEntrySchema = z
  .object({
    seq: z.number().int(),
    at: TimestampSchema,
    actor: ActorSchema,
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    beforeHash: z.string().nullable(),
    afterHash: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    requestId: z.string().nullable(),
    prevHash: z.string(),
    rowHash: z.string(),
    /** The hashes of the rows the entry wrote, by table and key (covered by rowHash); null when none. */
    bound: z.record(z.string(), z.record(z.string(), z.string())).nullable(),
  })
  .openapi('AuditEntry');

const AuditQuerySchema = z.strictObject({
  after: z.coerce.number().int().min(0).optional().openapi({ param: { name: 'after', in: 'query' }, description: 'Entries after this seq' }),
  limit: z.coerce.number().int().min(1).max(1000).default(100).openapi({ param: { name: 'limit', in: 'query' } }),
  entityType: z.string().max(100).optional().openapi({ param: { name: 'entityType', in: 'query' } }),
  entityId: z.string().max(200).optional().openapi({ param: { name: 'entityId', in: 'query' } }),
});

export const auditRoutes = newRouter().openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['audit'],
    summary: 'List audit entries in chain order',
    ...guarded('audit:read'),
    request: { query: AuditQuerySchema },
    responses: {
      200: jsonResponse(z.object({ entries: z.array(AuditEntrySchema), nextAfter: z.number().int().nullable() }), 'A page of entries'),
      ...errorResponses(401, 403, 422),
    },
  }),
  async (c) => {
    const query = c.req.valid('query');
    const page = await listAudit(c.get('db'), {
      limit: query.limit,
      ...(query.after === undefined ? {} : { after: query.after }),
      ...(query.entityType === undefined ? {} : { entityType: query.entityType }),
      ...(query.entityId === undefined ? {} : { entityId: query.entityId }),
    });
    return c.json(
      {
        entries: page.entries.map((e) => ({
          seq: Number(e.seq),
          at: e.created_at,
          actor: e.created_by,
          action: e.action,
          entityType: e.entity_type,
          entityId: e.entity_id,
          beforeHash: e.before_hash,
          afterHash: e.after_hash,
          details: e.details as Record<string, unknown>,
          requestId: e.request_id,
          prevHash: e.prev_hash,
          rowHash: e.row_hash,
          bound: e.bound as Record<string, Record<string, string>> | null,
        })),
        nextAfter: page.nextAfter,
      },
      200,
    );
  },
);
