// Books expectations of a product test (`expect on DATE books stage vencida reserve N accrued N
// deferred N`): the loan's regulatory books on the date, compared with what the test says.
import type { Decision } from '../decision/decision.ts';
import type { ProductIR, ProductTest, TestExpectation } from '../ir/product-ir.ts';
import type { StateCheck } from './check-state-expectation.ts';

export type BooksExpectation = Extract<TestExpectation, { kind: 'books' }>;

/**
 * Checks a books expectation. Not yet supported: the loan's books (`booksOn`) are not in this
 * build, so the expectation is an error, never a pass.
 */
export function checkBooksExpectation(_ir: ProductIR, _test: ProductTest, _expectation: BooksExpectation, _decision: Decision): StateCheck {
  return { error: 'books expectations are not yet supported: this engine has no loan books (booksOn) to compare with' };
}
