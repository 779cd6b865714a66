// PLD policy versions: see migrations/2026-12-09-20-pld-policy.ts.
import type { ColumnType } from 'kysely';
import type { ActorRef, Json, StoredJson, Timestamp } from './columns.ts';

export interface PldPolicyVersionsTable {
  id: string;
  version: number;
  /** The policy as written (a `policy` document of the Plazo language). */
  text: string;
  /** Its compiled PldPolicyIR. */
  ir: Json<StoredJson>;
  hash: string;
  /** Exactly one version is active (the latest saved). */
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
  created_by: ActorRef;
}
