import { describe, expect, it } from 'vitest';
import { isDatabaseError } from './postgres-errors.ts';
import { StatementBatcher } from './statement-batcher.ts';

describe('StatementBatcher', () => {
  it('sends what arrives together as one group, and at most maxInFlight groups at once', async () => {
    const groups: number[][] = [];
    let inFlight = 0;
    let most = 0;
    const batcher = new StatementBatcher(
      async (items: readonly number[]) => {
        groups.push([...items]);
        most = Math.max(most, ++inFlight);
        await new Promise((r) => setTimeout(r, 5));
        inFlight--;
        return items.map((n) => n * 10);
      },
      { maxBatch: 4, maxInFlight: 2 },
    );
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => batcher.submit(i)));
    expect(results).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(groups.flat().sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(groups.every((g) => g.length <= 4)).toBe(true);
    expect(groups[0]).toEqual([0, 1, 2, 3]);
    expect(most).toBe(2);
  });

  it('splits a group whose failure left nothing behind, so that each item gets its own result or error', async () => {
    const calls: number[][] = [];
    const batcher = new StatementBatcher(
      async (items: readonly number[]) => {
        calls.push([...items]);
        if (items.includes(3)) throw new Error(`bad ${items.join(',')}`);
        return items.map((n) => n + 1);
      },
      { maxBatch: 8, maxInFlight: 1, splitOn: (error) => (error as Error).message.startsWith('bad') },
    );
    const settled = await Promise.allSettled([1, 2, 3, 4].map((n) => batcher.submit(n)));
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : (s.reason as Error).message))).toEqual([2, 3, 'bad 3', 5]);
    expect(calls[0]).toEqual([1, 2, 3, 4]);
    expect(calls.slice(1).every((c) => c.length === 1)).toBe(true);
  });

  it('fails the whole group, without retrying, on a failure that may have written (a lost connection)', async () => {
    let calls = 0;
    const batcher = new StatementBatcher(
      async () => {
        calls++;
        throw Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
      },
      { maxBatch: 8, maxInFlight: 1, splitOn: isDatabaseError },
    );
    const settled = await Promise.allSettled([1, 2, 3].map((n) => batcher.submit(n)));
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(calls).toBe(1);
    expect(isDatabaseError(Object.assign(new Error('x'), { code: 'PZ010' }))).toBe(true);
  });

  it('rejects every item when the statement returns the wrong number of results', async () => {
    const batcher = new StatementBatcher(async () => [1], { maxBatch: 8, maxInFlight: 1 });
    const settled = await Promise.allSettled([batcher.submit('a'), batcher.submit('b')]);
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected']);
  });
});
