// Jaro-Winkler similarity of two words (of normalized names: A–Z, 0–9), and a cheap upper bound
// on the characters two words can have in common, which lets a watchlist index skip words that
// cannot reach the similarity a match needs without computing it.

/** Winkler's prefix bonus applies only above this Jaro similarity. */
const BOOST_THRESHOLD = 0.7;
const PREFIX_SCALE = 0.1;
const MAX_PREFIX = 4;

const flagsA = new Uint8Array(64);
const flagsB = new Uint8Array(64);

/** Jaro similarity in [0, 1]: common characters within half the longer length, and transpositions. */
export function jaro(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const fa = la <= 64 ? flagsA : new Uint8Array(la);
  const fb = lb <= 64 ? flagsB : new Uint8Array(lb);
  fa.fill(0, 0, la);
  fb.fill(0, 0, lb);
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  let m = 0;
  for (let i = 0; i < la; i++) {
    const c = a.charCodeAt(i);
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (fb[j] === 0 && b.charCodeAt(j) === c) {
        fa[i] = 1;
        fb[j] = 1;
        m++;
        break;
      }
    }
  }
  if (m === 0) return 0;
  let half = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (fa[i] === 0) continue;
    while (fb[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) half++;
    k++;
  }
  return (m / la + m / lb + (m - half / 2) / m) / 3;
}

/** Jaro-Winkler: Jaro plus a bonus for a common prefix of up to 4 characters (above Jaro 0.7). */
export function jaroWinkler(a: string, b: string): number {
  const j = jaro(a, b);
  if (j <= BOOST_THRESHOLD) return j;
  let prefix = 0;
  const limit = Math.min(MAX_PREFIX, a.length, b.length);
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return j + prefix * PREFIX_SCALE * (1 - j);
}

/**
 * A word's letters as counts in three bit masks (bit s of tier t: symbol s appears more than t
 * times; A–Z are symbols 0–25, every digit is symbol 26). For two words without a symbol 4 times,
 * the popcounts of the tiers' intersections add up to the characters they share — more than Jaro
 * can match, so a bound. `overflow`: some symbol appears 4 times or more (no bound).
 */
export interface LetterCounts {
  readonly tiers: readonly [number, number, number];
  readonly overflow: boolean;
}

export function letterCounts(word: string): LetterCounts {
  const counts = new Uint8Array(27);
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    counts[c >= 65 && c <= 90 ? c - 65 : 26]!++;
  }
  const tiers: [number, number, number] = [0, 0, 0];
  let overflow = false;
  for (let s = 0; s < 27; s++) {
    const n = counts[s]!;
    for (let t = 0; t < Math.min(n, 3); t++) tiers[t as 0 | 1 | 2] |= 1 << s;
    if (n > 3) overflow = true;
  }
  return { tiers, overflow };
}

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * False only when Jaro-Winkler of two words of lengths `la`, `lb` sharing at most `common`
 * characters is surely below `minimum`: Jaro-Winkler ≥ minimum needs Jaro > 0.7 (no bonus
 * below), and Jaro ≤ (m/la + m/lb + 1)/3.
 */
export function mayReach(common: number, la: number, lb: number, minimum: number): boolean {
  const maxBonus = MAX_PREFIX * PREFIX_SCALE;
  const jaroNeeded = minimum > BOOST_THRESHOLD ? Math.max(BOOST_THRESHOLD, (minimum - maxBonus) / (1 - maxBonus)) : minimum;
  return (common / la + common / lb + 1) / 3 > jaroNeeded - 1e-12;
}
