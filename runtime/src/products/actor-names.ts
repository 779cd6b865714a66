// Who an actor reference is, for people: `user:<id>` → the user's name and email, `api-key:<id>`
// → the key's name, `system` → Plazo itself. Version histories and drafts carry these next to
// the raw references, so the studio shows "Ana Riesgo" rather than a UUID.
import type { Executor } from '../db/database.ts';
import type { ActorRef } from '../db/tables/columns.ts';
import { findApiKeyById } from '../repositories/api-key.repository.ts';
import { findUsersByIds } from '../repositories/user.repository.ts';

export interface ActorDisplay {
  readonly kind: 'user' | 'api-key' | 'system' | 'unknown';
  /** The user's or the key's name; `system`; the reference itself when it names no one we know. */
  readonly name: string;
  /** Users only. */
  readonly email: string | null;
}

export type ActorNames = ReadonlyMap<ActorRef, ActorDisplay>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Looks up every distinct reference once: one query for the users, one per distinct API key. */
export async function actorNames(db: Executor, refs: Iterable<ActorRef | null | undefined>): Promise<ActorNames> {
  const distinct = new Set<ActorRef>();
  for (const r of refs) if (r) distinct.add(r);
  const userIds: string[] = [];
  const keyIds: string[] = [];
  for (const ref of distinct) {
    const [kind, id = ''] = ref.split(/:(.*)/s);
    if (!UUID.test(id)) continue;
    if (kind === 'user') userIds.push(id);
    else if (kind === 'api-key') keyIds.push(id);
  }
  const names = new Map<ActorRef, ActorDisplay>();
  for (const user of await findUsersByIds(db, userIds)) names.set(`user:${user.id}`, { kind: 'user', name: user.name, email: user.email });
  for (const id of keyIds) {
    const key = await findApiKeyById(db, id);
    if (key) names.set(`api-key:${key.id}`, { kind: 'api-key', name: key.name, email: null });
  }
  if (distinct.has('system')) names.set('system', { kind: 'system', name: 'system', email: null });
  return names;
}

/** The display of one reference from a lookup; `unknown` (named by the reference) when absent. */
export function displayOf(names: ActorNames, ref: ActorRef): ActorDisplay {
  return names.get(ref) ?? { kind: 'unknown', name: ref, email: null };
}
