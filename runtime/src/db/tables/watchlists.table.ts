// Watchlists, their versions and entries, and screening hits: see migrations/2026-12-08-40-watchlists.ts.
import type { ActorRef, Timestamp } from './columns.ts';

export type WatchlistKind = 'blocked-persons' | 'ofac-sdn' | 'own';
export type HitStatus = 'open' | 'cleared' | 'confirmed' | 'superseded';
export type HitSubject = 'client' | 'legal-representative' | 'beneficial-owner';

export interface WatchlistsTable {
  id: string;
  name: string;
  kind: WatchlistKind;
  /** NUMERIC(5,4) as a string: the score at or above which a name is a hit. */
  threshold: string;
  current_version: number;
  created_at: Timestamp;
  created_by: ActorRef;
}

export interface WatchlistVersionsTable {
  id: string;
  watchlist_id: string;
  version: number;
  /** SHA-256 of the kind, threshold and decoded text: the same upload again is the same version. */
  content_hash: string;
  kind: WatchlistKind;
  threshold: string;
  entries: number;
  /** How the upload's bytes were read: `utf-8` or `windows-1252` (Latin-1). */
  encoding: string;
  uploaded_at: Timestamp;
  uploaded_by: ActorRef;
}

export interface WatchlistEntriesTable {
  id: string;
  version_id: string;
  /** The line of the uploaded file the entry came from. */
  line: number;
  /** The entry's id in the list (OFAC `ent_num`, the list's own key), when the file has one. */
  list_ref: string | null;
  name: string;
  /** `YYYY-MM-DD`, or `YYYY` when the list gives the year only. */
  birth_date: string | null;
}

export interface ScreeningHitsTable {
  id: string;
  client_id: string;
  subject: HitSubject;
  screened_name: string;
  entry_id: string;
  watchlist_id: string;
  version_id: string;
  score: string;
  name_score: string;
  birth_date: 'same-date' | 'same-year' | 'differs' | 'unknown';
  /** What screened: the client's creation or change, a decision, a new list version. */
  found_by: 'client' | 'decision' | 'list';
  found_at: Timestamp;
  status: HitStatus;
  decided_at: Timestamp | null;
  decided_by: ActorRef | null;
  comment: string | null;
}
