// Decisions: the engine decides an application under a pinned product version; the runtime
// stores the record (inputs, outcome, offer, trace) with the version and audits it.
import { addDays, decide, type Decision } from '@plazo/engine';
import { sql, type Kysely } from 'kysely';
import { auditEntry, streamHeadValues, type AuditEntry } from '../audit/audit.repository.ts';
import type { Database, Executor } from '../db/database.ts';
import type { DecisionRow } from '../db/tables/decisions.table.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { withEngineInput } from '../http/engine-errors.ts';
import { uuidv7 } from '../ids.ts';
import type { WriteContext } from '../products/product-catalog.ts';
import { versionLabel, type PinnedVersion } from '../products/product-versions.ts';
import { forgetHint, hintedVersion } from '../products/version-hints.ts';

/** Days an approved decision's offer may be taken up (opened as a loan) after its date. */
export const OFFER_VALIDITY_DAYS = 30;

export interface DecisionInput {
  readonly product: string;
  readonly version?: number | undefined;
  readonly application: Record<string, unknown>;
  readonly asOf: string;
}

export function decisionView(row: Pick<DecisionRow, 'id' | 'decided_on' | 'created_at' | 'created_by'>, label: { code: string; version: number }, record: Decision) {
  return {
    id: row.id,
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
 */
export async function takeDecision(db: Kysely<Database>, input: DecisionInput, ctx: WriteContext) {
  for (let attempt = 1; ; attempt++) {
    const pinned = await hintedVersion(db, input.product, input.version);
    const record = withEngineInput(() => decide(pinned.ir, input.application, input.asOf), {
      mapPath: (path) => (path === 'asOf' ? 'asOf' : path === '' ? 'application' : `application.${path}`),
      message: 'the application is not valid for this product',
    });
    const row = {
      id: uuidv7(),
      product_version_id: pinned.id,
      application: JSON.stringify(input.application),
      decision: JSON.stringify(record),
      outcome: record.outcome,
      decided_on: record.asOf,
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
        after: { id: row.id, productVersionId: pinned.id, outcome: record.outcome, asOf: record.asOf, application: input.application, offer: record.offer },
        details: { product: pinned.code, version: pinned.version, outcome: record.outcome },
        requestId: ctx.requestId ?? null,
        at: ctx.at,
      },
      null,
    );
    if (await storeDecision(db, pinned, input.version === undefined, row, entry)) return decisionView(row, pinned, record);
    // The hint was stale: a newer version or a retirement. Resolve again (which also reports a
    // retired product as 409); a third miss means the catalog is changing under us: give up.
    forgetHint(db, input.product, input.version);
    if (attempt >= 3) throw new ConflictError('product-changing', `product \`${input.product}\` changed during the decision: retry`, { product: input.product });
  }
}

/**
 * Stores a decision, starts its audit stream (`decision:<id>`) and moves the stream's head, in
 * one statement, only if `pinned` may still take new business: the product is not retired and,
 * for `latestOnly`, no newer version exists. Returns false (nothing written) otherwise.
 */
async function storeDecision(
  db: Kysely<Database>,
  pinned: PinnedVersion,
  latestOnly: boolean,
  row: { id: string; product_version_id: string; application: string; decision: string; outcome: string; decided_on: string; created_at: string; created_by: string },
  entry: AuditEntry,
): Promise<boolean> {
  const head = streamHeadValues(entry);
  const result = await sql<{ seq: string }>`
    with ok as (
      select 1 from product_versions pv join products p on p.id = pv.product_id
      where pv.id = ${pinned.id}::uuid and p.status <> 'retired'
        and (${!latestOnly} or not exists (select 1 from product_versions v where v.product_id = p.id and v.version > pv.version))
    ), decision as (
      insert into decisions (id, product_version_id, application, decision, outcome, decided_on, created_at, created_by)
      select ${row.id}::uuid, ${row.product_version_id}::uuid, ${row.application}::json, ${row.decision}::json, ${row.outcome},
        ${row.decided_on}::date, ${row.created_at}::timestamptz, ${row.created_by}
      from ok
    ), head as (
      insert into audit_streams (stream, last_seq, last_hash, created_at, created_by)
      select ${head.stream}, ${head.last_seq}, ${head.last_hash}, ${head.created_at}::timestamptz, ${head.created_by}
      from ok
    )
    insert into audit_log (stream, stream_seq, action, entity_type, entity_id, before_hash, after_hash, details, request_id, prev_hash, row_hash, created_at, created_by)
    select ${entry.stream}, ${entry.stream_seq}, ${entry.action}, ${entry.entity_type}, ${entry.entity_id}, ${entry.before_hash}::text, ${entry.after_hash}::text,
      ${JSON.stringify(entry.details)}::jsonb, ${entry.request_id}::text, ${entry.prev_hash}, ${entry.row_hash}, ${entry.created_at}::timestamptz, ${entry.created_by}
    from ok
    returning seq
  `.execute(db);
  return result.rows.length === 1;
}

export async function findDecision(db: Executor, id: string) {
  const row = await db.selectFrom('decisions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('decision', id);
  return { row, view: decisionView(row, await versionLabel(db, row.product_version_id), row.decision as unknown as Decision) };
}
