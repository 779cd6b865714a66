// Checks on the scorecard: characteristics over known inputs or lets, bins of the right kind that
// cover every value exactly once (naming the values that are not), a `missing` bin for optional
// values, and bands in descending order that cover the reachable score range.
import { Dec } from '@plazo/engine';
import type { BandDecl, CharacteristicDecl, ScorecardSection } from '../ast/nodes.ts';
import type { Accept } from '../diagnostic.ts';
import { checkBinCoverage } from './bin-coverage.ts';
import { compareDec, literalValue } from './decimals.ts';
import { error, lineNumber, warning } from './diagnostics.ts';
import { lookup, type Scope } from './scope.ts';
import { closestName } from './suggest.ts';
import { typeArg } from './value-types.ts';

/** The lowest and highest points a characteristic can give. */
export interface PointsRange {
  readonly min: Dec;
  readonly max: Dec;
}

/** The scorecard section: characteristics, then bands against the reachable score range. */
export function checkScorecard(section: ScorecardSection, accept: Accept, scope: Scope): void {
  const seen = new Map<string, CharacteristicDecl>();
  const ranges: (PointsRange | undefined)[] = [];
  for (const characteristic of section.characteristics) {
    const name = characteristic.name?.name;
    if (name) {
      const first = seen.get(name);
      if (first) {
        accept(error('duplicate-name/characteristic', { name, line: lineNumber(first.range) }, characteristic.name.range));
      } else {
        seen.set(name, characteristic);
      }
    }
    ranges.push(checkCharacteristic(characteristic, accept, scope));
  }
  const base = section.base ? literalValue(section.base) : new Dec(0);
  let reachable: PointsRange | undefined;
  if (base && ranges.every((r) => r !== undefined)) {
    reachable = ranges.reduce<PointsRange>((acc, r) => ({ min: acc.min.plus(r!.min), max: acc.max.plus(r!.max) }), { min: base, max: base });
  }
  checkBands(section, accept, reachable);
}

/** One characteristic; returns its points range when its bins are sound. */
export function checkCharacteristic(characteristic: CharacteristicDecl, accept: Accept, scope: Scope): PointsRange | undefined {
  const name = characteristic.name?.name;
  if (!name) return undefined;
  const symbol = lookup(scope, name);
  let sound = true;
  if (symbol === undefined || symbol.kind === 'builtin') {
    const candidates = [...scope.inputs.keys(), ...scope.lets.keys()];
    accept(error('unknown-name/characteristic', { name, builtin: symbol !== undefined, suggestion: closestName(name, candidates) ?? null }, characteristic.name.range));
    sound = false;
  } else if (symbol.type.kind === 'date' || symbol.type.kind === 'literal') {
    accept(error('characteristic-type', { type: typeArg(symbol.type) }, characteristic.name.range));
    sound = false;
  }
  for (const bin of characteristic.bins) {
    if (bin.points && !literalValue(bin.points)) sound = false;
  }
  if (symbol !== undefined && symbol.kind !== 'builtin' && sound) {
    sound = checkBinCoverage(characteristic, symbol, accept) && sound;
  }
  if (characteristic.bins.length === 0) {
    accept(error('bin-gap/no-bins', { name }, characteristic.name.range));
    return undefined;
  }
  if (!sound || symbol === undefined || symbol.kind === 'builtin') return undefined;
  const matchable = characteristic.bins.filter((bin, i) => {
    if (bin.match?.kind === 'missing' && !symbol.optional) return false;
    return !characteristic.bins.slice(0, i).some((earlier) => earlier.match?.kind === 'otherwise');
  });
  const points = matchable.map((bin) => literalValue(bin.points)).filter((p): p is Dec => p !== undefined);
  if (points.length === 0) return { min: new Dec(0), max: new Dec(0) };
  return { min: extreme(points, 1), max: extreme(points, -1) };
}

/**
 * `Dec.min(...values)` (n = 1) or `Dec.max(...values)` (n = -1), by decimal.js's own rule (ties
 * move to the later value when the current one has sign n: `min(0, -0)` is `-0`), without copying
 * every value.
 */
function extreme(values: readonly Dec[], n: 1 | -1): Dec {
  let x = values[0]!;
  for (let i = 1; i < values.length; i++) {
    const y = values[i]!;
    if (!y.s) return y;
    const k = compareDec(x, y);
    if (k === n || (k === 0 && x.s === n)) x = y;
  }
  return x;
}

function checkBands(section: ScorecardSection, accept: Accept, reachable: PointsRange | undefined): void {
  const seen = new Map<string, BandDecl>();
  let previous: { band: BandDecl; cutoff: Dec } | undefined;
  const ordered: { band: BandDecl; cutoff: Dec }[] = [];
  for (const band of section.bands) {
    const name = band.name?.name ?? '';
    if (name) {
      const first = seen.get(name);
      if (first) accept(error('duplicate-name/band', { name, line: lineNumber(first.range) }, band.name.range));
      else seen.set(name, band);
    }
    const cutoff = literalValue(band.minScore);
    if (!cutoff) continue;
    if (previous && cutoff.gte(previous.cutoff)) {
      accept(error('band-order', { name, cutoff: cutoff.toFixed(), previous: previous.band.name?.name ?? '', previousCutoff: previous.cutoff.toFixed() }, band.minScore.range));
      return;
    }
    previous = { band, cutoff };
    ordered.push(previous);
  }
  if (!reachable || ordered.length === 0) return;
  const { min, max } = reachable;
  for (const { band, cutoff } of ordered) {
    if (cutoff.gt(max)) {
      accept(warning('band-unreachable/above', { name: band.name?.name ?? '', cutoff: cutoff.toFixed(), min: min.toFixed(), max: max.toFixed() }, band.minScore.range));
    }
  }
  const catchAll = ordered.findIndex(({ cutoff }) => cutoff.lte(min));
  for (const { band } of ordered.slice(catchAll + 1)) {
    if (catchAll < 0) break;
    accept(warning('band-unreachable/below', { name: band.name?.name ?? '', min: min.toFixed(), catchAll: ordered[catchAll]!.band.name?.name ?? '' }, band.minScore.range));
  }
  const lowest = ordered[ordered.length - 1]!;
  if (!section.otherwise && lowest.cutoff.gt(min)) {
    accept(error('band-coverage', { min: min.toFixed(), cutoff: lowest.cutoff.toFixed(), band: lowest.band.name?.name ?? '' }, lowest.band.minScore.range));
  }
}
