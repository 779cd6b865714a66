// Reading and printing the numbers of the source in checker messages: exact decimals (Dec), never
// floats; percents shown as written (`30%`), dates and enum values as themselves.
import { Dec } from '@plazo/engine';
import type { NumberLiteral, PercentLiteral } from '../ast/nodes.ts';

/** The exact value of a number literal, or of a percent literal as a fraction; undefined if malformed. */
export function literalValue(literal: NumberLiteral | PercentLiteral | undefined): Dec | undefined {
  if (literal === undefined) return undefined;
  return decimalOf(literal.kind === 'PercentLiteral' ? literal.fraction : literal.value);
}

/** A decimal string (with `_` and a leading `+` tolerated) as a Dec; undefined if malformed. */
export function decimalOf(text: string | undefined): Dec | undefined {
  if (text === undefined) return undefined;
  const cleaned = text.replace(/_/g, '').replace(/^\+/, '');
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(cleaned)) return undefined;
  return new Dec(cleaned);
}

/** A value in the notation of its type: percents as `30%`, everything else as a plain decimal. */
export function showValue(value: Dec, percent: boolean): string {
  if (!value.isFinite()) return value.isNegative() ? '-∞' : '∞';
  return percent ? `${value.times(100).toFixed()}%` : value.toFixed();
}
