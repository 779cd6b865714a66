// /api/v1/users: studio users, managed by admins.
import { createRoute, z } from '@hono/zod-openapi';
import { principalOf } from '../auth/auth.middleware.ts';
import { actorOf } from '../auth/principal.ts';
import { createUser, userView } from '../auth/user-accounts.ts';
import { errorResponses, guarded, jsonBody, jsonResponse, newRouter } from '../http/openapi.ts';
import { listUsers } from '../repositories/user.repository.ts';
import { RoleSchema, UserSchema } from './schemas.ts';

const NewUserSchema = z
  .strictObject({
    email: z.email().max(320),
    name: z.string().trim().min(1).max(200),
    role: RoleSchema,
    password: z.string().min(12, 'at least 12 characters').max(200).optional().openapi({
      description: 'Omit for a user who cannot log in yet',
    }),
  })
  .openapi('NewUser');

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
      const user = await createUser(
        c.get('db'),
        { email: input.email, name: input.name, role: input.role, password: input.password ?? null },
        { actor: actorOf(principalOf(c)), at: c.get('clock').now().toISOString(), requestId: c.get('requestId') },
      );
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
    async (c) => c.json({ users: (await listUsers(c.get('db'))).map(userView) }, 200),
  );
