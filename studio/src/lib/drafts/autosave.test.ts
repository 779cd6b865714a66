import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client.ts';
import { DraftAutosave, readBackup, textToOpen, type DraftConflict, type KeyValueStore, type SaveState, type ServerDraft } from './autosave.ts';
import { mergedText, textWithMarkers } from './merge.ts';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('draft autosave', () => {
  it('backs up at once, saves the latest text once after the quiet time, then clears the backup', async () => {
    const storage = memoryStore();
    const states: SaveState[] = [];
    const saved: [string, number][] = [];
    const autosave = new DraftAutosave({
      code: 'nomina', revision: 3, base: '', storage, debounceMs: 500,
      save: async (s, r) => (saved.push([s, r]), { draft: { revision: r + 1 } }),
      onstate: (s) => states.push(s),
    });
    autosave.change('a');
    autosave.change('ab');
    expect(readBackup(storage, 'nomina')).toMatchObject({ source: 'ab', baseRevision: 3 });
    await vi.advanceTimersByTimeAsync(500);
    expect(saved).toEqual([['ab', 3]]);
    expect(states).toEqual(['saving', 'saved']);
    expect(autosave.revision).toBe(4);
    expect(readBackup(storage, 'nomina')).toBeUndefined();
  });

  it('offline: keeps the local copy, says so, and retries until the runtime answers', async () => {
    const storage = memoryStore();
    const states: SaveState[] = [];
    let online = false;
    const autosave = new DraftAutosave({
      code: 'nomina', revision: 1, base: '', storage, debounceMs: 100, retryMs: 1000,
      save: async (_s, r) => {
        if (!online) throw new ApiError(0, 'offline', 'fetch failed');
        return { draft: { revision: r + 1 } };
      },
      onstate: (s) => states.push(s),
    });
    autosave.change('local work');
    await vi.advanceTimersByTimeAsync(100);
    expect(states.at(-1)).toBe('offline');
    expect(readBackup(storage, 'nomina')?.source).toBe('local work');
    online = true;
    await vi.advanceTimersByTimeAsync(1000);
    expect(states.at(-1)).toBe('saved');
    expect(readBackup(storage, 'nomina')).toBeUndefined();
  });

  it('a draft moved by someone else is a conflict, not an overwrite', async () => {
    const states: SaveState[] = [];
    const autosave = new DraftAutosave({
      code: 'nomina', revision: 1, base: '', debounceMs: 10,
      save: async () => { throw new ApiError(409, 'draft-changed', 'the draft is at revision 2, not 1'); },
      onstate: (s) => states.push(s),
    });
    autosave.change('x');
    await vi.advanceTimersByTimeAsync(10);
    expect(states.at(-1)).toBe('conflict');
  });

  /** A runtime holding one draft: saves with a stale base revision are refused (409) as the API does. */
  function fakeRuntime(source: string, revision: number) {
    const server = { source, revision, saves: [] as [string, number][] };
    return {
      server,
      save: async (s: string, base: number) => {
        server.saves.push([s, base]);
        if (base !== server.revision) throw new ApiError(409, 'draft-changed', `the draft is at revision ${server.revision}, not ${base}`);
        server.source = s;
        server.revision++;
        return { draft: { revision: server.revision } };
      },
      latest: async (): Promise<ServerDraft> => ({ source: server.source, revision: server.revision, updatedByDisplay: { name: 'Lucía', email: null } }),
      /** Someone else saves. */
      saveAsOther(s: string) {
        server.source = s;
        server.revision++;
      },
    };
  }

  it('someone else saved other lines: merges, shows the merge and saves it', async () => {
    const base = 'a\nb\nc\nd\n';
    const rt = fakeRuntime(base, 1);
    const states: SaveState[] = [];
    const merged: string[] = [];
    const autosave = new DraftAutosave({ code: 'nomina', revision: 1, base, debounceMs: 10, save: rt.save, latest: rt.latest, onstate: (s) => states.push(s), onmerged: (t) => merged.push(t) });
    rt.saveAsOther('a\nb\nc\nD\n');
    autosave.change('A\nb\nc\nd\n');
    await vi.advanceTimersByTimeAsync(10);
    expect(merged).toEqual(['A\nb\nc\nD\n']);
    expect(rt.server).toMatchObject({ source: 'A\nb\nc\nD\n', revision: 3 });
    expect(rt.server.saves).toEqual([['A\nb\nc\nd\n', 1], ['A\nb\nc\nD\n', 2]]);
    expect(states.at(-1)).toBe('saved');
    expect(autosave.revision).toBe(3);
    // The next edit is based on the merge and saves without a conflict.
    autosave.change('A\nb\nC\nD\n');
    await vi.advanceTimersByTimeAsync(10);
    expect(rt.server).toMatchObject({ source: 'A\nb\nC\nD\n', revision: 4 });
  });

  it('overlapping changes wait for the user: nothing is saved until resolved, then the choice is', async () => {
    const base = 'a\nb\nc\n';
    const rt = fakeRuntime(base, 1);
    const states: SaveState[] = [];
    const conflicts: DraftConflict[] = [];
    const autosave = new DraftAutosave({ code: 'nomina', revision: 1, base, debounceMs: 10, save: rt.save, latest: rt.latest, onstate: (s) => states.push(s), onconflict: (c) => conflicts.push(c) });
    rt.saveAsOther('a\nTHEIRS\nc\n');
    autosave.change('a\nMINE\nc\n');
    await vi.advanceTimersByTimeAsync(10);
    expect(states.at(-1)).toBe('conflict');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ base, mine: 'a\nMINE\nc\n', theirs: { source: 'a\nTHEIRS\nc\n', revision: 2 } });
    expect(conflicts[0]!.merge.conflicts).toBe(1);
    // Edits while the choice is pending are kept locally, not saved.
    autosave.change('a\nMINE2\nc\n');
    await vi.advanceTimersByTimeAsync(100);
    expect(rt.server.saves).toHaveLength(1);
    // Edit the merge by hand: a text with markers is refused until they are gone.
    const marked = textWithMarkers(conflicts[0]!.merge, { mine: 'mío', theirs: 'suyo' });
    autosave.resolve(marked);
    await vi.advanceTimersByTimeAsync(100);
    expect(states.at(-1)).toBe('unresolved');
    expect(rt.server.saves).toHaveLength(1);
    autosave.change('a\nMINE y THEIRS\nc\n');
    await vi.advanceTimersByTimeAsync(10);
    expect(rt.server).toMatchObject({ source: 'a\nMINE y THEIRS\nc\n', revision: 3 });
    expect(states.at(-1)).toBe('saved');
  });

  it('keep mine / take theirs settle each conflict with one side and keep the other changes', async () => {
    const base = 'a\nb\nc\nd\ne\n';
    const rt = fakeRuntime(base, 1);
    let conflict: DraftConflict | undefined;
    const autosave = new DraftAutosave({ code: 'nomina', revision: 1, base, debounceMs: 10, save: rt.save, latest: rt.latest, onstate: () => {}, onconflict: (c) => (conflict = c) });
    rt.saveAsOther('a\nb\nTHEIRS\nd\nE\n');
    autosave.change('A\nb\nMINE\nd\ne\n');
    await vi.advanceTimersByTimeAsync(10);
    expect(mergedText(conflict!.merge, 'theirs')).toBe('A\nb\nTHEIRS\nd\nE\n');
    autosave.resolve(mergedText(conflict!.merge, 'mine'));
    await vi.advanceTimersByTimeAsync(10);
    expect(rt.server).toMatchObject({ source: 'A\nb\nMINE\nd\nE\n', revision: 3 });
    expect(autosave.conflict).toBeUndefined();
  });

  it('on reload, restores unsaved local work and drops a stale backup', () => {
    const storage = memoryStore();
    storage.setItem('plazo.draft.nomina', JSON.stringify({ source: 'mine', baseRevision: 4, savedAt: '' }));
    expect(textToOpen(storage, 'nomina', { source: 'server', revision: 4 })).toEqual({ source: 'mine', restored: true });
    expect(textToOpen(storage, 'nomina', { source: 'server', revision: 5 })).toEqual({ source: 'server', restored: false });
    expect(storage.data.size).toBe(0);
  });
});
