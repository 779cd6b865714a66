// Type-checks one expression against the scope: resolves names (inputs, lets, `score`, `today`,
// enum values), applies the type rules of value-types.ts and reports each misuse at its operand.
import type { BinaryExpr, CallExpr, Expr, InExpr, NameRef, Range } from '../ast/nodes.ts';
import type { Accept } from '../diagnostic.ts';
import type { Localized } from '../messages/types.ts';
import type { Place } from '../messages/en.ts';
import { asNumberHelp, asPercentHelp, inEvery } from './decimals.ts';
import { error } from './diagnostics.ts';
import { lookup, knownNames, type Scope } from './scope.ts';
import { closestName } from './suggest.ts';
import {
  BOOLEAN,
  DATE,
  INTEGER,
  PERCENT,
  STRING,
  UNKNOWN,
  arithmeticType,
  assignable,
  comparable,
  isNumeric,
  typeArg,
  type ExprType,
} from './value-types.ts';

/** Where an expression sits, which decides what it may refer to. */
export interface ExprContext {
  readonly scope: Scope;
  readonly accept: Accept;
  /** `score` is computed after lets and characteristics: only rules and offer caps may read it. */
  readonly allowScore: boolean;
  /** Inside `let` number `letIndex`: only earlier lets are defined. */
  readonly letIndex?: number;
  /** False where `score` and `today` mean nothing (the reserves policy's loan facts): they are unknown names there. */
  readonly builtins?: boolean;
}

/** The functions of the language: name → arity check and result type. */
const FUNCTIONS = ['min', 'max', 'round', 'days_between', 'years_between'] as const;

/** Infers the type of `expr`, reporting every error inside it; `unknown` after an error. */
export function inferType(expr: Expr | undefined, ctx: ExprContext): ExprType {
  if (expr === undefined) return UNKNOWN;
  switch (expr.kind) {
    case 'NumberLiteral':
      return { kind: 'literal', integral: !expr.value.includes('.') || /\.0*$/.test(expr.value) };
    case 'PercentLiteral':
      return PERCENT;
    case 'StringLiteral':
      return STRING;
    case 'BooleanLiteral':
      return BOOLEAN;
    case 'DateLiteral':
      return DATE;
    case 'ErrorExpr':
      return UNKNOWN;
    case 'ParenExpr':
      return inferType(expr.inner, ctx);
    case 'NameRef':
      return resolveName(expr, ctx);
    case 'UnaryExpr': {
      const operand = inferType(expr.operand, ctx);
      if (expr.operator === 'not') {
        expectBoolean(expr.operand, operand, { kind: 'not' }, ctx);
        return BOOLEAN;
      }
      if (operand.kind !== 'unknown' && !isNumeric(operand)) {
        ctx.accept(error('type-mismatch/negate', { type: typeArg(operand) }, expr.operand.range));
        return UNKNOWN;
      }
      return operand;
    }
    case 'BinaryExpr':
      return inferBinary(expr, ctx);
    case 'InExpr':
      return inferIn(expr, ctx);
    case 'PresenceExpr': {
      const operand = unwrap(expr.operand);
      if (operand?.kind === 'NameRef') {
        resolveName(operand, ctx);
      } else if (operand && operand.kind !== 'ErrorExpr') {
        ctx.accept(error('presence-operand', { present: expr.present }, operand.range));
      }
      return BOOLEAN;
    }
    case 'IfExpr': {
      expectBoolean(expr.condition, inferType(expr.condition, ctx), { kind: 'if' }, ctx);
      const then = inferType(expr.then, ctx);
      const otherwise = inferType(expr.otherwise, ctx);
      if (assignable(then, otherwise)) return otherwise.kind === 'literal' ? then : otherwise;
      if (assignable(otherwise, then)) return then;
      const fix = notationHelp(then, expr.otherwise) ?? notationHelp(otherwise, expr.then);
      ctx.accept(error('type-mismatch/if-branches', { then: typeArg(then), otherwise: typeArg(otherwise), fix }, expr.otherwise.range));
      return UNKNOWN;
    }
    case 'CallExpr':
      return inferCall(expr, ctx);
  }
}

/** Reports a type error when `expr` is not of the `wanted` type; `place` names where it stands. */
export function expectType(expr: Expr | undefined, wanted: ExprType, place: Place, ctx: ExprContext): ExprType {
  const actual = inferType(expr, ctx);
  if (expr && !assignable(actual, wanted)) {
    ctx.accept(error('type-mismatch/expected', { place, wanted: typeArg(wanted), actual: typeArg(actual) }, expr.range));
  }
  return actual;
}

function expectBoolean(expr: Expr, type: ExprType, place: Place, ctx: ExprContext): void {
  if (type.kind !== 'unknown' && type.kind !== 'boolean') {
    ctx.accept(error('type-mismatch/not-boolean', { place, type: typeArg(type) }, expr.range));
  }
}

function inferBinary(expr: BinaryExpr, ctx: ExprContext): ExprType {
  const op = expr.operator;
  if (op === 'and' || op === 'or') {
    expectBoolean(expr.left, inferType(expr.left, ctx), { kind: 'side', side: 'left', op }, ctx);
    expectBoolean(expr.right, inferType(expr.right, ctx), { kind: 'side', side: 'right', op }, ctx);
    return BOOLEAN;
  }
  if (op === '+' || op === '-' || op === '*' || op === '/') {
    const left = inferType(expr.left, ctx);
    const right = inferType(expr.right, ctx);
    const result = arithmeticType(op, left, right);
    if (result) return result;
    ctx.accept(error('type-mismatch/arithmetic', { op, left: typeArg(left), right: typeArg(right) }, expr.right.range));
    return UNKNOWN;
  }
  const [left, right] = comparedTypes(expr.left, expr.right, ctx);
  if (left.kind === 'unknown' || right.kind === 'unknown') return BOOLEAN;
  if (enumAgainstString(expr.left, left, expr.right, right, ctx) || enumAgainstString(expr.right, right, expr.left, left, ctx)) {
    return BOOLEAN;
  }
  if (!comparable(op, left, right)) {
    const ordered = op !== '=' && op !== '!=' && comparable('=', left, right);
    if (ordered) ctx.accept(error('type-mismatch/order', { op, left: typeArg(left) }, expr.right.range));
    else {
      const fix = notationHelp(left, expr.right) ?? notationHelp(right, expr.left);
      ctx.accept(error('type-mismatch/compare', { left: typeArg(left), right: typeArg(right), fix, operand: operandName(expr.left) }, expr.right.range));
    }
  }
  return BOOLEAN;
}

function inferIn(expr: InExpr, ctx: ExprContext): ExprType {
  const operand = inferType(expr.operand, ctx);
  for (const value of expr.values) {
    const type = isEnumValueCandidate(value, ctx.scope) ? enumValue(value as NameRef, operand, ctx) : inferType(value, ctx);
    if (operand.kind === 'unknown' || type.kind === 'unknown') continue;
    if (enumAgainstString(expr.operand, operand, value, type, ctx)) continue;
    if (!comparable('=', operand, type)) {
      ctx.accept(error('type-mismatch/in-list', { operand: typeArg(operand), type: typeArg(type), fix: notationHelp(operand, value) }, value.range));
    }
  }
  return BOOLEAN;
}

function inferCall(expr: CallExpr, ctx: ExprContext): ExprType {
  const name = expr.callee?.name ?? '';
  const args = expr.args.map((arg) => inferType(arg, ctx));
  const arity = (min: number, max: number, shape: 'many' | 'round' | 'dates'): boolean => {
    if (args.length >= min && args.length <= max) return true;
    ctx.accept(error('wrong-arity', { name, shape, given: args.length }, expr.range));
    return false;
  };
  switch (name) {
    case 'min':
    case 'max': {
      if (!arity(2, Infinity, 'many')) return UNKNOWN;
      let result: ExprType = args[0]!;
      args.forEach((type, i) => {
        if (type.kind !== 'unknown' && !isNumeric(type)) {
          ctx.accept(error('type-mismatch/min-max-numeric', { name, type: typeArg(type) }, expr.args[i]!.range));
          result = UNKNOWN;
        } else if (!comparable('<', result, type)) {
          ctx.accept(error('type-mismatch/min-max-mixed', { name, result: typeArg(result), type: typeArg(type) }, expr.args[i]!.range));
          result = UNKNOWN;
        } else if (result.kind === 'literal') {
          result = type;
        }
      });
      return result;
    }
    case 'round': {
      if (!arity(2, 2, 'round')) return UNKNOWN;
      const [value, scale] = args as [ExprType, ExprType];
      const scaleExpr = expr.args[1]!;
      if (value.kind !== 'unknown' && !isNumeric(value)) {
        ctx.accept(error('type-mismatch/round-value', { type: typeArg(value) }, expr.args[0]!.range));
      }
      if (scaleExpr.kind !== 'NumberLiteral' || !/^\d+$/.test(scaleExpr.value) || Number(scaleExpr.value) > 10) {
        if (scale.kind !== 'unknown') {
          ctx.accept(error('type-mismatch/round-decimals', {}, scaleExpr.range));
        }
      }
      return value;
    }
    case 'days_between':
    case 'years_between': {
      if (!arity(2, 2, 'dates')) return UNKNOWN;
      args.forEach((type, i) => {
        if (type.kind !== 'unknown' && type.kind !== 'date') {
          ctx.accept(error('type-mismatch/dates', { name, type: typeArg(type) }, expr.args[i]!.range));
        }
      });
      return INTEGER;
    }
    default: {
      if (name) {
        ctx.accept(error('unknown-function', { name, suggestion: closestName(name, FUNCTIONS) ?? null, functions: FUNCTIONS }, expr.callee.range));
      }
      return UNKNOWN;
    }
  }
}

/** The types of two compared operands, resolving a bare name against an enum on the other side. */
function comparedTypes(left: Expr, right: Expr, ctx: ExprContext): [ExprType, ExprType] {
  const leftIsValue = isEnumValueCandidate(left, ctx.scope);
  const rightIsValue = isEnumValueCandidate(right, ctx.scope);
  if (leftIsValue && !rightIsValue) {
    const r = inferType(right, ctx);
    return [enumValue(left as NameRef, r, ctx), r];
  }
  if (rightIsValue && !leftIsValue) {
    const l = inferType(left, ctx);
    return [l, enumValue(right as NameRef, l, ctx)];
  }
  return [inferType(left, ctx), inferType(right, ctx)];
}

/** A bare name that is not declared may be an enum value (`applicant.state = CDMX`). */
function isEnumValueCandidate(expr: Expr, scope: Scope): boolean {
  return expr.kind === 'NameRef' && expr.name !== '' && !expr.name.includes('.') && lookup(scope, expr.name) === undefined;
}

function enumValue(ref: NameRef, partner: ExprType, ctx: ExprContext): ExprType {
  if (partner.kind !== 'enum') return resolveName(ref, ctx);
  const values = partner.values ?? [];
  if (values.includes(ref.name)) return partner;
  ctx.accept(error('unknown-enum-value/name', { name: ref.name, type: typeArg(partner), suggestion: closestName(ref.name, values) ?? null, values }, ref.range));
  return UNKNOWN;
}

/** `state = "CDMX"`: a string literal compared with an enum must be one of its values. */
function enumAgainstString(enumExpr: Expr, enumType: ExprType, other: Expr, otherType: ExprType, ctx: ExprContext): boolean {
  if (enumType.kind !== 'enum' || otherType.kind !== 'string' || unwrap(other)?.kind !== 'StringLiteral') return false;
  const literal = unwrap(other) as { value: string; range: Range };
  const values = enumType.values ?? [];
  if (!values.includes(literal.value)) {
    ctx.accept(error('unknown-enum-value/string', { value: literal.value, operand: operandName(enumExpr), values }, literal.range));
  }
  return true;
}

/** Resolves a name to its type, reporting unknown names, lets used before their definition and misplaced `score`. */
export function resolveName(ref: NameRef, ctx: ExprContext): ExprType {
  if (!ref.name) return UNKNOWN;
  const symbol = ctx.builtins === false ? (ctx.scope.inputs.get(ref.name) ?? ctx.scope.lets.get(ref.name)) : lookup(ctx.scope, ref.name);
  if (symbol === undefined) {
    ctx.accept(error('unknown-name', { name: ref.name, suggestion: closestName(ref.name, knownNames(ctx.scope)) ?? null }, ref.range));
    return UNKNOWN;
  }
  if (symbol.kind === 'let' && ctx.letIndex !== undefined && symbol.index >= ctx.letIndex) {
    const self = symbol.index === ctx.letIndex;
    if (self) ctx.accept(error('let-order/self', { name: ref.name }, ref.range));
    else ctx.accept(error('let-order/later', { name: ref.name, line: symbol.decl.range.start.line + 1 }, ref.range));
    return UNKNOWN;
  }
  if (symbol.kind === 'builtin' && symbol.name === 'score') {
    if (!ctx.scope.scorecard) {
      ctx.accept(error('score-unavailable/no-scorecard', {}, ref.range));
      return UNKNOWN;
    }
    if (!ctx.allowScore) {
      ctx.accept(error('score-unavailable/here', {}, ref.range));
      return UNKNOWN;
    }
  }
  return symbol.type;
}

/**
 * When a literal stands where `type` wanted the other notation — a bare number against a percent,
 * a percent against a number — the same value in the right one (`0.3` → `30%`, `30%` → `0.3`).
 */
function notationHelp(type: ExprType, other: Expr): Localized | null {
  const literal = unwrap(other);
  if (type.kind === 'percent' && literal?.kind === 'NumberLiteral') return inEvery((lang) => asPercentHelp(literal.value, lang));
  if ((type.kind === 'number' || type.kind === 'integer') && literal?.kind === 'PercentLiteral') return inEvery((lang) => asNumberHelp(literal, lang));
  return null;
}

function unwrap(expr: Expr | undefined): Expr | undefined {
  let current = expr;
  while (current?.kind === 'ParenExpr') current = current.inner;
  return current;
}

function operandName(expr: Expr): string | null {
  const inner = unwrap(expr);
  return inner?.kind === 'NameRef' ? inner.name : null;
}
