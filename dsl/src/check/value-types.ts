// The type rules of Plazo expressions (dsl/README.md "Expressions"): what `money * percent` is,
// what may be compared with what, and how to say so when a combination is not allowed.
import type { TypeName } from '../ast/nodes.ts';

/**
 * The type of an expression. `literal` is a bare number literal, which adapts to money, number or
 * integer; `unknown` follows an error already reported (it is accepted everywhere, so one mistake
 * gives one diagnostic).
 */
export interface ExprType {
  readonly kind: TypeName | 'literal' | 'unknown';
  /** Enum values, for `enum`. */
  readonly values?: readonly string[];
  /** For `literal`: the literal is a whole number (so it may stand for an integer). */
  readonly integral?: boolean;
}

export const UNKNOWN: ExprType = { kind: 'unknown' };
export const BOOLEAN: ExprType = { kind: 'boolean' };
export const MONEY: ExprType = { kind: 'money' };
export const NUMBER: ExprType = { kind: 'number' };
export const INTEGER: ExprType = { kind: 'integer' };
export const PERCENT: ExprType = { kind: 'percent' };
export const DATE: ExprType = { kind: 'date' };
export const STRING: ExprType = { kind: 'string' };


/** True for types that take part in arithmetic and ordering. */
export function isNumeric(type: ExprType): boolean {
  return ['number', 'integer', 'money', 'percent', 'literal'].includes(type.kind);
}

export type ArithmeticOperator = '+' | '-' | '*' | '/';

/** The result of `left op right`, or undefined when the types do not combine (`type-mismatch/arithmetic`). */
export function arithmeticType(operator: ArithmeticOperator, left: ExprType, right: ExprType): ExprType | undefined {
  if (left.kind === 'unknown' || right.kind === 'unknown') return UNKNOWN;
  return arithmeticResult(operator, left, right);
}

/** A type as message args carry it: its kind and, for an enum, its values. */
export function typeArg(type: ExprType): { kind: string; values?: readonly string[] } {
  return type.kind === 'enum' ? { kind: type.kind, values: type.values ?? [] } : { kind: type.kind };
}

function arithmeticResult(operator: ArithmeticOperator, left: ExprType, right: ExprType): ExprType | undefined {
  const l = left.kind;
  const r = right.kind;
  if (l === 'literal' && r === 'literal') {
    return { kind: 'literal', integral: operator !== '/' && left.integral === true && right.integral === true };
  }
  switch (operator) {
    case '+':
    case '-':
      if ((l === 'money' && (r === 'money' || r === 'literal')) || (l === 'literal' && r === 'money')) return MONEY;
      if (l === 'percent' && r === 'percent') return PERCENT;
      if (numberLike(l) && numberLike(r)) return wholeIf(left, right);
      return undefined;
    case '*':
      if (l === 'money' && r === 'money') return undefined;
      if ((l === 'money' && (r === 'percent' || numberLike(r))) || (r === 'money' && (l === 'percent' || numberLike(l)))) {
        return MONEY;
      }
      if ((l === 'percent' && (r === 'percent' || numberLike(r))) || (r === 'percent' && numberLike(l))) return PERCENT;
      if (numberLike(l) && numberLike(r)) return wholeIf(left, right);
      return undefined;
    case '/':
      // A ratio of two amounts reads as a percent: `debt / income < 30%` means 0.30.
      if (l === 'money' && r === 'money') return PERCENT;
      if (l === 'money' && (r === 'percent' || numberLike(r))) return MONEY;
      if (l === 'percent' && r === 'percent') return NUMBER;
      if (l === 'percent' && numberLike(r)) return PERCENT;
      if (numberLike(l) && numberLike(r)) return NUMBER;
      return undefined;
  }
}

// Module-level helpers rather than closures: made once, not on every call (and, under tsx's
// keepNames, not named on every call either).
function plain(k: string): boolean {
  return k === 'number' || k === 'integer';
}

function numberLike(k: string): boolean {
  return plain(k) || k === 'literal';
}

function whole(t: ExprType): boolean {
  return t.kind === 'integer' || (t.kind === 'literal' && t.integral === true);
}

function wholeIf(left: ExprType, right: ExprType): ExprType {
  return whole(left) && whole(right) ? INTEGER : NUMBER;
}

/** True when values of these types may be compared with `operator` (`<` needs an order). */
export function comparable(operator: string, left: ExprType, right: ExprType): boolean {
  if (left.kind === 'unknown' || right.kind === 'unknown') return true;
  const ordered = operator !== '=' && operator !== '!=';
  const l = left.kind;
  const r = right.kind;
  if (l === 'money' || r === 'money') return (l === 'money' || l === 'literal') && (r === 'money' || r === 'literal');
  if (l === 'percent' || r === 'percent') return l === 'percent' && r === 'percent';
  if (numberLike(l) && numberLike(r)) return true;
  if (l === 'date' && r === 'date') return true;
  if (ordered) return false;
  if (l === 'string' && r === 'string') return true;
  if (l === 'boolean' && r === 'boolean') return true;
  if (l === 'enum' && r === 'enum') return sameValues(left.values, right.values);
  return false;
}

function sameValues(a: readonly string[] = [], b: readonly string[] = []): boolean {
  return a.length === b.length && a.every((value) => b.includes(value));
}


/** The type a declared input field has. */
export function fieldType(type: TypeName, enumValues: readonly string[]): ExprType {
  return type === 'enum' ? { kind: 'enum', values: enumValues } : { kind: type };
}

/** True when a value of type `actual` may stand where `wanted` is declared (a literal adapts). */
export function assignable(actual: ExprType, wanted: ExprType): boolean {
  if (actual.kind === 'unknown' || wanted.kind === 'unknown') return true;
  if (actual.kind === 'literal') {
    return wanted.kind === 'literal' || wanted.kind === 'money' || wanted.kind === 'number' || (wanted.kind === 'integer' && actual.integral === true);
  }
  if (actual.kind === 'integer' && wanted.kind === 'number') return true;
  if (actual.kind === 'enum' && wanted.kind === 'enum') return sameValues(actual.values, wanted.values);
  return actual.kind === wanted.kind;
}
