// Latency lines for the in-process benches: each call timed on its own, p50 and p99 in ms.

/** The `p` quantile (0..1) of `ms`, fixed to 2 decimals and padded for a column. */
export function percentile(ms: readonly number[], p: number): string {
  const sorted = [...ms].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!.toFixed(2).padStart(8);
}

/** Runs the calls one after another and prints `label  p50 … ms   p99 … ms`. */
export async function timed(label: string, calls: readonly (() => Promise<unknown>)[], width = 52): Promise<void> {
  const ms: number[] = [];
  for (const call of calls) {
    const t = performance.now();
    await call();
    ms.push(performance.now() - t);
  }
  console.log(`  ${label.padEnd(width)} p50 ${percentile(ms, 0.5)} ms   p99 ${percentile(ms, 0.99)} ms`);
}
