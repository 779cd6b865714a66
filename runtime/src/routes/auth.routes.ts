// /api/v1/auth: studio login (session cookie), logout, and who am I.
import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { SESSION_COOKIE } from '../auth/auth.middleware.ts';
import { admitLogin, forgetOldThrottles, recordLoginSuccess, throttleKey, type LoginAttempt } from '../auth/login-throttle.ts';
import { burnPasswordCheck, verifyPassword } from '../auth/password.ts';
import { ROLE_PERMISSIONS } from '../auth/permissions.ts';
import { actorOf } from '../auth/principal.ts';
import { generateSessionToken, hashToken } from '../auth/secret-tokens.ts';
import { userView } from '../auth/user-accounts.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { AppError, TooManyAttemptsError, UnauthenticatedError } from '../errors.ts';
import type { AppEnv } from '../http/app-env.ts';
import { cameOverTls, clientAddress } from '../http/client-request.ts';
import { errorResponses, jsonBody, jsonResponse, newRouter, SECURITY } from '../http/openapi.ts';
import { insertSession, revokeSession } from '../repositories/session.repository.ts';
import { findUserByEmail } from '../repositories/user.repository.ts';
import { RoleSchema, UserSchema } from './schemas.ts';

const LoginSchema = z
  .strictObject({
    email: z.string().trim().min(1).max(320),
    password: z.string().min(1).max(200),
  })
  .openapi('Login');

const MeSchema = z
  .object({
    kind: z.enum(['user', 'api-key', 'system']),
    actor: z.string(),
    role: RoleSchema,
    name: z.string(),
    email: z.string().optional(),
    permissions: z.array(z.string()),
  })
  .openapi('Me');

/**
 * Secure cookies when the client may have reached us over https: over TLS (cameOverTls), or an
 * `X-Forwarded-Proto: https` even from an untrusted sender — it can only make the cookie stricter.
 */
function isHttps(c: Context<AppEnv>): boolean {
  return cameOverTls(c) || c.req.header('x-forwarded-proto') === 'https';
}

export const authRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/login',
      tags: ['auth'],
      summary: 'Log in to the studio: sets the HttpOnly session cookie',
      request: { body: jsonBody(LoginSchema) },
      responses: {
        200: jsonResponse(z.object({ user: UserSchema, expiresAt: z.string() }), 'Logged in; `Set-Cookie: plazo_session=...`'),
        ...errorResponses(400, 401, 403, 415, 422, 429),
      },
    }),
    async (c) => {
      const { email, password } = c.req.valid('json');
      const db = c.get('db');
      const user = await findUserByEmail(db, email);
      const address = clientAddress(c);
      const attempt: LoginAttempt = {
        accountKey: throttleKey('account', email),
        addressKey: throttleKey('address', address),
        userId: user?.id ?? null,
        address,
      };
      const admission = await admitLogin(db, attempt, { now: c.get('clock').now(), requestId: c.get('requestId') });
      if (!admission.admitted) throw new TooManyAttemptsError(admission.retryAfterSeconds);
      const ok = user?.password_hash && user.disabled_at === null ? await verifyPassword(password, user.password_hash) : (await burnPasswordCheck(password), false);
      if (!user || !ok) {
        await forgetOldThrottles(db, c.get('clock').now());
        throw new AppError(401, 'invalid-credentials', 'the email or the password is wrong');
      }
      const token = generateSessionToken();
      const now = c.get('clock').now();
      const expiresAt = new Date(now.getTime() + c.get('config').sessionTtlSeconds * 1000).toISOString();
      const actor = `user:${user.id}`;
      await c.get('db').transaction().execute(async (tx) => {
        const session = await insertSession(tx, {
          id: randomUUID(),
          user_id: user.id,
          token_hash: hashToken(token),
          expires_at: expiresAt,
          created_at: now.toISOString(),
          created_by: actor,
          client_address: address,
        });
        await recordLoginSuccess(tx, attempt, admission);
        await appendAudit(tx, {
          actor,
          action: 'login',
          entityType: 'session',
          entityId: session.id,
          before: null,
          after: { id: session.id, userId: user.id, expiresAt },
          requestId: c.get('requestId'),
          at: now.toISOString(),
        });
      });
      setCookie(c, SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: isHttps(c),
        path: '/',
        maxAge: c.get('config').sessionTtlSeconds,
      });
      return c.json({ user: userView(user), expiresAt }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/logout',
      tags: ['auth'],
      summary: 'Log out: revokes the session and clears the cookie',
      security: SECURITY,
      responses: {
        200: jsonResponse(z.object({ loggedOut: z.literal(true) }), 'Logged out'),
        ...errorResponses(401),
      },
    }),
    async (c) => {
      const principal = c.get('principal');
      if (principal?.kind !== 'user') throw new UnauthenticatedError('no studio session to log out of');
      const at = c.get('clock').now().toISOString();
      await c.get('db').transaction().execute(async (tx) => {
        const session = await revokeSession(tx, principal.sessionId, at);
        if (!session) return;
        await appendAudit(tx, {
          actor: actorOf(principal),
          action: 'logout',
          entityType: 'session',
          entityId: session.id,
          before: { id: session.id, userId: session.user_id, expiresAt: session.expires_at },
          after: { id: session.id, userId: session.user_id, expiresAt: session.expires_at, revokedAt: at },
          requestId: c.get('requestId'),
          at,
        });
      });
      deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Lax', secure: isHttps(c) });
      return c.json({ loggedOut: true as const }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/me',
      tags: ['auth'],
      summary: 'Who is calling, with the role and its permissions',
      security: SECURITY,
      responses: {
        200: jsonResponse(MeSchema, 'The caller'),
        ...errorResponses(401),
      },
    }),
    async (c) => {
      const principal = c.get('principal');
      if (!principal) throw new UnauthenticatedError();
      return c.json(
        {
          kind: principal.kind,
          actor: actorOf(principal),
          role: principal.role,
          name: principal.kind === 'system' ? 'system' : principal.name,
          ...(principal.kind === 'user' ? { email: principal.email } : {}),
          permissions: [...ROLE_PERMISSIONS[principal.role]],
        },
        200,
      );
    },
  );
