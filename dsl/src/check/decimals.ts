// Reading and printing the numbers of the source in checker messages: exact decimals (Dec), never
// floats; percents shown as written (`30%`), dates and enum values as themselves.
import type { Lang, Localized } from '../messages/types.ts';
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
  // Products repeat a few literals thousands of times (bin bounds, points); a Dec is immutable, so
  // one parsed value per text serves them all.
  const cached = parsed.get(text);
  if (cached !== undefined) return cached === MALFORMED ? undefined : cached;
  const cleaned = text.replace(/_/g, '').replace(/^\+/, '');
  const value = /^-?(\d+(\.\d*)?|\.\d+)$/.test(cleaned) ? new Dec(cleaned) : MALFORMED;
  if (parsed.size >= CACHE_LIMIT) parsed.clear();
  parsed.set(text, value);
  return value === MALFORMED ? undefined : value;
}

const MALFORMED = null;
const CACHE_LIMIT = 10_000;
const parsed = new Map<string, Dec | typeof MALFORMED>();

/**
 * `x.comparedTo(y)`, without the copy of `y` decimal.js makes on every comparison: the same steps
 * over the same digits (base 1e7 `d`, exponent `e`, sign `s`), so the same result. The checker
 * compares interval bounds by the thousand.
 */
export function compareDec(x: Dec, y: Dec): number {
  const xd = x.d;
  const yd = y.d;
  const xs = x.s;
  const ys = y.s;
  // Either NaN or ±Infinity?
  if (!xd || !yd) return !xs || !ys ? NaN : xs !== ys ? xs : xd === yd ? 0 : (!xd !== xs < 0) ? 1 : -1;
  // Either zero?
  if (!xd[0] || !yd[0]) return xd[0] ? xs : yd[0] ? -ys : 0;
  if (xs !== ys) return xs;
  if (x.e !== y.e) return (x.e > y.e) !== xs < 0 ? 1 : -1;
  const xdL = xd.length;
  const ydL = yd.length;
  for (let i = 0, j = xdL < ydL ? xdL : ydL; i < j; ++i) {
    if (xd[i] !== yd[i]) return (xd[i]! > yd[i]!) !== xs < 0 ? 1 : -1;
  }
  return xdL === ydL ? 0 : (xdL > ydL) !== xs < 0 ? 1 : -1;
}

/** A value in the notation of its type: percents as `30%`, everything else as a plain decimal. */
export function showValue(value: Dec, percent: boolean): string {
  if (!value.isFinite()) return value.isNegative() ? '-∞' : '∞';
  return percent ? `${value.times(100).toFixed()}%` : value.toFixed();
}

/**
 * The help for a bare number written where a percent belongs: a percent is a fraction, so `0.5`
 * is `50%`. A number above 1 is more likely the percent's digits, so both readings are offered.
 * @example asPercentHelp('0.5') // 'write `50%` (0.5 as a percent)'
 */
export function asPercentHelp(numberText: string, lang: Lang = 'en'): string {
  const value = decimalOf(numberText);
  const es = lang === 'es';
  if (!value) return es ? 'escribe un porcentaje como `30%`' : 'write a percent such as `30%`';
  const scaled = `${value.times(100).toFixed()}%`;
  if (value.abs().lte(1)) return es ? `escribe \`${scaled}\` (${value.toFixed()} como porcentaje)` : `write \`${scaled}\` (${value.toFixed()} as a percent)`;
  return es
    ? `escribe \`${value.toFixed()}%\` para ${value.toFixed()} por ciento, o \`${scaled}\` si ${value.toFixed()} es una fracción`
    : `write \`${value.toFixed()}%\` for ${value.toFixed()} percent, or \`${scaled}\` if ${value.toFixed()} is a fraction`;
}

/**
 * The help for a percent written where a plain number belongs: the same value as a number
 * (`20%` is `0.2`).
 * @example asNumberHelp({ kind: 'PercentLiteral', value: '20', fraction: '0.2' }) // 'write `0.2` (20% as a number)'
 */
export function asNumberHelp(literal: PercentLiteral, lang: Lang = 'en'): string {
  const value = literalValue(literal);
  if (lang === 'es') return value ? `escribe \`${value.toFixed()}\` (${literal.value}% como número)` : 'escribe un número sin `%`';
  return value ? `write \`${value.toFixed()}\` (${literal.value}% as a number)` : 'write a number without `%`';
}

/** A help in every language. */
export function inEvery(help: (lang: Lang) => string): Localized {
  return { en: help('en'), es: help('es') };
}
