// A client's activity for the 360 view: the decisions taken for them, their loans and their
// documents' metadata, newest first, in one read (the record itself is GET /clients/{id}). Audited like every read of a
// client (`read`, `what: activity`, in the client's stream). Everything held, with applications
// and events, is the ARCO export (clients.repository.ts).
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Database } from '../db/database.ts';
import { NotFoundError } from '../errors.ts';
import type { WriteContext } from '../products/product-catalog.ts';
import { loanView } from '../servicing/loan-servicing.ts';
import { documentsOf } from '../documents/client-documents.repository.ts';

/** A decision as the 360 view lists it: product, outcome, date. */
export interface ClientDecision {
  readonly id: string;
  readonly product: { readonly code: string; readonly version: number };
  readonly outcome: 'approve' | 'refer' | 'decline';
  readonly asOf: string;
  readonly createdAt: string;
}

/** The decisions and loans of a client, newest first; 404 for an unknown client. The read is audited. */
export async function clientActivity(db: Kysely<Database>, id: string, ctx: WriteContext) {
  return db.transaction().execute(async (tx) => {
    const client = await tx.selectFrom('clients').select('id').where('id', '=', id).executeTakeFirst();
    if (!client) throw new NotFoundError('client', id);
    const decisionRows = await tx
      .selectFrom('decisions as d')
      .innerJoin('product_versions as pv', 'pv.id', 'd.product_version_id')
      .innerJoin('products as p', 'p.id', 'pv.product_id')
      .select(['d.id', 'p.code', 'pv.version', 'd.outcome', 'd.decided_on', 'd.created_at'])
      .where('d.client_id', '=', id)
      .orderBy('d.id', 'desc')
      .execute();
    const loanRows = await tx
      .selectFrom('loans as l')
      .innerJoin('product_versions as pv', 'pv.id', 'l.product_version_id')
      .innerJoin('products as p', 'p.id', 'pv.product_id')
      .selectAll('l')
      .select(['p.code', 'pv.version'])
      .where('l.client_id', '=', id)
      .orderBy('l.id', 'desc')
      .execute();
    const documents = await documentsOf(tx, id);
    await appendAudit(tx, {
      actor: ctx.actor, action: 'read', entityType: 'client', entityId: id, before: null, after: null,
      details: { what: 'activity', decisions: decisionRows.length, loans: loanRows.length, documents: documents.length }, requestId: ctx.requestId ?? null, at: ctx.at,
    });
    const decisions: ClientDecision[] = decisionRows.map((d) => ({ id: d.id, product: { code: d.code, version: d.version }, outcome: d.outcome, asOf: d.decided_on, createdAt: d.created_at }));
    return { decisions, loans: loanRows.map((l) => loanView(l, { code: l.code, version: l.version })), documents };
  });
}
