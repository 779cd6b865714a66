// A watchlist prepared once for screening many names against it: every entry's words, the list's
// distinct words (its vocabulary) with the entries each appears in, and each word's letter counts.
// Screening a name compares its words with the vocabulary only — skipping, without computing,
// words whose letter counts prove Jaro-Winkler cannot reach WORD_MATCH_MINIMUM — and scores only
// the entries that share a matching word. An entry sharing none scores 0 by the scoring rule, so
// the index finds exactly what the plain scan (`scanWatchlist`) finds, which tests check.
import { InvalidInputError } from '../errors.ts';
import { letterCounts, mayReach, popcount } from './jaro-winkler.ts';
import { birthDateAgreement, scored, screeningWords, wordsSimilarity, WORD_MATCH_MINIMUM, wordSimilarity, type NameScore, type ScreenedName } from './name-similarity.ts';

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
  /** @internal generation stamps marking candidates of the current screening */ readonly seen: Int32Array;
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
    seen: new Int32Array(entries.length), generation: 0,
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
  return words.map((word) => {
    const found = new Map<number, number>();
    const counts = letterCounts(word);
    const [t0, t1, t2] = counts.tiers;
    const { vocabulary, tiers, overflow } = index;
    for (let id = 0; id < vocabulary.length; id++) {
      const candidate = vocabulary[id]!;
      if (!counts.overflow && overflow[id] === 0) {
        const common = popcount(t0 & tiers[id * 3]!) + popcount(t1 & tiers[id * 3 + 1]!) + popcount(t2 & tiers[id * 3 + 2]!);
        if (!mayReach(common, word.length, candidate.length, WORD_MATCH_MINIMUM)) continue;
      }
      const s = wordSimilarity(word, candidate);
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
  const generation = ++index.generation;
  const out: WatchlistMatch[] = [];
  for (const found of similar) {
    for (const id of found.keys()) {
      for (const e of index.postings[id]!) {
        if (index.seen[e] === generation) continue;
        index.seen[e] = generation;
        const entryWords = index.entryWords[e]!;
        const entry = index.entries[e]!;
        const names = Array.from(entryWords, (w) => index.vocabulary[w]!);
        const nameScore = wordsSimilarity(words, names, (i, j) => similar[i]!.get(entryWords[j]!) ?? 0);
        const result = scored(nameScore, birthDateAgreement(subject.birthDate, entry.birthDate));
        if (result.score >= threshold) out.push({ id: entry.id, ...result });
      }
    }
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
