// Delivers the notification outbox through a channel adapter. Each pass claims due rows with
// `FOR UPDATE SKIP LOCKED` (several dispatchers never take the same row), sends, and records the
// outcome in the same transaction: sent, or retried later with exponential backoff, or
// dead-lettered after `maxAttempts`. The row id goes with every attempt (`Idempotency-Key` on the
// webhook) so a gateway that received an attempt whose outcome we never recorded (a crash between
// its 2xx and our commit) drops the repeat: each notification reaches the client once.
import { createHmac } from 'node:crypto';
import { appendFile } from 'node:fs/promises';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.ts';

export interface OutgoingNotification {
  readonly id: string;
  readonly loanId: string | null;
  /** Whom a staff notice goes to (an email, from the row's `payload.to`); null for a loan's client. */
  readonly to: string | null;
  readonly kind: string;
  readonly channel: string;
  readonly template: string;
  readonly subject: string | null;
  readonly body: string;
  readonly attempt: number;
}

/** A channel adapter: resolves when the gateway accepted the message, throws otherwise. */
export interface ChannelAdapter {
  readonly name: string;
  send(n: OutgoingNotification): Promise<void>;
}

/**
 * POSTs JSON to the lender's gateway (SMS / WhatsApp / email) with `X-Plazo-Signature:
 * sha256=<hex HMAC-SHA256 of the body with the shared secret>`, `X-Plazo-Timestamp` and
 * `Idempotency-Key: <notification id>`. Any non-2xx or network error is a failed attempt.
 */
export function webhookAdapter(options: { url: string; secret: string; timeoutMs?: number }): ChannelAdapter {
  return {
    name: 'webhook',
    async send(n) {
      const timestamp = new Date().toISOString();
      const body = JSON.stringify({ id: n.id, loanId: n.loanId, to: n.to, kind: n.kind, channel: n.channel, template: n.template, subject: n.subject, text: n.body, attempt: n.attempt, timestamp });
      const signature = createHmac('sha256', options.secret).update(body, 'utf8').digest('hex');
      const res = await fetch(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-plazo-signature': `sha256=${signature}`, 'x-plazo-timestamp': timestamp, 'idempotency-key': n.id },
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      if (res.status < 200 || res.status > 299) throw new Error(`gateway answered ${res.status}`);
    },
  };
}

/** Development: appends one JSON line per notification to a file. */
export function fileAdapter(path: string): ChannelAdapter {
  return { name: 'file', send: (n) => appendFile(path, JSON.stringify(n) + '\n', 'utf8') };
}

export interface DispatchOptions {
  readonly adapter: ChannelAdapter;
  readonly now?: () => Date;
  /** Rows per pass. */
  readonly batch?: number;
  /** Attempts before the row goes to the dead letter (status `dead`). */
  readonly maxAttempts?: number;
  /** First retry delay; doubles per attempt (capped at an hour). */
  readonly backoffMs?: number;
}

/** One pass over the due outbox rows; returns how many were sent, retried and dead-lettered. */
export async function dispatchNotifications(db: Kysely<Database>, options: DispatchOptions): Promise<{ sent: number; retried: number; dead: number }> {
  const now = options.now ?? (() => new Date());
  const maxAttempts = options.maxAttempts ?? 8;
  const backoff = options.backoffMs ?? 30_000;
  const counts = { sent: 0, retried: 0, dead: 0 };
  await db.transaction().execute(async (tx) => {
    const due = await sql<{ id: string; loan_id: string | null; to: string | null; kind: string; channel: string; template: string; subject: string | null; body: string; attempts: number }>`
      select id, loan_id, payload->>'to' as "to", kind, channel, template, subject, body, attempts from notification_outbox
      where status = 'pending' and next_attempt_at <= ${now().toISOString()}::timestamptz
      order by next_attempt_at, id limit ${options.batch ?? 100} for update skip locked
    `.execute(tx);
    for (const row of due.rows) {
      const attempt = row.attempts + 1;
      try {
        await options.adapter.send({ id: row.id, loanId: row.loan_id, to: row.to, kind: row.kind, channel: row.channel, template: row.template, subject: row.subject, body: row.body, attempt });
        await sql`update notification_outbox set status = 'sent', attempts = ${attempt}, sent_at = ${now().toISOString()}::timestamptz, last_error = null where id = ${row.id}`.execute(tx);
        counts.sent++;
      } catch (error) {
        const message = (error as Error).message.slice(0, 500);
        if (attempt >= maxAttempts) {
          await sql`update notification_outbox set status = 'dead', attempts = ${attempt}, last_error = ${message} where id = ${row.id}`.execute(tx);
          counts.dead++;
        } else {
          const delay = Math.min(backoff * 2 ** (attempt - 1), 3_600_000);
          await sql`update notification_outbox set attempts = ${attempt}, last_error = ${message}, next_attempt_at = ${new Date(now().getTime() + delay).toISOString()}::timestamptz where id = ${row.id}`.execute(tx);
          counts.retried++;
        }
      }
    }
  });
  return counts;
}

/** Runs dispatch passes every `everyMs` until stopped (the service starts it when configured). */
export function startDispatcher(db: Kysely<Database>, options: DispatchOptions & { everyMs?: number; onError?: (e: Error) => void }): { stop(): Promise<void> } {
  let stopped = false;
  let current: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (stopped || current) return;
    current = dispatchNotifications(db, options)
      .catch((e: Error) => options.onError?.(e))
      .finally(() => (current = null));
  }, options.everyMs ?? 5_000);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await current;
    },
  };
}
