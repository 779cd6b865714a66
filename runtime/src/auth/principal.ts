// Who is calling: a studio user (session cookie), an API key (bearer), or the system itself.
import type { ActorRef, RoleName } from '../db/tables/columns.ts';

export type Principal =
  | {
      readonly kind: 'user';
      readonly id: string;
      readonly role: RoleName;
      readonly email: string;
      readonly name: string;
      readonly sessionId: string;
      /** An admin set the password: until the user changes it, the session may only change it, log out and read /me. */
      readonly mustChangePassword?: boolean;
    }
  | {
      readonly kind: 'api-key';
      readonly id: string;
      readonly role: RoleName;
      readonly name: string;
      readonly prefix: string;
      /** The person the key acts for (`user:<id>`, or a system-issued key's `api-key:<id>`); null: itself. */
      readonly owner: ActorRef | null;
    }
  | { readonly kind: 'system'; readonly role: 'admin' };

/** The principal acting on its own, for start-up work (loading examples, the first key). */
export const SYSTEM_PRINCIPAL: Principal = Object.freeze({ kind: 'system', role: 'admin' });

/** The actor reference stored in `created_by` and the audit log: `user:<id>`, `api-key:<id>`, `system`. */
export function actorOf(principal: Principal): ActorRef {
  return principal.kind === 'system' ? 'system' : `${principal.kind}:${principal.id}`;
}

/**
 * The person behind a principal, whom maker-checker compares: a user is one; an API key acts for
 * its owner (the user who issued it, or the person of the key that issued it) and a key the system
 * issued is a person of its own; the system is one.
 * @example personOf({ kind: 'api-key', id: 'k1', owner: 'user:u1', … }) // 'user:u1'
 */
export function personOf(principal: Principal): ActorRef {
  if (principal.kind === 'api-key') return principal.owner ?? `api-key:${principal.id}`;
  return actorOf(principal);
}

/** The owner of a key `principal` issues: its person, or none when the system issues it. */
export function ownerForKeysOf(principal: Principal): ActorRef | null {
  return principal.kind === 'system' ? null : personOf(principal);
}
