// PLD alerts for the compliance officer: listed by status, kind, client and overdue (JSON or CSV),
// read one by one, ruled on once — `report` or `dismiss` with a note, audited; 409 `alert-decided`
// after — and internal worrying operations filed by staff about a client or a loan.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit.repository.ts';
import { canonicalJson } from '../audit/canonical-json.ts';
import type { Database, Executor } from '../db/database.ts';
import type { AlertKind, AlertRow, AlertStatus } from '../db/tables/compliance.table.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { uuidv7 } from '../ids.ts';
import type { WriteContext } from '../products/product-catalog.ts';
import { alertDeadline, daysLeft } from './alert-deadlines.ts';
import { plainDecimal } from './exchange-rates.ts';

export function alertView(row: AlertRow, now: Date) {
  const left = daysLeft(row.deadline, now);
  return {
    id: row.id,
    kind: row.kind,
    code: row.code,
    message: row.message,
    clientId: row.client_id,
    loanId: row.loan_id,
    paymentId: row.event_id,
    operationDate: row.operation_date,
    method: row.method,
    amount: row.amount,
    amountUsd: row.amount_usd,
    rate: row.rate === null ? null : plainDecimal(row.rate),
    description: row.description,
    notes: row.notes,
    detectedAt: row.detected_at,
    deadline: row.deadline,
    daysLeft: left,
    overdue: row.status === 'open' && Date.parse(row.deadline) < now.getTime(),
    status: row.status,
    dispositionNote: row.disposition_note,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    reportedIn: row.reported_in,
    createdBy: row.created_by,
  };
}

export type AlertView = ReturnType<typeof alertView>;

export interface AlertSearch {
  readonly status?: AlertStatus | undefined;
  readonly kind?: AlertKind | undefined;
  readonly clientId?: string | undefined;
  readonly loanId?: string | undefined;
  /** Only open alerts past their deadline (true), or only those not (false). */
  readonly overdue?: boolean | undefined;
  readonly after?: string | undefined;
  readonly limit: number;
}

/** Alerts oldest first (keyset on id). */
export async function listAlerts(db: Executor, search: AlertSearch, now: Date): Promise<{ alerts: AlertView[]; nextAfter: string | null }> {
  let query = db.selectFrom('compliance_alerts').selectAll().orderBy('id').limit(search.limit + 1);
  if (search.status !== undefined) query = query.where('status', '=', search.status);
  if (search.kind !== undefined) query = query.where('kind', '=', search.kind);
  if (search.clientId !== undefined) query = query.where('client_id', '=', search.clientId);
  if (search.loanId !== undefined) query = query.where('loan_id', '=', search.loanId);
  if (search.overdue === true) query = query.where('status', '=', 'open').where('deadline', '<', now.toISOString());
  if (search.overdue === false) query = query.where((eb) => eb.or([eb('status', '!=', 'open'), eb('deadline', '>=', now.toISOString())]));
  if (search.after !== undefined) query = query.where('id', '>', search.after);
  const rows = await query.execute();
  const alerts = rows.slice(0, search.limit).map((r) => alertView(r, now));
  return { alerts, nextAfter: rows.length > search.limit ? alerts.at(-1)!.id : null };
}

export async function findAlert(db: Executor, id: string): Promise<AlertRow> {
  const row = await db.selectFrom('compliance_alerts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('alert', id);
  return row;
}

/**
 * Rules on an open alert: `report` (status `reported`) or `dismiss`, with the officer's note.
 * 409 `alert-decided` once decided; 409 `alert-needs-rate` to report a cash alert whose USD amount
 * is unknown (set the rate of its date first). Audited in the alert's stream.
 */
export async function decideAlert(db: Kysely<Database>, id: string, decision: 'report' | 'dismiss', note: string, ctx: WriteContext, now: Date): Promise<AlertView> {
  return db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('compliance_alerts').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw new NotFoundError('alert', id);
    if (before.status !== 'open') throw new ConflictError('alert-decided', `the alert is ${before.status} already (${before.decided_at} by ${before.decided_by})`, { id, status: before.status, decidedAt: before.decided_at, decidedBy: before.decided_by });
    if (decision === 'report' && before.code === 'needs-rate') {
      throw new ConflictError('alert-needs-rate', `set the USD rate of ${before.operation_date} (or before) first: the operation's USD amount is unknown`, { id, operationDate: before.operation_date });
    }
    const status = decision === 'report' ? 'reported' : 'dismissed';
    await tx.updateTable('compliance_alerts').set({ status, disposition_note: note, decided_by: ctx.actor, decided_at: ctx.at }).where('id', '=', id).execute();
    const after = { ...before, status, disposition_note: note, decided_by: ctx.actor, decided_at: ctx.at } as AlertRow;
    await appendAudit(tx, {
      actor: ctx.actor, action: decision, entityType: 'compliance-alert', entityId: id, before: alertView(before, now), after: alertView(after, now),
      details: { kind: before.kind, code: before.code, note }, requestId: ctx.requestId ?? null, at: ctx.at,
    });
    return alertView(after, now);
  });
}

export interface InternalReport {
  readonly clientId?: string | undefined;
  readonly loanId?: string | undefined;
  readonly description: string;
  readonly operationDate?: string | undefined;
  readonly amount?: string | undefined;
}

/**
 * Files an internal worrying operation about a client or a loan (the loan's client when only the
 * loan is named). With an Idempotency-Key, the same filing again returns the first alert
 * (`replayed`); the key with another body is 409 `idempotency-key-reused`. Audited.
 */
export async function fileInternalAlert(db: Kysely<Database>, report: InternalReport, idempotencyKey: string | undefined, ctx: WriteContext & { today: string }, now: Date): Promise<{ alert: AlertView; replayed: boolean }> {
  const hash = createHash('sha256').update(canonicalJson(report as unknown as Record<string, unknown>), 'utf8').digest('hex');
  return db.transaction().execute(async (tx) => {
    if (idempotencyKey !== undefined) {
      const previous = await tx.selectFrom('compliance_alerts').selectAll().select(['request_hash']).where('idempotency_key', '=', idempotencyKey).executeTakeFirst();
      if (previous) {
        if (previous.request_hash !== hash) throw new ConflictError('idempotency-key-reused', 'this Idempotency-Key was used for a different filing', { idempotencyKey });
        return { alert: alertView(previous, now), replayed: true };
      }
    }
    let clientId = report.clientId ?? null;
    if (report.loanId !== undefined) {
      const loan = await tx.selectFrom('loans').select(['id', 'client_id']).where('id', '=', report.loanId).executeTakeFirst();
      if (!loan) throw new ValidationError([{ path: 'loanId', message: `there is no loan \`${report.loanId}\`` }]);
      if (clientId !== null && loan.client_id !== null && loan.client_id !== clientId) throw new ValidationError([{ path: 'clientId', message: "must be the loan's client (or left out)" }]);
      clientId ??= loan.client_id;
    }
    if (report.clientId !== undefined) {
      const client = await tx.selectFrom('clients').select('id').where('id', '=', report.clientId).executeTakeFirst();
      if (!client) throw new ValidationError([{ path: 'clientId', message: `there is no client \`${report.clientId}\`` }]);
    }
    const id = uuidv7();
    const row = {
      id, kind: 'internal' as const, code: 'staff-report', message: report.description.slice(0, 200), client_id: clientId, loan_id: report.loanId ?? null, event_id: null,
      operation_date: report.operationDate ?? ctx.today, method: null, amount: report.amount ?? null, amount_usd: null, rate: null, description: report.description,
      detected_at: ctx.at, deadline: alertDeadline('internal', ctx.at), status: 'open' as const, disposition_note: null, decided_by: null, decided_at: null, reported_in: null,
      created_by: ctx.actor, idempotency_key: idempotencyKey ?? null, request_hash: idempotencyKey === undefined ? null : hash,
    };
    await tx.insertInto('compliance_alerts').values(row).execute();
    const stored = await findAlert(tx, id);
    await appendAudit(tx, {
      actor: ctx.actor, action: 'file', entityType: 'compliance-alert', entityId: id, before: null, after: alertView(stored, now),
      details: { kind: 'internal', clientId, loanId: report.loanId ?? null }, requestId: ctx.requestId ?? null, at: ctx.at,
    });
    return { alert: alertView(stored, now), replayed: false };
  });
}

/**
 * A confirmed hit on the blocked-persons list (screening/hits.repository.ts `decideHit`): an alert
 * of kind `blocked-person` for the client, due 24 hours after (DOMAIN.md "PLD / AML"), in the
 * confirmation's transaction. Audited.
 */
export async function raiseBlockedPersonAlert(
  tx: Executor,
  hit: { readonly id: string; readonly clientId: string; readonly watchlistName: string; readonly entryName: string },
  ctx: WriteContext & { readonly today: string },
): Promise<string> {
  const id = uuidv7();
  const description = `confirmed match of the client with «${hit.entryName}» on the list «${hit.watchlistName}» (screening hit ${hit.id})`;
  await tx.insertInto('compliance_alerts').values({
    id, kind: 'blocked-person', code: 'blocked-persons-list', message: description.slice(0, 200), client_id: hit.clientId, loan_id: null, event_id: null,
    operation_date: ctx.today, method: null, amount: null, amount_usd: null, rate: null, description,
    detected_at: ctx.at, deadline: alertDeadline('blocked-person', ctx.at), status: 'open', disposition_note: null, decided_by: null, decided_at: null, reported_in: null,
    created_by: ctx.actor, idempotency_key: null, request_hash: null,
  }).execute();
  await appendAudit(tx, {
    actor: ctx.actor, action: 'raise', entityType: 'compliance-alert', entityId: id, before: null, after: null,
    details: { kind: 'blocked-person', clientId: hit.clientId, hitId: hit.id }, requestId: ctx.requestId ?? null, at: ctx.at,
  });
  return id;
}
