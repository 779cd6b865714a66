// The SPEI files of a disbursement batch (issue 16), documented column by column in runtime/README.md:
//  - the layout file the bank's portal takes (one payment order per line: tracking key, value
//    date, payment type, beneficiary bank, CLABE and name, amount with 2 decimals, concept,
//    numeric reference), in UTF-8 or the bank's ISO-8859-1;
//  - the status file the bank gives back (tracking key, liquidada | devuelta, settlement date and
//    time, return reason), parsed line by line: a bad line is reported, never fatal to the others.
import { parseCsv, parseIsoDate } from '@plazo/engine';
import { csvText } from '../http/csv.ts';
import { ValidationError } from '../errors.ts';

/** One payment order of a batch, as the layout and the channels see it. */
export interface PaymentOrder {
  readonly trackingKey: string;
  readonly valueDate: string;
  readonly clabe: string;
  readonly holderName: string;
  /** Decimal string with 2 places. */
  readonly amount: string;
  readonly concept: string;
  readonly numericReference: string;
}

/** SPEI payment type 1: a third-party transfer (tercero a tercero). */
export const SPEI_PAYMENT_TYPE = '1';
/** SPEI account type 40: the beneficiary account is a CLABE. */
export const SPEI_ACCOUNT_TYPE_CLABE = '40';

export const LAYOUT_COLUMNS = [
  'clave_rastreo',
  'fecha_valor',
  'tipo_pago',
  'banco_beneficiario',
  'tipo_cuenta_beneficiario',
  'clabe_beneficiario',
  'nombre_beneficiario',
  'monto',
  'concepto',
  'referencia_numerica',
] as const;

export type LayoutEncoding = 'utf-8' | 'iso-8859-1';

/** The layout file's text: a header and one line per order, CRLF line ends. */
export function layoutText(orders: readonly PaymentOrder[]): string {
  return csvText(
    LAYOUT_COLUMNS,
    orders.map((o) => [o.trackingKey, o.valueDate, SPEI_PAYMENT_TYPE, o.clabe.slice(0, 3), SPEI_ACCOUNT_TYPE_CLABE, o.clabe, o.holderName, o.amount, o.concept, o.numericReference]),
  );
}

/** The layout file's bytes in `encoding`; in ISO-8859-1 a character it lacks becomes `?`. */
export function layoutBytes(orders: readonly PaymentOrder[], encoding: LayoutEncoding): Buffer {
  const text = layoutText(orders);
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  return Buffer.from(text.replace(/[^\u0000-\u00ff]/g, '?'), 'latin1');
}

/** The answer for one order: settled (liquidada) on a date, or returned (devuelta) with a reason. */
export type StatusAnswer =
  | { readonly trackingKey: string; readonly status: 'liquidada'; readonly settledOn: string; readonly settlementTime: string | null }
  | { readonly trackingKey: string; readonly status: 'devuelta'; readonly returnReason: string; readonly settledOn: string | null; readonly settlementTime: string | null };

/** A status line: its number in the file (1 = the header), and its answer or why it cannot be read. */
export type StatusLine = { readonly line: number; readonly trackingKey: string | null } & ({ readonly answer: StatusAnswer } | { readonly problem: string });

export const STATUS_COLUMNS = ['clave_rastreo', 'estado', 'fecha_liquidacion', 'causa_devolucion'] as const;

const WHEN = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2})?))?$/;

/**
 * Reads a status file: the header must name the four columns (any order, case ignored); each
 * line is an answer or a problem. 422 when the file itself cannot be read (CSV syntax, header).
 * @example parseStatusFile('clave_rastreo,estado,fecha_liquidacion,causa_devolucion\nPZ1,liquidada,2025-01-07 10:15:00,\n')
 * // [{ line: 2, trackingKey: 'PZ1', answer: { status: 'liquidada', settledOn: '2025-01-07', settlementTime: '10:15:00', … } }]
 */
export function parseStatusFile(text: string): StatusLine[] {
  let table;
  try {
    table = parseCsv(text);
  } catch (error) {
    throw new ValidationError([{ path: 'csv', message: error instanceof Error ? error.message : String(error) }], 'the status file is not valid CSV');
  }
  const header = table.header.map((h) => h.trim().toLowerCase());
  const at = Object.fromEntries(STATUS_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<(typeof STATUS_COLUMNS)[number], number>;
  const missing = STATUS_COLUMNS.filter((c) => at[c] < 0);
  if (missing.length > 0) throw new ValidationError(missing.map((c) => ({ path: 'csv', message: `the header has no column \`${c}\`` })), 'the status file’s header is not valid');
  return table.records.map((record): StatusLine => {
    const field = (c: (typeof STATUS_COLUMNS)[number]) => (record.fields[at[c]] ?? '').trim();
    const trackingKey = field('clave_rastreo') || null;
    const fail = (problem: string): StatusLine => ({ line: record.line, trackingKey, problem });
    if (trackingKey === null) return fail('no tracking key (clave_rastreo)');
    const status = field('estado').toLowerCase();
    const when = field('fecha_liquidacion');
    const match = when === '' ? null : WHEN.exec(when);
    if (when !== '' && (match === null || parseIsoDate(match[1]!) === undefined)) return fail(`fecha_liquidacion \`${when}\` is not "YYYY-MM-DD HH:MM:SS"`);
    const settledOn = match?.[1] ?? null;
    const settlementTime = match?.[2] ?? null;
    if (status === 'liquidada') {
      if (settledOn === null) return fail('a liquidated transfer needs its fecha_liquidacion');
      return { line: record.line, trackingKey, answer: { trackingKey, status: 'liquidada', settledOn, settlementTime } };
    }
    if (status === 'devuelta') {
      const returnReason = field('causa_devolucion');
      if (returnReason === '') return fail('a returned transfer needs its causa_devolucion');
      return { line: record.line, trackingKey, answer: { trackingKey, status: 'devuelta', returnReason, settledOn, settlementTime } };
    }
    return fail(`estado \`${field('estado')}\` is neither liquidada nor devuelta`);
  });
}

/** A status file's text for answers (what the SPEI test double's answers look like as a file). */
export function statusFileText(answers: readonly StatusAnswer[]): string {
  return csvText(
    STATUS_COLUMNS,
    answers.map((a) => [a.trackingKey, a.status, a.settledOn === null ? '' : `${a.settledOn}${a.settlementTime ? ` ${a.settlementTime}` : ''}`, a.status === 'devuelta' ? a.returnReason : '']),
  );
}
