// Public API of @plazo/engine: the product IR types and all money math, as pure functions.
export { Dec, type DecimalInput } from './decimal.ts';
export { InvalidInputError, type FieldIssue } from './errors.ts';
