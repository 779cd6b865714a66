// A bank's CSV or TXT statement through its saved layout (bank_file_layouts.options): which
// column holds each field, the date format, the decimal and thousands separators, how a credit is
// told from a debit, the encoding (Mexican banks often write Latin-1). Delimited files are read by
// csv-parse as a stream; fixed-width TXT files line by line (node:readline), each field at its
// character positions. Nothing of the file is held beyond the line being read.
import { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { parse as csvParse } from 'csv-parse';
import { Dec } from '@plazo/engine';
import { z } from 'zod';
import { derivedTrackingKey, StatementFormatError, type StatementLine, type StatementParser, type StatementSummary } from '../statement-line.ts';

/** The fields a layout can map; `date` and an amount (`amount`, or `credit`/`debit`) are required. */
export const CSV_FIELDS = ['date', 'bookingDate', 'amount', 'credit', 'debit', 'type', 'reference', 'description', 'beneficiaryClabe', 'payerName', 'payerAccount', 'trackingKey'] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

export const DATE_FORMATS = ['DD/MM/YYYY', 'DD-MM-YYYY', 'DD/MM/YY', 'YYYY-MM-DD', 'YYYYMMDD', 'DDMMYYYY', 'MM/DD/YYYY'] as const;

const Position = z.strictObject({
  start: z.number().int().min(1).describe('first character, 1-based'),
  end: z.number().int().min(1).describe('last character, inclusive'),
}).refine((p) => p.end >= p.start, { message: 'end must not be before start', path: ['end'] });
const Column = z.number().int().min(1).max(500);

/** A CSV/TXT layout's options, as saved in bank_file_layouts.options (validated on save and on use). */
export const CsvLayoutOptionsSchema = z
  .strictObject({
    /** `delimited` (CSV: `delimiter`, columns by 1-based number) or `fixed-width` (TXT: columns by character positions). */
    kind: z.enum(['delimited', 'fixed-width']).default('delimited'),
    delimiter: z.string().min(1).max(1).default(','),
    /** Lines at the top of the file that are not movements (titles, the header row). */
    skipRows: z.number().int().min(0).max(100).default(1),
    encoding: z.enum(['utf-8', 'latin1']).default('utf-8'),
    columns: z.partialRecord(z.enum(CSV_FIELDS), z.union([Column, Position])),
    dateFormat: z.enum(DATE_FORMATS).default('DD/MM/YYYY'),
    decimalSeparator: z.enum(['.', ',']).default('.'),
    thousandsSeparator: z.enum([',', '.', ' ', "'", '']).default(','),
    /**
     * How a credit is told from a debit: `sign` (a negative amount is a debit), `columns` (a
     * `credit` and a `debit` column, one of them filled), `type` (the `type` column's value is one
     * of `creditValues` or `debitValues`, compared without case).
     */
    direction: z.discriminatedUnion('by', [
      z.strictObject({ by: z.literal('sign') }),
      z.strictObject({ by: z.literal('columns') }),
      z.strictObject({ by: z.literal('type'), creditValues: z.array(z.string().min(1)).min(1), debitValues: z.array(z.string().min(1)).min(1) }),
    ]).default({ by: 'sign' }),
  })
  .superRefine((o, ctx) => {
    const need = (field: CsvField, why: string) => {
      if (o.columns[field] === undefined) ctx.addIssue({ code: 'custom', path: ['columns', field], message: `required ${why}` });
    };
    need('date', 'in every layout');
    if (o.direction.by === 'columns') {
      need('credit', 'when direction is told by columns');
      need('debit', 'when direction is told by columns');
    } else need('amount', `when direction is told by ${o.direction.by}`);
    if (o.direction.by === 'type') need('type', 'when direction is told by a type column');
    if (o.decimalSeparator === o.thousandsSeparator) ctx.addIssue({ code: 'custom', path: ['thousandsSeparator'], message: 'must differ from the decimal separator' });
    for (const [field, spec] of Object.entries(o.columns)) {
      const positional = typeof spec !== 'number';
      if (positional !== (o.kind === 'fixed-width')) ctx.addIssue({ code: 'custom', path: ['columns', field], message: o.kind === 'fixed-width' ? 'a fixed-width layout gives { start, end } positions' : 'a delimited layout gives a 1-based column number' });
    }
  });
export type CsvLayoutOptions = z.infer<typeof CsvLayoutOptionsSchema>;

/** A date of the file in `format`, as YYYY-MM-DD, or undefined when it is not one. */
export function parseStatementDate(text: string, format: CsvLayoutOptions['dateFormat']): string | undefined {
  const patterns: Record<CsvLayoutOptions['dateFormat'], RegExp> = {
    'DD/MM/YYYY': /^(?<d>\d{1,2})\/(?<m>\d{1,2})\/(?<y>\d{4})$/,
    'DD-MM-YYYY': /^(?<d>\d{1,2})-(?<m>\d{1,2})-(?<y>\d{4})$/,
    'DD/MM/YY': /^(?<d>\d{1,2})\/(?<m>\d{1,2})\/(?<y>\d{2})$/,
    'YYYY-MM-DD': /^(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})$/,
    YYYYMMDD: /^(?<y>\d{4})(?<m>\d{2})(?<d>\d{2})$/,
    DDMMYYYY: /^(?<d>\d{2})(?<m>\d{2})(?<y>\d{4})$/,
    'MM/DD/YYYY': /^(?<m>\d{1,2})\/(?<d>\d{1,2})\/(?<y>\d{4})$/,
  };
  const g = patterns[format].exec(text.trim())?.groups;
  if (!g) return undefined;
  const year = g['y']!.length === 2 ? 2000 + Number(g['y']) : Number(g['y']);
  const month = Number(g['m']);
  const day = Number(g['d']);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/**
 * An amount of the file as a signed Decimal: the thousands separator dropped, the decimal one
 * read, a leading `$`, a sign (leading or trailing `-`) or parentheses for a negative; undefined
 * when it is not an amount of at most 2 decimals.
 */
export function parseStatementAmount(text: string, options: Pick<CsvLayoutOptions, 'decimalSeparator' | 'thousandsSeparator'>): InstanceType<typeof Dec> | undefined {
  let t = text.trim().replace(/\s+/g, options.thousandsSeparator === ' ' ? '' : ' ').trim();
  let negative = false;
  if (/^\(.*\)$/.test(t)) {
    negative = true;
    t = t.slice(1, -1).trim();
  }
  if (t.endsWith('-')) {
    negative = !negative;
    t = t.slice(0, -1).trim();
  }
  if (t.startsWith('-')) {
    negative = !negative;
    t = t.slice(1).trim();
  } else if (t.startsWith('+')) t = t.slice(1).trim();
  t = t.replace(/^\$\s*/, '');
  if (options.thousandsSeparator !== '') t = t.split(options.thousandsSeparator).join('');
  if (options.decimalSeparator === ',') t = t.replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return undefined;
  const value = new Dec(t);
  return negative ? value.negated() : value;
}

/** A reference as matching compares it: letters and digits only, upper case. */
export function normalizedReference(text: string): string {
  return text.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

/** The file's records with their 1-based line numbers, as fields by 1-based column (delimited) or the whole line (fixed-width). */
async function* records(input: AsyncIterable<Uint8Array | string>, o: CsvLayoutOptions): AsyncGenerator<{ lineNo: number; fields: (spec: number | { start: number; end: number }) => string }> {
  const encoding = o.encoding === 'latin1' ? 'latin1' : 'utf8';
  if (o.kind === 'delimited') {
    const parser = Readable.from(input, { objectMode: false }).pipe(
      csvParse({ delimiter: o.delimiter, from_line: o.skipRows + 1, relax_column_count: true, skip_empty_lines: true, skip_records_with_empty_values: true, bom: true, encoding, info: true, relax_quotes: true }),
    );
    try {
      for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        yield { lineNo: info.lines, fields: (spec) => (typeof spec === 'number' ? (record[spec - 1] ?? '').trim() : '') };
      }
    } catch (error) {
      const e = error as { code?: string; lines?: number; message: string };
      if (typeof e.code === 'string' && e.code.startsWith('CSV_')) throw new StatementFormatError(e.message, e.lines ?? 1);
      throw error;
    }
    return;
  }
  const decoder = new TextDecoder(o.encoding === 'latin1' ? 'latin1' : 'utf-8');
  async function* text() {
    for await (const chunk of input) yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    yield decoder.decode();
  }
  let lineNo = 0;
  for await (const rawLine of createInterface({ input: Readable.from(text()), crlfDelay: Infinity })) {
    lineNo++;
    const line = lineNo === 1 ? rawLine.replace(/^\uFEFF/, '') : rawLine;
    if (lineNo <= o.skipRows || line.trim() === '') continue;
    yield { lineNo, fields: (spec) => (typeof spec === 'number' ? '' : line.slice(spec.start - 1, spec.end).trim()) };
  }
}

const present = (v: string | undefined) => (v === undefined || v === '' ? undefined : v);

export const csvStatementParser: StatementParser<unknown> = {
  format: 'csv',
  async *parse(input, rawOptions): AsyncGenerator<StatementLine, StatementSummary, void> {
    const options = CsvLayoutOptionsSchema.parse(rawOptions);
    const occurrences = new Map<string, number>();
    let from: string | undefined;
    let to: string | undefined;
    for await (const { lineNo, fields } of records(input, options)) {
      const raw: Record<string, string> = {};
      for (const [field, spec] of Object.entries(options.columns)) raw[field] = fields(spec!);
      const valueDate = parseStatementDate(raw['date'] ?? '', options.dateFormat);
      if (valueDate === undefined) throw new StatementFormatError(`not a date as ${options.dateFormat}: ${JSON.stringify(raw['date'] ?? '')}`, lineNo, 'date');
      let bookingDate: string | undefined;
      if (present(raw['bookingDate'])) {
        bookingDate = parseStatementDate(raw['bookingDate']!, options.dateFormat);
        if (bookingDate === undefined) throw new StatementFormatError(`not a date as ${options.dateFormat}: ${JSON.stringify(raw['bookingDate'])}`, lineNo, 'bookingDate');
      }
      const amountOf = (field: 'amount' | 'credit' | 'debit') => {
        const value = parseStatementAmount(raw[field] ?? '', options);
        if (value === undefined) throw new StatementFormatError(`not an amount (decimal separator "${options.decimalSeparator}", thousands "${options.thousandsSeparator}"): ${JSON.stringify(raw[field] ?? '')}`, lineNo, field);
        return value;
      };
      let direction: 'credit' | 'debit';
      let amount: InstanceType<typeof Dec>;
      if (options.direction.by === 'columns') {
        const credit = present(raw['credit']);
        const debit = present(raw['debit']);
        const c = credit === undefined ? undefined : amountOf('credit');
        const d = debit === undefined ? undefined : amountOf('debit');
        const cz = c === undefined || c.isZero();
        const dz = d === undefined || d.isZero();
        if (cz === dz) throw new StatementFormatError(cz ? 'neither the credit nor the debit column has an amount' : 'both the credit and the debit columns have an amount', lineNo, 'credit');
        direction = cz ? 'debit' : 'credit';
        amount = (cz ? d! : c!).abs();
      } else {
        const signed = amountOf('amount');
        amount = signed.abs();
        if (options.direction.by === 'sign') direction = signed.isNegative() ? 'debit' : 'credit';
        else {
          const type = (raw['type'] ?? '').toUpperCase();
          const { creditValues, debitValues } = options.direction;
          if (creditValues.some((v) => v.toUpperCase() === type)) direction = 'credit';
          else if (debitValues.some((v) => v.toUpperCase() === type)) direction = 'debit';
          else throw new StatementFormatError(`type ${JSON.stringify(raw['type'] ?? '')} is neither a credit (${creditValues.join(', ')}) nor a debit (${debitValues.join(', ')})`, lineNo, 'type');
        }
      }
      if (amount.isZero()) throw new StatementFormatError('the amount is zero', lineNo, options.direction.by === 'columns' ? 'credit' : 'amount');
      const reference = present(normalizedReference(raw['reference'] ?? ''));
      const clabe = present((raw['beneficiaryClabe'] ?? '').replace(/\s+/g, ''));
      if (clabe !== undefined && !/^\d{18}$/.test(clabe)) throw new StatementFormatError(`a CLABE has 18 digits: ${JSON.stringify(clabe)}`, lineNo, 'beneficiaryClabe');
      const line = {
        valueDate,
        bookingDate,
        direction,
        amount: amount.toFixed(2),
        reference,
        beneficiaryClabe: clabe,
        payerAccount: present((raw['payerAccount'] ?? '').replace(/\s+/g, '')),
        payerName: present(raw['payerName']),
        description: present(raw['description']),
      };
      let trackingKey = present(raw['trackingKey']);
      if (trackingKey === undefined) {
        const base = derivedTrackingKey(line, 0);
        const n = occurrences.get(base) ?? 0;
        occurrences.set(base, n + 1);
        trackingKey = n === 0 ? base : derivedTrackingKey(line, n);
      } else if (trackingKey.length > 200) throw new StatementFormatError('a tracking key has at most 200 characters', lineNo, 'trackingKey');
      if (from === undefined || valueDate < from) from = valueDate;
      if (to === undefined || valueDate > to) to = valueDate;
      yield { lineNo, ...line, trackingKey, raw };
    }
    return { from, to };
  },
};
