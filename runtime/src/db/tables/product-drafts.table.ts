// The working copy of a product's source text, one per product; `revision` counts saves.
import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';
import type { ActorRef, Timestamp } from './columns.ts';

export interface ProductDraftsTable {
  product_id: string;
  source: string;
  revision: number;
  updated_at: Timestamp;
  updated_by: ActorRef;
  /** Every person who changed the draft since its last version (JSON array); emptied on publication. */
  makers: ColumnType<ActorRef[], string | undefined, string>;
  created_at: Timestamp;
  created_by: ActorRef;
}

export type ProductDraftRow = Selectable<ProductDraftsTable>;
export type NewProductDraftRow = Insertable<ProductDraftsTable>;
export type ProductDraftUpdate = Updateable<ProductDraftsTable>;
