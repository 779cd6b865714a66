import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client.ts';
import { DraftAutosave, readBackup, textToOpen, type KeyValueStore, type SaveState } from './autosave.ts';

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
      code: 'nomina', revision: 3, storage, debounceMs: 500,
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
      code: 'nomina', revision: 1, storage, debounceMs: 100, retryMs: 1000,
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
      code: 'nomina', revision: 1, debounceMs: 10,
      save: async () => { throw new ApiError(409, 'draft-changed', 'the draft is at revision 2, not 1'); },
      onstate: (s) => states.push(s),
    });
    autosave.change('x');
    await vi.advanceTimersByTimeAsync(10);
    expect(states.at(-1)).toBe('conflict');
  });

  it('on reload, restores unsaved local work and drops a stale backup', () => {
    const storage = memoryStore();
    storage.setItem('plazo.draft.nomina', JSON.stringify({ source: 'mine', baseRevision: 4, savedAt: '' }));
    expect(textToOpen(storage, 'nomina', { source: 'server', revision: 4 })).toEqual({ source: 'mine', restored: true });
    expect(textToOpen(storage, 'nomina', { source: 'server', revision: 5 })).toEqual({ source: 'server', restored: false });
    expect(storage.data.size).toBe(0);
  });
});
