// The parser of each statement format (statement-line.ts): one module per format beside this file.
import type { StatementFormat, StatementParser } from '../statement-line.ts';
import { csvStatementParser } from './csv.ts';

const PARSERS: Partial<Record<StatementFormat, StatementParser<any>>> = {
  csv: csvStatementParser,
};

/** The parser for `format`, or undefined while the format has none. */
export function statementParser(format: StatementFormat): StatementParser<any> | undefined {
  return PARSERS[format];
}
