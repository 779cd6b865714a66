// The input schema and derived values of the IR.
import type { DerivedValue, InputField, ValueType } from '@plazo/engine';
import type { InputFieldDecl } from '../ast/nodes.ts';
import type { Scope } from '../check/scope.ts';
import type { ExprType } from '../check/value-types.ts';
import { literalText } from './decimal-text.ts';
import { toJsonLogic } from './expression.ts';

/** Every declared input field, in source order. */
export function compileInputs(scope: Scope): InputField[] {
  return [...scope.inputs.values()].map(({ decl }) => compileInputField(decl));
}

function compileInputField(decl: InputFieldDecl): InputField {
  const bounds = decl.bounds;
  return {
    path: decl.name.name,
    type: decl.type,
    optional: decl.optional,
    ...(decl.type === 'enum' ? { values: decl.enumValues.map((v) => v.name) } : {}),
    ...(bounds?.min ? { min: literalText(bounds.min) } : {}),
    ...(bounds?.max ? { max: literalText(bounds.max) } : {}),
    ...(bounds?.max && bounds.maxExclusive ? { maxExclusive: true } : {}),
    ...(decl.doc ? { doc: decl.doc } : {}),
    ...(decl.from ? { from: decl.from.name } : {}),
  };
}

/** Every `let`, in source order (each uses only earlier ones). */
export function compileDerived(scope: Scope): DerivedValue[] {
  return [...scope.lets.values()].map((symbol) => ({
    name: symbol.name,
    type: valueType(symbol.type),
    expr: toJsonLogic(symbol.decl.value, scope),
    ...(symbol.decl.doc ? { doc: symbol.decl.doc } : {}),
  }));
}

/** The IR value type of a checked expression type (a bare literal is a number). */
export function valueType(type: ExprType): ValueType {
  if (type.kind === 'literal') return type.integral ? 'integer' : 'number';
  if (type.kind === 'unknown') throw new Error('internal: compiling an expression of unknown type');
  return type.kind;
}
