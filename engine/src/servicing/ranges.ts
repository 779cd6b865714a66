// Sets of installment numbers as ranges text ("1-20,22,24-26"): how a compact checkpoint keeps
// which installments each collection step has fired for.

/** Whether `n` is in the ranges `text`. */
export function inRanges(text: string, n: number): boolean {
  let at = 0;
  while (at < text.length) {
    let comma = text.indexOf(',', at);
    if (comma < 0) comma = text.length;
    const dash = text.indexOf('-', at);
    const lo = Number(text.slice(at, dash >= 0 && dash < comma ? dash : comma));
    const hi = dash >= 0 && dash < comma ? Number(text.slice(dash + 1, comma)) : lo;
    if (n >= lo && n <= hi) return true;
    at = comma + 1;
  }
  return false;
}

/** The numbers of `text`, ascending. */
export function rangeNumbers(text: string): number[] {
  const out: number[] = [];
  if (text === '') return out;
  for (const part of text.split(',')) {
    const dash = part.indexOf('-');
    const lo = Number(dash < 0 ? part : part.slice(0, dash));
    const hi = dash < 0 ? lo : Number(part.slice(dash + 1));
    for (let k = lo; k <= hi; k++) out.push(k);
  }
  return out;
}

/** The ranges text of a set of numbers. */
export function toRanges(numbers: Iterable<number>): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j > i ? `${sorted[i]}-${sorted[j]}` : String(sorted[i]));
    i = j + 1;
  }
  return parts.join(',');
}
