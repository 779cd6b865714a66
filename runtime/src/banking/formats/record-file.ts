// Payments files of header, detail and trailer records (a convenience-store aggregator's daily
// file, a direct-debit response file): fixed-width or delimited, the record type in a field of its
// own, each field where the layout says. Read line by line; the trailer's count and totals are
// the caller's to check against the details (a file cut short or edited by hand is refused).
import { z } from 'zod';
import { StatementFormatError } from '../statement-line.ts';
import { impliedAmount, writtenAmount } from './amounts.ts';
import { textEncoding, textLines } from './text-lines.ts';

/** Where a field is: 1-based `start` and `length` in a fixed-width record, or a 1-based `column` of a delimited one. */
export const fieldSpec = z.union([z.object({ start: z.number().int().min(1), length: z.number().int().min(1).max(200) }).strict(), z.object({ column: z.number().int().min(1) }).strict()]);
export type FieldSpec = z.infer<typeof fieldSpec>;

/** The options every header/detail/trailer file shares; `defaults` are the format's documented example. */
export function recordFileOptions(defaults: { recordTypes: { header: string; detail: string; trailer: string } }) {
  return {
    encoding: textEncoding,
    /** `fixed`: fields by position; `delimited`: fields by column between `delimiter`s (no quoting). */
    kind: z.enum(['fixed', 'delimited']).default('fixed'),
    delimiter: z.string().min(1).max(3).default('|'),
    /** Where the record type is; by default the example layout's position, or the first column of a delimited file. */
    recordType: fieldSpec.optional(),
    recordTypes: z.object({ header: z.string().min(1), detail: z.string().min(1), trailer: z.string().min(1) }).strict().default(defaults.recordTypes),
    /** `implied-cents`: digits whose last two are the cents (fixed-width habit); `decimal-point`: "1250.00". */
    amounts: z.enum(['implied-cents', 'decimal-point']).default('implied-cents'),
    /** The file must open with a header record. */
    requireHeader: z.boolean().default(true),
  };
}

export interface RecordFileOptions {
  readonly encoding: 'utf-8' | 'latin1';
  readonly kind: 'fixed' | 'delimited';
  readonly delimiter: string;
  readonly recordType?: FieldSpec | undefined;
  readonly recordTypes: { readonly header: string; readonly detail: string; readonly trailer: string };
  readonly amounts: 'implied-cents' | 'decimal-point';
  readonly requireHeader: boolean;
}

/** One record of the file with its fields read by name. */
export class FileRecord {
  private readonly columns: readonly string[] | undefined;
  constructor(
    readonly lineNo: number,
    readonly kind: 'header' | 'detail' | 'trailer',
    private readonly text: string,
    private readonly options: RecordFileOptions,
  ) {
    this.columns = options.kind === 'delimited' ? text.split(options.delimiter) : undefined;
  }

  /** The field's text, trimmed; '' when the record is shorter. `field` names it in errors. */
  optional(spec: FieldSpec | undefined): string {
    if (!spec) return '';
    if ('column' in spec) {
      if (!this.columns) throw new StatementFormatError('a `column` field in a fixed-width layout', this.lineNo, 'layout');
      return (this.columns[spec.column - 1] ?? '').trim();
    }
    if (this.columns) throw new StatementFormatError('a `start`/`length` field in a delimited layout', this.lineNo, 'layout');
    return this.text.slice(spec.start - 1, spec.start - 1 + spec.length).trim();
  }

  required(spec: FieldSpec, field: string): string {
    const value = this.optional(spec);
    if (value === '') throw new StatementFormatError(`the ${this.kind} record has no ${field}`, this.lineNo, field);
    return value;
  }

  amount(spec: FieldSpec, field: string, sign: 'positive' | 'any' = 'positive'): string {
    const text = this.required(spec, field);
    return this.options.amounts === 'implied-cents' ? impliedAmount(text, 2, this.lineNo, field, sign) : writtenAmount(text, '.', this.lineNo, field, sign);
  }

  count(spec: FieldSpec, field: string): number {
    const text = this.required(spec, field);
    if (!/^\d{1,12}$/.test(text)) throw new StatementFormatError(`\`${text}\` is not a count`, this.lineNo, field);
    return Number(text);
  }

  raw(fields: Readonly<Record<string, FieldSpec | undefined>>): Record<string, string> {
    const out: Record<string, string> = { fileLine: String(this.lineNo) };
    for (const [name, spec] of Object.entries(fields)) {
      const v = this.optional(spec);
      if (v !== '') out[name] = v;
    }
    return out;
  }
}

/**
 * The records of the file in order, checked for shape: at most one header and it comes first
 * (required unless `requireHeader` is false), details, exactly one trailer and nothing after it.
 * The generator's return value is the trailer.
 */
export async function* fileRecords(input: AsyncIterable<Uint8Array | string>, options: RecordFileOptions): AsyncGenerator<FileRecord, FileRecord, void> {
  const types = options.recordTypes;
  let seen = 0;
  let trailer: FileRecord | undefined;
  let lastLine = 0;
  for await (const { lineNo, text } of textLines(input, options.encoding)) {
    lastLine = lineNo;
    if (text.trim() === '') continue;
    if (trailer) throw new StatementFormatError('a record after the trailer', lineNo, 'recordType');
    const probe = new FileRecord(lineNo, 'detail', text, options);
    const code = probe.optional(options.recordType ?? (options.kind === 'delimited' ? { column: 1 } : { start: 1, length: types.detail.length }));
    const kind = code === types.header ? 'header' : code === types.detail ? 'detail' : code === types.trailer ? 'trailer' : undefined;
    if (!kind) throw new StatementFormatError(`record type \`${code}\` is none of header ${types.header}, detail ${types.detail}, trailer ${types.trailer}`, lineNo, 'recordType');
    if (kind === 'header' && seen > 0) throw new StatementFormatError('a header record after the first record', lineNo, 'recordType');
    if (kind !== 'header' && seen === 0 && options.requireHeader) throw new StatementFormatError('the file does not open with a header record', lineNo, 'recordType');
    seen++;
    const record = new FileRecord(lineNo, kind, text, options);
    if (kind === 'trailer') trailer = record;
    else yield record;
  }
  if (!trailer) throw new StatementFormatError('the file has no trailer record (cut short?)', Math.max(1, lastLine), 'recordType');
  return trailer;
}
