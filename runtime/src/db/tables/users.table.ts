// Studio users: email, role and scrypt password hash (null for users who cannot log in).
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { ActorRef, RoleName, Timestamp } from './columns.ts';

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: RoleName;
  password_hash: string | null;
  disabled_at: Timestamp | null;
  created_at: Timestamp;
  created_by: ActorRef;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
