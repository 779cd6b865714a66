// Published product versions: immutable (a trigger rejects UPDATE and DELETE); loans and
// decisions point at the version they were made with.
import type { Insertable, Selectable } from 'kysely';
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
  publisher: ActorRef;
  published_at: Timestamp;
  created_at: Timestamp;
  created_by: ActorRef;
}

export type ProductVersionRow = Selectable<ProductVersionsTable>;
export type NewProductVersionRow = Insertable<ProductVersionsTable>;
