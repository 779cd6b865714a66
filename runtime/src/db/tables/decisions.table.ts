// Decisions taken on applications, pinned to the product version that took them.
import type { ColumnType, Insertable, Selectable } from 'kysely';
import type { ActorRef, IsoDate, Json, StoredJson, Timestamp } from './columns.ts';

export type DecisionOutcome = 'approve' | 'refer' | 'decline';

export interface DecisionsTable {
  id: string;
  product_version_id: string;
  application: Json<StoredJson>;
  /** The engine's decision record (reasons, score, offer, trace). */
  decision: Json<StoredJson>;
  outcome: DecisionOutcome;
  decided_on: IsoDate;
  /** The client the application or loan is for (issue 14); null before clients existed. */
  client_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  created_by: ActorRef;
}

export type DecisionRow = Selectable<DecisionsTable>;
export type NewDecisionRow = Insertable<DecisionsTable>;
