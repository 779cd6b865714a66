// The notifications a payment sends, queued in the outbox by the payment's own statement: a
// receipt for every payment (`pago_recibido`) and, when the payment moved the loan to an earlier
// collection stage, the stage change — `pago_regularizado` when the loan is current again, else
// `cambio_etapa` under the same dedupe key the end of day gives it, so the client gets it once
// whichever queues it first. Rendered from the template registry (Spanish) at queue time. A
// replayed request never reaches here (the first response is returned) and a reversal sends
// nothing, so each payment is announced exactly once (the outbox's unique `dedupe_key`).
import type { CollectionStep, LoanState, PaymentEvent, ProductIR } from '@plazo/engine';
import type { Executor } from '../db/database.ts';
import { loadTemplates, renderTemplate, type TemplateRegistry } from './templates.ts';

/** An outbox row to queue. */
export interface QueuedNotification {
  readonly dedupeKey: string;
  readonly kind: 'payment-received' | 'stage-change';
  readonly channel: string;
  readonly template: string;
  readonly subject: string | null;
  readonly body: string;
  readonly variables: Readonly<Record<string, string>>;
}

export interface PaidLoan {
  readonly id: string;
  readonly externalRef: string | null;
  readonly productCode: string | null;
}

/** The stage's place in the policy (by its first day past due); -1 for no stage (current). */
function stageRank(collection: readonly CollectionStep[], stage: string | null): number {
  if (stage === null) return -1;
  const step = collection.find((s) => s.kind === 'stage' && s.stage === stage);
  return step?.kind === 'stage' ? step.from : Number.MAX_SAFE_INTEGER;
}

/**
 * What `payment` (already folded into `after`, the loan's state on its date) sends: the receipt,
 * and the move to an earlier stage when the day's stage change went that way (only a payment
 * lowers the days past due; a second payment on the same day finds the same change and the
 * same dedupe key).
 */
export function paymentNotifications(loan: PaidLoan, ir: ProductIR, payment: PaymentEvent, after: LoanState, templates: TemplateRegistry): QueuedNotification[] {
  const variables: Record<string, string> = {
    cliente: loan.externalRef ?? 'cliente',
    credito: loan.externalRef ?? loan.id.slice(0, 8),
    producto: loan.productCode ?? '',
    fecha: payment.date,
    monto: `$${payment.amount}`,
    saldo: `$${after.payoff.total}`,
    dias_atraso: String(after.daysPastDue),
    etapa: after.stage ?? 'al corriente',
  };
  const note = (dedupeKey: string, kind: QueuedNotification['kind'], template: string): QueuedNotification => {
    const channel = templates.get(template)?.channel;
    return { dedupeKey, kind, channel: channel === undefined || channel === 'any' ? 'sms' : channel, template, ...renderTemplate(templates, template, variables), variables };
  };
  const out = [note(`${loan.id}:payment:${payment.id}`, 'payment-received', 'pago_recibido')];
  const change = after.journal.findLast((e) => e.kind === 'stage-changed' && e.date === payment.date);
  if (change?.kind === 'stage-changed' && stageRank(ir.collection, change.to) < stageRank(ir.collection, change.from)) {
    if (change.to === null) out.push(note(`${loan.id}:${payment.date}:stage-change:none`, 'stage-change', 'pago_regularizado'));
    else {
      // As the end of day does: the stage's own notification says it, else the generic message.
      const step = ir.collection.find((s) => s.kind === 'stage' && s.stage === change.to);
      if (!step?.actions.some((a) => a.kind === 'notify')) out.push(note(`${loan.id}:${payment.date}:stage-change:${change.to}`, 'stage-change', 'cambio_etapa'));
    }
  }
  return out;
}

/** How long a process keeps the template registry before reading it again. */
const TEMPLATES_TTL_MS = 60_000;
const cache = new WeakMap<object, { readonly until: number; readonly registry: Promise<TemplateRegistry> }>();

/** The template registry, read at most once a minute per database handle (payments are the hot path). */
export function cachedTemplates(db: Executor, now = Date.now()): Promise<TemplateRegistry> {
  const hit = cache.get(db);
  if (hit && hit.until > now) return hit.registry;
  const registry = loadTemplates(db);
  cache.set(db, { until: now + TEMPLATES_TTL_MS, registry });
  registry.catch(() => cache.delete(db));
  return registry;
}
