// Checks on the reserves policy (issue 15). A table: rows with whole days from 0, rates 0%..100%,
// stages `vigente` | `vencida`; for each book stage the rows it takes (its own, else the
// unqualified ones) give exactly one rate for every day 0..∞ past due, never lower than the rate
// of fewer days. An expected loss: `pd` and `lgd` are probabilities (a percent or a number, 0..1
// where constant) over the loan facts only.
import { Dec, RESERVE_FACTS } from '@plazo/engine';
import type { Expr, ReserveRowNode, ReservesSection } from '../ast/nodes.ts';
import type { Accept } from '../diagnostic.ts';
import { inferType } from './check-expression.ts';
import { literalValue } from './decimals.ts';
import { error, headRange, lineNumber, warning } from './diagnostics.ts';
import { factAccept, factScope } from './fact-scope.ts';
import { integerInterval, intersect, intervalSpan, isEmpty, uncovered, type Interval } from './intervals.ts';
import { checkOption } from './options.ts';
import { typeArg } from './value-types.ts';

/** The stages of the regulatory books a row may be for. */
export const BOOK_STAGES = ['vigente', 'vencida'] as const;
type BookStage = (typeof BOOK_STAGES)[number];

/** The names an expected-loss expression resolves against: the loan facts only. */
export const RESERVE_SCOPE = factScope(RESERVE_FACTS);
const ALL_DAYS: Interval = integerInterval(new Dec(0), undefined);
const DAYS = { integer: true, percent: false } as const;

/** The reserves section: a table or an expected loss, never both, never empty. */
export function checkReserves(reserves: ReservesSection, accept: Accept): void {
  const el = reserves.expectedLoss;
  if (!el && reserves.rows.length === 0) {
    accept(error('reserves-empty', {}, headRange(reserves.range, 'reserves'.length)));
    return;
  }
  if (el) {
    if (reserves.rows.length > 0) accept(error('reserves-mixed', { line: lineNumber(reserves.rows[0]!.range) }, el.range));
    checkFraction(el.pd, 'pd', accept);
    checkFraction(el.lgd, 'lgd', accept);
    return;
  }
  checkTable(reserves.rows, accept);
}

// ---------------------------------------------------------------- expected loss

/** `pd` or `lgd`: a percent or a number, read from the loan facts only; a constant inside 0..1. */
function checkFraction(expr: Expr, part: 'pd' | 'lgd', accept: Accept): void {
  const type = inferType(expr, { scope: RESERVE_SCOPE, accept: factAccept(accept, RESERVE_FACTS), allowScore: false, builtins: false });
  if (!['percent', 'number', 'integer', 'literal', 'unknown'].includes(type.kind)) {
    accept(error('type-mismatch/reserve-fraction', { part, actual: typeArg(type) }, expr.range));
    return;
  }
  for (const literal of constantsOf(expr)) {
    const value = literalValue(literal);
    if (value && (value.lt(0) || value.gt(1))) {
      const shown = literal.kind === 'PercentLiteral' ? `${literal.value}%` : literal.value;
      accept(error('invalid-number/reserve-fraction', { part, shown }, literal.range));
    }
  }
}

/** The literals the expression may evaluate to as a whole: itself, or the branches of its `if`s (through parentheses and `-`). */
function constantsOf(expr: Expr): (Extract<Expr, { kind: 'NumberLiteral' | 'PercentLiteral' }>)[] {
  switch (expr.kind) {
    case 'NumberLiteral':
    case 'PercentLiteral':
      return [expr];
    case 'ParenExpr':
      return constantsOf(expr.inner);
    case 'IfExpr':
      return [...constantsOf(expr.then), ...constantsOf(expr.otherwise)];
    case 'UnaryExpr': {
      if (expr.operator !== '-') return [];
      const inner = expr.operand.kind === 'ParenExpr' ? expr.operand.inner : expr.operand;
      if (inner.kind !== 'NumberLiteral' && inner.kind !== 'PercentLiteral') return [];
      return [{ ...inner, value: `-${inner.value}`, ...(inner.kind === 'PercentLiteral' ? { fraction: `-${inner.fraction}` } : {}), range: expr.range }];
    }
    default:
      return [];
  }
}

// ---------------------------------------------------------------- tables

interface Row {
  readonly node: ReserveRowNode;
  readonly stage: BookStage | null;
  readonly days: Interval;
  /** Undefined when the rate is not a valid one (reported): the row still covers its days. */
  readonly rate: Dec | undefined;
}

function checkTable(nodes: readonly ReserveRowNode[], accept: Accept): void {
  const rows: Row[] = [];
  // Coverage needs every row placed (its days and stage valid); a row with a wrong rate is still
  // placed, and the monotonicity check passes over it.
  let placed = true;
  for (const node of nodes) {
    const row = checkRow(node, accept);
    if (row) rows.push(row);
    else placed = false;
  }
  // Two rows of one qualifier on the same day: which rate would apply is not what the text says.
  let overlaps = false;
  rows.forEach((row, i) => {
    for (const earlier of rows.slice(0, i)) {
      if (earlier.stage !== row.stage) continue;
      const shared = intersect(earlier.days, row.days);
      if (isEmpty(shared)) continue;
      overlaps = true;
      accept(error('reserve-overlap', { days: intervalSpan(shared, DAYS), stage: row.stage, line: lineNumber(earlier.node.range) }, row.node.from.range));
      break;
    }
  });
  if (!placed) return;
  const staged = rows.some((r) => r.stage !== null);
  const stages: (BookStage | null)[] = staged ? [...BOOK_STAGES] : [null];
  for (const stage of stages) checkCoverage(rows, stage, accept);
  if (staged) checkShadowed(rows, accept);
  if (!overlaps) {
    const reported = new Set<Row>();
    for (const stage of stages) checkMonotone(rows, stage, reported, accept);
  }
}

/** One row's own numbers; undefined when its days or stage cannot be placed. */
function checkRow(node: ReserveRowNode, accept: Accept): Row | undefined {
  let ok = true;
  if (node.stage && !checkOption(node.stage, BOOK_STAGES, 'bookStage', accept)) ok = false;
  let rate = literalValue(node.rate);
  if (!rate || rate.lt(0) || rate.gt(1)) {
    accept(error('invalid-number/reserve-rate', { rate: node.rate.value }, node.rate.range));
    rate = undefined;
  }
  const from = literalValue(node.from);
  const to = literalValue(node.to);
  for (const [literal, value] of [[node.from, from], [node.to, to]] as const) {
    if (literal && (!value || !value.isInteger() || value.isNegative())) {
      accept(error('invalid-number/reserve-days', { found: literal.value }, literal.range));
      ok = false;
    }
  }
  if (!ok || !from) return undefined;
  if (to && to.lt(from)) {
    accept(error('range-inverted/reserve', { from: from.toFixed(), to: to.toFixed() }, node.to!.range));
    return undefined;
  }
  const last = node.open ? undefined : (to ?? from);
  return { node, stage: (node.stage?.name as BookStage | undefined) ?? null, days: integerInterval(from, last), rate };
}

/** The rows a loan of `stage` takes (null: a table without stages, every loan). */
function rowsFor(rows: readonly Row[], stage: BookStage | null): Row[] {
  return rows.filter((r) => r.stage === stage || r.stage === null);
}

/** Every day 0..∞ has a rate for the stage. */
function checkCoverage(rows: readonly Row[], stage: BookStage | null, accept: Accept): void {
  const own = rowsFor(rows, stage);
  for (const gap of uncovered(ALL_DAYS, own.map((r) => r.days))) {
    const next = own.filter((r) => r.days.lo.value.gte(gap.hi.value)).sort((a, b) => a.days.lo.value.comparedTo(b.days.lo.value))[0];
    const previous = own.filter((r) => r.days.hi.value.lte(gap.lo.value)).sort((a, b) => b.days.hi.value.comparedTo(a.days.hi.value))[0];
    const at = (next ?? previous)?.node.range ?? rows[0]!.node.range;
    accept(error('reserve-gap', { days: intervalSpan(gap, DAYS), stage, open: !gap.hi.value.isFinite() }, at));
  }
}

/** An unqualified row whose every day both stages' own rows already rate: no loan takes it. */
function checkShadowed(rows: readonly Row[], accept: Accept): void {
  for (const row of rows) {
    if (row.stage !== null) continue;
    const taken = BOOK_STAGES.some((stage) => uncovered(row.days, rows.filter((r) => r.stage === stage).map((r) => r.days)).length > 0);
    if (!taken) accept(warning('reserve-row-unreachable', {}, row.node.range));
  }
}

/**
 * The rate a loan of `stage` gets never falls as its days past due grow: the rows it takes, in
 * order of days (a stage's own row wins over an unqualified one on the days both cover), each at
 * least the one before. A falling row is reported once, at its rate.
 */
function checkMonotone(rows: readonly Row[], stage: BookStage | null, reported: Set<Row>, accept: Accept): void {
  const own = rowsFor(rows, stage);
  const starts = [...new Set(own.flatMap((r) => [r.days.lo.value.toNumber(), r.days.hi.value.toNumber()]))].filter(Number.isFinite).sort((a, b) => a - b);
  let previous: Row | undefined;
  for (const day of starts) {
    const covers = (r: Row) => r.days.lo.value.lte(day) && r.days.hi.value.gt(day);
    const row = own.find((r) => r.stage !== null && covers(r)) ?? own.find(covers);
    if (!row || row === previous || row.rate === undefined) continue;
    if (previous && row.rate.lt(previous.rate!) && !reported.has(row)) {
      reported.add(row);
      const days = intervalSpan(intersect(row.days, integerInterval(new Dec(day), undefined)), DAYS);
      accept(error('reserve-decreasing', { from: `${previous.node.rate.value}%`, to: `${row.node.rate.value}%`, days, stage, line: lineNumber(previous.node.range) }, row.node.rate.range));
    }
    previous = row;
  }
}
