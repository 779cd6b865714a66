// API keys for programs: stored as SHA-256 of the key; the prefix identifies a key to people.
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { ActorRef, RoleName, Timestamp } from './columns.ts';

export interface ApiKeysTable {
  id: string;
  name: string;
  prefix: string;
  key_hash: string;
  role: RoleName;
  /**
   * The person the key acts for (maker-checker): the user who issued it, or the person of the key
   * that issued it; null for a key the system issued, which is a person of its own.
   */
  owner: ActorRef | null;
  /** The studio user the key belongs to (null: a key for a program, not a person). */
  user_id: string | null;
  revoked_at: Timestamp | null;
  revoked_by: ActorRef | null;
  created_at: Timestamp;
  created_by: ActorRef;
}

export type ApiKeyRow = Selectable<ApiKeysTable>;
export type NewApiKeyRow = Insertable<ApiKeysTable>;
export type ApiKeyUpdate = Updateable<ApiKeysTable>;
