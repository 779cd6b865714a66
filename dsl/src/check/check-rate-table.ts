// Checks on a rate table (`rate by band, payments { ... }`): keys, row shape, known bands, every
// band priced, and no payments or amount within the limits left without a rate.
import type { Identifier, LimitsSection, RangeExpr, RateNode, RateRow } from '../ast/nodes.ts';
import type { Accept } from '../diagnostic.ts';
import { checkRateValue } from './options.ts';
import { literalValue } from './decimals.ts';
import { error } from './diagnostics.ts';
import { intervalSpan, integerInterval, interval, uncovered, type Interval } from './intervals.ts';
import type { Scope } from './scope.ts';
import { closestName } from './suggest.ts';

const KEYS = ['band', 'payments', 'amount'] as const;

type RateTable = Extract<RateNode, { kind: 'RateTable' }>;

/** The table as a whole: keys, rows, band coverage, numeric coverage of the limits. */
export function checkRateTable(table: RateTable, accept: Accept, scope: Scope, limits: LimitsSection | undefined): void {
  const keys = table.keys.map((key) => key?.name ?? '');
  const seen = new Set<string>();
  let sound = true;
  for (const key of table.keys) {
    if (!key?.name) continue;
    if (!(KEYS as readonly string[]).includes(key.name)) {
      accept(error('unknown-option/rate-key', { key: key.name, suggestion: closestName(key.name, KEYS) ?? null }, key.range));
      sound = false;
    } else if (seen.has(key.name)) {
      accept(error('duplicate-name/rate-key', { key: key.name }, key.range));
      sound = false;
    } else if (key.name === 'band' && !scope.scorecard) {
      accept(error('no-scorecard/rate', {}, key.range));
      sound = false;
    }
    seen.add(key.name);
  }
  for (const row of table.rows) {
    checkRateValue(row.rate, accept);
    if (row.cells.length !== keys.length) {
      accept(error('rate-row-shape', { cells: row.cells.length, keys: [...keys] }, row.range));
      sound = false;
      continue;
    }
    row.cells.forEach((cell, i) => {
      if (!checkCell(cell, keys[i]!, accept, scope)) sound = false;
    });
  }
  if (!sound) return;
  const bandIndex = keys.indexOf('band');
  if (bandIndex >= 0) {
    const bandKey = table.keys[bandIndex]!;
    const priced = new Set(table.rows.map((row) => (row.cells[bandIndex] as Identifier).name));
    for (const band of scope.bands.keys()) {
      if (!priced.has(band)) accept(error('band-missing/rate', { band }, bandKey.range));
    }
  }
  checkNumericCoverage(table, keys, accept, scope, limits);
}

function checkCell(cell: Identifier | RangeExpr, key: string, accept: Accept, scope: Scope): boolean {
  if (key === 'band') {
    if (cell.kind !== 'Identifier') {
      accept(error('type-mismatch/rate-band-cell', {}, cell.range));
      return false;
    }
    if (cell.name && scope.scorecard && !scope.bands.has(cell.name)) {
      accept(error('unknown-band', { band: cell.name, suggestion: closestName(cell.name, scope.bands.keys()) ?? null, bands: [...scope.bands.keys()] }, cell.range));
      return false;
    }
    return true;
  }
  if (cell.kind !== 'RangeExpr') {
    accept(error('type-mismatch/rate-range-cell', { key }, cell.range));
    return false;
  }
  for (const bound of [cell.min, cell.max]) {
    if (bound?.kind === 'PercentLiteral') {
      accept(error('type-mismatch/rate-range-percent', { key }, bound.range));
      return false;
    }
    if (key === 'payments' && bound && !literalValue(bound)?.isInteger()) {
      accept(error('invalid-number/rate-payments', {}, bound.range));
      return false;
    }
  }
  const min = literalValue(cell.min);
  const max = literalValue(cell.max);
  if (min && max && (min.gt(max) || (cell.maxExclusive && min.eq(max)))) {
    accept(error('range-inverted/rate-cell', { min: cell.min!.value, max: cell.max!.value }, cell.range));
    return false;
  }
  return true;
}

/** With one numeric key (payments or amount), each band's rows must price every value the limits allow. */
function checkNumericCoverage(table: RateTable, keys: readonly string[], accept: Accept, scope: Scope, limits: LimitsSection | undefined): void {
  const numeric = keys.map((k, i) => [k, i] as const).filter(([k]) => k !== 'band');
  if (numeric.length !== 1 || !limits) return;
  const [key, index] = numeric[0]!;
  const integer = key === 'payments';
  const domains: Interval[] = [];
  if (integer) {
    for (const term of limits.terms) {
      const min = literalValue(term.payments?.min);
      const max = literalValue(term.payments?.max);
      if (min && max) domains.push(integerInterval(min, max, term.payments.maxExclusive));
    }
  } else {
    const min = literalValue(limits.amount?.range.min);
    const max = literalValue(limits.amount?.range.max);
    if (min && max) domains.push(interval(min, max));
  }
  if (domains.length === 0) return;
  const bandIndex = keys.indexOf('band');
  const groups: (string | undefined)[] = bandIndex >= 0 ? [...scope.bands.keys()] : [undefined];
  for (const band of groups) {
    const rows = table.rows.filter((row) => band === undefined || (row.cells[bandIndex] as Identifier).name === band);
    if (rows.length === 0) continue; // reported as band-missing
    const covers = rows.map((row) => cellInterval(row, index, integer));
    const reported = new Set<string>();
    for (const domain of domains) {
      for (const gap of uncovered(domain, covers)) {
        const text = intervalSpan(gap, { integer, percent: false });
        if (reported.has(text)) continue;
        reported.add(text);
        accept(
          error('rate-gap', { key, span: text, band: band ?? null, integer }, table.keys[index]!.range),
        );
      }
    }
  }
}

function cellInterval(row: RateRow, index: number, integer: boolean): Interval {
  const cell = row.cells[index] as RangeExpr;
  const min = literalValue(cell.min);
  const max = literalValue(cell.max);
  return integer ? integerInterval(min, max, cell.maxExclusive) : interval(min, max, cell.maxExclusive);
}
