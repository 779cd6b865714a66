// A product's identity: SHA-256 of the canonical JSON of its IR without the `hash` member, so two
// texts that compile to the same product (formatting, comments, section order) share one hash.
import { canonicalJsonUtf8 } from './canonical-json.ts';
import type { ProductIR } from './product-ir.ts';
import { sha256Hex } from './sha256.ts';

/** A ProductIR before it is hashed. */
export type UnhashedProductIR = Omit<ProductIR, 'hash'>;

/** SHA-256 hex of the canonical JSON of `ir` with any `hash` member left out. */
export function hashProduct(ir: UnhashedProductIR | ProductIR): string {
  const { hash: _ignored, ...rest } = ir as ProductIR;
  return sha256Hex(canonicalJsonUtf8(rest));
}

/** The IR with its `hash` filled in, deeply frozen. */
export function withProductHash(ir: UnhashedProductIR): ProductIR {
  // One walk both writes the canonical bytes and lists what to freeze (every object not frozen yet,
  // reached through objects not frozen yet: what a deep freeze after hashing would freeze). They
  // are frozen only once the hash is computed, so a value that cannot be hashed freezes nothing.
  const { hash: _ignored, ...rest } = ir as ProductIR;
  const unfrozen: object[] = [];
  const hash = sha256Hex(canonicalJsonUtf8(rest, unfrozen));
  const hashed = { ...ir, hash };
  for (let i = 0; i < unfrozen.length; i++) {
    const value = unfrozen[i]!;
    if (value !== rest) Object.freeze(value);
  }
  return Object.freeze(hashed);
}

/** True when `ir.hash` matches its content (it was not edited after compiling). */
export function verifyProductHash(ir: ProductIR): boolean {
  return ir.hash === hashProduct(ir);
}
