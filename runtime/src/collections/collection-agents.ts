// The agent of a collection assignment or contact: a user of the institution, named by id or
// email, who must exist and be active; by default the calling user.
import type { Principal } from '../auth/principal.ts';
import type { Executor } from '../db/database.ts';
import type { UserRow } from '../db/tables/users.table.ts';
import { ValidationError } from '../errors.ts';
import { findUserByEmail, findUserById } from '../repositories/user.repository.ts';

export interface Agent {
  readonly id: string;
  readonly name: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The user `given` names (a user id, or an email in any case), active or not. */
export async function findAgentUser(db: Executor, given: string): Promise<UserRow | undefined> {
  const text = given.trim();
  if (UUID.test(text)) return findUserById(db, text.toLowerCase());
  return text.includes('@') ? findUserByEmail(db, text) : undefined;
}

/**
 * The active user who acts as agent: `given` (a user id or email), else the caller when the caller
 * is a user. 422 naming `agent` otherwise (unknown, disabled, or an API key calling without one).
 */
export async function resolveAgent(db: Executor, given: string | undefined, caller: Principal): Promise<Agent> {
  if (given === undefined && caller.kind !== 'user') {
    throw new ValidationError([{ path: 'agent', message: 'required when the caller is not a user: the id or email of an active user of the institution' }]);
  }
  const user = given === undefined ? await findUserById(db, (caller as { id: string }).id) : await findAgentUser(db, given);
  if (!user || user.disabled_at !== null) {
    const who = given === undefined ? 'the calling user' : `\`${given}\``;
    throw new ValidationError([{ path: 'agent', message: `${who} is not an active user of the institution (give a user id or email)` }]);
  }
  return { id: user.id, name: user.name };
}
