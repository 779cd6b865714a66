// Creates studio users (with their audit entry) and the API's view of a user.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit.repository.ts';
import { bindRows } from '../audit/row-binding.ts';
import type { Database } from '../db/database.ts';
import type { ActorRef, RoleName } from '../db/tables/columns.ts';
import type { UserRow } from '../db/tables/users.table.ts';
import { isUniqueViolation } from '../db/postgres-errors.ts';
import { ConflictError } from '../errors.ts';
import { insertUser } from '../repositories/user.repository.ts';
import { hashPassword } from './password.ts';

export interface UserView {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: RoleName;
  readonly canLogIn: boolean;
  readonly disabledAt: string | null;
  readonly createdAt: string;
  readonly createdBy: string;
}

export function userView(row: UserRow): UserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    canLogIn: row.password_hash !== null && row.disabled_at === null,
    disabledAt: row.disabled_at,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

/** Creates a user; 409 `email-taken` when the email exists. */
export async function createUser(
  db: Kysely<Database>,
  input: { email: string; name: string; role: RoleName; password: string | null },
  ctx: { actor: ActorRef; at: string; requestId?: string | null },
): Promise<UserView> {
  const passwordHash = input.password === null ? null : await hashPassword(input.password);
  const email = input.email.toLowerCase();
  try {
    return await db.transaction().execute(async (tx) => {
      const row = await insertUser(tx, {
        id: randomUUID(),
        email,
        name: input.name,
        role: input.role,
        password_hash: passwordHash,
        created_at: ctx.at,
        created_by: ctx.actor,
      });
      const view = userView(row);
      await appendAudit(tx, {
        actor: ctx.actor,
        action: 'create',
        entityType: 'user',
        entityId: row.id,
        before: null,
        after: view,
        details: { email, role: row.role },
        requestId: ctx.requestId ?? null,
        at: ctx.at,
        bound: bindRows([['users', row]]),
      });
      return view;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError('email-taken', `a user with email \`${email}\` exists`, { email });
    throw error;
  }
}
