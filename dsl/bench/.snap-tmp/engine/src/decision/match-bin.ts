// Scorecard bins as predicates on a characteristic's value, bounds parsed once.
import { Dec } from '../decimal.ts';
import { compareNumbers } from '../expressions/arithmetic.ts';
import { equals } from '../expressions/comparison.ts';
import { exactNumber } from '../expressions/exact-number.ts';
import { isExactNumber, type ExactNumber, type ExpressionValue } from '../expressions/values.ts';
import type { BinMatch } from '../ir/product-ir.ts';

function exact(text: string): ExactNumber {
  return exactNumber(new Dec(text));
}

/**
 * The predicate of a bin: `missing` matches only a missing value, a range only numbers inside it
 * (bounds inclusive unless marked exclusive), `values` the listed strings or booleans, `otherwise`
 * anything (missing included).
 * @example binPredicate({ kind: 'range', min: '580', max: '679' })(600) // true
 */
export function binPredicate(match: BinMatch): (value: ExpressionValue) => boolean {
  switch (match.kind) {
    case 'missing':
      return (v) => v === null;
    case 'otherwise':
      return () => true;
    case 'values': {
      const values = match.values;
      return (v) => v !== null && values.some((x) => equals(v, x));
    }
    case 'range': {
      const min = match.min === undefined ? undefined : exact(match.min);
      const max = match.max === undefined ? undefined : exact(match.max);
      const minEx = match.minExclusive === true;
      const maxEx = match.maxExclusive === true;
      return (v) => {
        if (!isExactNumber(v)) return false;
        if (min !== undefined) {
          const c = compareNumbers(v, min);
          if (c < 0 || (minEx && c === 0)) return false;
        }
        if (max !== undefined) {
          const c = compareNumbers(v, max);
          if (c > 0 || (maxEx && c === 0)) return false;
        }
        return true;
      };
    }
  }
}
