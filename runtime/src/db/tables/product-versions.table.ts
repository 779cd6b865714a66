// Published product versions: immutable (a trigger rejects UPDATE and DELETE); loans and
// decisions point at the version they were made with.
import type { ColumnType, Insertable, Selectable } from 'kysely';
import type { ActorRef, Json, StoredJson, Timestamp } from './columns.ts';

export interface ProductVersionsTable {
  id: string;
  product_id: string;
  version: number;
  source: string;
  /** The Product IR (engine types) as compiled at publication. */
  ir: Json<StoredJson>;
  /** SHA-256 (hex) of the source text. */
  content_hash: string;
  /** The IR's own hash (canonical JSON), as the compiler computed it. */
  ir_hash: string;
  /** Last author of the draft that was published. */
  author: ActorRef;
  /** Every person who changed the draft since the version before (the makers); null before they were recorded. */
  makers: ColumnType<ActorRef[] | null, string | null | undefined, never>;
  /** The checker. */
  publisher: ActorRef;
  /** The warnings the publisher acknowledged, and why; null when there were none (or before they were recorded). */
  warnings_acknowledged: ColumnType<WarningsAcknowledged | null, string | null | undefined, never>;
  published_at: Timestamp;
  created_at: Timestamp;
  created_by: ActorRef;
}

interface Position {
  line: number;
  column: number;
  offset: number;
}

/** What a publisher acknowledged: the warning codes, the reason given, the warnings as they were. */
export interface WarningsAcknowledged {
  codes: string[];
  reason: string;
  /**
   * The warning diagnostics at publication (ranges 0-based, in the version's source), with the
   * language's message id and arguments to write them in another language (absent on older versions).
   */
  warnings: { code: string; message: string; range: { start: Position; end: Position }; id?: string; args?: Readonly<Record<string, unknown>> }[];
}

export type ProductVersionRow = Selectable<ProductVersionsTable>;
export type NewProductVersionRow = Insertable<ProductVersionsTable>;
