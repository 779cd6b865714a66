// A PLD policy's identity: SHA-256 of the canonical JSON of its IR without `hash` (as products).
import { canonicalJsonUtf8 } from '../ir/canonical-json.ts';
import { sha256Hex } from '../ir/sha256.ts';
import type { PldPolicyIR, UnhashedPldPolicyIR } from './policy-ir.ts';

export function hashPldPolicy(ir: UnhashedPldPolicyIR | PldPolicyIR): string {
  const { hash: _ignored, ...rest } = ir as PldPolicyIR;
  return sha256Hex(canonicalJsonUtf8(rest));
}

/** The IR with its hash filled in. */
export function withPldPolicyHash(ir: UnhashedPldPolicyIR): PldPolicyIR {
  return { ...ir, hash: hashPldPolicy(ir) };
}
