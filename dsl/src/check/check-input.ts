// Checks on the input schema: each field once, bounds that fit the type and are in order, enum
// values, and the two inputs every product needs (`request.amount`, `request.payments`).
import type { InputFieldDecl, InputSection, ProductDecl } from '../ast/nodes.ts';
import type { Accept } from '../diagnostic.ts';
import { asNumberHelp, asPercentHelp, literalValue } from './decimals.ts';
import { error, headRange, lineOf } from './diagnostics.ts';

const NUMERIC_TYPES = new Set(['number', 'integer', 'money', 'percent']);

/** Each field of `input { ... }`, and duplicates across fields. */
export function checkInputSection(section: InputSection, accept: Accept): void {
  const seen = new Map<string, InputFieldDecl>();
  for (const field of section.fields) {
    const name = field.name?.name;
    if (!name) continue;
    const first = seen.get(name);
    if (first) {
      accept(error('duplicate-name', `input field \`${name}\` is declared twice`, field.name.range, `it is first declared on ${lineOf(first.range)}`));
    } else {
      seen.set(name, field);
    }
    checkInputField(field, accept);
  }
}

/** One field: enum values, bounds only on numeric types, bounds of the right kind and in order. */
export function checkInputField(field: InputFieldDecl, accept: Accept): void {
  const name = field.name?.name ?? '';
  if (field.type === 'enum') {
    if (field.enumValues.length === 0) accept(error('invalid-enum', `enum \`${name}\` has no values`, field.typeRange, 'list its values: `enum { CDMX, JAL, other }`'));
    const values = new Set<string>();
    for (const value of field.enumValues) {
      if (values.has(value.name)) accept(error('duplicate-name', `enum value \`${value.name}\` is listed twice`, value.range));
      values.add(value.name);
    }
  }
  const bounds = field.bounds;
  if (!bounds) return;
  if (!NUMERIC_TYPES.has(field.type)) {
    accept(error('bounds-not-allowed', `a \`${field.type}\` field cannot have a range`, bounds.range, 'ranges apply to number, integer, money and percent fields'));
    return;
  }
  for (const bound of [bounds.min, bounds.max]) {
    if (!bound) continue;
    if (field.type === 'percent' && bound.kind !== 'PercentLiteral') {
      accept(error('type-mismatch', `the range of percent field \`${name}\` must be written in percents`, bound.range, asPercentHelp(bound.value)));
    } else if (field.type !== 'percent' && bound.kind === 'PercentLiteral') {
      accept(error('type-mismatch', `the range of ${field.type} field \`${name}\` cannot be a percent`, bound.range, field.type === 'number' ? asNumberHelp(bound) : `write the bound as ${field.type === 'money' ? 'an amount' : 'a whole number'}, without \`%\``));
    } else if (field.type === 'integer' && !literalValue(bound)?.isInteger()) {
      accept(error('type-mismatch', `the range of integer field \`${name}\` must have whole-number bounds`, bound.range));
    }
  }
  const min = literalValue(bounds.min);
  const max = literalValue(bounds.max);
  if (min && max && (min.gt(max) || (bounds.maxExclusive && min.eq(max)))) {
    accept(error('range-inverted', `the range of \`${name}\` is empty: ${bounds.min!.value} is not below ${bounds.max!.value}`, bounds.range, 'write the smaller bound first'));
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
      accept(
        error('missing-input', `the input schema lacks \`${path}: ${type}\``, headRange(section.range, 'input'.length), `every product needs \`${path}: ${type}\`: it is what the client asks for`),
      );
    } else if (field.type !== type) {
      accept(error('type-mismatch', `\`${path}\` must be \`${type}\`, declared \`${field.type}\``, field.typeRange, `declare \`${path}: ${type}\``));
    } else if (field.optional) {
      accept(error('required-input-optional', `\`${path}\` cannot be optional`, field.name.range, `every application states \`${path}\`; remove \`optional\``));
    }
  }
}
