// A watchlist prepared once for screening many names against it: every entry's words, the list's
// distinct words (its vocabulary) with the entries each appears in, and each word's letter counts.
// Screening a name compares its words with the vocabulary only — skipping, without computing,
// words whose letter counts prove Jaro-Winkler cannot reach WORD_MATCH_MINIMUM — and scores only
// the entries that share a matching word. An entry sharing none scores 0 by the scoring rule, so
// the index finds exactly what the plain scan (`scanWatchlist`) finds, which tests check.
import { InvalidInputError } from '../errors.ts';
import { letterCounts, mayReach, popcount } from './jaro-winkler.ts';
import { birthDateAgreement, EXTRA_WORD_WEIGHT, scored, screeningWords, wordsSimilarity, WORD_MATCH_MINIMUM, wordSimilarity, type NameScore, type ScreenedName } from './name-similarity.ts';

/** One name of a watchlist: its id in the list (or the caller's), the name, the birth date where given. */
export interface WatchlistName extends ScreenedName {
  readonly id: string;
}

/** An entry at or above the threshold, with its score. */
export interface WatchlistMatch extends NameScore {
  readonly id: string;
}

export interface WatchlistIndex {
  readonly size: number;
  /** Distinct words of the list. */
  readonly vocabulary: readonly string[];
  /** @internal */ readonly entries: readonly WatchlistName[];
  /** @internal each entry's words as vocabulary ids */ readonly entryWords: readonly Int32Array[];
  /** @internal entries in which each word appears */ readonly postings: readonly Int32Array[];
  /** @internal 3 tiers per word, see letterCounts */ readonly tiers: Int32Array;
  /** @internal */ readonly overflow: Uint8Array;
  /** @internal each word's length, and the longest */ readonly lengths: Uint16Array;
  /** @internal */ readonly longest: number;
  /** @internal generation stamps marking candidates of the current screening */ readonly seen: Int32Array;
  /** @internal per entry: the name word last counted, its best similarity, the sum of the best similarities */
  readonly wordSeen: Float64Array;
  /** @internal */ readonly wordBest: Float64Array;
  /** @internal */ readonly bestSum: Float64Array;
  /** @internal */ generation: number;
}

/** Prepares a list for screening (once per list version). */
export function buildWatchlistIndex(entries: readonly WatchlistName[]): WatchlistIndex {
  const ids = new Map<string, number>();
  const vocabulary: string[] = [];
  const lists: number[][] = [];
  const entryWords = entries.map((entry, e) => {
    const words = screeningWords(entry.name);
    const out = new Int32Array(words.length);
    words.forEach((w, k) => {
      let id = ids.get(w);
      if (id === undefined) {
        id = vocabulary.length;
        ids.set(w, id);
        vocabulary.push(w);
        lists.push([]);
      }
      out[k] = id;
      const posting = lists[id]!;
      if (posting[posting.length - 1] !== e) posting.push(e);
    });
    return out;
  });
  const tiers = new Int32Array(vocabulary.length * 3);
  const overflow = new Uint8Array(vocabulary.length);
  vocabulary.forEach((w, id) => {
    const counts = letterCounts(w);
    tiers.set(counts.tiers, id * 3);
    overflow[id] = counts.overflow ? 1 : 0;
  });
  return {
    size: entries.length, vocabulary, entries, entryWords, postings: lists.map((l) => Int32Array.from(l)), tiers, overflow,
    lengths: Uint16Array.from(vocabulary, (w) => w.length), longest: vocabulary.reduce((n, w) => Math.max(n, w.length), 0),
    seen: new Int32Array(entries.length), wordSeen: new Float64Array(entries.length), wordBest: new Float64Array(entries.length), bestSum: new Float64Array(entries.length), generation: 0,
  };
}

/** A threshold is in (0, 1]: entries scoring 0 share no word with the name and are never matches. */
function checkThreshold(threshold: number): void {
  if (!(threshold > 0 && threshold <= 1)) throw new InvalidInputError([{ path: 'threshold', message: `must be above 0 and at most 1, got ${threshold}` }]);
}

function byScore(a: WatchlistMatch, b: WatchlistMatch): number {
  return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** For each word of the name: the vocabulary words it matches, with their similarity. */
function matchingWords(index: WatchlistIndex, words: readonly string[]): Map<number, number>[] {
  const { vocabulary, tiers, overflow, lengths } = index;
  return words.map((word) => {
    const found = new Map<number, number>();
    const counts = letterCounts(word);
    const [t0, t1, t2] = counts.tiers;
    // The fewest common characters a word of each length needs to reach the minimum (mayReach).
    const needed = new Int32Array(index.longest + 1);
    for (let length = 1; length <= index.longest; length++) {
      let m = 0;
      while (m <= length && !mayReach(m, word.length, length, WORD_MATCH_MINIMUM)) m++;
      needed[length] = counts.overflow ? 0 : m;
    }
    for (let id = 0; id < vocabulary.length; id++) {
      if (overflow[id] === 0) {
        const common = popcount(t0 & tiers[id * 3]!) + popcount(t1 & tiers[id * 3 + 1]!) + popcount(t2 & tiers[id * 3 + 2]!);
        if (common < needed[lengths[id]!]!) continue;
      }
      const s = wordSimilarity(word, vocabulary[id]!);
      if (s > 0) found.set(id, s);
    }
    return found;
  });
}

/**
 * The entries of the list whose score against `subject` is at least `threshold` (> 0), best first.
 * @example
 * const index = buildWatchlistIndex([{ id: '1', name: 'HERNANDEZ GARCIA, Gloria', birthDate: '1956-04-27' }]);
 * screenName(index, { name: 'Gloria Hernández García', birthDate: '1956-04-27' }, 0.85) // [{ id: '1', score: 1, … }]
 */
export function screenName(index: WatchlistIndex, subject: ScreenedName, threshold: number): WatchlistMatch[] {
  checkThreshold(threshold);
  const words = screeningWords(subject.name);
  const similar = matchingWords(index, words);
  const { seen, wordSeen, wordBest, bestSum, postings } = index;
  // Per entry sharing a word: the sum over the name's words of their best similarity to any of the
  // entry's words — at least what the one-to-one matching can add up to.
  const touched: number[] = [];
  const generation = ++index.generation;
  similar.forEach((found, i) => {
    const word = generation * 4096 + i; // a name has far fewer than 4,096 words
    for (const [id, s] of found) {
      for (const e of postings[id]!) {
        if (seen[e] !== generation) {
          seen[e] = generation;
          bestSum[e] = 0;
          touched.push(e);
        }
        if (wordSeen[e] !== word) {
          wordSeen[e] = word;
          wordBest[e] = s;
          bestSum[e]! += s;
        } else if (s > wordBest[e]!) {
          bestSum[e]! += s - wordBest[e]!;
          wordBest[e] = s;
        }
      }
    }
  });
  const out: WatchlistMatch[] = [];
  for (const e of touched) {
    const entryWords = index.entryWords[e]!;
    const entry = index.entries[e]!;
    const agreement = birthDateAgreement(subject.birthDate, entry.birthDate);
    const shorter = Math.min(words.length, entryWords.length);
    const bound = Math.min(1, Math.min(bestSum[e]!, shorter) / (shorter + EXTRA_WORD_WEIGHT * Math.abs(words.length - entryWords.length)));
    // The score grows with the name score: an entry whose bound falls short is left unscored.
    if (scored(bound, agreement).score < threshold) continue;
    const names = Array.from(entryWords, (w) => index.vocabulary[w]!);
    const result = scored(wordsSimilarity(words, names, (i, j) => similar[i]!.get(entryWords[j]!) ?? 0), agreement);
    if (result.score >= threshold) out.push({ id: entry.id, ...result });
  }
  return out.sort(byScore);
}

/** The baseline: the similarity computed against every entry of the list (same rule, no index). */
export function scanWatchlist(index: WatchlistIndex, subject: ScreenedName, threshold: number): WatchlistMatch[] {
  checkThreshold(threshold);
  const words = screeningWords(subject.name);
  const out: WatchlistMatch[] = [];
  index.entries.forEach((entry, e) => {
    const names = Array.from(index.entryWords[e]!, (w) => index.vocabulary[w]!);
    const nameScore = wordsSimilarity(words, names, (i, j) => wordSimilarity(words[i]!, names[j]!));
    const result = scored(nameScore, birthDateAgreement(subject.birthDate, entry.birthDate));
    if (result.score >= threshold) out.push({ id: entry.id, ...result });
  });
  return out.sort(byScore);
}
