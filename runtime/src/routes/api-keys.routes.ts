// /api/v1/api-keys: keys for programs, managed by admins; the key itself is returned once.
import { createRoute, z } from '@hono/zod-openapi';
import { apiKeyView, issueApiKey, revokeApiKeyById } from '../auth/api-key-issuer.ts';
import { principalOf } from '../auth/auth.middleware.ts';
import { actorOf, ownerForKeysOf } from '../auth/principal.ts';
import { errorResponses, guarded, jsonBody, jsonResponse, newRouter } from '../http/openapi.ts';
import { listApiKeys } from '../repositories/api-key.repository.ts';
import { ApiKeySchema, IdParamSchema, RoleSchema } from './schemas.ts';

const NewApiKeySchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200).openapi({ example: 'app móvil' }),
    role: RoleSchema.openapi({ example: 'api-client' }),
  })
  .openapi('NewApiKey');

export const apiKeysRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['api-keys'],
      summary: 'Create an API key (the key is in this response only)',
      ...guarded('api-keys:admin'),
      request: { body: jsonBody(NewApiKeySchema) },
      responses: {
        201: jsonResponse(
          z.object({ apiKey: ApiKeySchema, key: z.string().openapi({ description: 'Shown once; store it now', example: 'plz_...' }) }),
          'The key, shown once',
        ),
        ...errorResponses(400, 401, 403, 415, 422),
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const created = await issueApiKey(c.get('db'), input, {
        actor: actorOf(principalOf(c)),
        owner: ownerForKeysOf(principalOf(c)),
        at: c.get('clock').now().toISOString(),
        requestId: c.get('requestId'),
      });
      return c.json(created, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['api-keys'],
      summary: 'List API keys (prefixes only)',
      ...guarded('api-keys:admin'),
      responses: {
        200: jsonResponse(z.object({ apiKeys: z.array(ApiKeySchema) }), 'Every key, revoked ones included'),
        ...errorResponses(401, 403),
      },
    }),
    async (c) => c.json({ apiKeys: (await listApiKeys(c.get('db'))).map(apiKeyView) }, 200),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/{id}',
      tags: ['api-keys'],
      summary: 'Revoke an API key',
      ...guarded('api-keys:admin'),
      request: { params: IdParamSchema },
      responses: {
        200: jsonResponse(z.object({ apiKey: ApiKeySchema }), 'The revoked key'),
        ...errorResponses(401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const apiKey = await revokeApiKeyById(c.get('db'), id, {
        actor: actorOf(principalOf(c)),
        at: c.get('clock').now().toISOString(),
        requestId: c.get('requestId'),
      });
      return c.json({ apiKey }, 200);
    },
  );
