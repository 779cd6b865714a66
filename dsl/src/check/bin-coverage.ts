// Scorecard bins against the characteristic's type and declared range: every value must fall in
// exactly one bin. Gaps and overlaps are named in the language's own range notation; on integer
// fields `..579` and `580..` meet, on money/number/percent fields they leave (579, 580) uncovered.
import type { BinDecl, CharacteristicDecl, Range } from '../ast/nodes.ts';
import type { Accept } from '../diagnostic.ts';
import { asNumberHelp, asPercentHelp, literalValue, showValue } from './decimals.ts';
import { error, lineOf, warning } from './diagnostics.ts';
import { describeInterval, integerInterval, interval, intersect, isEmpty, uncovered, type Interval } from './intervals.ts';
import type { InputSymbol, LetSymbol } from './scope.ts';
import { didYouMean } from './suggest.ts';

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
      accept(warning('bin-unreachable', 'this bin comes after `otherwise` and never matches', match.range, 'put `otherwise` last'));
      continue;
    }
    if (match.kind === 'otherwise') otherwise = bin;
    if (match.kind === 'missing') {
      if (missing) accept(error('bin-overlap', `\`${name}\` has two \`missing\` bins`, match.range, `the first is on ${lineOf(missing.range)}`));
      else if (!symbol.optional) accept(warning('bin-unreachable', `\`${name}\` is required, so this \`missing\` bin never matches`, match.range));
      missing ??= bin;
    }
  }
  if (symbol.optional && !missing && !otherwise) {
    accept(
      error(
        'missing-bin-required',
        `\`${name}\` is optional but no bin handles it missing`,
        characteristic.name.range,
        'add a bin such as `missing -> -40 reason "SIN_HISTORIAL"`',
      ),
    );
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
      accept(error('bin-type', `\`${name}\` is ${symbol.type.kind}: its bins are ranges, not values`, match.range, percent ? 'write a range such as `30%..<45%`' : 'write a range such as `580..679`'));
      sound = false;
      continue;
    }
    if (match?.kind !== 'range' || !match.value) continue;
    const range = match.value;
    let boundsOk = true;
    for (const bound of [range.min, range.max]) {
      if (!bound) continue;
      if (percent !== (bound.kind === 'PercentLiteral')) {
        accept(
          error(
            'type-mismatch',
            percent ? `\`${name}\` is a percent: write this bound as a percent` : `\`${name}\` is ${symbol.type.kind}: this bound cannot be a percent`,
            bound.range,
            bound.kind === 'NumberLiteral'
              ? asPercentHelp(bound.value)
              : symbol.type.kind === 'number'
                ? asNumberHelp(bound)
                : `a ${symbol.type.kind} has no percents: write the bound as ${symbol.type.kind === 'money' ? 'an amount' : 'a whole number'}, without \`%\``,
          ),
        );
        boundsOk = false;
      } else if (integer && !literalValue(bound)?.isInteger()) {
        accept(error('type-mismatch', `\`${name}\` is an integer: bin bounds must be whole numbers`, bound.range));
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
      accept(error('range-inverted', 'this bin is empty: its lower bound is not below its upper bound', range.range, 'write the smaller bound first'));
      sound = false;
      continue;
    }
    if (isEmpty(intersect(own, domain))) {
      accept(
        warning(
          'bin-unreachable',
          `this bin lies outside the declared range ${declared(bounds, percent)} of \`${name}\``,
          range.range,
          'remove it, or widen the declared range in `input`',
        ),
      );
      continue;
    }
    for (const earlier of ranges) {
      const shared = intersect(intersect(earlier.interval, own), domain);
      if (isEmpty(shared)) continue;
      accept(
        error(
          'bin-overlap',
          `${describeInterval(shared, { integer, percent })} of \`${name}\` ${verb(describeInterval(shared, { integer, percent }))} covered by two bins`,
          range.range,
          `the bin on ${lineOf(earlier.bin.range)} already covers them; the first match wins, so change one of the bounds`,
        ),
      );
    }
    ranges.push({ bin, interval: own });
  }
  if (!needCoverage || !sound) return sound;
  for (const gap of uncovered(domain, ranges.map((r) => r.interval))) {
    const next = ranges.find((r) => r.interval.lo.value.gte(gap.hi.value));
    const previous = [...ranges].reverse().find((r) => r.interval.hi.value.lte(gap.lo.value));
    const at: Range = next?.bin.match.range ?? previous?.bin.match.range ?? characteristic.name.range;
    let help = 'add a bin for them, or an `otherwise` bin';
    if (!integer && gap.lo.open && gap.hi.open && gap.lo.value.isFinite() && gap.hi.value.isFinite()) {
      help = `the bins end at ${showValue(gap.lo.value, percent)} and start again at ${showValue(gap.hi.value, percent)}: write the lower bin as \`..<${showValue(gap.hi.value, percent)}\` so they meet`;
    }
    accept(error('bin-gap', `${describeInterval(gap, { integer, percent })} of \`${name}\` ${verb(describeInterval(gap, { integer, percent }))} not covered`, at, help));
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
      accept(error('bin-type', `\`${name}\` is ${kind}: its bins are values, not ranges`, match.range, allowed ? `write values such as \`${allowed.slice(0, 2).join(', ')} -> 10\`` : 'write string values'));
      sound = false;
      continue;
    }
    if (match?.kind !== 'values') continue;
    for (const value of match.values) {
      const text = value.kind === 'BooleanLiteral' ? String(value.value) : value.kind === 'StringLiteral' ? value.value : value.name;
      const fits =
        kind === 'enum' ? value.kind === 'Identifier' : kind === 'boolean' ? value.kind === 'BooleanLiteral' : value.kind === 'StringLiteral';
      if (!fits) {
        accept(error('bin-type', `\`${text}\` is not a ${kind} value of \`${name}\``, value.range, kind === 'string' ? `write it as a string: \`"${text}"\`` : undefined));
        sound = false;
        continue;
      }
      if (allowed && !allowed.includes(text)) {
        accept(error('unknown-enum-value', `\`${text}\` is not a value of \`${name}\``, value.range, didYouMean(text, allowed) ?? `its values are ${allowed.map((v) => `\`${v}\``).join(', ')}`));
        sound = false;
        continue;
      }
      const first = covered.get(text);
      if (first) {
        accept(error('bin-overlap', `value \`${text}\` of \`${name}\` is in two bins`, value.range, `the bin on ${lineOf(first.range)} already has it`));
      } else {
        covered.set(text, bin);
      }
    }
  }
  if (!needCoverage || !sound) return sound;
  if (!allowed) {
    accept(error('bin-gap', `the strings of \`${name}\` cannot all be listed`, characteristic.name.range, 'add an `otherwise` bin'));
    return sound;
  }
  const left = allowed.filter((value) => !covered.has(value));
  if (left.length > 0) {
    accept(
      error(
        'bin-gap',
        `${left.length === 1 ? 'value' : 'values'} ${left.map((v) => `\`${v}\``).join(', ')} of \`${name}\` ${left.length === 1 ? 'is' : 'are'} not covered`,
        characteristic.name.range,
        'add them to a bin, or add an `otherwise` bin',
      ),
    );
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

/** `is` for "value 5", `are` for "values 5..9". */
function verb(description: string): string {
  return description.startsWith('value ') ? 'is' : 'are';
}
