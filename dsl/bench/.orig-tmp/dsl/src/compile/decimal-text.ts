// Decimal strings for the IR: one spelling per value ("12.50", "+12.5" and "1_2.5" all become
// "12.5"), so formatting changes never change a product's hash.
import { Dec } from '@plazo/engine';
import type { NumberLiteral, PercentLiteral } from '../ast/nodes.ts';

/** A source decimal as the IR writes it: no `_`, no leading `+`, no exponent, no trailing zeros. */
export function decimalText(text: string): string {
  const value = new Dec(text.replace(/_/g, '').replace(/^\+/, ''));
  return value.isZero() ? '0' : value.toFixed();
}

/** A number literal's value, or a percent literal's fraction (`36%` → "0.36"). */
export function literalText(literal: NumberLiteral | PercentLiteral): string {
  return decimalText(literal.kind === 'PercentLiteral' ? literal.fraction : literal.value);
}

/** A whole-number literal as a JS integer (counts, days, scales: never money). */
export function wholeNumber(literal: NumberLiteral): number {
  return Number(decimalText(literal.value));
}
