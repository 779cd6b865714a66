// Credit products by code; status draft (never published), active, or retired.
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { ActorRef, Timestamp } from './columns.ts';

export type ProductStatus = 'draft' | 'active' | 'retired';

export interface ProductsTable {
  id: string;
  code: string;
  name: string;
  status: ProductStatus;
  retired_at: Timestamp | null;
  retired_by: ActorRef | null;
  updated_at: Timestamp;
  updated_by: ActorRef;
  created_at: Timestamp;
  created_by: ActorRef;
}

export type ProductRow = Selectable<ProductsTable>;
export type NewProductRow = Insertable<ProductsTable>;
export type ProductUpdate = Updateable<ProductsTable>;
