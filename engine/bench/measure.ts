// Timing helpers shared by the benchmarks: warm up, then count calls in fixed time windows. Rounds
// of the compared functions are interleaved and the best round is kept, so a busy machine slows
// every contender alike instead of whichever ran during the noise.

/** Calls per second of `fn` over one window of about `ms` milliseconds. */
export function perSecond(fn: () => unknown, ms = 1500): number {
  return timeWindow(fn, ms).wall;
}

/** Calls per second by wall-clock time and by this process's CPU time (user + system). */
export interface Rates {
  readonly wall: number;
  readonly cpu: number;
}

/**
 * One window of about `ms` milliseconds: calls per wall-clock second, and per CPU second of this
 * process (GC and compiler threads included), which a machine loaded by other work distorts less.
 */
export function timeWindow(fn: () => unknown, ms = 1500): Rates {
  let calls = 0;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 20; i++) fn();
    calls += 20;
    now = performance.now();
  }
  const cpu = process.cpuUsage(cpu0);
  return { wall: (calls * 1000) / (now - start), cpu: (calls * 1e6) / Math.max(1, cpu.user + cpu.system) };
}

/** Best calls per second of each function over `rounds` interleaved windows. */
export function compare<K extends string>(fns: Record<K, () => unknown>, rounds = 6, ms = 400): Record<K, number> {
  const rates = compareRates(fns, rounds, ms);
  const best = {} as Record<K, number>;
  for (const name of Object.keys(fns) as K[]) best[name] = rates[name].wall;
  return best;
}

/** {@link compare} reporting both the best wall-clock and the best CPU-time rate of each function. */
export function compareRates<K extends string>(fns: Record<K, () => unknown>, rounds = 6, ms = 400): Record<K, Rates> {
  const wall = {} as Record<K, number>;
  const cpu = {} as Record<K, number>;
  const names = Object.keys(fns) as K[];
  for (const name of names) {
    timeWindow(fns[name], ms / 2);
    wall[name] = 0;
    cpu[name] = 0;
  }
  for (let r = 0; r < rounds; r++) {
    for (const name of names) {
      const w = timeWindow(fns[name], ms);
      wall[name] = Math.max(wall[name], w.wall);
      cpu[name] = Math.max(cpu[name], w.cpu);
    }
  }
  const out = {} as Record<K, Rates>;
  for (const name of names) out[name] = { wall: wall[name], cpu: cpu[name] };
  return out;
}

export function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US').padStart(10);
}
