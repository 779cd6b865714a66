// Three-way merge of a draft, line by line: the text the editor loaded (base), the user's text
// (mine) and the text someone else saved meanwhile (theirs). Each side's changes are hunks over
// the base (line-diff.ts); hunks that touch different base lines both apply, even when adjacent;
// hunks over the same base lines (or insertions at the same place) that differ are a conflict,
// shown with both sides. The same change made on both sides is not a conflict.
import { applyHunks, lineHunks, splitLines, type Hunk } from './line-diff.ts';

export type MergeRegion =
  | { readonly kind: 'same'; readonly lines: readonly string[] }
  | {
      readonly kind: 'conflict';
      /** 1-based line of the region in the base text. */
      readonly baseLine: number;
      readonly base: readonly string[];
      readonly mine: readonly string[];
      readonly theirs: readonly string[];
    };

export interface MergeResult {
  readonly regions: readonly MergeRegion[];
  /** How many regions conflict. */
  readonly conflicts: number;
}

export type Side = 'mine' | 'theirs';

const overlaps = (a: Hunk, b: Hunk): boolean => (a.start === a.end && b.start === b.end ? a.start === b.start : a.start < b.end && b.start < a.end);
const sameHunk = (a: Hunk, b: Hunk): boolean => a.start === b.start && a.end === b.end && a.lines.length === b.lines.length && a.lines.every((l, i) => l === b.lines[i]);

interface Tagged {
  readonly hunk: Hunk;
  readonly side: Side;
}

/**
 * Merges `mine` and `theirs`, both edited from `base`.
 * @example
 * const merged = mergeDrafts('a\nb\nc', 'A\nb\nc', 'a\nb\nC');
 * merged.conflicts; // 0
 * mergedText(merged); // 'A\nb\nC'
 */
export function mergeDrafts(base: string, mine: string, theirs: string): MergeResult {
  const baseLines = splitLines(base);
  const mineLines = splitLines(mine);
  const theirLines = splitLines(theirs);
  const all: Tagged[] = [
    ...lineHunks(baseLines, mineLines).map((hunk) => ({ hunk, side: 'mine' as const })),
    ...lineHunks(baseLines, theirLines).map((hunk) => ({ hunk, side: 'theirs' as const })),
  ].sort((x, y) => x.hunk.start - y.hunk.start || x.hunk.end - y.hunk.end);

  // Clusters of hunks that overlap, directly or through one another.
  const clusters: Tagged[][] = [];
  for (const t of all) {
    const last = clusters.at(-1);
    if (last && last.some((u) => overlaps(u.hunk, t.hunk))) last.push(t);
    else clusters.push([t]);
  }

  const regions: MergeRegion[] = [];
  const pushSame = (lines: readonly string[]) => {
    if (lines.length === 0) return;
    const prev = regions.at(-1);
    if (prev?.kind === 'same') regions[regions.length - 1] = { kind: 'same', lines: [...prev.lines, ...lines] };
    else regions.push({ kind: 'same', lines });
  };
  let at = 0;
  let conflicts = 0;
  for (const cluster of clusters) {
    const start = Math.min(...cluster.map((t) => t.hunk.start));
    const end = Math.max(...cluster.map((t) => t.hunk.end));
    pushSame(baseLines.slice(at, start));
    const mineHunks = cluster.filter((t) => t.side === 'mine').map((t) => t.hunk);
    const theirHunks = cluster.filter((t) => t.side === 'theirs').map((t) => t.hunk);
    const span = baseLines.slice(start, end);
    const shift = (h: Hunk): Hunk => ({ start: h.start - start, end: h.end - start, lines: h.lines });
    const mineSide = applyHunks(span, mineHunks.map(shift));
    const theirSide = applyHunks(span, theirHunks.map(shift));
    const agree =
      mineHunks.length === 0 ||
      theirHunks.length === 0 ||
      (mineHunks.length === theirHunks.length && mineHunks.every((h, i) => sameHunk(h, theirHunks[i]!))) ||
      (mineSide.length === theirSide.length && mineSide.every((l, i) => l === theirSide[i]));
    if (agree) {
      pushSame(mineHunks.length === 0 ? theirSide : mineSide);
    } else {
      conflicts++;
      regions.push({ kind: 'conflict', baseLine: start + 1, base: span, mine: mineSide, theirs: theirSide });
    }
    at = end;
  }
  pushSame(baseLines.slice(at));
  return { regions, conflicts };
}

/** The merged text, each conflict settled with `side` (or, with no conflicts, simply the merge). */
export function mergedText(result: MergeResult, side: Side = 'mine'): string {
  return result.regions.flatMap((r) => (r.kind === 'same' ? r.lines : r[side])).join('\n');
}

export interface MarkerLabels {
  readonly mine: string;
  readonly theirs: string;
}

/** The merge with each conflict written out between `<<<<<<<`, `=======` and `>>>>>>>` lines, for editing by hand. */
export function textWithMarkers(result: MergeResult, labels: MarkerLabels): string {
  return result.regions
    .flatMap((r) => (r.kind === 'same' ? r.lines : [`<<<<<<< ${labels.mine}`, ...r.mine, '=======', ...r.theirs, `>>>>>>> ${labels.theirs}`]))
    .join('\n');
}

const MARKER = /^(<{7}|={7}|>{7})( |$)/m;

/** True while a text still holds a conflict marker line: such a text is never saved. */
export function hasConflictMarkers(text: string): boolean {
  return MARKER.test(text);
}
