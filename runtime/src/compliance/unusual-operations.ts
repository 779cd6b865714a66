// Unusual operations (PLD): the active policy's rules over a posted payment's facts. The caller
// (the compliance alerts) decides what to do with the findings; nothing is written here.
import { findUnusualOperations, type OperationFacts, type UnusualFinding } from '@plazo/engine';
import type { Executor } from '../db/database.ts';
import { operationFacts, type OperationRef } from './operation-facts.ts';
import { activePolicy } from './pld-policy.ts';

export interface UnusualOperationFinding extends UnusualFinding {
  /** The policy version and hash whose rule fired. */
  readonly policyVersion: number;
  readonly policyHash: string;
  /** The facts the rule read. */
  readonly facts: OperationFacts;
}

/** The rules of the active policy a posted payment fires (none without an active policy). */
export async function unusualOperationFindings(tx: Executor, ref: OperationRef): Promise<UnusualOperationFinding[]> {
  const policy = await activePolicy(tx);
  if (!policy) return [];
  const facts = await operationFacts(tx, ref);
  return findUnusualOperations(policy.ir, facts).map((f) => ({ ...f, policyVersion: policy.version, policyHash: policy.hash, facts }));
}
