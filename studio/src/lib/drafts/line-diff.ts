// The changes that turn one text into another, line by line, as hunks over the first text's lines:
// what the three-way merge of drafts (merge.ts) works on. Myers' O(ND) shortest edit script on the
// lines between the common prefix and suffix; past MAX_EDITS differences the whole middle is one
// hunk (still a correct diff, only coarser), so a pasted file never costs quadratic memory.

/** Replace `base` lines [start, end) with `lines` (an insertion when start === end). */
export interface Hunk {
  readonly start: number;
  readonly end: number;
  readonly lines: readonly string[];
}

const MAX_EDITS = 2_000;

/** A text's lines: split on `\n`, so `a\nb\n` is `['a', 'b', '']` and joining with `\n` gives it back. */
export function splitLines(text: string): string[] {
  return text.split('\n');
}

/**
 * The hunks turning `base` into `other`, in order, none overlapping or touching.
 * @example lineHunks(['a', 'b', 'c'], ['a', 'x', 'c']) // [{ start: 1, end: 2, lines: ['x'] }]
 */
export function lineHunks(base: readonly string[], other: readonly string[]): Hunk[] {
  let prefix = 0;
  while (prefix < base.length && prefix < other.length && base[prefix] === other[prefix]) prefix++;
  let suffix = 0;
  while (suffix < base.length - prefix && suffix < other.length - prefix && base[base.length - 1 - suffix] === other[other.length - 1 - suffix]) suffix++;
  const a = base.slice(prefix, base.length - suffix);
  const b = other.slice(prefix, other.length - suffix);
  if (a.length === 0 && b.length === 0) return [];
  const script = editScript(a, b);
  if (!script) return [{ start: prefix, end: prefix + a.length, lines: b }];
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  let k = 0;
  while (k < script.length) {
    if (script[k] === '=') {
      i++;
      j++;
      k++;
      continue;
    }
    const start = i;
    const lines: string[] = [];
    while (k < script.length && script[k] !== '=') {
      if (script[k] === '-') i++;
      else lines.push(b[j++]!);
      k++;
    }
    hunks.push({ start: prefix + start, end: prefix + i, lines });
  }
  return hunks;
}

/** `=` keep, `-` delete from a, `+` insert from b; undefined past MAX_EDITS. */
function editScript(a: readonly string[], b: readonly string[]): string[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDITS);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let done = -1;
  for (let d = 0; d <= max && done < 0; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        done = d;
        break;
      }
    }
  }
  if (done < 0) return undefined;
  // Walk back through the saved frontiers (trace[d] holds v[-d-1 .. d+1] before step d).
  const script: string[] = [];
  let x = n;
  let y = m;
  for (let d = done; d > 0; d--) {
    const prev = trace[d]!;
    const at = (k: number) => prev[k + d + 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      script.push('=');
      x--;
      y--;
    }
    script.push(down ? '+' : '-');
    if (down) y--;
    else x--;
  }
  while (x > 0 && y > 0) {
    script.push('=');
    x--;
    y--;
  }
  return script.reverse();
}

/** `base` with `hunks` (sorted, not overlapping) applied. */
export function applyHunks(base: readonly string[], hunks: readonly Hunk[]): string[] {
  const out: string[] = [];
  let at = 0;
  for (const h of hunks) {
    out.push(...base.slice(at, h.start), ...h.lines);
    at = h.end;
  }
  out.push(...base.slice(at));
  return out;
}
