// The pieces compiled expressions are built from: a node is a closure plus what is known about it
// at compile time (a literal's value, a plain variable's path), so parents can specialise.
import { InvalidInputError } from '../errors.ts';
import type { IsoDate } from '../ir/product-ir.ts';
import type { RoundingMode } from '../rounding.ts';
import type { ExpressionValue } from './values.ts';

export type Fn = (data: unknown, today: IsoDate | null) => ExpressionValue;

export interface Node {
  readonly fn: Fn;
  /** Set when the node is a literal: its value, known at compile time. */
  readonly constant?: { readonly value: ExpressionValue };
  /** Set when the node is `{"var": "a.b"}` without a default: the path's segments. */
  readonly varPath?: readonly string[];
  /** Set for `missing` over literal keys: whether any of them is missing, without building the list. */
  readonly anyMissing?: (data: unknown) => boolean;
}

export interface Options {
  readonly rounding: RoundingMode;
}

export function constant(value: ExpressionValue): Node {
  return { fn: () => value, constant: { value } };
}

export function fail(path: string, message: string): never {
  throw new InvalidInputError([{ path, message }]);
}

export function arity(op: string, args: readonly unknown[], min: number, max: number, path: string): void {
  if (args.length < min || args.length > max) {
    const want = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
    fail(path, `\`${op}\` takes ${want} argument${want === '1' ? '' : 's'}, got ${args.length}`);
  }
}
