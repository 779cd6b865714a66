// `plazo audit bind`: the one-time step after upgrading to bound rows. Rows written before their
// audit entries carried row hashes (users, API keys, product versions, loan events, journal
// entries and lines) get bound by backfill entries in the `audit-backfill` stream, so verify
// covers them from then on. It refuses to bind anything while the log or a bound row does not
// verify (binding would launder the tampering): everything happens in one snapshot, one
// transaction, all or nothing.
import type { Kysely } from 'kysely';
import type { Database, Executor } from '../db/database.ts';
import { appendAudit } from './audit.repository.ts';
import { BACKFILL_STREAM } from './audit-chain.ts';
import { verifyAuditChain, type AuditVerification } from './audit-verify.ts';

/** Rows per backfill entry. */
const ROWS_PER_ENTRY = 2000;

export interface BindResult {
  /** The verification the binding ran under (its findings when refused). */
  readonly verification: AuditVerification;
  /** Rows bound now, by table (empty when nothing was unbound or when refused). */
  readonly bound: Readonly<Record<string, number>>;
  /** The backfill entries written (positions in the `audit-backfill` stream). */
  readonly entries: readonly number[];
  readonly refused: boolean;
}

/** Binds every unbound row, unless anything else fails verification. */
export async function bindUnboundRows(db: Kysely<Database>, ctx: { actor: string; at: string; details?: Record<string, unknown> }): Promise<BindResult> {
  class Refused extends Error {
    constructor(readonly verification: AuditVerification) {
      super('refused');
    }
  }
  try {
    return await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (tx) => {
        const bound: Record<string, number> = {};
        const entries: number[] = [];
        let pending: { table: string; rows: Record<string, string>; count: number } | null = null;
        const flush = async (executor: Executor) => {
          if (!pending) return;
          const keys = Object.keys(pending.rows);
          const written = await appendAudit(executor, {
            actor: ctx.actor,
            action: 'bind',
            entityType: 'audit-backfill',
            entityId: pending.table,
            stream: BACKFILL_STREAM,
            before: null,
            after: { table: pending.table, rows: keys.length },
            details: { table: pending.table, rows: keys.length, firstKey: keys[0], lastKey: keys.at(-1), ...ctx.details },
            at: ctx.at,
            bound: { [pending.table]: pending.rows },
          });
          entries.push(written.stream_seq);
          pending = null;
        };
        const verification = await verifyAuditChain(tx, {
          onUnbound: async (table, key, hash) => {
            if (pending && (pending.table !== table || pending.count >= ROWS_PER_ENTRY)) await flush(tx);
            pending ??= { table, rows: {}, count: 0 };
            pending.rows[key] = hash;
            pending.count++;
            bound[table] = (bound[table] ?? 0) + 1;
          },
        });
        if (!verification.ok) throw new Refused(verification);
        await flush(tx);
        return { verification, bound, entries, refused: false };
      });
  } catch (error) {
    if (error instanceof Refused) return { verification: error.verification, bound: {}, entries: [], refused: true };
    throw error;
  }
}
