// The largest integer in a range satisfying a monotone predicate (true up to some point, false
// after), found by galloping from a guess and then bisecting: few probes when the guess is close.

/**
 * The largest k in [lo, hi] with `fits(k)`, assuming fits is true on a prefix of the range and
 * false after it; undefined when even `lo` does not fit. Starts at `guess` (clamped into range),
 * gallops by doubling steps to bracket the boundary, then bisects.
 * @example largestFitting(0, 100, 50, (k) => k * k <= 2000) // 44
 */
export function largestFitting(lo: number, hi: number, guess: number, fits: (k: number) => boolean): number | undefined {
  if (hi < lo) return undefined;
  const start = Math.min(hi, Math.max(lo, Math.floor(guess)));
  let good: number;
  let bad: number;
  if (fits(start)) {
    good = start;
    bad = hi + 1;
    for (let step = 1; good < hi; step *= 2) {
      const probe = Math.min(hi, good + step);
      if (fits(probe)) good = probe;
      else {
        bad = probe;
        break;
      }
    }
  } else {
    bad = start;
    good = lo - 1;
    for (let step = 1; bad > lo; step *= 2) {
      const probe = Math.max(lo, bad - step);
      if (fits(probe)) {
        good = probe;
        break;
      }
      bad = probe;
    }
    if (good < lo) return undefined;
  }
  while (bad - good > 1) {
    const mid = good + Math.floor((bad - good) / 2);
    if (fits(mid)) good = mid;
    else bad = mid;
  }
  return good;
}
