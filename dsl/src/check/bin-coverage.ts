// Scorecard bins against the characteristic's type and declared range: every value must fall in
// exactly one bin. Gaps and overlaps are named in the language's own range notation; on integer
// fields `..579` and `580..` meet, on money/number/percent fields they leave (579, 580) uncovered.
import type { BinDecl, CharacteristicDecl, Range } from '../ast/nodes.ts';
import type { Accept } from '../diagnostic.ts';
import { asNumberHelp, asPercentHelp, inEvery, literalValue, showValue } from './decimals.ts';
import { error, lineNumber, warning } from './diagnostics.ts';
import { describeIntervalIn, integerInterval, interval, intersect, isEmpty, uncovered, type Interval } from './intervals.ts';
import type { InputSymbol, LetSymbol } from './scope.ts';
import { closestName } from './suggest.ts';

const NUMERIC = new Set(['number', 'integer', 'money', 'percent']);

/** Checks the bins of one characteristic; false when they are too broken to compute points from. */
export function checkBinCoverage(characteristic: CharacteristicDecl, symbol: InputSymbol | LetSymbol, accept: Accept): boolean {
  const name = characteristic.name.name;
  const type = symbol.type;
  if (type.kind === 'unknown') return false;
  let sound = true;
  let otherwise: BinDecl | undefined;
  let missing: BinDecl | undefined;
  for (const bin of characteristic.bins) {
    const match = bin.match;
    if (!match) continue;
    if (otherwise) {
      accept(warning('bin-unreachable/after-otherwise', {}, match.range));
      continue;
    }
    if (match.kind === 'otherwise') otherwise = bin;
    if (match.kind === 'missing') {
      if (missing) accept(error('bin-overlap/missing', { name, line: lineNumber(missing.range) }, match.range));
      else if (!symbol.optional) accept(warning('bin-unreachable/missing-required', { name }, match.range));
      missing ??= bin;
    }
  }
  if (symbol.optional && !missing && !otherwise) {
    accept(error('missing-bin-required', { name }, characteristic.name.range));
  }
  if (NUMERIC.has(type.kind)) {
    sound = checkNumericBins(characteristic, symbol, !otherwise, accept) && sound;
  } else {
    sound = checkValueBins(characteristic, symbol, !otherwise, accept) && sound;
  }
  return sound;
}

function checkNumericBins(characteristic: CharacteristicDecl, symbol: InputSymbol | LetSymbol, needCoverage: boolean, accept: Accept): boolean {
  const name = characteristic.name.name;
  const percent = symbol.type.kind === 'percent';
  const integer = symbol.type.kind === 'integer';
  const bounds = symbol.kind === 'input' ? symbol.decl.bounds : undefined;
  const domain = domainOf(bounds, integer);
  const ranges: { bin: BinDecl; interval: Interval }[] = [];
  let sound = true;
  for (const bin of characteristic.bins) {
    const match = bin.match;
    if (match?.kind === 'values') {
      accept(error('bin-type/values-for-range', { name, kind: symbol.type.kind, percent }, match.range));
      sound = false;
      continue;
    }
    if (match?.kind !== 'range' || !match.value) continue;
    const range = match.value;
    let boundsOk = true;
    for (const bound of [range.min, range.max]) {
      if (!bound) continue;
      if (percent !== (bound.kind === 'PercentLiteral')) {
        const kind = symbol.type.kind;
        const fix =
          bound.kind === 'NumberLiteral' ? inEvery((lang) => asPercentHelp(bound.value, lang)) : kind === 'number' ? inEvery((lang) => asNumberHelp(bound, lang)) : null;
        accept(error('type-mismatch/bin-bound-percent', { name, kind, percent, fix }, bound.range));
        boundsOk = false;
      } else if (integer && !literalValue(bound)?.isInteger()) {
        accept(error('type-mismatch/bin-bound-integer', { name }, bound.range));
        boundsOk = false;
      }
    }
    if (!boundsOk) {
      sound = false;
      continue;
    }
    const min = literalValue(range.min);
    const max = literalValue(range.max);
    const own = integer ? integerInterval(min, max, range.maxExclusive) : interval(min, max, range.maxExclusive);
    if (isEmpty(own)) {
      accept(error('range-inverted/bin', {}, range.range));
      sound = false;
      continue;
    }
    if (isEmpty(intersect(own, domain))) {
      accept(warning('bin-unreachable/outside-range', { name, declared: declared(bounds, percent) }, range.range));
      continue;
    }
    for (const earlier of ranges) {
      const shared = intersect(intersect(earlier.interval, own), domain);
      if (isEmpty(shared)) continue;
      accept(error('bin-overlap/range', { name, shared: describeIntervalIn(shared, { integer, percent }), line: lineNumber(earlier.bin.range) }, range.range));
    }
    ranges.push({ bin, interval: own });
  }
  if (!needCoverage || !sound) return sound;
  for (const gap of uncovered(domain, ranges.map((r) => r.interval))) {
    const next = ranges.find((r) => r.interval.lo.value.gte(gap.hi.value));
    const previous = [...ranges].reverse().find((r) => r.interval.hi.value.lte(gap.lo.value));
    const at: Range = next?.bin.match.range ?? previous?.bin.match.range ?? characteristic.name.range;
    const meet =
      !integer && gap.lo.open && gap.hi.open && gap.lo.value.isFinite() && gap.hi.value.isFinite()
        ? { end: showValue(gap.lo.value, percent), start: showValue(gap.hi.value, percent) }
        : null;
    accept(error('bin-gap/range', { name, gap: describeIntervalIn(gap, { integer, percent }), meet }, at));
  }
  return sound;
}

function checkValueBins(characteristic: CharacteristicDecl, symbol: InputSymbol | LetSymbol, needCoverage: boolean, accept: Accept): boolean {
  const name = characteristic.name.name;
  const kind = symbol.type.kind;
  const allowed: readonly string[] | undefined = kind === 'enum' ? (symbol.type.values ?? []) : kind === 'boolean' ? ['true', 'false'] : undefined;
  const covered = new Map<string, BinDecl>();
  let sound = true;
  for (const bin of characteristic.bins) {
    const match = bin.match;
    if (match?.kind === 'range') {
      accept(error('bin-type/ranges-for-values', { name, kind, examples: allowed ? allowed.slice(0, 2) : null }, match.range));
      sound = false;
      continue;
    }
    if (match?.kind !== 'values') continue;
    for (const value of match.values) {
      const text = value.kind === 'BooleanLiteral' ? String(value.value) : value.kind === 'StringLiteral' ? value.value : value.name;
      const fits =
        kind === 'enum' ? value.kind === 'Identifier' : kind === 'boolean' ? value.kind === 'BooleanLiteral' : value.kind === 'StringLiteral';
      if (!fits) {
        accept(error('bin-type/not-a-value', { text, kind, name }, value.range));
        sound = false;
        continue;
      }
      if (allowed && !allowed.includes(text)) {
        accept(error('unknown-enum-value/bin', { text, name, suggestion: closestName(text, allowed) ?? null, allowed }, value.range));
        sound = false;
        continue;
      }
      const first = covered.get(text);
      if (first) {
        accept(error('bin-overlap/value', { text, name, line: lineNumber(first.range) }, value.range));
      } else {
        covered.set(text, bin);
      }
    }
  }
  if (!needCoverage || !sound) return sound;
  if (!allowed) {
    accept(error('bin-gap/strings', { name }, characteristic.name.range));
    return sound;
  }
  const left = allowed.filter((value) => !covered.has(value));
  if (left.length > 0) {
    accept(error('bin-gap/values', { name, left }, characteristic.name.range));
  }
  return sound;
}

function domainOf(bounds: InputSymbol['decl']['bounds'], integer: boolean): Interval {
  const min = literalValue(bounds?.min);
  const max = literalValue(bounds?.max);
  return integer ? integerInterval(min, max, bounds?.maxExclusive) : interval(min, max, bounds?.maxExclusive);
}

function declared(bounds: InputSymbol['decl']['bounds'], percent: boolean): string {
  const min = literalValue(bounds?.min);
  const max = literalValue(bounds?.max);
  return `${min ? showValue(min, percent) : ''}..${bounds?.maxExclusive ? '<' : ''}${max ? showValue(max, percent) : ''}`;
}

