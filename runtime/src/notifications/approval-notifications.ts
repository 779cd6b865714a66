// The notices an approval request sends, queued in the outbox in the transaction that changes the
// request: a new request goes to every active user who may approve it (products:publish), other
// than its maker; an answer (approved, rejected, superseded) goes to the maker. Staff notices are
// emails: the row's `payload.to` is the address the dispatcher hands the gateway. A maker that is
// an API key of its own (no user behind it) has no address and gets no notice.
import { randomUUID } from 'node:crypto';
import { ROLE_PERMISSIONS } from '../auth/permissions.ts';
import type { Executor } from '../db/database.ts';
import type { ApprovalRequestRow, ApprovalStatus } from '../db/tables/approval-requests.table.ts';
import type { ActorRef, RoleName } from '../db/tables/columns.ts';

export type ApprovalNoticeEvent = 'requested' | Exclude<ApprovalStatus, 'pending'>;

interface Recipient {
  readonly actor: ActorRef;
  readonly email: string;
}

const APPROVER_ROLES = (Object.keys(ROLE_PERMISSIONS) as RoleName[]).filter((r) => ROLE_PERMISSIONS[r].includes('products:publish'));

async function recipientsOf(db: Executor, request: ApprovalRequestRow, event: ApprovalNoticeEvent): Promise<Recipient[]> {
  if (event === 'requested') {
    const rows = await db.selectFrom('users').select(['id', 'email']).where('role', 'in', APPROVER_ROLES).where('disabled_at', 'is', null).orderBy('email').execute();
    return rows.map((r) => ({ actor: `user:${r.id}` as ActorRef, email: r.email })).filter((r) => r.actor !== request.maker);
  }
  if (!request.maker.startsWith('user:')) return [];
  const user = await db.selectFrom('users').select(['email']).where('id', '=', request.maker.slice('user:'.length)).where('disabled_at', 'is', null).executeTakeFirst();
  return user ? [{ actor: request.maker, email: user.email }] : [];
}

const ANSWER: Record<Exclude<ApprovalNoticeEvent, 'requested'>, string> = {
  approved: 'fue aprobada y publicada',
  rejected: 'fue rechazada',
  withdrawn: 'fue retirada',
  superseded: 'quedó sin efecto: el borrador cambió o se descartó',
};

/** Queues the notices of `event` on `request` (product `code`), once per recipient and event. */
export async function queueApprovalNotices(
  db: Executor,
  request: ApprovalRequestRow,
  code: string,
  event: ApprovalNoticeEvent,
  ctx: { readonly actor: ActorRef; readonly at: string },
): Promise<void> {
  const recipients = await recipientsOf(db, request, event);
  if (recipients.length === 0) return;
  const subject =
    event === 'requested' ? `Aprobación solicitada: ${code} (revisión ${request.draft_revision})` : `Tu solicitud de aprobación de ${code} ${ANSWER[event]}`;
  const lines =
    event === 'requested'
      ? [`Se pide aprobar el borrador de ${code} (revisión ${request.draft_revision}).`, `Nota: ${request.note}`, `Revísalo en Aprobaciones: /aprobaciones/${request.id}`]
      : [
          `Tu solicitud de aprobación de ${code} (revisión ${request.draft_revision}) ${ANSWER[event]}.`,
          ...(request.version === null ? [] : [`Versión publicada: ${request.version}.`]),
          ...(request.comment ? [`Comentario: ${request.comment}`] : []),
        ];
  const template = event === 'requested' ? 'aprobacion_solicitada' : 'aprobacion_respondida';
  const kind = event === 'requested' ? 'approval-requested' : 'approval-answered';
  await db
    .insertInto('notification_outbox')
    .values(
      recipients.map((r) => ({
        id: randomUUID(),
        dedupe_key: `approval:${request.id}:${event}:${r.actor}`,
        loan_id: null,
        business_date: ctx.at.slice(0, 10),
        kind,
        channel: 'email',
        template,
        subject,
        body: lines.join('\n'),
        payload: JSON.stringify({ to: r.email, recipient: r.actor, approvalRequest: request.id, product: code, event }),
        status: 'pending' as const,
        attempts: 0,
        last_error: null,
        sent_at: null,
        next_attempt_at: ctx.at,
        created_at: ctx.at,
        created_by: ctx.actor,
      })),
    )
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}
