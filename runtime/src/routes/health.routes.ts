// /api/health: liveness and database reachability, without credentials (for load balancers).
import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import { AppError } from '../errors.ts';
import { errorResponses, jsonResponse, newRouter } from '../http/openapi.ts';

export const healthRoutes = newRouter().openapi(
  createRoute({
    method: 'get',
    path: '/health',
    tags: ['health'],
    summary: 'Is the service up and its database reachable',
    responses: {
      200: jsonResponse(z.object({ status: z.literal('ok'), time: z.string() }), 'Up'),
      ...errorResponses(503),
    },
  }),
  async (c) => {
    try {
      await sql`select 1`.execute(c.get('db'));
    } catch {
      throw new AppError(503, 'database-unavailable', 'the database does not answer');
    }
    return c.json({ status: 'ok' as const, time: c.get('clock').now().toISOString() }, 200);
  },
);
