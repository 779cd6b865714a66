// Each loan's payment keys: its account number (sequence `loan_account_numbers`), its payment
// reference and, when the institution has a CLABE range, its CLABE — given when the loan is
// opened, in the opening's transaction (`assignPaymentKeys`), or afterwards by the backfill
// (`backfillPaymentKeys`: loans opened before the scheme or before the range; batches, each in its
// own transaction, rows locked with SKIP LOCKED, only loans still missing a key: safe to re-run
// and to run twice at once).
// Distinct account numbers give distinct keys under one format; a key built under the current
// format may still equal one given under an earlier format, so each is checked against the loans
// and, when taken, the loan draws the next number.
import { buildPaymentReference, clabeForAccount, clabeRangeCapacity, referenceCapacity } from '@plazo/engine';
import { sql, type Kysely } from 'kysely';
import type { Database, Executor } from '../db/database.ts';
import { ConflictError } from '../errors.ts';
import { paymentSettings, type PaymentSettings } from './payment-settings.ts';

export interface PaymentKeys {
  readonly accountNumber: number;
  readonly paymentReference: string;
  readonly clabe: string | null;
}

async function drawNumber(db: Executor): Promise<number> {
  const { rows } = await sql<{ n: number }>`select nextval('loan_account_numbers') as n`.execute(db);
  return Number(rows[0]!.n);
}

function keysFor(number: number, settings: PaymentSettings, clabe: boolean): PaymentKeys {
  if (BigInt(number) > referenceCapacity(settings.format)) {
    throw new ConflictError('payment-references-exhausted', `loan number ${number} does not fit the reference's ${settings.format.bodyLength} digits: lengthen the body in the payment settings`, { accountNumber: number });
  }
  const range = clabe ? settings.clabeRange : null;
  if (range !== null && BigInt(number) >= clabeRangeCapacity(range)) {
    throw new ConflictError('clabe-range-exhausted', `loan number ${number} does not fit the CLABE range: ask the SPEI participant for another range`, { accountNumber: number });
  }
  return { accountNumber: number, paymentReference: buildPaymentReference(number, settings.format), clabe: range === null ? null : clabeForAccount(range, number) };
}

/** The keys among `keys` that some loan already carries. */
async function taken(db: Executor, keys: readonly PaymentKeys[]): Promise<Set<string>> {
  const references = keys.map((k) => k.paymentReference);
  const clabes = keys.flatMap((k) => (k.clabe === null ? [] : [k.clabe]));
  const found = new Set<string>();
  for (const chunk of chunks(references, 1000)) {
    for (const r of await db.selectFrom('loans').select('payment_reference').where('payment_reference', 'in', chunk).execute()) found.add(r.payment_reference!);
  }
  for (const chunk of chunks(clabes, 1000)) {
    for (const r of await db.selectFrom('loans').select('clabe').where('clabe', 'in', chunk).execute()) found.add(r.clabe!);
  }
  return found;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function collides(k: PaymentKeys, used: Set<string>): boolean {
  return used.has(k.paymentReference) || (k.clabe !== null && used.has(k.clabe));
}

/** Fresh keys (a new account number) that no loan carries yet. */
async function freshKeys(db: Executor, settings: PaymentSettings): Promise<PaymentKeys> {
  for (;;) {
    const keys = keysFor(await drawNumber(db), settings, true);
    if (!collides(keys, await taken(db, [keys]))) return keys;
  }
}

/** The keys of a loan being opened, under the settings in force (call inside the opening's transaction). */
export async function assignPaymentKeys(tx: Executor): Promise<PaymentKeys> {
  return freshKeys(tx, await paymentSettings(tx));
}

export interface BackfillReport {
  readonly references: number;
  readonly clabes: number;
}

/**
 * Gives every loan without a reference its account number and reference (and CLABE, when a range
 * is configured), and every loan with an account number but no CLABE its CLABE, `batchSize` loans
 * per transaction. Returns how many of each it gave.
 */
export async function backfillPaymentKeys(db: Kysely<Database>, batchSize = 2000): Promise<BackfillReport> {
  let references = 0;
  let clabes = 0;
  for (;;) {
    const done = await db.transaction().execute(async (tx) => {
      const settings = await paymentSettings(tx);
      const withoutReference = await tx.selectFrom('loans').select(['id', 'account_number']).where('payment_reference', 'is', null).orderBy('id').limit(batchSize).forUpdate().skipLocked().execute();
      const withoutClabe =
        settings.clabeRange === null || withoutReference.length === batchSize
          ? []
          : await tx.selectFrom('loans').select(['id', 'account_number', 'payment_reference']).where('clabe', 'is', null).where('payment_reference', 'is not', null)
              .orderBy('id').limit(batchSize - withoutReference.length).forUpdate().skipLocked().execute();
      if (withoutReference.length === 0 && withoutClabe.length === 0) return 0;
      const rows: Array<{ id: string; keys: PaymentKeys; keepReference: string | null }> = [];
      for (const loan of withoutReference) rows.push({ id: loan.id, keys: keysFor(loan.account_number ?? (await drawNumber(tx)), settings, true), keepReference: null });
      for (const loan of withoutClabe) {
        // A loan whose reference came before account numbers existed draws one now for its CLABE.
        const number = loan.account_number ?? (await drawNumber(tx));
        rows.push({ id: loan.id, keys: { ...keysFor(number, settings, true), paymentReference: loan.payment_reference! }, keepReference: loan.payment_reference });
      }
      // A kept reference is the loan's own: only its new CLABE (and a new reference) can collide.
      const used = await taken(tx, rows.map((r) => (r.keepReference === null ? r.keys : { ...r.keys, paymentReference: '' })));
      for (const row of rows) {
        if (!collides(row.keepReference === null ? row.keys : { ...row.keys, paymentReference: '' }, used)) continue;
        const fresh = await freshKeys(tx, settings);
        row.keys = row.keepReference === null ? fresh : { ...fresh, paymentReference: row.keepReference };
      }
      for (const chunk of chunks(rows, 500)) {
        const values = sql.join(chunk.map((r) => sql`(${r.id}::uuid, ${r.keys.accountNumber}::bigint, ${r.keys.paymentReference}, ${r.keys.clabe})`));
        await sql`
          update loans set account_number = v.n, payment_reference = v.r, clabe = coalesce(loans.clabe, v.c)
          from (values ${values}) as v (id, n, r, c) where loans.id = v.id
        `.execute(tx);
      }
      references += withoutReference.length;
      clabes += rows.filter((r) => r.keys.clabe !== null).length;
      return rows.length;
    });
    if (done === 0) return { references, clabes };
  }
}
