// The tests written in the product, as data the engine's test runner executes.
import type { ProductTest, TestExpectation, TestValue } from '@plazo/engine';
import type { ExpectNode, GivenEntry, TestDecl } from '../ast/nodes.ts';
import { decimalText, literalText, wholeNumber } from './decimal-text.ts';

/** One test: given values by input path, dates, payments and expectations in source order. */
export function compileTest(test: TestDecl): ProductTest {
  return {
    name: test.name.value,
    given: Object.fromEntries(test.given.map((entry) => [entry.field.name, givenValue(entry)])),
    ...(test.today ? { asOf: test.today.value } : {}),
    ...(test.disburse ? { disburseOn: test.disburse.value } : {}),
    payments: test.payments.map((p) => ({ date: p.on.value, amount: literalText(p.amount) })),
    expect: test.expects.flatMap(compileExpectation),
  };
}

function givenValue(entry: GivenEntry): TestValue {
  const value = entry.value;
  switch (value.kind) {
    case 'NumberLiteral':
    case 'PercentLiteral':
      return literalText(value);
    case 'Identifier':
      return value.name;
    default:
      return value.value;
  }
}

function compileExpectation(node: ExpectNode): TestExpectation[] {
  switch (node.kind) {
    case 'outcome':
      return node.reasons.length === 0
        ? [{ kind: 'outcome', outcome: node.outcome }]
        : [
            { kind: 'outcome', outcome: node.outcome },
            { kind: 'reasons', reasons: node.reasons.map((r) => r.value) },
          ];
    case 'band':
      return [{ kind: 'band', band: node.band.name }];
    case 'score':
      return [{ kind: 'score', score: literalText(node.value) }];
    case 'offer':
      return [{ kind: 'offer-amount', amount: literalText(node.value) }];
    case 'counteroffer':
    case 'installment':
    case 'total':
      return [{ kind: node.kind, amount: literalText(node.value) }];
    case 'rate':
      return [{ kind: 'rate', rate: literalText(node.value) }];
    case 'cat':
      // CAT is a percent figure ("58.3"), as `plazo cat` prints it.
      return [{ kind: 'cat', cat: decimalText(node.value.value) }];
    case 'state':
      return [
        {
          kind: 'state',
          on: node.on.value,
          ...(node.dpd ? { dpd: wholeNumber(node.dpd) } : {}),
          ...(node.stage ? { stage: node.stage.name } : {}),
          ...(node.outstanding ? { outstanding: literalText(node.outstanding) } : {}),
          ...(node.lateFees ? { lateFees: literalText(node.lateFees) } : {}),
          ...(node.moratorium ? { moratorium: literalText(node.moratorium) } : {}),
        },
      ];
    case 'books':
      return [
        {
          kind: 'books',
          on: node.on.value,
          ...(node.stage ? { stage: node.stage.name as 'vigente' | 'vencida' } : {}),
          ...(node.reserve ? { reserve: literalText(node.reserve) } : {}),
          ...(node.accrued ? { accrued: literalText(node.accrued) } : {}),
          ...(node.deferred ? { deferred: literalText(node.deferred) } : {}),
        },
      ];
  }
}
