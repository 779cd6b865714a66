// Who is calling, and may they: `authenticate` resolves the principal from a bearer API key or
// the studio session cookie; `requirePermission` guards each route (401 without credentials,
// 403 with a role that lacks the permission).
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { ForbiddenError, PasswordChangeRequiredError, UnauthenticatedError } from '../errors.ts';
import type { AppEnv, ContextVariables } from '../http/app-env.ts';
import { findActiveApiKey } from '../repositories/api-key.repository.ts';
import { findLiveSession } from '../repositories/session.repository.ts';
import { cachedApiKey, rememberApiKey } from './api-key-cache.ts';
import { roleHasPermission, type Permission } from './permissions.ts';
import type { Principal } from './principal.ts';
import { API_KEY_PREFIX, hashToken } from './secret-tokens.ts';

export const SESSION_COOKIE = 'plazo_session';

/** Resolves `c.get('principal')` (null when no valid credentials); never rejects by itself. */
export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  c.set('principal', await resolvePrincipal(c.req.header('authorization'), getCookie(c, SESSION_COOKIE), c.var));
  await next();
});

async function resolvePrincipal(
  authorization: string | undefined,
  sessionToken: string | undefined,
  deps: AppEnv['Variables'],
): Promise<Principal | null> {
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    const key = match?.[1];
    if (!key || !key.startsWith(API_KEY_PREFIX) || key.length > 200) return null;
    const keyHash = hashToken(key);
    let row = cachedApiKey(deps.db, keyHash);
    if (!row) {
      row = await findActiveApiKey(deps.db, keyHash);
      if (row) rememberApiKey(deps.db, keyHash, row);
    }
    return row ? { kind: 'api-key', id: row.id, role: row.role, name: row.name, prefix: row.prefix, owner: row.owner } : null;
  }
  if (sessionToken !== undefined && sessionToken.length <= 200) {
    const live = await findLiveSession(deps.db, hashToken(sessionToken), deps.clock.now().toISOString());
    if (!live) return null;
    return {
      kind: 'user',
      id: live.user.id,
      role: live.user.role,
      email: live.user.email,
      name: live.user.name,
      sessionId: live.session.id,
      ...(live.user.must_change_password ? { mustChangePassword: true } : {}),
    };
  }
  return null;
}

/**
 * A studio session whose password an admin set (a new user, a reset) may only change it (POST
 * /api/v1/auth/password), log out and read /api/v1/auth/me — every /api/v1/auth route stays open —
 * until the user has chosen their own: any other call is 403 `password-change-required`.
 */
export const refusePendingPasswordChange = createMiddleware<AppEnv>(async (c, next) => {
  const principal = c.get('principal');
  if (principal?.kind === 'user' && principal.mustChangePassword === true && !c.req.path.startsWith('/api/v1/auth/')) throw new PasswordChangeRequiredError();
  await next();
});

/**
 * Guards a route with one permission of the table in permissions.ts.
 *
 * @example
 * createRoute({ method: 'post', path: '/', middleware: [requirePermission('users:admin')], ... })
 */
export function requirePermission(permission: Permission) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const principal = c.get('principal');
    if (!principal) {
      throw new UnauthenticatedError(
        c.req.header('authorization') !== undefined ? 'the API key is not valid or was revoked' : undefined,
      );
    }
    if (!roleHasPermission(principal.role, permission)) throw new ForbiddenError(permission, principal.role);
    await next();
  });
}

/** The principal of a guarded route (requirePermission ran, so it is set). */
export function principalOf(c: ContextVariables): Principal {
  const principal = c.get('principal');
  if (!principal) throw new UnauthenticatedError();
  return principal;
}
