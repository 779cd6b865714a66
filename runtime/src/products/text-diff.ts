// Line diff of two texts (Myers' O(ND) algorithm) and its grouping into unified-diff hunks:
// what changed between two versions of a product's source.

export type DiffLine =
  | { readonly op: 'equal'; readonly oldLine: number; readonly newLine: number; readonly text: string }
  | { readonly op: 'delete'; readonly oldLine: number; readonly text: string }
  | { readonly op: 'insert'; readonly newLine: number; readonly text: string };

export interface DiffHunk {
  /** 1-based first line and line count on each side, as in `@@ -a,b +c,d @@`. */
  readonly oldStart: number;
  readonly oldLines: number;
  readonly newStart: number;
  readonly newLines: number;
  readonly lines: readonly DiffLine[];
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/**
 * The shortest edit script turning `before` into `after`, line by line (1-based line numbers).
 *
 * @example
 * lineDiff('a\nb\n', 'a\nc\n') // equal a, delete b, insert c
 */
export function lineDiff(before: string, after: string): DiffLine[] {
  const a = splitLines(before);
  const b = splitLines(after);
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x: number;
      if (k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)) x = v[offset + k + 1]!;
      else x = v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk the trace back from (n, m) to (0, 0).
  const script: DiffLine[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d]!;
    const k = x - y;
    let prevK: number;
    if (d === 0) prevK = 0;
    else if (k === -d || (k !== d && vd[offset + k - 1]! < vd[offset + k + 1]!)) prevK = k + 1;
    else prevK = k - 1;
    const prevX = d === 0 ? 0 : vd[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      script.push({ op: 'equal', oldLine: x + 1, newLine: y + 1, text: a[x]! });
    }
    if (d > 0) {
      if (x === prevX) {
        y--;
        script.push({ op: 'insert', newLine: y + 1, text: b[y]! });
      } else {
        x--;
        script.push({ op: 'delete', oldLine: x + 1, text: a[x]! });
      }
    }
  }
  return script.reverse();
}

/** Groups a line diff into hunks with `context` unchanged lines around each change. */
export function diffHunks(lines: readonly DiffLine[], context = 3): DiffHunk[] {
  const changed = lines.map((l, i) => (l.op === 'equal' ? -1 : i)).filter((i) => i >= 0);
  const hunks: DiffHunk[] = [];
  let i = 0;
  while (i < changed.length) {
    const start = Math.max(0, changed[i]! - context);
    let end = Math.min(lines.length, changed[i]! + context + 1);
    while (i + 1 < changed.length && changed[i + 1]! - context <= end) {
      i++;
      end = Math.min(lines.length, changed[i]! + context + 1);
    }
    i++;
    const slice = lines.slice(start, end);
    const before = lines.slice(0, start);
    const oldBefore = before.filter((l) => l.op !== 'insert').length;
    const newBefore = before.filter((l) => l.op !== 'delete').length;
    const oldLines = slice.filter((l) => l.op !== 'insert').length;
    const newLines = slice.filter((l) => l.op !== 'delete').length;
    // As in GNU diff: an empty side names the line after which the change goes.
    const oldStart = oldLines > 0 ? oldBefore + 1 : oldBefore;
    const newStart = newLines > 0 ? newBefore + 1 : newBefore;
    hunks.push({ oldStart, oldLines, newStart, newLines, lines: slice });
  }
  return hunks;
}

/** A unified diff (`--- a`, `+++ b`, `@@ ... @@`, ` `/`-`/`+` lines) of two texts. */
export function unifiedDiff(before: string, after: string, labels: { before: string; after: string }, context = 3): string {
  const hunks = diffHunks(lineDiff(before, after), context);
  if (hunks.length === 0) return '';
  const out = [`--- ${labels.before}`, `+++ ${labels.after}`];
  for (const h of hunks) {
    out.push(`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`);
    for (const l of h.lines) out.push(`${l.op === 'equal' ? ' ' : l.op === 'delete' ? '-' : '+'}${l.text}`);
  }
  return out.join('\n') + '\n';
}
