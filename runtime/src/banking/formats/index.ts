// The parser of each statement format (statement-line.ts): one module per format beside this file.
import type { StatementFormat, StatementParser } from '../statement-line.ts';

const PARSERS: Partial<Record<StatementFormat, StatementParser<any>>> = {};

/** The parser for `format`, or undefined while the format has none. */
export function statementParser(format: StatementFormat): StatementParser<any> | undefined {
  return PARSERS[format];
}
