// Amounts read from statement files as text and kept as text: "1250.00", never through a float.
import { Dec as Decimal } from '@plazo/engine';
import { StatementFormatError } from '../statement-line.ts';

/**
 * A written amount ("1,250.00" is refused: no thousands separators) with `separator` as the decimal
 * mark, at most 2 decimals, as a 2-place decimal string. `sign: 'positive'` refuses zero.
 */
export function writtenAmount(text: string, separator: '.' | ',', lineNo: number, field: string, sign: 'positive' | 'any' = 'positive'): string {
  const t = text.trim();
  const pattern = separator === ',' ? /^(\d{1,15})(?:,(\d{0,2}))?$/ : /^(\d{1,15})(?:\.(\d{0,2}))?$/;
  const m = pattern.exec(t);
  if (!m) throw new StatementFormatError(`the amount \`${text}\` is not a number with at most 2 decimals after \`${separator}\``, lineNo, field);
  return normalized(m[1]!, (m[2] ?? '').padEnd(2, '0'), lineNo, field, sign);
}

/** A fixed-width amount whose last `decimals` digits are the cents ("000000125050" → "1250.50"). */
export function impliedAmount(text: string, decimals: number, lineNo: number, field: string, sign: 'positive' | 'any' = 'positive'): string {
  const t = text.trim();
  if (!/^\d{1,18}$/.test(t)) throw new StatementFormatError(`the amount \`${text}\` is not digits only (implied ${decimals} decimals)`, lineNo, field);
  const padded = t.padStart(decimals + 1, '0');
  const cents = padded.slice(padded.length - decimals);
  if (decimals > 2 && !/^0*$/.test(cents.slice(2))) throw new StatementFormatError(`the amount \`${text}\` has more than 2 decimals`, lineNo, field);
  return normalized(padded.slice(0, padded.length - decimals), cents.slice(0, 2).padEnd(2, '0'), lineNo, field, sign);
}

function normalized(units: string, cents: string, lineNo: number, field: string, sign: 'positive' | 'any'): string {
  const u = units.replace(/^0+(?=\d)/, '');
  if (sign === 'positive' && /^0+$/.test(u) && cents === '00') throw new StatementFormatError('the amount is zero', lineNo, field);
  return `${u}.${cents}`;
}

/** A running total of 2-place amounts, exact. */
export class AmountTotal {
  private total = new Decimal(0);
  add(amount: string): void {
    this.total = this.total.plus(amount);
  }
  sub(amount: string): void {
    this.total = this.total.minus(amount);
  }
  equals(amount: string): boolean {
    return this.total.eq(amount);
  }
  toString(): string {
    return this.total.toFixed(2);
  }
}
