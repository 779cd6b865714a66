// Autosave of a product draft to the runtime: debounced saves of the latest text, a visible state
// (saved, saving, offline with local changes, conflict), and a localStorage backup written on
// every change so nothing is lost on reload or a closed tab. No Svelte; timers and storage injected.
import { ApiError } from '../api/client.ts';

export type SaveState = 'saved' | 'saving' | 'offline' | 'conflict' | 'error';

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
  readonly save: (source: string, baseRevision: number) => Promise<{ draft: { revision: number } }>;
  readonly storage?: KeyValueStore | undefined;
  readonly debounceMs?: number;
  /** Retry delay while offline. */
  readonly retryMs?: number;
  readonly now?: () => Date;
  readonly onstate: (state: SaveState, detail?: string) => void;
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
  #pending: string | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #inFlight: Promise<void> | undefined;
  #disposed = false;

  constructor(options: AutosaveOptions) {
    this.#o = options;
    this.#revision = options.revision;
  }

  get revision(): number {
    return this.#revision;
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
    this.#schedule(this.#o.debounceMs ?? 800);
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
    if (this.#disposed || this.#pending === undefined) return;
    if (this.#inFlight) {
      // One save at a time; the newest text goes right after.
      await this.#inFlight;
      return this.#run();
    }
    const source = this.#pending;
    this.#pending = undefined;
    this.#o.onstate('saving');
    this.#inFlight = (async () => {
      try {
        const saved = await this.#o.save(source, this.#revision);
        this.#revision = saved.draft.revision;
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
          this.#o.onstate('conflict', e.message);
        } else {
          this.#o.onstate('error', e instanceof Error ? e.message : String(e));
        }
      } finally {
        this.#inFlight = undefined;
      }
    })();
    await this.#inFlight;
  }
}
