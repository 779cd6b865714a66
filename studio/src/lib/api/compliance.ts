// The compliance (PLD) part of the runtime's API (runtime/README.md, "Watchlists and screening"):
// the watchlists an institution uploads as CSV, and the screening hits the compliance officer
// clears (a homonym) or confirms (the listed person). Requests go through the studio's one client
// (client.ts), so the session, the language and the errors are the same as everywhere else.
import { apiClient, type ApiClient } from './client.ts';

export type WatchlistKind = 'blocked-persons' | 'ofac-sdn' | 'own';
export const WATCHLIST_KINDS: readonly WatchlistKind[] = ['blocked-persons', 'ofac-sdn', 'own'];

/** A list with its current version (`GET /api/v1/watchlists`). */
export interface Watchlist {
  readonly id: string;
  readonly name: string;
  readonly kind: WatchlistKind;
  /** The score at or above which a name is a hit, `0.8500`. */
  readonly threshold: string;
  readonly version: number;
  readonly versionId: string;
  readonly contentHash: string;
  readonly entries: number;
  /** How the runtime read the file's bytes: `utf-8` or `windows-1252` (Latin-1). */
  readonly encoding: string;
  readonly uploadedAt: string;
  readonly uploadedBy: string;
  /** Hits on the current version waiting for a ruling (the list of lists only). */
  readonly openHits?: number;
  /** When the list was first uploaded (the list of lists only). */
  readonly createdAt?: string;
}

/** What an upload answers: the version stored (or the current one again: `replayed`), and the clients screened against it. */
export interface WatchlistUploadResult {
  readonly watchlist: Watchlist;
  readonly rescreened: { readonly clients: number; readonly hits: number };
  readonly replayed: boolean;
}

export type HitStatus = 'open' | 'cleared' | 'confirmed' | 'superseded';
export const HIT_STATUSES: readonly HitStatus[] = ['open', 'cleared', 'confirmed', 'superseded'];

/** A screening hit as `GET /api/v1/screening/hits` shows it. */
export interface ScreeningHit {
  readonly id: string;
  readonly clientId: string;
  readonly clientKind: 'person' | 'company';
  readonly clientName: string;
  readonly clientBirthDate: string | null;
  /** Who was screened: the client, its legal representative or its beneficial owner. */
  readonly subject: 'client' | 'legal-representative' | 'beneficial-owner';
  readonly screenedName: string;
  readonly watchlistId: string;
  readonly watchlistName: string;
  readonly watchlistKind: WatchlistKind;
  readonly watchlistVersion: number;
  readonly threshold: string;
  readonly entryId: string;
  readonly entryName: string;
  readonly entryBirthDate: string | null;
  readonly listRef: string | null;
  readonly entryLine: number;
  readonly score: string;
  readonly nameScore: string;
  /** How the list's birth date compares with the client's. */
  readonly birthDate: 'same-date' | 'same-year' | 'differs' | 'unknown';
  readonly foundBy: 'client' | 'decision' | 'list';
  readonly foundAt: string;
  readonly status: HitStatus;
  readonly decidedAt: string | null;
  readonly decidedBy: string | null;
  readonly comment: string | null;
  /** The client's decisions screening referred or declined (older runtimes leave it out). */
  readonly referredDecisions?: { readonly count: number; readonly latestId: string | null; readonly latestAt: string | null };
}

export interface HitFilter {
  readonly status?: HitStatus | undefined;
  readonly watchlistId?: string | undefined;
  readonly clientId?: string | undefined;
}

/** A list upload's refused row (422 `details[]`): its line and why, in the runtime's terms. */
export interface ListProblem {
  readonly path: string;
  readonly message: string;
  readonly line?: number;
  readonly field?: string;
  readonly reason?: 'csv-syntax' | 'field-count' | 'no-name' | 'bad-date' | 'no-name-column' | 'unknown-column' | 'no-entries';
  readonly value?: string;
  readonly fields?: number;
  readonly expected?: number;
  readonly header?: readonly string[];
  readonly column?: string;
}

/** The query string of the hits queue (empty filters left out). */
export function hitsQuery(filter: HitFilter, page: { after?: string; limit?: number } = {}): string {
  const entries = Object.entries({ ...filter, ...page }).filter(([, v]) => v !== undefined && v !== '');
  return new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString();
}

/**
 * Which text encoding a list file's bytes are in, as the runtime will read them: UTF-8 when they
 * are valid UTF-8, otherwise Latin-1 (Windows-1252) — told to the person before uploading.
 */
export function detectEncoding(bytes: Uint8Array): 'utf-8' | 'windows-1252' {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/** The compliance calls over the studio's client (`api` defaults to the browser's). */
export function complianceApi(api: ApiClient = apiClient()) {
  const enc = encodeURIComponent;
  return {
    watchlists: async () => (await api.request<{ watchlists: Watchlist[] }>('GET', '/watchlists')).watchlists,
    /** Uploads a CSV file's bytes as they are (the runtime detects UTF-8 or Latin-1). */
    uploadWatchlist: (input: { name: string; kind: WatchlistKind; threshold?: string }, file: Blob | Uint8Array) => {
      const query = new URLSearchParams({ name: input.name, kind: input.kind, ...(input.threshold ? { threshold: input.threshold } : {}) });
      return api.request<WatchlistUploadResult>('POST', `/watchlists?${query}`, file, { 'content-type': 'text/csv' });
    },
    hits: (filter: HitFilter, page: { after?: string; limit?: number } = {}) =>
      api.request<{ hits: ScreeningHit[]; nextAfter: string | null }>('GET', `/screening/hits?${hitsQuery(filter, page)}`),
    /** Not the listed person (a homonym): the note says what was checked. */
    clearHit: async (id: string, comment: string) => (await api.request<{ hit: ScreeningHit }>('POST', `/screening/hits/${enc(id)}/clear`, { comment })).hit,
    /** The listed person: the client's decisions are declined from now on. */
    confirmHit: async (id: string, comment: string) => (await api.request<{ hit: ScreeningHit }>('POST', `/screening/hits/${enc(id)}/confirm`, { comment })).hit,
  };
}

export type ComplianceApi = ReturnType<typeof complianceApi>;
