// A client's activity for the 360 view: the decisions taken for them, their loans, their
// documents' metadata, the payments and collection contacts on their loans and — for a caller
// who may review compliance — their PLD alerts, newest first, in one read (the record itself is GET /clients/{id}). Audited like every read of a
// client (`read`, `what: activity`, in the client's stream). Everything held, with applications
// and events, is the ARCO export (clients.repository.ts).
import { Dec } from '@plazo/engine';
import { sql, type Kysely } from 'kysely';
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

/** A payment on one of the client's loans (its `payment` loan event), `reversed` when a reversal names it. */
export interface ClientPayment {
  readonly id: string;
  readonly loanId: string;
  readonly date: string;
  readonly amount: string;
  /** How it came; a payment sent without one counts as `transfer`. */
  readonly method: string;
  readonly reference: string | null;
  readonly reversed: boolean;
}

/** A collection contact logged on one of the client's loans. */
export interface ClientContact {
  readonly id: string;
  readonly loanId: string;
  readonly channel: string;
  readonly result: string;
  readonly notes: string | null;
  readonly promiseAmount: string | null;
  readonly promiseDate: string | null;
  readonly contactedAt: string;
  readonly agentName: string;
}

/** A PLD alert about the client (compliance_alerts), for a caller who may review them. */
export interface ClientAlert {
  readonly id: string;
  readonly kind: string;
  readonly code: string;
  readonly status: string;
  readonly detectedAt: string;
  readonly deadline: string;
}

/** At most this many payments, contacts and alerts each. */
export const ACTIVITY_LIST_LIMIT = 200;

/**
 * The decisions, loans, documents, payments and contacts of a client, newest first; `alerts`
 * only when `options.alerts` (the caller holds `compliance:review`), else the key is absent.
 * 404 for an unknown client. The read is audited, with the counts.
 */
export async function clientActivity(db: Kysely<Database>, id: string, ctx: WriteContext, options: { readonly alerts: boolean } = { alerts: false }) {
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
    const paymentRows = await sql<{ id: string; loan_id: string; date: string; amount: string; method: string | null; reference: string | null; reversed: boolean }>`
      select e.payload->>'id' as id, e.loan_id, coalesce(e.payload->>'date', e.effective_on::text) as date, e.payload->>'amount' as amount,
             e.payload->>'method' as method, e.payload->>'reference' as reference,
             exists (select 1 from loan_events r
                     where r.loan_id = e.loan_id and r.type = 'payment-reversal' and r.payload->>'paymentId' = e.payload->>'id') as reversed
      from loan_events e join loans l on l.id = e.loan_id
      where l.client_id = ${id} and e.type = 'payment'
      order by e.effective_on desc, e.created_at desc, e.seq desc
      limit ${ACTIVITY_LIST_LIMIT}`.execute(tx);
    const payments: ClientPayment[] = paymentRows.rows.map((p) => ({
      id: p.id, loanId: p.loan_id, date: p.date, amount: new Dec(p.amount).toFixed(2), method: p.method ?? 'transfer', reference: p.reference, reversed: p.reversed === true,
    }));
    const contactRows = await tx
      .selectFrom('collection_contacts as c')
      .innerJoin('loans as l', 'l.id', 'c.loan_id')
      .leftJoin('users as u', 'u.id', 'c.agent_id')
      .select(['c.id', 'c.loan_id', 'c.channel', 'c.result', 'c.notes', 'c.promise_amount', 'c.promise_date', 'c.contacted_at', 'c.agent', 'u.name'])
      .where('l.client_id', '=', id)
      .orderBy('c.contacted_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(ACTIVITY_LIST_LIMIT)
      .execute();
    const contacts: ClientContact[] = contactRows.map((c) => ({
      id: c.id, loanId: c.loan_id, channel: c.channel, result: c.result, notes: c.notes, promiseAmount: c.promise_amount, promiseDate: c.promise_date, contactedAt: c.contacted_at, agentName: c.name ?? c.agent,
    }));
    const alerts: ClientAlert[] | undefined = options.alerts
      ? (await tx
          .selectFrom('compliance_alerts as a')
          .select(['a.id', 'a.kind', 'a.code', 'a.status', 'a.detected_at', 'a.deadline'])
          .where((eb) => eb.or([eb('a.client_id', '=', id), eb('a.loan_id', 'in', eb.selectFrom('loans').select('loans.id').where('loans.client_id', '=', id))]))
          .orderBy('a.detected_at', 'desc')
          .orderBy('a.id', 'desc')
          .limit(ACTIVITY_LIST_LIMIT)
          .execute()).map((a) => ({ id: a.id, kind: a.kind, code: a.code, status: a.status, detectedAt: a.detected_at, deadline: a.deadline }))
      : undefined;
    await appendAudit(tx, {
      actor: ctx.actor, action: 'read', entityType: 'client', entityId: id, before: null, after: null,
      details: {
        what: 'activity', decisions: decisionRows.length, loans: loanRows.length, documents: documents.length, payments: payments.length, contacts: contacts.length,
        ...(alerts ? { alerts: alerts.length } : {}),
      },
      requestId: ctx.requestId ?? null, at: ctx.at,
    });
    const decisions: ClientDecision[] = decisionRows.map((d) => ({ id: d.id, product: { code: d.code, version: d.version }, outcome: d.outcome, asOf: d.decided_on, createdAt: d.created_at }));
    return { decisions, loans: loanRows.map((l) => loanView(l, { code: l.code, version: l.version })), documents, payments, contacts, ...(alerts ? { alerts } : {}) };
  });
}
