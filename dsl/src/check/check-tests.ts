// Checks on the tests written in the product: `given` names declared inputs with values of their
// type (inside their declared range), every required input is given, expectations name existing
// bands, stages and reasons, and servicing steps have a disbursement date.
import type { GivenEntry, TestDecl } from '../ast/nodes.ts';
import type { Accept } from '../diagnostic.ts';
import { asNumberHelp, asPercentHelp, inEvery, literalValue, showValue } from './decimals.ts';
import { error, lineNumber } from './diagnostics.ts';
import type { Scope } from './scope.ts';
import { BOOK_STAGES } from './check-reserves.ts';
import { checkOption } from './options.ts';
import { closestName } from './suggest.ts';

/** Every test, and duplicate test names. */
export function checkTests(tests: readonly TestDecl[], accept: Accept, scope: Scope): void {
  const names = new Map<string, TestDecl>();
  // Once for all tests, not per test: a product may have hundreds of (mostly optional) inputs.
  const required = requiredInputs(scope);
  for (const test of tests) {
    const name = test.name?.value;
    if (name !== undefined) {
      const first = names.get(name);
      if (first) accept(error('duplicate-name/test', { name, line: lineNumber(first.range) }, test.name.range));
      else names.set(name, test);
    }
    checkTest(test, accept, scope, required);
  }
}

/** The names of the inputs every test must give, in declaration order. */
function requiredInputs(scope: Scope): string[] {
  const required: string[] = [];
  for (const input of scope.inputs.values()) if (!input.optional) required.push(input.name);
  return required;
}

/** One test. */
export function checkTest(test: TestDecl, accept: Accept, scope: Scope, required: readonly string[] = requiredInputs(scope)): void {
  const given = new Map<string, GivenEntry>();
  for (const entry of test.given) {
    const path = entry.field?.name;
    if (!path) continue;
    const first = given.get(path);
    if (first) accept(error('duplicate-name/given', { path, line: lineNumber(first.range) }, entry.field.range));
    given.set(path, entry);
    checkGiven(entry, accept, scope);
  }
  const lacking = required.filter((name) => !given.has(name));
  if (lacking.length > 0 && test.name) {
    accept(error('test-missing-input', { test: test.name.value, lacking }, test.name.range));
  }
  for (const expectation of test.expects) {
    switch (expectation.kind) {
      case 'band':
        if (expectation.band?.name && !scope.bands.has(expectation.band.name)) {
          accept(error('unknown-band/test', { band: expectation.band.name, suggestion: closestName(expectation.band.name, scope.bands.keys()) ?? null, scorecard: scope.scorecard !== undefined }, expectation.band.range));
        }
        break;
      case 'score':
        if (!scope.scorecard) accept(error('no-scorecard/test', {}, expectation.range));
        break;
      case 'outcome':
        for (const reason of expectation.reasons) {
          if (reason.value && !scope.reasons.has(reason.value)) {
            accept(error('unknown-reason', { reason: reason.value, suggestion: closestName(reason.value, scope.reasons) ?? null }, reason.range));
          }
        }
        break;
      case 'state':
        if (expectation.stage?.name && !scope.stages.has(expectation.stage.name)) {
          accept(error('unknown-stage', { stage: expectation.stage.name, suggestion: closestName(expectation.stage.name, scope.stages) ?? null }, expectation.stage.range));
        }
        if (!test.disburse) accept(error('missing-disburse/state', {}, expectation.range));
        break;
      case 'books':
        if (expectation.stage) checkOption(expectation.stage, BOOK_STAGES, 'bookStage', accept);
        if (!test.disburse) accept(error('missing-disburse/books', {}, expectation.range));
        break;
      default:
        break;
    }
  }
  if (test.payments.length > 0 && !test.disburse) {
    accept(error('missing-disburse/pay', {}, test.payments[0]!.range));
  }
}

/** One `given` entry: a declared input, a value of its type, inside its declared range. */
function checkGiven(entry: GivenEntry, accept: Accept, scope: Scope): void {
  const path = entry.field.name;
  const input = scope.inputs.get(path);
  if (!input) {
    const isLet = scope.lets.has(path);
    if (isLet) accept(error('unknown-name/given-let', { path }, entry.field.range));
    else accept(error('unknown-name/given', { path, suggestion: closestName(path, scope.inputs.keys()) ?? null }, entry.field.range));
    return;
  }
  const value = entry.value;
  if (!value) return;
  const type = input.type.kind;
  const shown = value.kind === 'Identifier' ? value.name : value.kind === 'StringLiteral' ? `"${value.value}"` : value.kind === 'PercentLiteral' ? `${value.value}%` : String(value.value);
  const values = input.type.values ?? [];
  const fits =
    (type === 'money' || type === 'number') ? value.kind === 'NumberLiteral'
    : type === 'integer' ? value.kind === 'NumberLiteral' && literalValue(value)?.isInteger() === true
    : type === 'percent' ? value.kind === 'PercentLiteral'
    : type === 'string' ? value.kind === 'StringLiteral'
    : type === 'boolean' ? value.kind === 'BooleanLiteral'
    : type === 'date' ? value.kind === 'DateLiteral'
    : value.kind === 'Identifier' || value.kind === 'StringLiteral';
  if (!fits) {
    const fix =
      type === 'percent' && value.kind === 'NumberLiteral'
        ? inEvery((lang) => asPercentHelp(value.value, lang).replace(/^write/, 'give'))
        : type === 'number' && value.kind === 'PercentLiteral'
          ? inEvery((lang) => asNumberHelp(value, lang).replace(/^write/, 'give'))
          : null;
    accept(error('type-mismatch/given', { path, type, shown, fix, values }, value.range));
    return;
  }
  if (type === 'enum') {
    const text = value.kind === 'Identifier' ? value.name : value.kind === 'StringLiteral' ? value.value : '';
    if (!values.includes(text)) {
      accept(error('unknown-enum-value/given', { text, path, suggestion: closestName(text, values) ?? null, values }, value.range));
    }
    return;
  }
  const bounds = input.decl.bounds;
  if (!bounds || (value.kind !== 'NumberLiteral' && value.kind !== 'PercentLiteral')) return;
  const number = literalValue(value);
  const min = literalValue(bounds.min);
  const max = literalValue(bounds.max);
  if (!number) return;
  const below = min !== undefined && number.lt(min);
  const above = max !== undefined && (bounds.maxExclusive ? number.gte(max) : number.gt(max));
  if (below || above) {
    const percent = type === 'percent';
    accept(
      error('out-of-declared-range', { path, shown, range: `${min ? showValue(min, percent) : ''}..${bounds.maxExclusive ? '<' : ''}${max ? showValue(max, percent) : ''}` }, value.range),
    );
  }
}
