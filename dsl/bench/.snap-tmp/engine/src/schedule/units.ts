// Money as integer units of the currency scale (centavos at 2 decimals) for the fast path:
// exact conversion from and to decimal strings, no floating point.

/** Integer units of a non-negative decimal string at `scale` places, or undefined if unsafe. */
export function toUnits(text: string, scale: number): number | undefined {
  const dot = text.indexOf('.');
  const int = dot < 0 ? text : text.slice(0, dot);
  const frac = dot < 0 ? '' : text.slice(dot + 1);
  if (frac.length > scale) return undefined;
  const digits = int + frac.padEnd(scale, '0');
  const n = Number(digits);
  return Number.isSafeInteger(n) && n <= 2 ** 50 ? n : undefined;
}

/** A non-negative decimal string as an exact ratio num / 10^k of safe integers, or undefined. */
export function toRatio(text: string): { num: number; den: number } | undefined {
  const dot = text.indexOf('.');
  const frac = dot < 0 ? '' : text.slice(dot + 1);
  const num = Number(dot < 0 ? text : text.slice(0, dot) + frac);
  const den = 10 ** frac.length;
  return Number.isSafeInteger(num) && num <= 1e15 && frac.length <= 12 ? { num, den } : undefined;
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : String(i)));
/** ".00" … ".99": the scale-2 fraction in one table read. */
const DOT_TWO = TWO_DIGITS.map((d) => `.${d}`);
/** "0" … "999" and "000" … "999": integer parts below a million from tables, no number conversion. */
const DIGITS3 = Array.from({ length: 1000 }, (_, i) => String(i));
const DIGITS3_PADDED = DIGITS3.map((d) => d.padStart(3, '0'));
const POW10 = Array.from({ length: 11 }, (_, i) => 10 ** i);

/**
 * Decimal text of a non-negative safe integer. Below a million it is read from tables: converting
 * a number allocates a string and fills V8's number-string cache, whose survivors cost GC time.
 */
function integerText(q: number): string {
  if (q < 1000) return DIGITS3[q]!;
  if (q < 1_000_000) {
    const hi = Math.floor(q / 1000);
    return DIGITS3[hi]! + DIGITS3_PADDED[q - hi * 1000]!;
  }
  return String(q);
}

/** Decimal string of integer units at `scale` places, e.g. (12345, 2) → "123.45". */
export function formatUnits(units: number, scale: number): string {
  if (units < 0) return '-' + formatUnits(-units, scale);
  if (scale === 0) return integerText(units);
  const pow = POW10[scale]!;
  let q = Math.floor(units / pow);
  let r = units - q * pow;
  if (r < 0) {
    q -= 1;
    r += pow;
  } else if (r >= pow) {
    q += 1;
    r -= pow;
  }
  if (scale === 2) return integerText(q) + DOT_TWO[r]!;
  return `${integerText(q)}.${String(r).padStart(scale, '0')}`;
}
