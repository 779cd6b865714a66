// Checks on a rate table (`rate by band, payments { ... }`): keys, row shape, known bands, every
// band priced, and no payments or amount within the limits left without a rate.
import type { Identifier, LimitsSection, RangeExpr, RateNode, RateRow } from '../ast/nodes.ts';
import type { Accept } from '../diagnostic.ts';
import { checkRateValue } from './options.ts';
import { literalValue } from './decimals.ts';
import { error } from './diagnostics.ts';
import { describeInterval, integerInterval, interval, uncovered, type Interval } from './intervals.ts';
import type { Scope } from './scope.ts';
import { didYouMean } from './suggest.ts';

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
      accept(error('unknown-option', `a rate table cannot be keyed by \`${key.name}\``, key.range, didYouMean(key.name, KEYS) ?? 'key it by `band`, `payments` and/or `amount`'));
      sound = false;
    } else if (seen.has(key.name)) {
      accept(error('duplicate-name', `\`${key.name}\` is listed twice as a key`, key.range));
      sound = false;
    } else if (key.name === 'band' && !scope.scorecard) {
      accept(error('no-scorecard', 'rates by band need a `scorecard` with bands', key.range, 'add a scorecard with `band A when score >= ...`, or key the table by `payments` or `amount`'));
      sound = false;
    }
    seen.add(key.name);
  }
  for (const row of table.rows) {
    checkRateValue(row.rate, accept);
    if (row.cells.length !== keys.length) {
      accept(error('rate-row-shape', `this row has ${row.cells.length} cell(s) for ${keys.length} key(s) (${keys.join(', ')})`, row.range, `write one cell per key, then the rate: \`${keys.map((k) => (k === 'band' ? 'A' : '..')).join(', ')}: 40%\``));
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
      if (!priced.has(band)) accept(error('band-missing', `band \`${band}\` has no rate`, bandKey.range, `add a row for band \`${band}\``));
    }
  }
  checkNumericCoverage(table, keys, accept, scope, limits);
}

function checkCell(cell: Identifier | RangeExpr, key: string, accept: Accept, scope: Scope): boolean {
  if (key === 'band') {
    if (cell.kind !== 'Identifier') {
      accept(error('type-mismatch', 'this cell must be a band name', cell.range, 'write a band such as `A`'));
      return false;
    }
    if (cell.name && scope.scorecard && !scope.bands.has(cell.name)) {
      accept(error('unknown-band', `unknown band \`${cell.name}\``, cell.range, didYouMean(cell.name, scope.bands.keys()) ?? `the bands are ${[...scope.bands.keys()].map((b) => `\`${b}\``).join(', ')}`));
      return false;
    }
    return true;
  }
  if (cell.kind !== 'RangeExpr') {
    accept(error('type-mismatch', `this cell must be a range of ${key}`, cell.range, 'write `6..12`, `13..` or `..` for any'));
    return false;
  }
  for (const bound of [cell.min, cell.max]) {
    if (bound?.kind === 'PercentLiteral') {
      accept(error('type-mismatch', `a range of ${key} cannot be in percents`, bound.range));
      return false;
    }
    if (key === 'payments' && bound && !literalValue(bound)?.isInteger()) {
      accept(error('invalid-number', 'payments are whole numbers', bound.range));
      return false;
    }
  }
  const min = literalValue(cell.min);
  const max = literalValue(cell.max);
  if (min && max && (min.gt(max) || (cell.maxExclusive && min.eq(max)))) {
    accept(error('range-inverted', `the range ${cell.min!.value}..${cell.max!.value} is empty`, cell.range, 'write the smaller bound first'));
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
        const text = describeInterval(gap, { integer, percent: false }).replace(/^values? /, '');
        if (reported.has(text)) continue;
        reported.add(text);
        accept(
          error(
            'rate-gap',
            `${key} ${text} ${band === undefined ? '' : `for band \`${band}\` `}have no rate`,
            table.keys[index]!.range,
            `the limits allow them: add a row covering them${integer ? '' : ` (write \`..<x\` to make rows meet exactly)`}`,
          ),
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
