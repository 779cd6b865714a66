// /api/v1/auth: studio login (session cookie), logout, who am I, and the first run of a fresh
// install (the first admin user, while no user exists).
import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { SESSION_COOKIE } from '../auth/auth.middleware.ts';
import { admitLogin, forgetOldThrottles, recordLoginSuccess, throttleKey, type LoginAttempt } from '../auth/login-throttle.ts';
import { burnPasswordCheck, verifyPassword } from '../auth/password.ts';
import { editableSectionsFor, ROLE_PERMISSIONS } from '../auth/permissions.ts';
import { actorOf } from '../auth/principal.ts';
import { generateSessionToken, hashToken } from '../auth/secret-tokens.ts';
import { changeOwnPassword, createFirstAdmin, firstRunNeeded, userView } from '../auth/user-accounts.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { AppError, TooManyAttemptsError, UnauthenticatedError } from '../errors.ts';
import type { AppEnv } from '../http/app-env.ts';
import { cameOverTls, clientAddress } from '../http/client-request.ts';
import { errorResponses, jsonBody, jsonResponse, newRouter, SECURITY } from '../http/openapi.ts';
import { insertSession, revokeSession } from '../repositories/session.repository.ts';
import { findUserByEmail } from '../repositories/user.repository.ts';
import { PasswordSchema, RoleSchema, UserSchema } from './schemas.ts';
import type { Transaction } from 'kysely';
import type { Database } from '../db/database.ts';
import type { ActorRef } from '../db/tables/columns.ts';
import type { UserRow } from '../db/tables/users.table.ts';

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
    mustChangePassword: z.boolean().openapi({ description: 'A studio user whose password an admin set: only POST /api/v1/auth/password (and logout, /me) until it is changed' }),
    permissions: z.array(z.string()),
    editableSections: z
      .union([z.literal('all'), z.array(z.string())])
      .openapi({ description: "What the caller's role may change in a draft: `all`, some parts, or nothing (`[]`); only `all` may create products" }),
  })
  .openapi('Me');

/**
 * Secure cookies when the client may have reached us over https: over TLS (cameOverTls), or an
 * `X-Forwarded-Proto: https` even from an untrusted sender — it can only make the cookie stricter.
 */
function isHttps(c: Context<AppEnv>): boolean {
  return cameOverTls(c) || c.req.header('x-forwarded-proto') === 'https';
}

/** A new session for `user` (row and audit entry, in `tx`): the token for the cookie, shown once. */
/** Opens a session for `user` (its audit entry in `tx`); `address`: the client's, kept for the login throttle's known addresses. */
async function openSession(c: Context<AppEnv>, tx: Transaction<Database>, user: UserRow, address: string | null = null): Promise<{ token: string; expiresAt: string }> {
  const token = generateSessionToken();
  const now = c.get('clock').now();
  const expiresAt = new Date(now.getTime() + c.get('config').sessionTtlSeconds * 1000).toISOString();
  const actor: ActorRef = `user:${user.id}`;
  const session = await insertSession(tx, {
    id: randomUUID(),
    user_id: user.id,
    token_hash: hashToken(token),
    expires_at: expiresAt,
    created_at: now.toISOString(),
    created_by: actor,
    client_address: address,
  });
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
  return { token, expiresAt };
}

function setSessionCookie(c: Context<AppEnv>, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c),
    path: '/',
    maxAge: c.get('config').sessionTtlSeconds,
  });
}

const PasswordChangeSchema = z
  .strictObject({
    currentPassword: z.string().min(1).max(200),
    newPassword: PasswordSchema,
  })
  .openapi('PasswordChange');

const FirstRunSchema = z
  .strictObject({
    email: z.email().max(320),
    name: z.string().trim().min(1).max(200),
    password: PasswordSchema,
  })
  .openapi('FirstRun');

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
      const { token, expiresAt } = await c.get('db').transaction().execute(async (tx) => {
        const opened = await openSession(c, tx, user, address);
        await recordLoginSuccess(tx, attempt, admission);
        return opened;
      });
      setSessionCookie(c, token);
      return c.json({ user: userView(user), expiresAt }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/first-run',
      tags: ['auth'],
      summary: 'Whether this install has no user yet (the studio then opens its first-run page)',
      responses: {
        200: jsonResponse(z.object({ needed: z.boolean() }), '`needed`: no user exists yet'),
      },
    }),
    async (c) => c.json({ needed: await firstRunNeeded(c.get('db')) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/first-run',
      tags: ['auth'],
      summary: 'Create the first admin user of a fresh install and log in (only while no user exists)',
      description: 'Answers 409 `first-run-done` once any user exists; of two requests at once, one creates the admin.',
      request: { body: jsonBody(FirstRunSchema) },
      responses: {
        201: jsonResponse(z.object({ user: UserSchema, expiresAt: z.string() }), 'The admin, logged in; `Set-Cookie: plazo_session=...`'),
        ...errorResponses(400, 409, 415, 422),
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const { user, then } = await createFirstAdmin(c.get('db'), input, c.get('clock').now().toISOString(), c.get('requestId'), (tx, row) => openSession(c, tx, row, clientAddress(c)));
      setSessionCookie(c, then.token);
      return c.json({ user, expiresAt: then.expiresAt }, 201);
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
      method: 'post',
      path: '/password',
      tags: ['auth'],
      summary: 'Change your own password (a studio session); required after an admin set it',
      description:
        'The current password, and a new one that meets the password policy and differs from it. Clears `mustChangePassword`; your other sessions end, this one stays.',
      security: SECURITY,
      request: { body: jsonBody(PasswordChangeSchema) },
      responses: {
        200: jsonResponse(z.object({ user: UserSchema }), 'The user, free to go on'),
        ...errorResponses(400, 401, 415, 422),
      },
    }),
    async (c) => {
      const principal = c.get('principal');
      if (principal?.kind !== 'user') throw new UnauthenticatedError('log in to the studio to change your password');
      const user = await changeOwnPassword(c.get('db'), principal.id, c.req.valid('json'), {
        actor: actorOf(principal),
        at: c.get('clock').now().toISOString(),
        requestId: c.get('requestId'),
        sessionId: principal.sessionId,
      });
      return c.json({ user }, 200);
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
      const editable = editableSectionsFor(principal.role);
      return c.json(
        {
          kind: principal.kind,
          actor: actorOf(principal),
          role: principal.role,
          name: principal.kind === 'system' ? 'system' : principal.name,
          ...(principal.kind === 'user' ? { email: principal.email } : {}),
          mustChangePassword: principal.kind === 'user' && principal.mustChangePassword === true,
          permissions: [...ROLE_PERMISSIONS[principal.role]],
          editableSections: editable === 'all' ? ('all' as const) : [...editable],
        },
        200,
      );
    },
  );
