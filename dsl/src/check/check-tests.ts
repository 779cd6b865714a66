// Checks on the tests written in the product: `given` names declared inputs with values of their
// type (inside their declared range), every required input is given, expectations name existing
// bands, stages and reasons, and servicing steps have a disbursement date.
import type { GivenEntry, TestDecl } from '../ast/nodes.ts';
import type { Accept } from '../diagnostic.ts';
import { asNumberHelp, asPercentHelp, literalValue, showValue } from './decimals.ts';
import { error, lineOf } from './diagnostics.ts';
import type { Scope } from './scope.ts';
import { didYouMean } from './suggest.ts';

/** Every test, and duplicate test names. */
export function checkTests(tests: readonly TestDecl[], accept: Accept, scope: Scope): void {
  const names = new Map<string, TestDecl>();
  // Once for all tests, not per test: a product may have hundreds of (mostly optional) inputs.
  const required = requiredInputs(scope);
  for (const test of tests) {
    const name = test.name?.value;
    if (name !== undefined) {
      const first = names.get(name);
      if (first) accept(error('duplicate-name', `test \`${name}\` is declared twice`, test.name.range, `the first is on ${lineOf(first.range)}`));
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
    if (first) accept(error('duplicate-name', `\`${path}\` is given twice`, entry.field.range, `it is already given on ${lineOf(first.range)}`));
    given.set(path, entry);
    checkGiven(entry, accept, scope);
  }
  const lacking = required.filter((name) => !given.has(name));
  if (lacking.length > 0 && test.name) {
    accept(
      error(
        'test-missing-input',
        `test \`${test.name.value}\` does not give ${lacking.map((l) => `\`${l}\``).join(', ')}`,
        test.name.range,
        `every required input needs a value: add \`${lacking[0]} = ...\` to \`given\``,
      ),
    );
  }
  for (const expectation of test.expects) {
    switch (expectation.kind) {
      case 'band':
        if (expectation.band?.name && !scope.bands.has(expectation.band.name)) {
          accept(error('unknown-band', `unknown band \`${expectation.band.name}\``, expectation.band.range, didYouMean(expectation.band.name, scope.bands.keys()) ?? (scope.scorecard ? undefined : 'the product has no scorecard')));
        }
        break;
      case 'score':
        if (!scope.scorecard) accept(error('no-scorecard', '`expect score` needs a `scorecard` section', expectation.range));
        break;
      case 'outcome':
        for (const reason of expectation.reasons) {
          if (reason.value && !scope.reasons.has(reason.value)) {
            accept(error('unknown-reason', `no rule or bin gives reason \`${reason.value}\``, reason.range, didYouMean(reason.value, scope.reasons) ?? 'reasons come from eligibility rules, scorecard bins and `otherwise`'));
          }
        }
        break;
      case 'state':
        if (expectation.stage?.name && !scope.stages.has(expectation.stage.name)) {
          accept(error('unknown-stage', `unknown collection stage \`${expectation.stage.name}\``, expectation.stage.range, didYouMean(expectation.stage.name, scope.stages) ?? 'stages are named in `collection { from ... dpd stage NAME }`'));
        }
        if (!test.disburse) accept(error('missing-disburse', 'a loan-state expectation needs `disburse DATE`', expectation.range, 'add `disburse 2025-01-06` to the test'));
        break;
      default:
        break;
    }
  }
  if (test.payments.length > 0 && !test.disburse) {
    accept(error('missing-disburse', '`pay` needs a loan: add `disburse DATE` to the test', test.payments[0]!.range));
  }
}

/** One `given` entry: a declared input, a value of its type, inside its declared range. */
function checkGiven(entry: GivenEntry, accept: Accept, scope: Scope): void {
  const path = entry.field.name;
  const input = scope.inputs.get(path);
  if (!input) {
    const isLet = scope.lets.has(path);
    accept(
      error(
        'unknown-name',
        isLet ? `\`${path}\` is derived, not an input` : `unknown input \`${path}\``,
        entry.field.range,
        isLet ? 'give the inputs it is computed from' : (didYouMean(path, scope.inputs.keys()) ?? 'tests give values to the fields of `input`'),
      ),
    );
    return;
  }
  const value = entry.value;
  if (!value) return;
  const type = input.type.kind;
  const shown = value.kind === 'Identifier' ? value.name : value.kind === 'StringLiteral' ? `"${value.value}"` : value.kind === 'PercentLiteral' ? `${value.value}%` : String(value.value);
  const expected: Record<string, string> = {
    money: 'an amount such as `24_000`',
    number: 'a number',
    integer: 'a whole number',
    percent: 'a percent such as `35%`',
    string: 'a string such as `"texto"`',
    boolean: '`true` or `false`',
    date: 'a date such as `1990-05-17`',
    enum: `one of ${(input.type.values ?? []).map((v) => `\`${v}\``).join(', ')}`,
  };
  const fits =
    (type === 'money' || type === 'number') ? value.kind === 'NumberLiteral'
    : type === 'integer' ? value.kind === 'NumberLiteral' && literalValue(value)?.isInteger() === true
    : type === 'percent' ? value.kind === 'PercentLiteral'
    : type === 'string' ? value.kind === 'StringLiteral'
    : type === 'boolean' ? value.kind === 'BooleanLiteral'
    : type === 'date' ? value.kind === 'DateLiteral'
    : value.kind === 'Identifier' || value.kind === 'StringLiteral';
  if (!fits) {
    const help =
      type === 'percent' && value.kind === 'NumberLiteral'
        ? asPercentHelp(value.value).replace(/^write/, 'give')
        : type === 'number' && value.kind === 'PercentLiteral'
          ? asNumberHelp(value).replace(/^write/, 'give')
          : `give ${expected[type] ?? 'a value of its type'}`;
    accept(error('type-mismatch', `\`${path}\` is \`${type}\`, given \`${shown}\``, value.range, help));
    return;
  }
  if (type === 'enum') {
    const text = value.kind === 'Identifier' ? value.name : value.kind === 'StringLiteral' ? value.value : '';
    const values = input.type.values ?? [];
    if (!values.includes(text)) {
      accept(error('unknown-enum-value', `\`${text}\` is not a value of \`${path}\``, value.range, didYouMean(text, values) ?? `give ${expected.enum}`));
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
      error(
        'out-of-declared-range',
        `\`${path}\` = ${shown} is outside its declared range ${min ? showValue(min, percent) : ''}..${bounds.maxExclusive ? '<' : ''}${max ? showValue(max, percent) : ''}`,
        value.range,
        'an application like this would be rejected before any rule runs: give a value inside the range',
      ),
    );
  }
}
