// Decisions: the engine decides an application under a pinned product version; the runtime
// stores the record (inputs, outcome, offer, trace) with the version and audits it.
import { addDays, decide, type Decision } from '@plazo/engine';
import type { Kysely } from 'kysely';
import { auditEntry, auditLogValues, streamHeadValues } from '../audit/audit.repository.ts';
import type { Database, Executor } from '../db/database.ts';
import type { DecisionRow } from '../db/tables/decisions.table.ts';
import { NotFoundError } from '../errors.ts';
import { withEngineInput } from '../http/engine-errors.ts';
import { uuidv7 } from '../ids.ts';
import type { WriteContext } from '../products/product-catalog.ts';
import { resolveVersion, versionLabel } from '../products/product-versions.ts';

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

/** Decides and stores; 422 with `application.…` paths for an invalid application. */
export async function takeDecision(db: Kysely<Database>, input: DecisionInput, ctx: WriteContext) {
  const pinned = await resolveVersion(db, input.product, input.version, { forNewBusiness: true });
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
  // A decision starts its own audit stream (`decision:<id>`): the decision, its audit entry and
  // the stream's head go in one statement (atomic by itself), with no lock shared with any other write.
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
  await db
    .with('decision', (q) => q.insertInto('decisions').values(row))
    .with('head', (q) => q.insertInto('audit_streams').values(streamHeadValues(entry)))
    .insertInto('audit_log')
    .values(auditLogValues(entry))
    .execute();
  return decisionView(row, pinned, record);
}

export async function findDecision(db: Executor, id: string) {
  const row = await db.selectFrom('decisions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('decision', id);
  return { row, view: decisionView(row, await versionLabel(db, row.product_version_id), row.decision as unknown as Decision) };
}
