// The institution's books settings (table `accounting_settings`, one row, absent until set): when
// IVA on interest and charges is owed — `collection` (when the client pays; the default) or
// `accrual` (when earned: a financial-system lender, LIVA art. 17 / 18-A) — and, optionally, its
// own days past due for the transfer to cartera vencida (default: the engine's CNBV figures, 30
// for a single payment of principal and interest, 90 for periodic payments).
// Changing a setting changes every loan's position: the next posting of each loan (its next event
// or the next day close) posts the difference, as for any other change of state.
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Database, Executor } from '../db/database.ts';
import type { WriteContext } from '../products/product-catalog.ts';

export type IvaOn = 'collection' | 'accrual';

export interface BooksSettings {
  readonly ivaOn: IvaOn;
  /** Null: the engine's defaults. */
  readonly vencidaDays: { readonly single: number; readonly periodic: number } | null;
}

export const DEFAULT_BOOKS_SETTINGS: BooksSettings = Object.freeze({ ivaOn: 'collection', vencidaDays: null });

/** The engine's defaults for the days past due that move a loan to vencida (DOMAIN.md). */
const DEFAULT_VENCIDA_DAYS = { single: 30, periodic: 90 } as const;

type SettingsRow = { iva_on: IvaOn; vencida_days_single: number | null; vencida_days_periodic: number | null };

export function settingsOf(row: SettingsRow | null | undefined): BooksSettings {
  if (!row) return DEFAULT_BOOKS_SETTINGS;
  const { vencida_days_single: single, vencida_days_periodic: periodic } = row;
  return {
    ivaOn: row.iva_on,
    vencidaDays: single === null && periodic === null ? null : { single: single ?? DEFAULT_VENCIDA_DAYS.single, periodic: periodic ?? DEFAULT_VENCIDA_DAYS.periodic },
  };
}

/** The settings in force (the defaults until someone sets them). */
export async function booksSettings(db: Executor): Promise<BooksSettings> {
  const row = await db.selectFrom('accounting_settings').select(['iva_on', 'vencida_days_single', 'vencida_days_periodic']).executeTakeFirst();
  return settingsOf(row);
}

/** The settings as the API shows them. */
export function settingsView(s: BooksSettings) {
  return { ivaOn: s.ivaOn, vencidaDays: s.vencidaDays ?? { ...DEFAULT_VENCIDA_DAYS }, vencidaDaysDefault: s.vencidaDays === null };
}

/** Sets the settings (a `vencidaDays` of null goes back to the defaults). Audited; the same values again change nothing. */
export async function setBooksSettings(db: Kysely<Database>, next: BooksSettings, ctx: WriteContext): Promise<BooksSettings> {
  return db.transaction().execute(async (tx) => {
    const before = await booksSettings(tx);
    const values = {
      iva_on: next.ivaOn,
      vencida_days_single: next.vencidaDays?.single ?? null,
      vencida_days_periodic: next.vencidaDays?.periodic ?? null,
      updated_at: ctx.at,
      updated_by: ctx.actor,
    };
    if (JSON.stringify(settingsView(before)) === JSON.stringify(settingsView(next))) return before;
    await tx.insertInto('accounting_settings').values(values).onConflict((oc) => oc.column('id').doUpdateSet(values)).execute();
    await appendAudit(tx, {
      actor: ctx.actor,
      action: 'set-books-settings',
      entityType: 'accounting-settings',
      entityId: 'books',
      before: settingsView(before),
      after: settingsView(next),
      details: {},
      requestId: ctx.requestId ?? null,
      at: ctx.at,
    });
    return settingsOf(values);
  });
}
