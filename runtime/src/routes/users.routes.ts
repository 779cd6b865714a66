// /api/v1/users: studio users, managed by admins — create, list, disable and enable, reset the
// password, and each user's API keys (revoked with DELETE /api/v1/api-keys/{id}).
import { createRoute, z } from '@hono/zod-openapi';
import { principalOf } from '../auth/auth.middleware.ts';
import { actorOf } from '../auth/principal.ts';
import { accountBlocks } from '../auth/login-throttle.ts';
import { createUser, issueUserApiKey, liftLoginBlock, resetUserPassword, setUserDisabled, userApiKeys, userView } from '../auth/user-accounts.ts';
import type { ContextVariables } from '../http/app-env.ts';
import { errorResponses, guarded, jsonBody, jsonResponse, newRouter } from '../http/openapi.ts';
import { listUsers } from '../repositories/user.repository.ts';
import { ApiKeySchema, IdParamSchema, PasswordSchema, RoleSchema, UserSchema } from './schemas.ts';

const NewUserSchema = z
  .strictObject({
    email: z.email().max(320),
    name: z.string().trim().min(1).max(200),
    role: RoleSchema,
    password: PasswordSchema.optional().openapi({ description: 'Omit for a user who cannot log in yet' }),
  })
  .openapi('NewUser');

const PasswordResetSchema = z
  .strictObject({ password: PasswordSchema.optional().openapi({ description: 'Omit to get a temporary password, returned once' }) })
  .openapi('PasswordReset');

const NewUserApiKeySchema = z.strictObject({ name: z.string().trim().min(1).max(200).openapi({ example: 'hoja de cálculo de Lucía' }) }).openapi('NewUserApiKey');

function ctxOf(c: ContextVariables) {
  return { actor: actorOf(principalOf(c)), at: c.get('clock').now().toISOString(), requestId: c.get('requestId') };
}

const disableRoute = (action: 'disable' | 'enable') =>
  createRoute({
    method: 'post',
    path: `/{id}/${action}`,
    tags: ['users'],
    summary:
      action === 'disable'
        ? "Disable a user: their sessions are revoked and their API keys stop working at once"
        : 'Enable a disabled user (they log in again; their API keys work again)',
    ...guarded('users:admin'),
    request: { params: IdParamSchema },
    responses: {
      200: jsonResponse(z.object({ user: UserSchema }), 'The user'),
      ...errorResponses(401, 403, 404, 409, 422),
    },
  });

export const usersRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['users'],
      summary: 'Create a studio user',
      ...guarded('users:admin'),
      request: { body: jsonBody(NewUserSchema) },
      responses: {
        201: jsonResponse(z.object({ user: UserSchema }), 'The user'),
        ...errorResponses(400, 401, 403, 409, 415, 422),
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const user = await createUser(c.get('db'), { email: input.email, name: input.name, role: input.role, password: input.password ?? null }, ctxOf(c));
      return c.json({ user }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['users'],
      summary: 'List studio users',
      ...guarded('users:admin'),
      responses: {
        200: jsonResponse(z.object({ users: z.array(UserSchema) }), 'Every user'),
        ...errorResponses(401, 403),
      },
    }),
    async (c) => {
      const db = c.get('db');
      const users = await listUsers(db);
      const blocks = await accountBlocks(db, users.map((u) => u.email), c.get('clock').now());
      return c.json({ users: users.map((u) => ({ ...userView(u), loginBlockedUntil: blocks.get(u.email.toLowerCase()) ?? null })) }, 200);
    },
  )
  .openapi(disableRoute('disable'), async (c) => {
    const { id } = c.req.valid('param');
    return c.json({ user: await setUserDisabled(c.get('db'), id, true, ctxOf(c)) }, 200);
  })
  .openapi(disableRoute('enable'), async (c) => {
    const { id } = c.req.valid('param');
    return c.json({ user: await setUserDisabled(c.get('db'), id, false, ctxOf(c)) }, 200);
  })
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/password',
      tags: ['users'],
      summary: "Set a user's password, or get a temporary one (shown once); the user's other sessions end",
      ...guarded('users:admin'),
      request: { params: IdParamSchema, body: jsonBody(PasswordResetSchema) },
      responses: {
        200: jsonResponse(
          z.object({
            user: UserSchema,
            temporaryPassword: z.string().nullable().openapi({ description: 'Only when no password was sent: shown once, give it to the user' }),
          }),
          'The user',
        ),
        ...errorResponses(400, 401, 403, 404, 415, 422),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { password } = c.req.valid('json');
      const principal = principalOf(c);
      const result = await resetUserPassword(c.get('db'), id, password ?? null, {
        ...ctxOf(c),
        ...(principal.kind === 'user' ? { sessionId: principal.sessionId } : {}),
      });
      return c.json(result, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/{id}/login-block',
      tags: ['users'],
      summary: "Lift the block that failed logins put on a user's account (audited); the addresses' own throttle stays",
      description: 'Answers `lifted: false` and writes nothing when the account has no block or failures to lift.',
      ...guarded('users:admin'),
      request: { params: IdParamSchema },
      responses: {
        200: jsonResponse(z.object({ user: UserSchema, lifted: z.boolean() }), 'The user; `lifted`: whether there was a block to lift'),
        ...errorResponses(401, 403, 404, 422),
      },
    }),
    async (c) => c.json(await liftLoginBlock(c.get('db'), c.req.valid('param').id, { ...ctxOf(c), now: c.get('clock').now() }), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/api-keys',
      tags: ['users'],
      summary: "A user's API keys (prefixes only)",
      ...guarded('users:admin'),
      request: { params: IdParamSchema },
      responses: {
        200: jsonResponse(z.object({ apiKeys: z.array(ApiKeySchema) }), "The user's keys, revoked ones included"),
        ...errorResponses(401, 403, 404, 422),
      },
    }),
    async (c) => c.json({ apiKeys: await userApiKeys(c.get('db'), c.req.valid('param').id) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/api-keys',
      tags: ['users'],
      summary: "Create an API key of a user, with the user's role (the key is in this response only)",
      ...guarded('users:admin'),
      request: { params: IdParamSchema, body: jsonBody(NewUserApiKeySchema) },
      responses: {
        201: jsonResponse(z.object({ apiKey: ApiKeySchema, key: z.string().openapi({ description: 'Shown once; store it now' }) }), 'The key, shown once'),
        ...errorResponses(400, 401, 403, 404, 409, 415, 422),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await issueUserApiKey(c.get('db'), id, c.req.valid('json').name, ctxOf(c)), 201);
    },
  );
