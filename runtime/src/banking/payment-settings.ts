// The institution's payment reference scheme and CLABE range (`payment_reference_settings`, one
// row, absent = the defaults: ISO 7064 MOD 97-10, no prefix, a 10-digit body, no CLABE range).
// Changing the scheme applies to loans opened from then on: references already given stay valid
// and searchable (a loan's reference is stored, never recomputed). Setting a CLABE range gives
// every loan without a CLABE its own (payment-keys.ts, `backfillPaymentKeys`).
import {
  clabeForAccount, clabeRangeIssues, buildPaymentReference, paymentReferenceFormatIssues, referenceCapacity, clabeRangeCapacity,
  type ClabeRange, type PaymentReferenceFormat,
} from '@plazo/engine';
import { sql, type Kysely } from 'kysely';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Database, Executor } from '../db/database.ts';
import { ValidationError, type FieldProblem } from '../errors.ts';
import type { WriteContext } from '../products/product-catalog.ts';

export interface PaymentSettings {
  readonly format: PaymentReferenceFormat;
  /** Null: the institution has no CLABE range; loans carry no CLABE. */
  readonly clabeRange: ClabeRange | null;
}

export const DEFAULT_PAYMENT_SETTINGS: PaymentSettings = Object.freeze({ format: Object.freeze({ scheme: 'mod97', prefix: '', bodyLength: 10 }), clabeRange: null });

type SettingsRow = { scheme: 'mod10' | 'mod97'; prefix: string; body_length: number; clabe_bank: string | null; clabe_plaza: string | null; clabe_fixed: string | null };

function settingsOf(row: SettingsRow | undefined): PaymentSettings {
  if (!row) return DEFAULT_PAYMENT_SETTINGS;
  return {
    format: { scheme: row.scheme, prefix: row.prefix, bodyLength: row.body_length },
    clabeRange: row.clabe_bank === null || row.clabe_plaza === null ? null : { bank: row.clabe_bank, plaza: row.clabe_plaza, fixed: row.clabe_fixed ?? '' },
  };
}

/** The settings in force. */
export async function paymentSettings(db: Executor): Promise<PaymentSettings> {
  const row = await db.selectFrom('payment_reference_settings').select(['scheme', 'prefix', 'body_length', 'clabe_bank', 'clabe_plaza', 'clabe_fixed']).executeTakeFirst();
  return settingsOf(row);
}

/** The account number the next loan opened will draw (the sequence's next value, not reserved). */
export async function nextAccountNumber(db: Executor): Promise<number> {
  const { rows } = await sql<{ last_value: number; is_called: boolean }>`select last_value, is_called from loan_account_numbers`.execute(db);
  const row = rows[0]!;
  return row.is_called ? Number(row.last_value) + 1 : Number(row.last_value);
}

/** The settings as the API shows them, with what the next loan would get. */
export async function paymentSettingsView(db: Executor, s: PaymentSettings) {
  const next = await nextAccountNumber(db);
  return {
    scheme: s.format.scheme,
    prefix: s.format.prefix,
    bodyLength: s.format.bodyLength,
    clabeRange: s.clabeRange,
    isDefault: s === DEFAULT_PAYMENT_SETTINGS,
    next: {
      accountNumber: next,
      paymentReference: BigInt(next) <= referenceCapacity(s.format) ? buildPaymentReference(next, s.format) : null,
      clabe: s.clabeRange !== null && BigInt(next) < clabeRangeCapacity(s.clabeRange) ? clabeForAccount(s.clabeRange, next) : null,
    },
  };
}

/** What is wrong with settings, as field problems (paths of the API body): the format, the range, room for the next loan. */
export function paymentSettingsProblems(s: PaymentSettings, nextNumber: number): FieldProblem[] {
  const problems: FieldProblem[] = paymentReferenceFormatIssues(s.format).map((i) => ({ path: i.field, message: i.message }));
  if (problems.length === 0 && BigInt(nextNumber) > referenceCapacity(s.format)) {
    problems.push({ path: 'bodyLength', message: `${s.format.bodyLength} digits hold numbers up to ${referenceCapacity(s.format)}; the next loan is number ${nextNumber}` });
  }
  if (s.clabeRange !== null) {
    const issues = clabeRangeIssues(s.clabeRange);
    problems.push(...issues.map((i) => ({ path: `clabeRange.${i.field}`, message: i.message })));
    if (issues.length === 0 && BigInt(nextNumber) >= clabeRangeCapacity(s.clabeRange)) {
      problems.push({ path: 'clabeRange.fixed', message: `the range's ${11 - s.clabeRange.fixed.length} account digits hold numbers below ${clabeRangeCapacity(s.clabeRange)}; the next loan is number ${nextNumber}` });
    }
  }
  return problems;
}

function plain(s: PaymentSettings) {
  return { scheme: s.format.scheme, prefix: s.format.prefix, bodyLength: s.format.bodyLength, clabeRange: s.clabeRange };
}

/**
 * Sets the settings: 422 with field paths when malformed or when the next loan's number would not
 * fit. Audited; the same settings again change nothing (and write no audit entry).
 */
export async function setPaymentSettings(db: Kysely<Database>, next: PaymentSettings, ctx: WriteContext): Promise<PaymentSettings> {
  return db.transaction().execute(async (tx) => {
    const problems = paymentSettingsProblems(next, await nextAccountNumber(tx));
    if (problems.length > 0) throw new ValidationError(problems);
    await tx.selectFrom('payment_reference_settings').select('id').forUpdate().execute();
    const before = await paymentSettings(tx);
    if (JSON.stringify(plain(before)) === JSON.stringify(plain(next))) return before;
    const values = {
      scheme: next.format.scheme,
      prefix: next.format.prefix,
      body_length: next.format.bodyLength,
      clabe_bank: next.clabeRange?.bank ?? null,
      clabe_plaza: next.clabeRange?.plaza ?? null,
      clabe_fixed: next.clabeRange?.fixed ?? null,
      updated_at: ctx.at,
      updated_by: ctx.actor,
    };
    await tx.insertInto('payment_reference_settings').values(values).onConflict((oc) => oc.column('id').doUpdateSet(values)).execute();
    await appendAudit(tx, {
      actor: ctx.actor,
      action: 'set-payment-settings',
      entityType: 'payment-settings',
      entityId: 'payment-settings',
      before: plain(before),
      after: plain(next),
      details: {},
      requestId: ctx.requestId ?? null,
      at: ctx.at,
    });
    return settingsOf(values);
  });
}
