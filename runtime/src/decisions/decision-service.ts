// Decisions: the engine decides an application under a pinned product version; the runtime
// stores the record (inputs, outcome, offer, trace) with the version and audits it.
import { addDays, decide, derivedInputsOf, fillDerivedInputs, withReasons, type ClientFacts, type ClientFactValue, type Decision, type DecisionReason } from '@plazo/engine';
import { sql, type Kysely } from 'kysely';
import { auditEntry, streamHeadValues, type AuditEntry } from '../audit/audit.repository.ts';
import type { Database, Executor } from '../db/database.ts';
import type { DecisionRow } from '../db/tables/decisions.table.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { withEngineInput } from '../http/engine-errors.ts';
import { uuidv7 } from '../ids.ts';
import type { WriteContext } from '../products/product-catalog.ts';
import { versionLabel, type PinnedVersion } from '../products/product-versions.ts';
import { forgetHint, hintedVersion } from '../products/version-hints.ts';
import { isDatabaseError } from '../db/postgres-errors.ts';
import { StatementBatcher } from '../db/statement-batcher.ts';
import { requireClient } from '../clients/clients.repository.ts';
import { clientFactsAt } from '../clients/client-facts.ts';
import { screenForDecision } from '../screening/screening.ts';

/** Days an approved decision's offer may be taken up (opened as a loan) after its date. */
export const OFFER_VALIDITY_DAYS = 30;

export interface DecisionInput {
  readonly product: string;
  readonly version?: number | undefined;
  readonly application: Record<string, unknown>;
  readonly asOf: string;
  /** The client the application is for (issue 14); 422 naming `clientId` when there is no such client. */
  readonly clientId?: string | undefined;
}

export function decisionView(row: Pick<DecisionRow, 'id' | 'decided_on' | 'created_at' | 'created_by' | 'client_id'>, label: { code: string; version: number }, record: Decision) {
  return {
    id: row.id,
    clientId: row.client_id,
    productVersion: label.version,
    expiresOn: addDays(row.decided_on, OFFER_VALIDITY_DAYS),
    createdAt: row.created_at,
    createdBy: row.created_by,
    ...record,
  };
}

/**
 * Decides and stores; 422 with `application.…` paths for an invalid application. One round trip
 * in the usual case: the product version comes from an in-memory hint, and the statement that
 * stores the decision re-checks the hint (see `storeDecision`); a stale hint is resolved again.
 * An engine error on a hinted version is answered only after resolving the version afresh.
 */
export async function takeDecision(db: Kysely<Database>, input: DecisionInput, ctx: WriteContext) {
  if (input.clientId !== undefined) await requireClient(db, input.clientId);
  let screening: DecisionReason[] | undefined;
  let facts: ClientFacts | undefined;
  for (let attempt = 1; ; attempt++) {
    const { pinned, fromHint } = await hintedVersion(db, input.product, input.version);
    // Derived inputs (`from client.…`) come from the client's facts at the decision date, never
    // from the application; the stored application is the filled one, so the decision replays.
    let application = input.application;
    let derived: Readonly<Record<string, ClientFactValue>> = {};
    if (derivedInputsOf(pinned.ir).length > 0) {
      if (input.clientId !== undefined) facts ??= await clientFactsAt(db, input.clientId, input.asOf);
      const filled = fillDerivedInputs(pinned.ir, input.application, facts);
      if (!filled.ok) {
        if (fromHint) {
          forgetHint(db, input.product, input.version);
          continue;
        }
        throw new ValidationError(filled.problems, 'the application is not valid for this product');
      }
      ({ application, derived } = filled);
    }
    let record: Decision;
    try {
      record = withEngineInput(() => decide(pinned.ir, application, input.asOf), {
        mapPath: (path) => (path === 'asOf' ? 'asOf' : path === '' ? 'application' : `application.${path}`),
        message: 'the application is not valid for this product',
      });
    } catch (error) {
      // An error from a hinted version is answered only once the catalog confirms that version:
      // a version published since (in any process) may decide this application.
      if (!fromHint) throw error;
      forgetHint(db, input.product, input.version);
      continue;
    }
    // A client's decision screens the client (once, after the application proved valid): a hit
    // on a watchlist refers it, a confirmed one declines it (screening/screening.ts).
    if (input.clientId !== undefined) {
      screening ??= await screenForDecision(db, input.clientId, ctx);
      record = withReasons(record, screening);
    }
    const row = {
      id: uuidv7(),
      product_version_id: pinned.id,
      application,
      decision: Object.keys(derived).length > 0 ? { ...record, derivedInputs: derived } : record,
      outcome: record.outcome,
      decided_on: record.asOf,
      client_id: input.clientId ?? null,
      created_at: ctx.at,
      created_by: ctx.actor,
    };
    // A referred decision opens its application in the review queue, in the same statement.
    const review = record.outcome === 'refer' ? newApplication(row, pinned, record, ctx) : null;
    const entry = auditEntry(
      {
        actor: ctx.actor,
        action: 'decide',
        entityType: 'decision',
        entityId: row.id,
        before: null,
        after: { id: row.id, productVersionId: pinned.id, clientId: row.client_id, outcome: record.outcome, asOf: record.asOf, application, offer: record.offer },
        details: { product: pinned.code, version: pinned.version, outcome: record.outcome, ...(review ? { applicationId: review.id } : {}) },
        requestId: ctx.requestId ?? null,
        at: ctx.at,
      },
      null,
    );
    if (await storeDecision(db, pinned, input.version === undefined, row, entry, review)) return { ...decisionView(row, pinned, row.decision), ...(review ? { applicationId: review.id } : {}) };
    // The hint was stale: a newer version or a retirement. Resolve again (which also reports a
    // retired product as 409); a third miss means the catalog is changing under us: give up.
    forgetHint(db, input.product, input.version);
    if (attempt >= 3) throw new ConflictError('product-changing', `product \`${input.product}\` changed during the decision: retry`, { product: input.product });
  }
}

type DecisionWriteRow = { id: string; product_version_id: string; application: unknown; decision: unknown; outcome: string; decided_on: string; client_id: string | null; created_at: string; created_by: string };

/** One decision to store, with the version it was taken under. */
interface DecisionWrite {
  readonly pinned: PinnedVersion;
  readonly latestOnly: boolean;
  readonly row: DecisionWriteRow;
  readonly entry: AuditEntry;
  /** The application a referred decision opens, with its audit entry (applications/application-service.ts). */
  readonly application: NewApplication | null;
}

/** The review-queue application of a referred decision, stored with it. */
export interface NewApplication {
  readonly id: string;
  readonly eventId: string;
  readonly values: Record<string, unknown>;
  readonly entry: AuditEntry;
}

function newApplication(row: DecisionWriteRow, pinned: PinnedVersion, record: Decision, ctx: WriteContext): NewApplication {
  const id = uuidv7();
  const values = {
    id,
    decision_id: row.id,
    client_id: row.client_id,
    product_code: pinned.code,
    product_version: pinned.version,
    requested_amount: record.request.amount,
    requested_payments: record.request.payments,
    offered_amount: record.offer?.amount ?? null,
    status: 'pending',
    requested_by: ctx.person ?? ctx.actor,
    created_at: ctx.at,
    created_by: ctx.actor,
    updated_at: ctx.at,
  };
  const entry = auditEntry(
    {
      actor: ctx.actor,
      action: 'create',
      entityType: 'application',
      entityId: id,
      before: null,
      after: values,
      details: { decisionId: row.id, product: pinned.code, version: pinned.version, reasons: record.reasons.map((r) => r.code) },
      requestId: ctx.requestId ?? null,
      at: ctx.at,
    },
    null,
  );
  return { id, eventId: uuidv7(), values, entry };
}

/** Decisions in one statement at most (each a few KB of JSON). */
const DECISIONS_PER_STATEMENT = 32;
const batchers = new WeakMap<Kysely<Database>, StatementBatcher<DecisionWrite, boolean>>();

/**
 * Stores a decision, starts its audit stream (`decision:<id>`) and moves the stream's head, only
 * if `pinned` may still take new business: the product is not retired and, for `latestOnly`, no
 * newer version exists. Returns false (nothing written) otherwise. Decisions arriving together go
 * in one statement (group commit, db/statement-batcher.ts).
 */
function storeDecision(db: Kysely<Database>, pinned: PinnedVersion, latestOnly: boolean, row: DecisionWrite['row'], entry: AuditEntry, application: NewApplication | null): Promise<boolean> {
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = new StatementBatcher((writes) => storeDecisions(db, writes), { maxBatch: DECISIONS_PER_STATEMENT, maxInFlight: 2, splitOn: isDatabaseError });
    batchers.set(db, batcher);
  }
  return batcher.submit({ pinned, latestOnly, row, entry, application });
}

/**
 * Stores a decision the runtime took itself inside `tx` (a reviewer's approval of an application,
 * applications/application-service.ts): the same statement as any decision, without the batcher
 * (a transaction's writes stay on its connection). Returns the decision's view.
 */
export async function storeDecisionIn(
  tx: Executor,
  pinned: PinnedVersion,
  input: { application: Record<string, unknown>; record: Decision; clientId: string | null; details: Record<string, unknown> },
  ctx: WriteContext,
) {
  const row = {
    id: uuidv7(),
    product_version_id: pinned.id,
    application: input.application,
    decision: input.record,
    outcome: input.record.outcome,
    decided_on: input.record.asOf,
    client_id: input.clientId,
    created_at: ctx.at,
    created_by: ctx.actor,
  };
  const entry = auditEntry(
    {
      actor: ctx.actor,
      action: 'decide',
      entityType: 'decision',
      entityId: row.id,
      before: null,
      after: { id: row.id, productVersionId: pinned.id, clientId: row.client_id, outcome: row.outcome, asOf: row.decided_on, application: input.application, offer: input.record.offer },
      details: { product: pinned.code, version: pinned.version, outcome: row.outcome, ...input.details },
      requestId: ctx.requestId ?? null,
      at: ctx.at,
    },
    null,
  );
  const [stored] = await storeDecisions(tx as Kysely<Database>, [{ pinned, latestOnly: false, row, entry, application: null }]);
  if (!stored) throw new ConflictError('product-retired', `product \`${pinned.code}\` is retired`, { product: pinned.code });
  return decisionView(row, pinned, input.record);
}

/**
 * One statement for a group of decisions: the rows travel as one JSON array (the application and
 * the record inside it, encoded once), each checked against the catalog on its own;
 * returns, per decision, whether it was stored.
 */
async function storeDecisions(db: Kysely<Database>, writes: readonly DecisionWrite[]): Promise<boolean[]> {
  // The audit entry's own columns (stream … created_by: the decision's time and actor too) and the decision's.
  const records = writes.map(({ pinned, latestOnly, row, entry }) => ({
    ...entry,
    id: row.id,
    version_id: pinned.id,
    latest_only: latestOnly,
    application: row.application,
    decision: row.decision,
    outcome: row.outcome,
    decided_on: row.decided_on,
    client_id: row.client_id,
    head_hash: streamHeadValues(entry).last_hash,
  }));
  const applications = writes.flatMap(({ application: a }) =>
    a === null ? [] : [{ ...a.entry, ...a.values, event_id: a.eventId, head_hash: streamHeadValues(a.entry).last_hash, audit_created_by: a.entry.created_by }],
  );
  const result = await sql<{ id: string }>`
    with input as (
      select * from json_to_recordset(${JSON.stringify(records)}::json) as t(id uuid, version_id uuid, latest_only boolean, application json, decision json, outcome text,
        decided_on date, client_id uuid, created_at timestamptz, created_by text, stream text, stream_seq bigint, action text, entity_type text, entity_id text,
        before_hash text, after_hash text, details jsonb, request_id text, prev_hash text, row_hash text, head_hash text)
    ), ok as (
      select i.* from input i join product_versions pv on pv.id = i.version_id join products p on p.id = pv.product_id
      where p.status <> 'retired'
        and (not i.latest_only or not exists (select 1 from product_versions v where v.product_id = p.id and v.version > pv.version))
    ), decision as (
      insert into decisions (id, product_version_id, application, decision, outcome, decided_on, client_id, created_at, created_by)
      select id, version_id, application, decision, outcome, decided_on, client_id, created_at, created_by from ok
    ), head as (
      insert into audit_streams (stream, last_seq, last_hash, created_at, created_by)
      select stream, stream_seq, head_hash, created_at, created_by from ok
    ), app as (
      select a.* from json_to_recordset(${JSON.stringify(applications)}::json) as a(id uuid, decision_id uuid, client_id uuid, product_code text, product_version integer,
        requested_amount numeric, requested_payments integer, offered_amount numeric, status text, requested_by text, created_at timestamptz, created_by text, updated_at timestamptz,
        event_id uuid, stream text, stream_seq bigint, action text, entity_type text, entity_id text, before_hash text, after_hash text, details jsonb, request_id text,
        prev_hash text, row_hash text, head_hash text, audit_created_by text)
      where a.decision_id in (select id from ok)
    ), app_row as (
      insert into applications (id, decision_id, client_id, product_code, product_version, requested_amount, requested_payments, offered_amount, status, requested_by, created_at, created_by, updated_at)
      select id, decision_id, client_id, product_code, product_version, requested_amount, requested_payments, offered_amount, status, requested_by, created_at, created_by, updated_at from app
    ), app_event as (
      insert into application_events (id, application_id, kind, details, created_at, created_by)
      select event_id, id, 'created', json_build_object('decisionId', decision_id)::jsonb, created_at, created_by from app
    ), app_head as (
      insert into audit_streams (stream, last_seq, last_hash, created_at, created_by)
      select stream, stream_seq, head_hash, created_at, audit_created_by from app
    ), app_audit as (
      insert into audit_log (stream, stream_seq, action, entity_type, entity_id, before_hash, after_hash, details, request_id, prev_hash, row_hash, created_at, created_by)
      select stream, stream_seq, action, entity_type, entity_id, before_hash, after_hash, details, request_id, prev_hash, row_hash, created_at, audit_created_by from app
    )
    insert into audit_log (stream, stream_seq, action, entity_type, entity_id, before_hash, after_hash, details, request_id, prev_hash, row_hash, created_at, created_by)
    select stream, stream_seq, action, entity_type, entity_id, before_hash, after_hash, details, request_id, prev_hash, row_hash, created_at, created_by
    from ok
    returning entity_id as id
  `.execute(db);
  const stored = new Set(result.rows.map((r) => r.id));
  return writes.map((w) => stored.has(w.row.id));
}

export async function findDecision(db: Executor, id: string) {
  const row = await db.selectFrom('decisions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('decision', id);
  return { row, view: decisionView(row, await versionLabel(db, row.product_version_id), row.decision as unknown as Decision) };
}
