// Timing helpers shared by the benchmarks: warm up, then count calls in fixed time windows. Rounds
// of the compared functions are interleaved and the best round is kept, so a busy machine slows
// every contender alike instead of whichever ran during the noise.

/** Calls per second of `fn` over one window of about `ms` milliseconds. */
export function perSecond(fn: () => unknown, ms = 1500): number {
  let calls = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 20; i++) fn();
    calls += 20;
    now = performance.now();
  }
  return (calls * 1000) / (now - start);
}

/** Best calls per second of each function over `rounds` interleaved windows. */
export function compare<K extends string>(fns: Record<K, () => unknown>, rounds = 6, ms = 400): Record<K, number> {
  const best = {} as Record<K, number>;
  const names = Object.keys(fns) as K[];
  for (const name of names) {
    perSecond(fns[name], ms / 2);
    best[name] = 0;
  }
  for (let r = 0; r < rounds; r++) for (const name of names) best[name] = Math.max(best[name], perSecond(fns[name], ms));
  return best;
}

export function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US').padStart(10);
}
