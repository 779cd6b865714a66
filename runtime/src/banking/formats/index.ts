// The parser of each statement format (statement-line.ts): one module per format beside this file.
import type { z } from 'zod';
import type { StatementFormat, StatementParser } from '../statement-line.ts';
import { camt053Parser } from './camt053.ts';
import { csvStatementParser } from './csv.ts';
import { domiciliacionParser } from './domiciliacion.ts';
import { mt940Parser } from './mt940.ts';
import { oxxoParser } from './oxxo.ts';

/** A parser and, where the format takes a layout, the zod schema of its options (the layouts API validates with it). */
type RegisteredParser = StatementParser<any> & { readonly optionsSchema?: z.ZodType };

const PARSERS: Partial<Record<StatementFormat, RegisteredParser>> = {
  csv: csvStatementParser,
  mt940: mt940Parser,
  camt053: camt053Parser,
  oxxo: oxxoParser,
  domiciliacion: domiciliacionParser,
};

/** The parser for `format`, or undefined while the format has none. */
export function statementParser(format: StatementFormat): StatementParser<any> | undefined {
  return PARSERS[format];
}

/** The schema a layout's `options` must satisfy for `format` (defaults filled in by `parse`); undefined when the format takes none. */
export function statementOptionsSchema(format: StatementFormat): z.ZodType | undefined {
  return PARSERS[format]?.optionsSchema;
}
