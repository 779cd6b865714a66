// The institution's RFC for the SAT files (`accounting_settings`, one row): read by every file,
// set by an accountant or an admin, validated with the engine's RFC rules and audited.
import { validateRfc, identityMessage } from '@plazo/engine';
import type { Kysely } from 'kysely';
import type { Database, Executor } from '../../db/database.ts';
import type { ActorRef } from '../../db/tables/columns.ts';
import { appendAudit } from '../../audit/audit.repository.ts';
import { ConflictError, ValidationError } from '../../errors.ts';
import { SAT_RFC_PATTERN } from './anexo24.ts';

export interface SatSettings {
  readonly rfc: string | null;
  readonly updatedAt: string | null;
  readonly updatedBy: string | null;
}

interface WriteContext {
  readonly actor: ActorRef;
  readonly at: string;
  readonly requestId?: string | null;
}

export async function satSettings(db: Executor): Promise<SatSettings> {
  const row = await db.selectFrom('accounting_settings').select(['rfc', 'updated_at', 'updated_by']).executeTakeFirst();
  return row ? { rfc: row.rfc, updatedAt: new Date(row.updated_at).toISOString(), updatedBy: row.updated_by } : { rfc: null, updatedAt: null, updatedBy: null };
}

/** The RFC every SAT file carries; 409 `sat-rfc-missing` until the institution sets it. */
export async function requireSatRfc(db: Executor): Promise<string> {
  const { rfc } = await satSettings(db);
  if (rfc === null) {
    throw new ConflictError('sat-rfc-missing', "the institution's RFC is not set: set it first (PUT /api/v1/accounting/sat/settings or `plazo sat rfc RFC`)");
  }
  return rfc;
}

/**
 * The RFC as stored: upper-cased and trimmed, a well-formed RFC of a company (12) or a person
 * (13) that is not one of SAT's generic RFCs. A wrong check digit is accepted with a warning
 * (about 1.5% of RFCs in use fail it); every other problem is a 422 on `path`.
 */
export function checkInstitutionRfc(input: string, path = 'rfc'): { rfc: string; warning: string | null } {
  const check = validateRfc(input);
  if (!check.valid && check.severity !== 'warning') {
    throw new ValidationError([{ path, message: identityMessage('rfc', check.reason!, 'en') }], 'the RFC is not valid');
  }
  if (check.details?.generic) throw new ValidationError([{ path, message: "a generic RFC (the public's or foreigners') is not an institution's" }], 'the RFC is not valid');
  if (!SAT_RFC_PATTERN.test(check.value)) throw new ValidationError([{ path, message: 'does not match the RFC pattern of the SAT files' }], 'the RFC is not valid');
  return { rfc: check.value, warning: check.valid ? null : identityMessage('rfc', check.reason!, 'en') };
}

/** Sets the RFC (validated as {@link checkInstitutionRfc}); the same RFC again changes nothing. Audited. */
export async function setSatRfc(db: Kysely<Database>, input: string, ctx: WriteContext): Promise<SatSettings & { changed: boolean; warning: string | null }> {
  const { rfc, warning } = checkInstitutionRfc(input);
  return db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('accounting_settings').select(['rfc', 'updated_at', 'updated_by']).forUpdate().executeTakeFirst();
    if (before?.rfc === rfc) return { rfc, updatedAt: new Date(before.updated_at).toISOString(), updatedBy: before.updated_by, changed: false, warning };
    await tx.insertInto('accounting_settings').values({ rfc, updated_at: ctx.at, updated_by: ctx.actor })
      .onConflict((oc) => oc.column('id').doUpdateSet({ rfc, updated_at: ctx.at, updated_by: ctx.actor })).execute();
    await appendAudit(tx, {
      actor: ctx.actor, action: 'set-rfc', entityType: 'accounting-settings', entityId: 'rfc',
      before: before ? { rfc: before.rfc } : null, after: { rfc }, details: warning ? { warning } : {}, requestId: ctx.requestId ?? null, at: ctx.at,
    });
    return { rfc, updatedAt: ctx.at, updatedBy: ctx.actor, changed: true, warning };
  });
}
