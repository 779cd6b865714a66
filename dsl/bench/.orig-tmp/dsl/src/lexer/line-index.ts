// Converts absolute offsets to 0-based line/column positions (UTF-16 units), for diagnostics whose
// place comes from an offset rather than a token, such as the end of the text.
import type { Position, Range } from '../ast/nodes.ts';

/** Offsets of line starts in a text, for offset → position lookups by binary search. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
    }
  }

  /** The position of an offset, clamped into [0, text.length]. */
  position(offset: number): Position {
    const at = Math.max(0, Math.min(Number.isFinite(offset) ? offset : this.text.length, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= at) low = mid;
      else high = mid - 1;
    }
    return { line: low, column: at - (this.starts[low] ?? 0), offset: at };
  }

  /** The range [start, end) of two offsets. */
  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(Math.max(start, end)) };
  }

  /** 0-based line of an offset. */
  line(offset: number): number {
    return this.position(offset).line;
  }
}
