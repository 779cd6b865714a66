// Decimal strings for the IR: one spelling per value ("12.50", "+12.5" and "1_2.5" all become
// "12.5"), so formatting changes never change a product's hash.
import { Dec } from '@plazo/engine';
import type { NumberLiteral, PercentLiteral } from '../ast/nodes.ts';

/** A source decimal as the IR writes it: no `_`, no leading `+`, no exponent, no trailing zeros. */
export function decimalText(text: string): string {
  const cached = spelled.get(text);
  if (cached !== undefined) return cached;
  const value = new Dec(text.replace(/_/g, '').replace(/^\+/, ''));
  const result = value.isZero() ? '0' : value.toFixed();
  if (spelled.size >= CACHE_LIMIT) spelled.clear();
  spelled.set(text, result);
  return result;
}

/** decimalText by source text: products repeat a few literals thousands of times. */
const spelled = new Map<string, string>();
const CACHE_LIMIT = 10_000;

/** A number literal's value, or a percent literal's fraction (`36%` → "0.36"). */
export function literalText(literal: NumberLiteral | PercentLiteral): string {
  return decimalText(literal.kind === 'PercentLiteral' ? literal.fraction : literal.value);
}

/** A whole-number literal as a JS integer (counts, days, scales: never money). */
export function wholeNumber(literal: NumberLiteral): number {
  return Number(decimalText(literal.value));
}
