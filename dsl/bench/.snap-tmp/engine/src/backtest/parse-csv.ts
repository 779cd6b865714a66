// A small RFC 4180 CSV parser for historical application files: comma-separated fields, CRLF or
// LF line ends, double-quoted fields that may hold commas, line breaks and doubled quotes.
import { InvalidInputError } from '../errors.ts';

/** One data record: its fields as written (unquoted) and the line it starts on (1-based). */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

/** A parsed file: the header's column names and the records after it. */
export interface CsvTable {
  readonly header: readonly string[];
  readonly records: readonly CsvRecord[];
}

/**
 * Parses CSV text (RFC 4180; LF line ends and a UTF-8 byte-order mark accepted; blank lines
 * skipped). The first record is the header: column names trimmed, non-empty and unique. Records
 * keep their own field count — a record with more or fewer fields than the header is the caller's
 * to report. Throws InvalidInputError, by line, for an unterminated quoted field, a quote inside an
 * unquoted field, text after a closing quote, or a bad header. The result is frozen.
 * @example parseCsv('a,b\n1,"x, ""y"""\n') // { header: ['a', 'b'], records: [{ line: 2, fields: ['1', 'x, "y"'] }] }
 */
export function parseCsv(text: string): CsvTable {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  const n = src.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    let blank = true;
    for (;;) {
      let value = '';
      if (src[i] === '"') {
        blank = false;
        const openLine = line;
        i++;
        for (;;) {
          if (i >= n) throw new InvalidInputError([{ path: `line ${openLine}`, message: 'a quoted field is never closed' }]);
          const q = src.indexOf('"', i);
          if (q < 0) throw new InvalidInputError([{ path: `line ${openLine}`, message: 'a quoted field is never closed' }]);
          const chunk = src.slice(i, q);
          for (let k = 0; k < chunk.length; k++) if (chunk.charCodeAt(k) === 10) line++;
          value += chunk;
          if (src[q + 1] === '"') {
            value += '"';
            i = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        const c = src[i];
        if (i < n && c !== ',' && c !== '\n' && c !== '\r') {
          throw new InvalidInputError([{ path: `line ${line}`, message: `unexpected ${JSON.stringify(c)} after a closing quote (a quote inside a field is written "")` }]);
        }
      } else {
        let j = i;
        while (j < n) {
          const c = src.charCodeAt(j);
          if (c === 44 || c === 10 || c === 13) break;
          if (c === 34) throw new InvalidInputError([{ path: `line ${line}`, message: 'a quote inside an unquoted field: quote the whole field and double the quote ("")' }]);
          j++;
        }
        value = src.slice(i, j);
        if (value.length > 0) blank = false;
        i = j;
      }
      fields.push(value);
      if (src[i] === ',') {
        blank = false;
        i++;
        continue;
      }
      // End of record: CRLF, LF, lone CR or end of text.
      if (src[i] === '\r') i++;
      if (src[i] === '\n') i++;
      line++;
      break;
    }
    if (!blank) records.push(Object.freeze({ line: startLine, fields: Object.freeze(fields) }));
  }
  const first = records.shift();
  if (!first) throw new InvalidInputError([{ path: 'line 1', message: 'the file is empty: a header with the column names is required' }]);
  const header = first.fields.map((h) => h.trim());
  const issues = header.flatMap((h, k) => {
    if (h === '') return [{ path: `line ${first.line}`, message: `column ${k + 1} of the header has no name` }];
    if (header.indexOf(h) !== k) return [{ path: `line ${first.line}`, message: `column \`${h}\` appears twice in the header` }];
    return [];
  });
  if (issues.length > 0) throw new InvalidInputError(issues);
  return Object.freeze({ header: Object.freeze(header), records: Object.freeze(records) });
}
