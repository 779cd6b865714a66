// Who is calling: a studio user (session cookie), an API key (bearer), or the system itself.
import type { ActorRef, RoleName } from '../db/tables/columns.ts';

export type Principal =
  | { readonly kind: 'user'; readonly id: string; readonly role: RoleName; readonly email: string; readonly name: string; readonly sessionId: string }
  | { readonly kind: 'api-key'; readonly id: string; readonly role: RoleName; readonly name: string; readonly prefix: string }
  | { readonly kind: 'system'; readonly role: 'admin' };

/** The principal acting on its own, for start-up work (loading examples, the first key). */
export const SYSTEM_PRINCIPAL: Principal = Object.freeze({ kind: 'system', role: 'admin' });

/** The actor reference stored in `created_by` and the audit log: `user:<id>`, `api-key:<id>`, `system`. */
export function actorOf(principal: Principal): ActorRef {
  return principal.kind === 'system' ? 'system' : `${principal.kind}:${principal.id}`;
}
