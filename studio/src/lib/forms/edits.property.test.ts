// Property: whatever form edits a person makes, in any order, with any values typed, the text
// still parses, is formatted (formatting it again changes nothing) and keeps its comments unless
// the edit removed the item they were on; a refused edit changes nothing.
import fc from 'fast-check';
import { format, parse } from '@plazo/dsl';
import { describe, expect, it } from 'vitest';
import { exampleText } from '../testing/examples.ts';
import { ACTION_KINDS, FREQUENCY_KINDS } from './model.ts';
import { CLAUSE_OPS } from './conditions.ts';
import { applyFormEdit, type FormEdit } from './edits.ts';

const examples = ['nomina', 'adelanto_nomina', 'capital_trabajo', 'financiamiento_tienda', 'german_credit', 'microcredito_grupal'];

const typed = fc.constantFrom('0', '1', '6', '12', '48', '5000', '250,000', '1_500', '2.5', '-3', '', 'abc', '60%', '  7 ');
const name = fc.constantFrom('A', 'B', 'C', 'temprana', 'x y', '', 'planta', '9z', 'true');
const text = fc.constantFrom('Mensaje nuevo', 'con "comillas" y \\ barra', 'dos\nlíneas', '');
const index = fc.nat({ max: 9 });
const frequency = fc.record({ kind: fc.constantFrom(...FREQUENCY_KINDS), days: typed });
const field = fc.constantFrom('request.amount', 'request.payments', 'payroll.net_pay', 'employment.contract', 'bureau.score', 'age', 'capacity', 'applicant.age', 'nope');

const edit: fc.Arbitrary<FormEdit> = fc.oneof(
  fc.record({ kind: fc.constant('amount' as const), min: typed, max: typed, step: typed }, { requiredKeys: ['kind'] }),
  fc.record({ kind: fc.constant('term' as const), index, min: typed, max: typed, frequency }, { requiredKeys: ['kind', 'index'] }),
  fc.record({ kind: fc.constantFrom('term.add' as const, 'rateRow.add' as const, 'fee.add' as const, 'rule.add' as const, 'firstPayment.remove' as const, 'lateFee.remove' as const, 'moratorium.remove' as const) }),
  fc.record({ kind: fc.constantFrom('term.remove' as const, 'rateRow.remove' as const, 'fee.remove' as const, 'rule.remove' as const, 'step.remove' as const), index }),
  fc.record({ kind: fc.constant('firstPayment' as const), min: typed, max: typed }, { requiredKeys: ['kind'] }),
  fc.record({ kind: fc.constantFrom('method' as const, 'basis' as const, 'businessDays' as const), value: fc.constantFrom('french', 'german', 'flat', 'bullet', 'actual/360', '30/360', 'next', 'none', 'x') }),
  fc.record({ kind: fc.constant('rate' as const), value: typed }),
  fc.record({ kind: fc.constant('rateRow' as const), index, cell: fc.record({ index: fc.nat({ max: 2 }), value: fc.constantFrom('A', 'B', '6..24', '..', '25..', '..<12', 'x y') }), rate: typed }, { requiredKeys: ['kind', 'index'] }),
  fc.record({ kind: fc.constant('iva' as const), rate: typed, on: fc.subarray(['interest', 'fees', 'moratorium', 'penalties']) }, { requiredKeys: ['kind'] }),
  fc.record({
    kind: fc.constant('fee' as const),
    index,
    patch: fc.record({ kind: fc.constantFrom('fixed' as const, 'percent' as const), value: typed, of: fc.constantFrom('amount', 'balance'), min: typed, max: typed, name, timing: fc.constantFrom('upfront' as const, 'financed' as const, 'per-installment' as const, null), taxable: fc.constantFrom(true, false, null) }, { requiredKeys: [] }),
  }),
  fc.record({ kind: fc.constant('rule' as const), index, outcome: fc.constantFrom('decline' as const, 'refer' as const), reason: name, negated: fc.boolean(), message: fc.oneof(text, fc.constant(null)) }, { requiredKeys: ['kind', 'index'] }),
  fc.record({ kind: fc.constant('clause' as const), rule: index, index: fc.nat({ max: 2 }), field, op: fc.constantFrom(...CLAUSE_OPS), value: fc.oneof(typed, name) }, { requiredKeys: ['kind', 'rule', 'index'] }),
  fc.record({ kind: fc.constant('clause.add' as const), rule: index }),
  fc.record({ kind: fc.constant('clause.remove' as const), rule: index, index: fc.nat({ max: 2 }) }),
  fc.record({ kind: fc.constant('lateFee' as const), patch: fc.record({ kind: fc.constantFrom('fixed' as const, 'percent' as const), value: typed, graceDays: typed, max: typed, taxable: fc.boolean() }, { requiredKeys: [] }) }),
  fc.record({ kind: fc.constant('moratorium' as const), patch: fc.record({ rateKind: fc.constantFrom('multiple' as const, 'annual' as const), rate: typed, on: fc.constantFrom('overdue-principal' as const, 'overdue-installment' as const), basis: fc.constantFrom('actual/360', null), taxable: fc.boolean() }, { requiredKeys: [] }) }),
  fc.record({ kind: fc.constant('step' as const), index, day: typed, from: typed, to: typed, stage: name }, { requiredKeys: ['kind', 'index'] }),
  fc.record({ kind: fc.constant('step.add' as const), step: fc.constantFrom('at' as const, 'stage' as const) }),
  fc.record({ kind: fc.constant('action' as const), step: index, index: fc.nat({ max: 3 }), patch: fc.oneof(fc.record({ channel: fc.constantFrom('sms', 'email'), template: text }), fc.record({ queue: text }), fc.record({ payments: typed, rate: typed })) }),
  fc.record({ kind: fc.constant('action.add' as const), step: index, action: fc.constantFrom(...ACTION_KINDS) }),
  fc.record({ kind: fc.constant('action.remove' as const), step: index, index: fc.nat({ max: 3 }) }),
);

const comments = (t: string) => parse(t).comments.map((c) => c.text.trimEnd());

describe('a random sequence of form edits', () => {
  it('always yields text that parses and formats idempotently', () => {
    fc.assert(
      fc.property(fc.constantFrom(...examples), fc.array(edit, { minLength: 1, maxLength: 6 }), (example, edits) => {
        let current = exampleText(example);
        for (const e of edits) {
          const result = applyFormEdit(current, e);
          if (!result.ok) continue;
          expect(parse(result.text).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
          expect(format(result.text).text).toBe(result.text);
          if (!e.kind.endsWith('.remove')) {
            const after = comments(result.text);
            for (const c of comments(current)) expect(after).toContain(c);
          }
          current = result.text;
        }
      }),
      { numRuns: 60 },
    );
  }, 180_000);
});
