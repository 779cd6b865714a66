// Checks on the input schema: each field once, bounds that fit the type and are in order, enum
// values, and the two inputs every product needs (`request.amount`, `request.payments`).
import type { InputFieldDecl, InputSection, ProductDecl } from '../ast/nodes.ts';
import type { Accept } from '../diagnostic.ts';
import { checkDerivedInput } from './check-derived-input.ts';
import { asNumberHelp, asPercentHelp, inEvery, literalValue } from './decimals.ts';
import { error, headRange, lineNumber } from './diagnostics.ts';

const NUMERIC_TYPES = new Set(['number', 'integer', 'money', 'percent']);

/** Each field of `input { ... }`, and duplicates across fields. */
export function checkInputSection(section: InputSection, accept: Accept): void {
  const seen = new Map<string, InputFieldDecl>();
  for (const field of section.fields) {
    const name = field.name?.name;
    if (!name) continue;
    const first = seen.get(name);
    if (first) {
      accept(error('duplicate-name/input', { name, line: lineNumber(first.range) }, field.name.range));
    } else {
      seen.set(name, field);
    }
    checkInputField(field, accept);
  }
}

/** One field: enum values, bounds only on numeric types, bounds of the right kind and in order. */
export function checkInputField(field: InputFieldDecl, accept: Accept): void {
  const name = field.name?.name ?? '';
  checkDerivedInput(field, accept);
  if (field.type === 'enum') {
    if (field.enumValues.length === 0) accept(error('invalid-enum', { name }, field.typeRange));
    const values = new Set<string>();
    for (const value of field.enumValues) {
      if (values.has(value.name)) accept(error('duplicate-name/enum-value', { value: value.name }, value.range));
      values.add(value.name);
    }
  }
  const bounds = field.bounds;
  if (!bounds) return;
  if (!NUMERIC_TYPES.has(field.type)) {
    accept(error('bounds-not-allowed', { type: field.type }, bounds.range));
    return;
  }
  for (const bound of [bounds.min, bounds.max]) {
    if (!bound) continue;
    if (field.type === 'percent' && bound.kind !== 'PercentLiteral') {
      accept(error('type-mismatch/input-bound-percent', { name, fix: inEvery((lang) => asPercentHelp(bound.value, lang)) }, bound.range));
    } else if (field.type !== 'percent' && bound.kind === 'PercentLiteral') {
      accept(error('type-mismatch/input-bound-not-percent', { name, type: field.type, fix: field.type === 'number' ? inEvery((lang) => asNumberHelp(bound, lang)) : null }, bound.range));
    } else if (field.type === 'integer' && !literalValue(bound)?.isInteger()) {
      accept(error('type-mismatch/input-bound-integer', { name }, bound.range));
    }
  }
  const min = literalValue(bounds.min);
  const max = literalValue(bounds.max);
  if (min && max && (min.gt(max) || (bounds.maxExclusive && min.eq(max)))) {
    accept(error('range-inverted/input', { name, min: bounds.min!.value, max: bounds.max!.value }, bounds.range));
  }
}

/** The inputs every product needs, with their types. */
export function checkRequiredInputs(product: ProductDecl, fields: ReadonlyMap<string, InputFieldDecl>, accept: Accept): void {
  const section = product.sections.find((s) => s.kind === 'InputSection');
  if (!section) return; // reported as a missing section
  const required: [string, 'money' | 'integer'][] = [
    ['request.amount', 'money'],
    ['request.payments', 'integer'],
  ];
  for (const [path, type] of required) {
    const field = fields.get(path);
    if (!field) {
      accept(error('missing-input', { path, type }, headRange(section.range, 'input'.length)));
    } else if (field.type !== type) {
      accept(error('type-mismatch/required-input', { path, type, declared: field.type }, field.typeRange));
    } else if (field.optional) {
      accept(error('required-input-optional', { path }, field.name.range));
    }
  }
}
