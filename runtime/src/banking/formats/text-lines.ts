// The lines of a statement file read from a stream, one at a time: a chunk boundary may split a
// line or a multi-byte character; only the line being read sits in memory.
import { z } from 'zod';

/** The character sets text statement files come in: UTF-8, or Latin-1 (Windows-1252) from older bank systems. */
export const textEncoding = z.enum(['utf-8', 'latin1']).default('utf-8');
export type TextEncoding = z.infer<typeof textEncoding>;

export interface TextLine {
  /** 1-based line number in the file. */
  readonly lineNo: number;
  /** The line without its end (`\n`, `\r\n` or `\r`). */
  readonly text: string;
}

/** Yields every line of the stream, the last one even without a final newline; a BOM is dropped. */
export async function* textLines(input: AsyncIterable<Uint8Array | string>, encoding: TextEncoding = 'utf-8'): AsyncGenerator<TextLine, void, void> {
  const decoder = new TextDecoder(encoding === 'latin1' ? 'windows-1252' : 'utf-8');
  let pending = '';
  let lineNo = 0;
  let first = true;
  for await (const chunk of input) {
    pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (first && pending.length > 0) {
      if (pending.charCodeAt(0) === 0xfeff) pending = pending.slice(1);
      first = false;
    }
    let start = 0;
    for (;;) {
      const nl = pending.indexOf('\n', start);
      if (nl < 0) break;
      const end = nl > start && pending.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      yield { lineNo: ++lineNo, text: pending.slice(start, end) };
      start = nl + 1;
    }
    pending = pending.slice(start);
  }
  pending += decoder.decode();
  if (pending.endsWith('\r')) pending = pending.slice(0, -1);
  if (pending.length > 0) yield { lineNo: ++lineNo, text: pending };
}
