// A product's identity: SHA-256 of the canonical JSON of its IR without the `hash` member, so two
// texts that compile to the same product (formatting, comments, section order) share one hash.
import { canonicalJson } from './canonical-json.ts';
import type { ProductIR } from './product-ir.ts';
import { sha256Hex } from './sha256.ts';

/** A ProductIR before it is hashed. */
export type UnhashedProductIR = Omit<ProductIR, 'hash'>;

/** SHA-256 hex of the canonical JSON of `ir` with any `hash` member left out. */
export function hashProduct(ir: UnhashedProductIR | ProductIR): string {
  const { hash: _ignored, ...rest } = ir as ProductIR;
  return sha256Hex(canonicalJson(rest));
}

/** The IR with its `hash` filled in, deeply frozen. */
export function withProductHash(ir: UnhashedProductIR): ProductIR {
  return deepFreeze({ ...ir, hash: hashProduct(ir) });
}

/** True when `ir.hash` matches its content (it was not edited after compiling). */
export function verifyProductHash(ir: ProductIR): boolean {
  return ir.hash === hashProduct(ir);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const member of Object.values(value)) deepFreeze(member);
    Object.freeze(value);
  }
  return value;
}
