// Studio users: email, role and scrypt password hash (null for users who cannot log in).
import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';
import type { ActorRef, RoleName, Timestamp } from './columns.ts';

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: RoleName;
  password_hash: string | null;
  disabled_at: Timestamp | null;
  /** Set when an admin set the password (create, reset): the user must choose their own at the next login. */
  must_change_password: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
  created_by: ActorRef;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
