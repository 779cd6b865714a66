// Column types shared by every table: how ids, actors, timestamps, dates and money look in
// TypeScript (all strings: exact, and the same from `pg` and PGlite).
import type { ColumnType } from 'kysely';

/** `system`, `user:<uuid>` or `api-key:<uuid>`: who did something. */
export type ActorRef = string;
/** ISO-8601 UTC timestamp, `2025-01-06T10:00:00.000Z`. */
export type Timestamp = string;
/** Calendar date `YYYY-MM-DD`. */
export type IsoDate = string;
/** Exact decimal string (NUMERIC; at most 6 decimal places). */
export type Money = string;
/** JSONB: objects are written as JSON text and read back parsed. */
export type Json<T> = ColumnType<T, string, string>;
/** Role names, as in the permission table. */
export type RoleName = 'admin' | 'product-manager' | 'risk-analyst' | 'approver' | 'operator' | 'api-client' | 'compliance' | 'accountant';
/** A JSON object as stored in a JSONB column. */
export type StoredJson = { readonly [key: string]: unknown };
