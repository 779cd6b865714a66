// How alike a client's name and a watchlist name are, for screening (PLD): names normalized as
// registers compare them (identity/names.ts: no accents, upper case), particles dropped (DE, LA,
// DEL, Y…), words compared in any order by Jaro-Winkler, and the birth date, where both sides
// have one, raising or lowering the score. One scoring rule, used by the plain scan and the index.
import { NAME_PARTICLES, normalizeName } from '../identity/names.ts';
import { jaroWinkler } from './jaro-winkler.ts';

/** Two words below this Jaro-Winkler similarity count as not matching at all (0). */
export const WORD_MATCH_MINIMUM = 0.8;
/** An unmatched extra word of the longer name weighs this much of a missing word. */
export const EXTRA_WORD_WEIGHT = 0.25;

/** A name's words for screening: normalized, particles dropped (all words kept when the name is only particles). */
export function screeningWords(name: string): string[] {
  const all = normalizeName(name).split(' ').filter((w) => w !== '');
  const kept = all.filter((w) => !NAME_PARTICLES.has(w));
  return kept.length > 0 ? kept : all;
}

/** Two words' similarity: Jaro-Winkler, or 0 below WORD_MATCH_MINIMUM. */
export function wordSimilarity(a: string, b: string): number {
  const s = jaroWinkler(a, b);
  return s >= WORD_MATCH_MINIMUM ? s : 0;
}

/**
 * Name similarity of two lists of words, in [0, 1]: pairs of words are matched one to one, best
 * first (ties broken by the words themselves, so the order of the words never matters); the sum of
 * the matched similarities is divided by the shorter name's length plus a quarter for each extra
 * word of the longer one. `similarity(i, j)` is the (cut-off) similarity of a[i] and b[j].
 */
export function wordsSimilarity(a: readonly string[], b: readonly string[], similarity: (i: number, j: number) => number): number {
  if (a.length === 0 || b.length === 0) return 0;
  const pairs: { i: number; j: number; s: number; key: string }[] = [];
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      const s = similarity(i, j);
      if (s > 0) pairs.push({ i, j, s, key: a[i]! < b[j]! ? `${a[i]} ${b[j]}` : `${b[j]} ${a[i]}` });
    }
  }
  if (pairs.length === 0) return 0;
  pairs.sort((x, y) => y.s - x.s || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  const usedA = new Uint8Array(a.length);
  const usedB = new Uint8Array(b.length);
  let matched = 0;
  for (const p of pairs) {
    if (usedA[p.i] || usedB[p.j]) continue;
    usedA[p.i] = 1;
    usedB[p.j] = 1;
    matched += p.s;
  }
  const shorter = Math.min(a.length, b.length);
  const longer = Math.max(a.length, b.length);
  return Math.min(1, matched / (shorter + EXTRA_WORD_WEIGHT * (longer - shorter)));
}

/** How two birth dates compare: the same day, the same year where one side gives only the year, different, or unknown (one missing). */
export type BirthDateAgreement = 'same-date' | 'same-year' | 'differs' | 'unknown';

/** `YYYY-MM-DD` or a year alone (`YYYY`, as lists sometimes give it). */
export function birthDateAgreement(a: string | null | undefined, b: string | null | undefined): BirthDateAgreement {
  if (!a || !b) return 'unknown';
  if (a === b) return a.length === 4 ? 'same-year' : 'same-date';
  if (a.length === 4 || b.length === 4) return a.slice(0, 4) === b.slice(0, 4) ? 'same-year' : 'differs';
  return 'differs';
}

/**
 * The name score moved by the birth dates: the same day closes half the gap to 1 in proportion to
 * the name score (a name that does not match stays at 0), the same year a fifth of it; a different
 * date takes a fifth off — a homonym born another day falls below a usual threshold of 0.85.
 */
export function withBirthDate(nameScore: number, agreement: BirthDateAgreement): number {
  switch (agreement) {
    case 'same-date': return nameScore + (1 - nameScore) * nameScore * 0.5;
    case 'same-year': return nameScore + (1 - nameScore) * nameScore * 0.2;
    case 'differs': return nameScore * 0.8;
    case 'unknown': return nameScore;
  }
}

/** Scores are given to 4 decimals (stored as NUMERIC(5,4)). */
export function roundScore(score: number): number {
  return Math.round(score * 10_000) / 10_000;
}

/** One name (and birth date, where known) to compare: a client, or a watchlist entry. */
export interface ScreenedName {
  readonly name: string;
  /** `YYYY-MM-DD`, or `YYYY` when only the year is known. */
  readonly birthDate?: string | null | undefined;
}

export interface NameScore {
  /** The final score in [0, 1], to 4 decimals. */
  readonly score: number;
  /** The names alone, to 4 decimals. */
  readonly nameScore: number;
  readonly birthDate: BirthDateAgreement;
}

/**
 * The screening score of two names with their birth dates.
 * @example
 * screeningScore({ name: 'Hernández García Gloria' }, { name: 'GLORIA HERNANDEZ GARCIA' }).score // 1
 */
export function screeningScore(a: ScreenedName, b: ScreenedName): NameScore {
  const wa = screeningWords(a.name);
  const wb = screeningWords(b.name);
  return scored(wordsSimilarity(wa, wb, (i, j) => wordSimilarity(wa[i]!, wb[j]!)), birthDateAgreement(a.birthDate, b.birthDate));
}

export function scored(nameScore: number, birthDate: BirthDateAgreement): NameScore {
  return { score: roundScore(withBirthDate(nameScore, birthDate)), nameScore: roundScore(nameScore), birthDate };
}
