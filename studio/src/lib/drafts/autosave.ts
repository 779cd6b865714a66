// Autosave of a product draft to the runtime: debounced saves of the latest text, a visible state
// (saved, saving, offline with local changes, conflict), and a localStorage backup written on
// every change so nothing is lost on reload or a closed tab. When someone else saved the draft
// meanwhile (409 `draft-changed`), the stored draft is fetched and merged three ways with the
// user's text (merge.ts): without overlaps the merge is saved and shown; with overlaps the save
// waits for the user's choice (`resolve`). A text holding conflict markers is never saved.
// No Svelte; timers and storage injected.
import { ApiError } from '../api/client.ts';
import { hasConflictMarkers, mergeDrafts, mergedText, type MergeResult } from './merge.ts';

/** `unresolved`: the text holds conflict markers and waits for the user to settle them. */
export type SaveState = 'saved' | 'saving' | 'offline' | 'conflict' | 'unresolved' | 'error';

/** The draft as the runtime stores it now. */
export interface ServerDraft {
  readonly source: string;
  readonly revision: number;
  /** Who saved it, for people. */
  readonly updatedByDisplay?: { readonly name: string; readonly email: string | null };
}

/** Someone else's changes and the user's overlap: both sides, and the merge with its conflicts. */
export interface DraftConflict {
  readonly base: string;
  readonly mine: string;
  readonly theirs: ServerDraft;
  readonly merge: MergeResult;
}

export interface DraftBackup {
  readonly source: string;
  /** The server revision the local text was based on. */
  readonly baseRevision: number;
  readonly savedAt: string;
}

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface AutosaveOptions {
  readonly code: string;
  /** The revision of the draft the editor opened. */
  readonly revision: number;
  /** The text of that revision (what the editor opened from the server): the merge base. */
  readonly base: string;
  readonly save: (source: string, baseRevision: number) => Promise<{ draft: { revision: number } }>;
  /** The stored draft now; without it a moved draft is only reported as a conflict. */
  readonly latest?: () => Promise<ServerDraft>;
  /** Someone else's changes merged with the user's without overlap: show `text`; it is being saved. */
  readonly onmerged?: (text: string, theirs: ServerDraft) => void;
  /** The changes overlap: show both sides, then call `resolve` with the text the user chose. */
  readonly onconflict?: (conflict: DraftConflict) => void;
  readonly storage?: KeyValueStore | undefined;
  readonly debounceMs?: number;
  /** Retry delay while offline. */
  readonly retryMs?: number;
  readonly now?: () => Date;
  /** `error`: what the runtime refused a save with (`error` state), for the studio to put in words. */
  readonly onstate: (state: SaveState, detail?: string, error?: unknown) => void;
}

const key = (code: string) => `plazo.draft.${code}`;

/** The local backup of a product's draft, if any. */
export function readBackup(storage: KeyValueStore | undefined, code: string): DraftBackup | undefined {
  const raw = storage?.getItem(key(code));
  if (!raw) return undefined;
  try {
    const b = JSON.parse(raw) as DraftBackup;
    return typeof b.source === 'string' && typeof b.baseRevision === 'number' ? b : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What the editor should open: the local backup when it differs from the server's draft and was
 * based on the same (or a later) revision — unsaved work from a closed tab or a lost connection —
 * otherwise the server's text (and a stale backup is dropped).
 */
export function textToOpen(storage: KeyValueStore | undefined, code: string, server: { source: string; revision: number }): { source: string; restored: boolean } {
  const backup = readBackup(storage, code);
  if (backup && backup.source !== server.source && backup.baseRevision >= server.revision) return { source: backup.source, restored: true };
  if (backup) storage?.removeItem(key(code));
  return { source: server.source, restored: false };
}

/**
 * @example
 * const autosave = new DraftAutosave({ code: 'nomina', revision: 3, save: (s, r) => api.saveDraft('nomina', s, r), storage: localStorage, onstate });
 * editor.onChange(() => autosave.change(editor.getValue()));
 */
export class DraftAutosave {
  #o: AutosaveOptions;
  #revision: number;
  /** The text of #revision. */
  #base: string;
  #conflict: DraftConflict | undefined;
  #pending: string | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #inFlight: Promise<void> | undefined;
  #disposed = false;

  constructor(options: AutosaveOptions) {
    this.#o = options;
    this.#revision = options.revision;
    this.#base = options.base;
  }

  get revision(): number {
    return this.#revision;
  }

  /** The overlap waiting for the user's choice, if any. */
  get conflict(): DraftConflict | undefined {
    return this.#conflict;
  }

  /**
   * Settles a conflict with the text the user chose (their side, the other side, or the merge with
   * markers to edit by hand, which is saved once no marker is left). It is saved over the stored
   * draft the conflict was computed against.
   */
  resolve(text: string): void {
    if (!this.#conflict) return;
    this.#conflict = undefined;
    this.change(text);
    void this.flush();
  }

  /** The text changed: back it up now, save it after the quiet time. */
  change(source: string): void {
    this.#pending = source;
    const backup: DraftBackup = { source, baseRevision: this.#revision, savedAt: (this.#o.now?.() ?? new Date()).toISOString() };
    try {
      this.#o.storage?.setItem(key(this.#o.code), JSON.stringify(backup));
    } catch {
      // Storage full or denied: the server save still runs.
    }
    if (!this.#conflict) this.#schedule(this.#o.debounceMs ?? 800);
  }

  /** Saves now what is pending (before publishing, or on leaving the page). */
  async flush(): Promise<void> {
    clearTimeout(this.#timer);
    await this.#inFlight;
    if (this.#pending !== undefined) await this.#run();
  }

  dispose(): void {
    this.#disposed = true;
    clearTimeout(this.#timer);
  }

  #schedule(ms: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#run(), ms);
  }

  async #run(): Promise<void> {
    if (this.#disposed || this.#pending === undefined || this.#conflict) return;
    if (this.#inFlight) {
      // One save at a time; the newest text goes right after.
      await this.#inFlight;
      return this.#run();
    }
    const source = this.#pending;
    if (hasConflictMarkers(source)) {
      this.#o.onstate('unresolved');
      return;
    }
    this.#pending = undefined;
    this.#o.onstate('saving');
    let again = false;
    this.#inFlight = (async () => {
      try {
        const saved = await this.#o.save(source, this.#revision);
        this.#revision = saved.draft.revision;
        this.#base = source;
        if (this.#pending === undefined) {
          this.#o.storage?.removeItem(key(this.#o.code));
          this.#o.onstate('saved');
        }
      } catch (e) {
        this.#pending ??= source;
        if (e instanceof ApiError && e.offline) {
          this.#o.onstate('offline');
          this.#schedule(this.#o.retryMs ?? 5000);
        } else if (e instanceof ApiError && e.code === 'draft-changed') {
          again = await this.#merge(e);
        } else {
          this.#o.onstate('error', e instanceof Error ? e.message : String(e), e);
        }
      } finally {
        this.#inFlight = undefined;
      }
    })();
    await this.#inFlight;
    if (again) await this.#run();
  }

  /** After a 409: merge with the stored draft. True when the merge is ready to be saved. */
  async #merge(moved: ApiError): Promise<boolean> {
    if (!this.#o.latest) {
      this.#o.onstate('conflict', moved.message);
      return false;
    }
    let theirs: ServerDraft;
    try {
      theirs = await this.#o.latest();
    } catch (e) {
      const offline = e instanceof ApiError && e.offline;
      this.#o.onstate(offline ? 'offline' : 'error', e instanceof Error ? e.message : String(e));
      if (offline) this.#schedule(this.#o.retryMs ?? 5000);
      return false;
    }
    const base = this.#base;
    const mine = this.#pending ?? '';
    const merge = mergeDrafts(base, mine, theirs.source);
    this.#base = theirs.source;
    this.#revision = theirs.revision;
    if (merge.conflicts > 0) {
      this.#conflict = { base, mine, theirs, merge };
      this.#o.onstate('conflict');
      this.#o.onconflict?.(this.#conflict);
      return false;
    }
    const text = mergedText(merge);
    this.#o.onmerged?.(text, theirs);
    if (text === theirs.source) {
      // Nothing of the user's is left to save (the same change on both sides).
      this.#pending = undefined;
      this.#o.storage?.removeItem(key(this.#o.code));
      this.#o.onstate('saved');
      return false;
    }
    this.#pending = text;
    return true;
  }
}
