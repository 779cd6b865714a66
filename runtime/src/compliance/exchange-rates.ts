// Exchange rates for PLD thresholds: MXN per USD by date, set by the compliance officer (the
// DOF FIX rate of the day, typically). The rate of a date is the latest set on or before it. The
// cash threshold in USD (default 7,500) is one row of `compliance_settings`.
import { Dec as Decimal } from '@plazo/engine';
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Database, Executor } from '../db/database.ts';
import type { WriteContext } from '../products/product-catalog.ts';

/** The threshold of a relevant operation when the institution set none (DOMAIN.md: USD 7,500). */
export const DEFAULT_CASH_THRESHOLD_USD = '7500';

export interface ExchangeRate {
  readonly date: string;
  readonly usd: string;
  readonly setAt: string;
  readonly setBy: string;
}

/** A decimal string without trailing zeros (`17.234500` → `17.2345`). */
export function plainDecimal(value: string): string {
  return new Decimal(value).toFixed();
}

/**
 * Sets the rate of `date` (MXN per USD); the same rate again changes nothing (`changed: false`).
 * Audited. `then` runs in the same transaction after a change (alerts waiting for a rate).
 */
export async function setExchangeRate<T>(db: Kysely<Database>, date: string, usd: string, ctx: WriteContext, then: (tx: Executor) => Promise<T>): Promise<{ rate: ExchangeRate; changed: boolean; resolved: T | null }> {
  return db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('compliance_exchange_rates').selectAll().where('currency', '=', 'USD').where('rate_date', '=', date).forUpdate().executeTakeFirst();
    if (before && new Decimal(before.mxn_per_unit).equals(usd)) return { rate: rateView(before), changed: false, resolved: null };
    const row = { rate_date: date, currency: 'USD' as const, mxn_per_unit: usd, set_at: ctx.at, set_by: ctx.actor };
    await tx.insertInto('compliance_exchange_rates').values(row)
      .onConflict((oc) => oc.columns(['currency', 'rate_date']).doUpdateSet({ mxn_per_unit: usd, set_at: ctx.at, set_by: ctx.actor })).execute();
    await appendAudit(tx, {
      actor: ctx.actor, action: 'set-exchange-rate', entityType: 'exchange-rate', entityId: `USD:${date}`,
      before: before ? rateView(before) : null, after: rateView(row), details: { date, usd }, requestId: ctx.requestId ?? null, at: ctx.at,
    });
    return { rate: rateView(row), changed: true, resolved: await then(tx) };
  });
}

function rateView(row: { rate_date: string; mxn_per_unit: string; set_at: string; set_by: string }): ExchangeRate {
  return { date: String(row.rate_date).slice(0, 10), usd: plainDecimal(row.mxn_per_unit), setAt: new Date(row.set_at).toISOString(), setBy: row.set_by };
}

/** Rates newest first, optionally between two dates (inclusive). */
export async function listExchangeRates(db: Executor, range: { from?: string | undefined; to?: string | undefined; limit: number }): Promise<ExchangeRate[]> {
  let query = db.selectFrom('compliance_exchange_rates').selectAll().where('currency', '=', 'USD').orderBy('rate_date', 'desc').limit(range.limit);
  if (range.from) query = query.where('rate_date', '>=', range.from);
  if (range.to) query = query.where('rate_date', '<=', range.to);
  return (await query.execute()).map(rateView);
}

/** The USD rate of `date`: the latest set on or before it, or null when none is. */
export async function usdRateOn(db: Executor, date: string): Promise<{ date: string; usd: string } | null> {
  const row = await db.selectFrom('compliance_exchange_rates').select(['rate_date', 'mxn_per_unit'])
    .where('currency', '=', 'USD').where('rate_date', '<=', date).orderBy('rate_date', 'desc').limit(1).executeTakeFirst();
  return row ? { date: String(row.rate_date).slice(0, 10), usd: plainDecimal(row.mxn_per_unit) } : null;
}

/** The cash threshold in USD (DEFAULT_CASH_THRESHOLD_USD until the institution sets one). */
export async function cashThresholdUsd(db: Executor): Promise<string> {
  const row = await db.selectFrom('compliance_settings').select('cash_threshold_usd').executeTakeFirst();
  return row ? plainDecimal(row.cash_threshold_usd) : DEFAULT_CASH_THRESHOLD_USD;
}

/** Sets the cash threshold in USD. Audited. */
export async function setCashThresholdUsd(db: Kysely<Database>, usd: string, ctx: WriteContext): Promise<string> {
  return db.transaction().execute(async (tx) => {
    const before = await cashThresholdUsd(tx);
    await tx.insertInto('compliance_settings').values({ cash_threshold_usd: usd, updated_at: ctx.at, updated_by: ctx.actor })
      .onConflict((oc) => oc.column('id').doUpdateSet({ cash_threshold_usd: usd, updated_at: ctx.at, updated_by: ctx.actor })).execute();
    await appendAudit(tx, {
      actor: ctx.actor, action: 'set-cash-threshold', entityType: 'compliance-settings', entityId: 'cash-threshold',
      before: { cashThresholdUsd: before }, after: { cashThresholdUsd: plainDecimal(usd) }, details: {}, requestId: ctx.requestId ?? null, at: ctx.at,
    });
    return plainDecimal(usd);
  });
}
