// Produces one SAT electronic accounting file (catálogo, balanza or pólizas) of a month from the
// ledger, in one consistent snapshot, and records who produced which file (an audited read: the
// file's name, size and SHA-256). Refuses, naming what to fix: no RFC set (409 `sat-rfc-missing`),
// an account without its código agrupador (409 `sat-accounts-unmapped`), journal entries in a
// currency other than MXN (409 `sat-currency`), amounts finer than cents (409 `sat-amount-precision`),
// pólizas of a month without entries (409 `sat-no-entries`: the format needs at least one).
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { appendAudit } from '../../audit/audit.repository.ts';
import { dateInTimeZone } from '../../clock.ts';
import type { Database, Executor } from '../../db/database.ts';
import type { ActorRef } from '../../db/tables/columns.ts';
import { ConflictError } from '../../errors.ts';
import { trialBalance } from '../../ledger/ledger.repository.ts';
import { SatAmountError, satAmount, satFileName, type SatFileKind, type TipoEnvio } from './anexo24.ts';
import { balanzaLines, balanzaTotals, balanzaXml } from './balanza.ts';
import { catalogoXml, type SatAccount } from './catalogo.ts';
import { polizasXml, type PolizaEntry, type PolizasRequest } from './polizas.ts';
import type { SatPeriod } from './sat-period.ts';
import { requireSatRfc } from './sat-settings.ts';

export type SatFileRequest =
  | { readonly kind: 'catalogo'; readonly period: SatPeriod }
  | { readonly kind: 'balanza'; readonly period: SatPeriod; readonly tipoEnvio: TipoEnvio }
  | { readonly kind: 'polizas'; readonly period: SatPeriod; readonly request: PolizasRequest };

export interface SatFileSummary {
  readonly accounts?: number;
  readonly polizas?: number;
  readonly transacciones?: number;
  /** Σ Debe and Σ Haber of the file (balanza: the month's movements), equal. */
  readonly debe?: string;
  readonly haber?: string;
  readonly fechaModBal?: string;
}

export interface SatFile {
  readonly kind: SatFileKind;
  readonly period: string;
  /** The SAT's file name: RFC + AAAA + MM + CT | BN | BC | PL, `.xml`. */
  readonly name: string;
  readonly xml: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly summary: SatFileSummary;
}

export interface SatContext {
  readonly actor: ActorRef;
  readonly at: string;
  readonly requestId?: string | null;
  /** The institution's time zone (FechaModBal is a business date). */
  readonly timeZone: string;
}

/** The currency of the SAT files. */
const SAT_CURRENCY = 'MXN';

/** Builds the file of `request` and audits that it was produced. */
export async function generateSatFile(db: Kysely<Database>, request: SatFileRequest, ctx: SatContext): Promise<SatFile> {
  return db.transaction().setIsolationLevel('repeatable read').execute(async (tx) => {
    const rfc = await requireSatRfc(tx);
    const accounts = await mappedAccounts(tx);
    const { period } = request;
    let xml: string;
    let summary: SatFileSummary;
    try {
      if (request.kind === 'catalogo') {
        xml = catalogoXml(rfc, period, accounts);
        summary = { accounts: accounts.length };
      } else if (request.kind === 'balanza') {
        await requireMxnOnly(tx, period.to);
        ({ xml, summary } = await balanza(tx, rfc, period, request.tipoEnvio, accounts, ctx.timeZone));
      } else {
        await requireMxnOnly(tx, period.to, period.from);
        const entries = await polizaEntries(tx, period, accounts);
        if (entries.length === 0) throw new ConflictError('sat-no-entries', `no journal entries are dated in ${period.period}: a pólizas file holds at least one póliza`, { period: period.period });
        const built = polizasXml(rfc, period, request.request, entries);
        xml = built.xml;
        summary = { ...built.totals };
      }
    } catch (error) {
      if (error instanceof SatAmountError) {
        throw new ConflictError('sat-amount-precision', `${error.message}: the ledger holds an amount the SAT files cannot carry without rounding`, { amount: error.value });
      }
      throw error;
    }
    const name = satFileName(rfc, period.year, period.month, request.kind, request.kind === 'balanza' ? request.tipoEnvio : 'N');
    const buffer = Buffer.from(xml, 'utf8');
    const file: SatFile = { kind: request.kind, period: period.period, name, xml, bytes: buffer.length, sha256: createHash('sha256').update(buffer).digest('hex'), summary };
    await appendAudit(tx, {
      actor: ctx.actor, action: 'export', entityType: 'sat-file', entityId: `${period.period}-${request.kind}`, before: null, after: null,
      details: {
        name, bytes: file.bytes, sha256: file.sha256, ...summary,
        ...(request.kind === 'polizas' ? { tipoSolicitud: request.request.tipoSolicitud, numOrden: request.request.numOrden ?? null, numTramite: request.request.numTramite ?? null } : {}),
      },
      requestId: ctx.requestId ?? null, at: ctx.at,
    });
    return file;
  });
}

/** Every ledger account with its SAT code and nature; 409 naming the accounts that lack them. */
async function mappedAccounts(db: Executor): Promise<SatAccount[]> {
  const rows = await db.selectFrom('ledger_accounts').select(['code', 'name', 'type', 'sat_code', 'sat_nature']).orderBy('code').execute();
  const unmapped = rows.filter((r) => r.sat_code === null || r.sat_nature === null).map((r) => r.code);
  if (unmapped.length > 0) {
    throw new ConflictError('sat-accounts-unmapped', `accounts without a código agrupador or nature for the SAT: ${unmapped.join(', ')}`, { accounts: unmapped });
  }
  return rows.map((r) => ({ code: r.code, name: r.name, type: r.type, satCode: r.sat_code!, satNature: r.sat_nature! }));
}

/** 409 when journal entries dated in [from, to] (from the beginning without `from`) are in another currency. */
async function requireMxnOnly(db: Executor, to: string, from?: string): Promise<void> {
  let query = db.selectFrom('journal_entries').select(['currency']).where('currency', '<>', SAT_CURRENCY).where('entry_date', '<=', to);
  if (from !== undefined) query = query.where('entry_date', '>=', from);
  const other = await query.groupBy('currency').orderBy('currency').execute();
  if (other.length > 0) {
    const currencies = other.map((r) => r.currency);
    throw new ConflictError('sat-currency', `the ledger holds entries in ${currencies.join(', ')}: the SAT files are in ${SAT_CURRENCY} and Plazo does not convert them`, { currencies });
  }
}

async function balanza(db: Executor, rfc: string, period: SatPeriod, tipoEnvio: TipoEnvio, accounts: readonly SatAccount[], timeZone: string) {
  const month = await trialBalance(db, period.from, period.to);
  const fromYear = period.from === period.yearStart ? month : await trialBalance(db, period.yearStart, period.to);
  const beforeYear = new Map(fromYear.map((r) => [r.code, r.opening]));
  const natures = new Map(accounts.map((a) => [a.code, a.satNature]));
  const lines = balanzaLines(month, beforeYear, natures);
  const totals = balanzaTotals(lines, natures);
  if (!totals.openingDifference.isZero() || !totals.closingDifference.isZero() || !totals.debe.equals(totals.haber)) {
    throw new Error(`the balanza of ${period.period} does not balance: opening ${totals.openingDifference}, closing ${totals.closingDifference}, debe ${totals.debe}, haber ${totals.haber}`);
  }
  const fechaModBal = tipoEnvio === 'C' ? await lastChangeDate(db, period, timeZone) : undefined;
  const xml = balanzaXml({ rfc, period, tipoEnvio, fechaModBal }, lines);
  return { xml, summary: { accounts: lines.length, debe: satAmount(totals.debe), haber: satAmount(totals.haber), ...(fechaModBal ? { fechaModBal } : {}) } satisfies SatFileSummary };
}

/** The business date of the last posting dated in the month (its last day when it has none). */
async function lastChangeDate(db: Executor, period: SatPeriod, timeZone: string): Promise<string> {
  const row = await db.selectFrom('journal_entries').select(sql<string | null>`max(created_at)`.as('last')).where('entry_date', '>=', period.from).where('entry_date', '<=', period.to).executeTakeFirst();
  return row?.last ? dateInTimeZone(new Date(row.last), timeZone) : period.to;
}

/** The month's journal entries with their lines and account names, by date then id. */
async function polizaEntries(db: Executor, period: SatPeriod, accounts: readonly SatAccount[]): Promise<PolizaEntry[]> {
  const names = new Map(accounts.map((a) => [a.code, a.name]));
  const rows = await db
    .selectFrom('journal_entries as e')
    .innerJoin('journal_lines as l', 'l.entry_id', 'e.id')
    .select(['e.id', 'e.entry_date', 'e.description', 'l.account_code', 'l.debit', 'l.credit'])
    .where('e.entry_date', '>=', period.from)
    .where('e.entry_date', '<=', period.to)
    .orderBy('e.entry_date')
    .orderBy('e.id')
    .orderBy('l.line_no')
    .execute();
  const entries: { id: string; date: string; description: string; lines: PolizaEntry['lines'][number][] }[] = [];
  for (const r of rows) {
    let entry = entries.at(-1);
    if (entry?.id !== r.id) {
      entry = { id: r.id, date: r.entry_date, description: r.description, lines: [] };
      entries.push(entry);
    }
    entry.lines.push({ account: r.account_code, accountName: names.get(r.account_code)!, debit: r.debit, credit: r.credit });
  }
  return entries;
}
