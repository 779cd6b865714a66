// Interval arithmetic over exact decimals for coverage checks (scorecard bins, rate tables,
// collection stages): which values no interval covers, which two intervals share. Integer domains
// are mapped to half-open real intervals ([a, b] → [a, b+1)), so `..579` and `580..` meet exactly
// there, while on real domains they leave the open gap (579, 580).
import type { Lang, Localized } from '../messages/types.ts';
import { Dec } from '@plazo/engine';
import { compareDec, showValue } from './decimals.ts';

/** One end of an interval; infinite ends are `Dec(±Infinity)` and count as open. */
export interface Bound {
  readonly value: Dec;
  readonly open: boolean;
}

/** A non-empty-or-empty interval of reals between `lo` and `hi`. */
export interface Interval {
  readonly lo: Bound;
  readonly hi: Bound;
}

const NEG_INF: Bound = { value: new Dec(-Infinity), open: true };
const POS_INF: Bound = { value: new Dec(Infinity), open: true };

/** The interval written `min..max` / `..<max` (undefined ends are unbounded). */
export function interval(min: Dec | undefined, max: Dec | undefined, maxExclusive = false): Interval {
  return {
    lo: min === undefined ? NEG_INF : { value: min, open: false },
    hi: max === undefined ? POS_INF : { value: max, open: maxExclusive },
  };
}

/**
 * The integer values of `min..max` as a half-open real interval [a, b+1): inclusive bounds are
 * rounded inward, `..<b` excludes b.
 */
export function integerInterval(min: Dec | undefined, max: Dec | undefined, maxExclusive = false): Interval {
  // Whole bounds (the usual case) need no rounding, and `b + 1` is computed once per value.
  const lo = min === undefined ? NEG_INF : { value: min.isInteger() ? min : min.ceil(), open: false };
  let hi = POS_INF;
  if (max !== undefined) {
    const whole = max.isInteger();
    if (maxExclusive) hi = { value: whole ? max : max.ceil().minus(1).plus(1), open: true };
    else hi = { value: whole ? plusOne(max) : max.floor().plus(1), open: true };
  }
  return { lo, hi };
}

/** `value + 1`, remembered per (immutable, cached by text) value. */
function plusOne(value: Dec): Dec {
  let next = nextOf.get(value);
  if (next === undefined) nextOf.set(value, (next = value.plus(1)));
  return next;
}
const nextOf = new WeakMap<Dec, Dec>();

/** True when the interval holds at least one value. */
export function isEmpty(i: Interval): boolean {
  const c = compareDec(i.lo.value, i.hi.value);
  return c > 0 || (c === 0 && (i.lo.open || i.hi.open));
}

/** The values in both intervals. */
export function intersect(a: Interval, b: Interval): Interval {
  return { lo: maxLo(a.lo, b.lo), hi: minHi(a.hi, b.hi) };
}

function maxLo(a: Bound, b: Bound): Bound {
  const c = compareDec(a.value, b.value);
  if (c !== 0) return c > 0 ? a : b;
  return a.open ? a : b;
}

function minHi(a: Bound, b: Bound): Bound {
  const c = compareDec(a.value, b.value);
  if (c !== 0) return c < 0 ? a : b;
  return a.open ? a : b;
}

/** The parts of `domain` that none of `covers` contains, in ascending order. */
export function uncovered(domain: Interval, covers: readonly Interval[]): Interval[] {
  const gaps: Interval[] = [];
  const sorted = covers
    .map((c) => intersect(c, domain))
    .filter((c) => !isEmpty(c))
    .sort((a, b) => compareDec(a.lo.value, b.lo.value) || Number(a.lo.open) - Number(b.lo.open));
  // Everything below `frontier` (and `frontier` itself when `frontierIncluded`) is covered or outside.
  let frontier = domain.lo.value;
  let frontierIncluded = domain.lo.open;
  for (const cover of sorted) {
    const gap: Interval = { lo: { value: frontier, open: frontierIncluded }, hi: { value: cover.lo.value, open: !cover.lo.open } };
    if (!isEmpty(gap)) gaps.push(gap);
    const c = compareDec(cover.hi.value, frontier);
    if (c > 0 || (c === 0 && !cover.hi.open && !frontierIncluded)) {
      frontier = cover.hi.value;
      frontierIncluded = !cover.hi.open;
    }
  }
  const tail: Interval = { lo: { value: frontier, open: frontierIncluded }, hi: domain.hi };
  if (!isEmpty(tail)) gaps.push(tail);
  return gaps;
}

/** How a gap or overlap reads in a message, in the language's own range notation where it has one. */
export function describeInterval(i: Interval, options: { readonly integer: boolean; readonly percent: boolean }, lang: Lang = 'en'): string {
  const w = INTERVAL_WORDS[lang];
  const show = (d: Dec) => showValue(d, options.percent);
  const loInf = !i.lo.value.isFinite();
  const hiInf = !i.hi.value.isFinite();
  if (options.integer) {
    const last = i.hi.value.minus(1);
    if (loInf && hiInf) return w.all;
    if (loInf) return `${w.values} ..${show(last)}`;
    if (hiInf) return `${w.values} ${show(i.lo.value)}..`;
    return i.lo.value.eq(last) ? `${w.value} ${show(last)}` : `${w.values} ${show(i.lo.value)}..${show(last)}`;
  }
  if (loInf && hiInf) return w.all;
  if (!loInf && !hiInf && i.lo.value.eq(i.hi.value)) return `${w.value} ${show(i.lo.value)}`;
  if (i.lo.open && !loInf) {
    const above = `${w.above} ${show(i.lo.value)}`;
    if (hiInf) return above;
    return `${above} ${w.and} ${i.hi.open ? w.below : w.upTo} ${show(i.hi.value)}`;
  }
  const from = loInf ? '' : show(i.lo.value);
  if (hiInf) return `${w.values} ${from}..`;
  return `${w.values} ${from}..${i.hi.open ? '<' : ''}${show(i.hi.value)}`;
}

const INTERVAL_WORDS = {
  en: { all: 'all values', values: 'values', value: 'value', above: 'values above', and: 'and', below: 'below', upTo: 'up to' },
  es: { all: 'todos los valores', values: 'los valores', value: 'el valor', above: 'los valores mayores que', and: 'y', below: 'menores que', upTo: 'hasta' },
} as const;

/** An interval in every language, with its grammatical number (`value 5` is one, `values 5..9` many). */
export function describeIntervalIn(i: Interval, options: { readonly integer: boolean; readonly percent: boolean }): Localized & { readonly one: boolean } {
  const en = describeInterval(i, options, 'en');
  return { en, es: describeInterval(i, options, 'es'), one: en.startsWith('value ') };
}

/** The interval's bounds alone (`31..60`, `61..`), without "values". */
export function intervalSpan(i: Interval, options: { readonly integer: boolean; readonly percent: boolean }): string {
  return describeInterval(i, options, 'en').replace(/^values? /, '');
}
