// Studio login sessions; the cookie carries a random token, the table only its SHA-256.
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { ActorRef, Timestamp } from './columns.ts';

export interface SessionsTable {
  id: string;
  user_id: string;
  token_hash: string;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  created_at: Timestamp;
  created_by: ActorRef;
  /** The client address the session was opened from (addressKey form); null before 2026-12-07. */
  client_address: string | null;
}

export type SessionRow = Selectable<SessionsTable>;
export type NewSessionRow = Insertable<SessionsTable>;
export type SessionUpdate = Updateable<SessionsTable>;
