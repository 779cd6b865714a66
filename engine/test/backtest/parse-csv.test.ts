// parseCsv: RFC 4180 quoting, line ends, byte-order mark, blank lines, and errors by line.
import { describe, expect, it } from 'vitest';
import { InvalidInputError, parseCsv } from '../../src/index.ts';

function issues(text: string): string[] {
  try {
    parseCsv(text);
  } catch (error) {
    if (error instanceof InvalidInputError) return error.issues.map((i) => `${i.path}: ${i.message}`);
    throw error;
  }
  return [];
}

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, keeping each record’s first line', () => {
    const t = parseCsv('id,name,note\r\n1,"Pérez, Ana","dijo ""sí"""\r\n2,"dos\nlíneas",\r\n3,x,y');
    expect(t.header).toEqual(['id', 'name', 'note']);
    expect(t.records).toEqual([
      { line: 2, fields: ['1', 'Pérez, Ana', 'dijo "sí"'] },
      { line: 3, fields: ['2', 'dos\nlíneas', ''] },
      { line: 5, fields: ['3', 'x', 'y'] },
    ]);
    expect(Object.isFrozen(t.records[0]!.fields)).toBe(true);
  });

  it('accepts LF or CR line ends, a byte-order mark, a final newline and skips blank lines', () => {
    const t = parseCsv('\ufeff a , b \n1,2\r3,4\n\n5,6\n');
    expect(t.header).toEqual(['a', 'b']);
    expect(t.records.map((r) => [r.line, ...r.fields])).toEqual([[2, '1', '2'], [3, '3', '4'], [5, '5', '6']]);
  });

  it('keeps records whose field count differs from the header (the caller reports them)', () => {
    expect(parseCsv('a,b\n1\n1,2,3\n').records.map((r) => r.fields.length)).toEqual([1, 3]);
  });

  it('keeps empty quoted fields and a lone quoted empty record', () => {
    expect(parseCsv('a,b\n"",""\n').records[0]!.fields).toEqual(['', '']);
  });

  it('rejects unterminated quotes, stray quotes and bad headers, naming the line', () => {
    expect(issues('a,b\n1,"open\n2,3\n')).toEqual(['line 2: a quoted field is never closed']);
    expect(issues('a,b\n1,ab"c\n')[0]).toMatch(/^line 2: a quote inside an unquoted field/);
    expect(issues('a,b\n1,"x"y\n')[0]).toMatch(/^line 2: unexpected "y" after a closing quote/);
    expect(issues('')).toEqual(['line 1: the file is empty: a header with the column names is required']);
    expect(issues('a,,a\n')).toEqual(['line 1: column 2 of the header has no name', 'line 1: column `a` appears twice in the header']);
  });
});
