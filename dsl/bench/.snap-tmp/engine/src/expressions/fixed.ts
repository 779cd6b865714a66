// The fast exact representation of a decimal with a fractional part: m·10^−s with a safe-integer
// coefficient, so money and rates like 24000.50 or 0.3 compute in integer arithmetic; anything
// that would leave safe integers falls back to Dec, never to a float approximation.
import { Dec } from '../decimal.ts';

/** The largest scale kept as Fixed: 10^15 and below are exact doubles with room to spare. */
export const MAX_FIXED_SCALE = 15;

/** Exact powers of ten 10^0 … 10^22 as doubles. */
export const POW10: readonly number[] = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** A decimal m·10^−s: m a safe integer not divisible by 10, 1 ≤ s ≤ 15. Build with {@link fixed}. */
export class Fixed {
  readonly m: number;
  readonly s: number;
  constructor(m: number, s: number) {
    this.m = m;
    this.s = s;
  }

  /** The decimal string, e.g. "24000.5", "-0.03". */
  toString(): string {
    const neg = this.m < 0;
    const digits = String(neg ? -this.m : this.m).padStart(this.s + 1, '0');
    const cut = digits.length - this.s;
    return `${neg ? '-' : ''}${digits.slice(0, cut)}.${digits.slice(cut)}`;
  }

  /** The same value as a Dec. */
  toDec(): Dec {
    return new Dec(this.toString());
  }
}

/**
 * The exact number m·10^−s in its canonical form: a JS number when it is an integer, else a
 * Fixed with trailing zeros stripped. `m` must be a safe integer.
 */
export function fixed(m: number, s: number): number | Fixed {
  while (s > 0 && m % 10 === 0) {
    m /= 10;
    s--;
  }
  return s === 0 ? (m === 0 ? 0 : m) : new Fixed(m, s);
}

/**
 * The exact number of a plain decimal text ("-12.50", "0.3", "7"): a safe integer as a JS number,
 * up to 15 significant digits and 15 places as Fixed, anything else as Dec. Undefined when the
 * text is not a plain decimal.
 */
export function parseExact(text: string): number | Fixed | Dec | undefined {
  const m = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return undefined;
  const int = m[2]!.replace(/^0+(?=\d)/, '');
  const frac = (m[3] ?? '').replace(/0+$/, '');
  const digits = (int === '0' ? '' : int) + frac;
  if (digits.replace(/^0+/, '').length <= 15 && frac.length <= MAX_FIXED_SCALE) {
    const coefficient = Number(digits === '' ? '0' : digits);
    return fixed(m[1] === '-' ? -coefficient : coefficient, frac.length);
  }
  const d = new Dec(text);
  return d.isInteger() && d.abs().lte(Number.MAX_SAFE_INTEGER) ? d.toNumber() || 0 : d;
}
