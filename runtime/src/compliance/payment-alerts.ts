// Alerts raised by a payment, in the payment's transaction (servicing/loan-servicing.ts calls
// raisePaymentAlerts once the payment event is stored): a relevant operation when the payment is
// in cash and its MXN amount is at or above the USD threshold at the rate of its date, and an
// unusual operation for each finding of the detectors (payment-alert-detectors.ts). Raising is
// idempotent — one alert per payment, kind and code (a unique index) — so a replayed request
// raises nothing new. Reversing the payment keeps its alerts and adds a note to them.
//
// A cash payment on a date with no rate on or before it: the alert is raised anyway with code
// `needs-rate` (amount in USD unknown), so nothing that may be reportable is lost for a missing
// rate; when the rate is set, setting it resolves such alerts — `cash-threshold` when at or above
// the threshold, dismissed by `system` with a note when below.
import { Dec as Decimal } from '@plazo/engine';
import { sql, type Kysely } from 'kysely';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Database, Executor } from '../db/database.ts';
import type { AlertKind } from '../db/tables/compliance.table.ts';
import { uuidv7 } from '../ids.ts';
import { alertDeadline } from './alert-deadlines.ts';
import { cashThresholdUsd, DEFAULT_CASH_THRESHOLD_USD, plainDecimal, usdRateOn } from './exchange-rates.ts';
import { UNUSUAL_OPERATION_DETECTORS, type PaymentAlertDetector, type PaymentRef } from './payment-alert-detectors.ts';

export const PAYMENT_METHODS = ['cash', 'transfer', 'card', 'payroll', 'check', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** A stored payment's facts an alert needs, with the USD rate of its date and the cash threshold. */
interface StoredPayment {
  readonly loanId: string;
  readonly clientId: string | null;
  readonly eventId: string;
  readonly date: string;
  readonly amount: string;
  readonly method: PaymentMethod;
  readonly recordedAt: string;
  readonly rate: string | null;
  readonly thresholdUsd: string;
}

/** The payment, the rate on or before its date and the threshold: one statement. */
async function readPayment(db: Executor, ref: PaymentRef): Promise<StoredPayment | null> {
  const row = await db
    .selectFrom('loan_events as e')
    .innerJoin('loans as l', 'l.id', 'e.loan_id')
    .select(['e.payload', 'e.effective_on', 'e.created_at', 'l.client_id'])
    .select([
      sql<string | null>`(select r.mxn_per_unit from compliance_exchange_rates r where r.currency = 'USD' and r.rate_date <= e.effective_on order by r.rate_date desc limit 1)`.as('rate'),
      sql<string | null>`(select s.cash_threshold_usd from compliance_settings s)`.as('threshold'),
    ])
    .where('e.loan_id', '=', ref.loanId)
    .where('e.type', '=', 'payment')
    .where(sql<string>`e.payload->>'id'`, '=', ref.eventId)
    .executeTakeFirst();
  if (!row) return null;
  const payload = row.payload as { amount: string; method?: PaymentMethod };
  return {
    loanId: ref.loanId, clientId: row.client_id, eventId: ref.eventId, date: row.effective_on, amount: payload.amount, method: payload.method ?? 'transfer', recordedAt: row.created_at,
    rate: row.rate === null ? null : plainDecimal(row.rate), thresholdUsd: row.threshold === null ? DEFAULT_CASH_THRESHOLD_USD : plainDecimal(row.threshold),
  };
}

/** What a relevant-operation check says of a cash amount on a date. */
export interface CashCheck {
  readonly code: 'cash-threshold' | 'needs-rate' | null;
  readonly rate: string | null;
  readonly amountUsd: string | null;
  readonly thresholdUsd: string;
}

/** MXN `amount` against the USD threshold at `rate` (MXN per USD): at or above (exact: amount ≥ threshold × rate) is relevant. */
export function checkCash(amount: string, rate: string | null, thresholdUsd: string): CashCheck {
  if (rate === null) return { code: 'needs-rate', rate: null, amountUsd: null, thresholdUsd };
  const amountUsd = new Decimal(amount).dividedBy(rate).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
  const relevant = new Decimal(amount).greaterThanOrEqualTo(new Decimal(thresholdUsd).times(rate));
  return { code: relevant ? 'cash-threshold' : null, rate, amountUsd, thresholdUsd };
}

function relevantMessage(check: CashCheck, amount: string, date: string): string {
  if (check.code === 'needs-rate') return `cash payment of MXN ${amount} on ${date}: no USD rate on or before that date; set it to know whether it reaches USD ${check.thresholdUsd}`;
  return `cash payment of MXN ${amount} (USD ${check.amountUsd} at ${check.rate}) on ${date}: at or above USD ${check.thresholdUsd}`;
}

interface NewAlert {
  readonly kind: AlertKind;
  readonly code: string;
  readonly message: string;
  readonly check?: CashCheck;
}

/** The payment and the alerts it calls for (reads only: relevant by the cash check, unusual by `detectors`). */
export async function findPaymentAlerts(db: Executor, ref: PaymentRef, detectors: readonly PaymentAlertDetector[] = UNUSUAL_OPERATION_DETECTORS): Promise<{ payment: StoredPayment | null; alerts: NewAlert[] }> {
  const payment = await readPayment(db, ref);
  if (!payment) return { payment, alerts: [] };
  const alerts: NewAlert[] = [];
  if (payment.method === 'cash') {
    const check = checkCash(payment.amount, payment.rate, payment.thresholdUsd);
    if (check.code) alerts.push({ kind: 'relevant', code: check.code, message: relevantMessage(check, payment.amount, payment.date), check });
  }
  for (const detect of detectors) {
    for (const finding of await detect(db, ref)) {
      alerts.push({ kind: 'unusual', code: finding.code, message: typeof finding.message === 'string' ? finding.message : JSON.stringify(finding.message) });
    }
  }
  return { payment, alerts };
}

/** Stores the alerts of a payment, each once (unique per payment, kind and code), with an audit entry each; returns the ids stored now. */
async function storePaymentAlerts(tx: Executor, payment: StoredPayment, alerts: readonly NewAlert[]): Promise<string[]> {
  const raised: string[] = [];
  for (const alert of alerts) {
    const id = uuidv7();
    const row = {
      id, kind: alert.kind, code: alert.code, message: alert.message, client_id: payment.clientId, loan_id: payment.loanId, event_id: payment.eventId,
      operation_date: payment.date, method: payment.method, amount: payment.amount, amount_usd: alert.check?.amountUsd ?? null, rate: alert.check?.rate ?? null,
      description: null, detected_at: payment.recordedAt, deadline: alertDeadline(alert.kind, payment.recordedAt), status: 'open' as const,
      disposition_note: null, decided_by: null, decided_at: null, reported_in: null, created_by: 'system',
    };
    const inserted = await tx.insertInto('compliance_alerts').values(row)
      .onConflict((oc) => oc.columns(['loan_id', 'event_id', 'kind', 'code']).where('event_id', 'is not', null).doNothing())
      .returning('id').executeTakeFirst();
    if (!inserted) continue;
    raised.push(id);
    await appendAudit(tx, {
      actor: 'system', action: 'raise', entityType: 'compliance-alert', entityId: id, before: null, after: row,
      details: { kind: alert.kind, code: alert.code, loanId: payment.loanId, paymentId: payment.eventId }, requestId: null, at: payment.recordedAt,
    });
  }
  return raised;
}

/**
 * Raises the alerts of a stored payment (relevant, and unusual by `detectors`), each once; returns
 * the ids of those raised now. Call inside the transaction that stored the payment.
 * @example await raisePaymentAlerts(tx, { loanId, eventId: payment.id })
 */
export async function raisePaymentAlerts(tx: Executor, ref: PaymentRef, detectors: readonly PaymentAlertDetector[] = UNUSUAL_OPERATION_DETECTORS): Promise<string[]> {
  const { payment, alerts } = await findPaymentAlerts(tx, ref, detectors);
  return payment && alerts.length > 0 ? storePaymentAlerts(tx, payment, alerts) : [];
}

/** Adds a note to the alerts of a reversed payment (they stay: the operation happened). */
export async function notePaymentReversal(tx: Executor, reversal: { loanId: string; paymentId: string; date: string; reason?: string | undefined; at: string; actor: string }): Promise<number> {
  const text = `payment reversed on ${reversal.date}${reversal.reason ? `: ${reversal.reason}` : ''}`;
  const note = JSON.stringify([{ at: reversal.at, by: reversal.actor, text }]);
  const rows = await tx.updateTable('compliance_alerts')
    .set({ notes: sql`notes || ${note}::jsonb` })
    .where('loan_id', '=', reversal.loanId).where('event_id', '=', reversal.paymentId)
    .returning('id').execute();
  for (const { id } of rows) {
    await appendAudit(tx, { actor: reversal.actor, action: 'note', entityType: 'compliance-alert', entityId: id, before: null, after: null, details: { text }, requestId: null, at: reversal.at });
  }
  return rows.length;
}

/**
 * Resolves open `needs-rate` alerts on or after `from` now that a rate covers them: at or above
 * the threshold they become `cash-threshold`; below, dismissed by `system` with a note.
 */
export async function resolveAlertsNeedingRate(tx: Executor, from: string, ctx: { at: string; actor: string; requestId?: string | null }): Promise<{ relevant: number; dismissed: number }> {
  const pending = await tx.selectFrom('compliance_alerts').selectAll()
    .where('kind', '=', 'relevant').where('code', '=', 'needs-rate').where('status', '=', 'open').where('operation_date', '>=', from)
    .orderBy('id').forUpdate().execute();
  const threshold = await cashThresholdUsd(tx);
  let relevant = 0;
  let dismissed = 0;
  for (const alert of pending) {
    const rate = await usdRateOn(tx, alert.operation_date);
    if (!rate || alert.amount === null) continue;
    const check = checkCash(alert.amount, rate.usd, threshold);
    const set = check.code === 'cash-threshold'
      ? { code: 'cash-threshold', rate: check.rate, amount_usd: check.amountUsd, message: relevantMessage(check, alert.amount, alert.operation_date) }
      : { rate: check.rate, amount_usd: check.amountUsd, status: 'dismissed' as const, decided_at: ctx.at, decided_by: 'system', disposition_note: `below USD ${threshold} at the rate ${rate.usd} of ${rate.date}` };
    await tx.updateTable('compliance_alerts').set(set).where('id', '=', alert.id).execute();
    await appendAudit(tx, {
      actor: ctx.actor, action: check.code ? 'rate-resolved' : 'dismiss', entityType: 'compliance-alert', entityId: alert.id,
      before: { code: alert.code, status: alert.status }, after: set, details: { rate: rate.usd, rateDate: rate.date }, requestId: ctx.requestId ?? null, at: ctx.at,
    });
    if (check.code) relevant++;
    else dismissed++;
  }
  return { relevant, dismissed };
}

/**
 * What a loan event means for PLD, run by servicing/loan-servicing.ts once the event is stored: a
 * payment raises its alerts, a reversal notes its payment's alerts. `inTransaction`: `db` is the
 * transaction that stored the event (the loan's lock held); otherwise the event's statement has
 * committed: the check reads in one statement and stores what it found in a transaction — a failure then answers 5xx and the client's
 * retry with the same Idempotency-Key raises the alerts (raising is idempotent; replays raise too).
 * A non-cash payment with no detector installed can raise nothing: no query at all.
 */
export async function loanEventCompliance(
  db: Executor,
  inTransaction: boolean,
  loanId: string,
  event: { kind: string; id?: string; method?: string; date: string; paymentId?: string; reason?: string },
  ctx: { at: string; actor: string },
  detectors: readonly PaymentAlertDetector[] = UNUSUAL_OPERATION_DETECTORS,
): Promise<void> {
  let run: ((tx: Executor) => Promise<unknown>) | undefined;
  if (event.kind === 'payment' && event.id !== undefined && (event.method === 'cash' || detectors.length > 0)) {
    if (inTransaction) {
      await raisePaymentAlerts(db, { loanId, eventId: event.id }, detectors);
      return;
    }
    // Outside the event's transaction: read first (one statement); a transaction only to store.
    const { payment, alerts } = await findPaymentAlerts(db, { loanId, eventId: event.id }, detectors);
    if (payment && alerts.length > 0) await (db as Kysely<Database>).transaction().execute((tx) => storePaymentAlerts(tx, payment, alerts));
    return;
  } else if (event.kind === 'payment-reversal' && event.paymentId !== undefined) {
    const paymentId = event.paymentId;
    run = (tx) => notePaymentReversal(tx, { loanId, paymentId, date: event.date, reason: event.reason, at: ctx.at, actor: ctx.actor });
  }
  if (!run) return;
  if (inTransaction) await run(db);
  else await (db as Kysely<Database>).transaction().execute(run);
}
