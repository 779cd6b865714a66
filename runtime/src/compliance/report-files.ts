// Report files per period: relevant operations by quarter (`2026-Q4`: every relevant alert whose
// cash operation is dated in the quarter and not dismissed), unusual and internal worrying
// operations by month (`2026-11`: alerts the compliance officer decided `report` in the month).
// Periods are calendar periods in the institution's time zone (PLAZO_TIME_ZONE, default
// America/Mexico_City): an operation date is already a business date there; a ruling's instant is
// converted to that zone's date. The file is CSV in UTF-8 with a byte-order mark and CRLF rows
// (spreadsheets on Windows read the accents right), with the KYC columns of DOMAIN.md; the
// official SHCP/CNBV layout (fixed-width/XML) is not verified — see runtime README. A period's
// file is stored with its SHA-256: asking again returns the stored file unless `regenerate`.
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { appendAudit } from '../audit/audit.repository.ts';
import { dateInTimeZone } from '../clock.ts';
import type { Database, Executor } from '../db/database.ts';
import type { ReportKind } from '../db/tables/compliance.table.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { csvText } from '../http/csv.ts';
import { uuidv7 } from '../ids.ts';
import type { WriteContext } from '../products/product-catalog.ts';
import { plainDecimal } from './exchange-rates.ts';

/** The first and last date of a period: `YYYY-Qn` (a quarter) or `YYYY-MM` (a month). */
export function periodDates(period: string): { from: string; to: string } | null {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (!quarter && !month) return null;
  const year = Number((quarter ?? month)![1]);
  const firstMonth = quarter ? (Number(quarter[2]) - 1) * 3 + 1 : Number(month![2]);
  const lastMonth = quarter ? firstMonth + 2 : firstMonth;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { from: `${year}-${pad(firstMonth)}-01`, to: `${year}-${pad(lastMonth)}-${pad(lastDay)}` };
}

/** The UTC instant at which `date` starts in `timeZone`. */
export function startOfDayIn(date: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d);
  const offset = (instant: number) => {
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
    return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second)) - instant;
  };
  let instant = guess - offset(guess);
  instant = guess - offset(instant);
  return new Date(instant);
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** The columns of a report file, in order: the operation, then the client's KYC record (DOMAIN.md). */
export const REPORT_COLUMNS = [
  'alert_id', 'alert_kind', 'alert_code', 'operation_date', 'amount_mxn', 'amount_usd', 'rate_mxn_per_usd', 'method', 'loan_id', 'payment_id',
  'client_id', 'client_kind', 'paternal_surname', 'maternal_surname', 'given_names', 'legal_name', 'sex', 'birth_date', 'birth_state', 'nationality', 'occupation',
  'street', 'exterior_number', 'interior_number', 'colonia', 'postal_code', 'municipality', 'state', 'country',
  'curp', 'rfc', 'phone', 'email', 'payer_name', 'payer_relationship', 'description', 'status', 'disposition_note', 'decided_at',
] as const;

/** The byte-order mark that starts every file. */
const BOM = '\uFEFF';

async function reportRows(tx: Executor, kind: ReportKind, period: string, timeZone: string): Promise<{ ids: string[]; rows: (string | number | null)[][] }> {
  const dates = periodDates(period)!;
  let query = tx
    .selectFrom('compliance_alerts as a')
    .leftJoin('clients as c', 'c.id', 'a.client_id')
    .leftJoin('loan_events as e', (join) => join.onRef('e.loan_id', '=', 'a.loan_id').on('e.type', '=', 'payment').on(sql<boolean>`e.payload->>'id' = a.event_id`))
    .selectAll('a')
    .select([
      'c.kind as client_kind', 'c.paternal_surname', 'c.maternal_surname', 'c.given_names', 'c.legal_name', 'c.sex', 'c.birth_date', 'c.birth_state', 'c.nationality',
      'c.occupation', 'c.address', 'c.curp', 'c.rfc', 'c.email', 'e.payload as payment',
      (eb) => eb.selectFrom('client_phones as p').select('p.phone').whereRef('p.client_id', '=', 'a.client_id').orderBy('p.position').limit(1).as('phone'),
    ])
    .where('a.kind', '=', kind)
    .orderBy('a.operation_date')
    .orderBy('a.id');
  if (kind === 'relevant') {
    query = query.where('a.code', '=', 'cash-threshold').where('a.status', '!=', 'dismissed').where('a.operation_date', '>=', dates.from).where('a.operation_date', '<=', dates.to);
  } else {
    query = query.where('a.status', '=', 'reported')
      .where('a.decided_at', '>=', startOfDayIn(dates.from, timeZone).toISOString())
      .where('a.decided_at', '<', startOfDayIn(nextDay(dates.to), timeZone).toISOString());
  }
  const found = await query.execute();
  const rows = found.map((r) => {
    const address = (r.address ?? {}) as Record<string, string | undefined>;
    const payer = ((r.payment ?? {}) as { payer?: { name: string; relationship: string } }).payer;
    return [
      r.id, r.kind, r.code, r.operation_date, r.amount, r.amount_usd, r.rate === null ? null : plainDecimal(r.rate), r.method, r.loan_id, r.event_id,
      r.client_id, r.client_kind, r.paternal_surname, r.maternal_surname, r.given_names, r.legal_name, r.sex, r.birth_date, r.birth_state, r.nationality, r.occupation,
      address.street ?? null, address.exteriorNumber ?? null, address.interiorNumber ?? null, address.colonia ?? null, address.postalCode ?? null, address.municipality ?? null, address.state ?? null, address.country ?? null,
      r.curp, r.rfc, r.phone ?? null, r.email, payer?.name ?? null, payer?.relationship ?? null, r.description, r.status, r.disposition_note, r.decided_at ? dateInTimeZone(new Date(r.decided_at), timeZone) : null,
    ];
  });
  return { ids: found.map((r) => r.id), rows };
}

export function reportFileView(row: { id: string; kind: ReportKind; period: string; version: number; generated_at: string; generated_by: string; sha256: string; row_count: number }) {
  return { id: row.id, kind: row.kind, period: row.period, version: row.version, generatedAt: row.generated_at, generatedBy: row.generated_by, sha256: row.sha256, rows: row.row_count };
}

/**
 * The report file of a kind and period: the stored one (`replayed: true`) unless there is none
 * or `regenerate` (a new version). 422 for a period of the wrong length (relevant: a quarter,
 * unusual and internal: a month) or not over yet; 409 `rates-missing` while cash alerts of the
 * period wait for a rate. The alerts in the file are marked `reported_in` the period. Audited.
 */
export async function generateReportFile(db: Kysely<Database>, request: { kind: ReportKind; period: string; regenerate: boolean }, ctx: WriteContext & { timeZone: string; today: string }) {
  const { kind, period } = request;
  const quarterly = /^\d{4}-Q[1-4]$/.test(period);
  if (kind === 'relevant' && !quarterly) throw new ValidationError([{ path: 'period', message: 'relevant operations are reported by quarter: `YYYY-Qn`' }]);
  if (kind !== 'relevant' && quarterly) throw new ValidationError([{ path: 'period', message: `${kind} operations are reported by month: \`YYYY-MM\`` }]);
  const dates = periodDates(period);
  if (!dates) throw new ValidationError([{ path: 'period', message: 'a quarter `YYYY-Qn` or a month `YYYY-MM`' }]);
  if (dates.from > ctx.today) throw new ValidationError([{ path: 'period', message: `the period starts after today (${ctx.today})` }]);
  return db.transaction().execute(async (tx) => {
    const stored = await tx.selectFrom('compliance_report_files').select(['id', 'kind', 'period', 'version', 'generated_at', 'generated_by', 'sha256', 'row_count'])
      .where('kind', '=', kind).where('period', '=', period).orderBy('version', 'desc').limit(1).forUpdate().executeTakeFirst();
    if (stored && !request.regenerate) return { file: reportFileView(stored), replayed: true };
    if (kind === 'relevant') {
      const waiting = await tx.selectFrom('compliance_alerts').select('id').where('kind', '=', 'relevant').where('code', '=', 'needs-rate').where('status', '=', 'open')
        .where('operation_date', '>=', dates.from).where('operation_date', '<=', dates.to).orderBy('id').execute();
      if (waiting.length > 0) throw new ConflictError('rates-missing', `${waiting.length} cash operation(s) of ${period} wait for the USD rate of their date`, { alertIds: waiting.map((w) => w.id) });
    }
    const { ids, rows } = await reportRows(tx, kind, period, ctx.timeZone);
    // Stored without the BOM (a database text keeps it unreliably); the file is BOM + content.
    const content = csvText(REPORT_COLUMNS, rows);
    const sha256 = createHash('sha256').update(BOM + content, 'utf8').digest('hex');
    const row = { id: uuidv7(), kind, period, version: (stored?.version ?? 0) + 1, generated_at: ctx.at, generated_by: ctx.actor, sha256, row_count: rows.length, content };
    await tx.insertInto('compliance_report_files').values(row).execute();
    if (ids.length > 0) await tx.updateTable('compliance_alerts').set({ reported_in: period }).where('id', 'in', ids).execute();
    const view = reportFileView(row);
    await appendAudit(tx, {
      actor: ctx.actor, action: stored ? 'regenerate' : 'generate', entityType: 'compliance-report', entityId: row.id, before: null, after: view,
      details: { kind, period, alertIds: ids, previousSha256: stored?.sha256 ?? null }, requestId: ctx.requestId ?? null, at: ctx.at,
    });
    return { file: view, replayed: false };
  });
}

export async function listReportFiles(db: Executor, filter: { kind?: ReportKind | undefined; period?: string | undefined }) {
  let query = db.selectFrom('compliance_report_files').select(['id', 'kind', 'period', 'version', 'generated_at', 'generated_by', 'sha256', 'row_count']).orderBy('period', 'desc').orderBy('kind').orderBy('version', 'desc');
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.period) query = query.where('period', '=', filter.period);
  return (await query.limit(500).execute()).map(reportFileView);
}

/** A stored file with its content; the download is audited (it carries personal data). */
export async function downloadReportFile(db: Kysely<Database>, id: string, ctx: WriteContext) {
  return db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('compliance_report_files').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('report file', id);
    await appendAudit(tx, {
      actor: ctx.actor, action: 'download', entityType: 'compliance-report', entityId: id, before: null, after: null,
      details: { kind: row.kind, period: row.period, version: row.version, sha256: row.sha256 }, requestId: ctx.requestId ?? null, at: ctx.at,
    });
    return { ...row, content: BOM + row.content };
  });
}
