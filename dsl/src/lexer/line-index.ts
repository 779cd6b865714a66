// Converts absolute offsets to 0-based line/column positions (UTF-16 units), for diagnostics whose
// place comes from an offset rather than a token, such as the end of the text — and for token
// ranges: the lexer tracks offsets only, lines and columns come from here.
import type { Position, Range } from '../ast/nodes.ts';

/** Offsets of line starts in a text, for offset → position lookups by binary search. */
export class LineIndex {
  private readonly starts: number[] = [0];
  /** The line of the last lookup: the AST builder asks in nearly ascending order. */
  private hint = 0;

  constructor(readonly text: string) {
    // Line terminators as the lexer counts them (Chevrotain's default): \n, \r\n and a lone \r.
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
    }
  }

  /** The position of an offset, clamped into [0, text.length]. */
  position(offset: number): Position {
    const at = Math.max(0, Math.min(Number.isFinite(offset) ? offset : this.text.length, this.text.length));
    const line = this.lineAt(at);
    return { line, column: at - this.starts[line]!, offset: at };
  }

  /** The range [start, end) of two offsets. */
  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(Math.max(start, end)) };
  }

  /** 0-based line of an offset. */
  line(offset: number): number {
    return this.position(offset).line;
  }

  /** The line holding `at`, an offset already clamped into the text. */
  private lineAt(at: number): number {
    const starts = this.starts;
    const last = starts.length - 1;
    let low = this.hint;
    // The hinted line or the next one (consecutive tokens), else a binary search.
    if (starts[low]! <= at && (low === last || starts[low + 1]! > at)) return low;
    if (low < last && starts[low + 1]! <= at && (low + 1 === last || starts[low + 2]! > at)) return (this.hint = low + 1);
    low = 0;
    let high = last;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= at) low = mid;
      else high = mid - 1;
    }
    return (this.hint = low);
  }
}
