// A watchlist file as uploaded: bytes in UTF-8 or Latin-1 (Windows-1252), CSV with a header whose
// columns are recognized by name (Spanish or English, accents and case ignored) or named by the
// caller, and the OFAC SDN file's own header-less layout. Every row must give a name and, where it
// gives a birth date, a readable one; bad rows are reported together, by line (422).
import { InvalidInputError, normalizeName, parseCsv, sha256Hex } from '@plazo/engine';
import { ValidationError, type FieldProblem } from '../errors.ts';
import type { WatchlistKind } from '../db/tables/watchlists.table.ts';

/** One entry read from the file. */
export interface ListEntry {
  readonly line: number;
  readonly listRef: string | null;
  readonly name: string;
  readonly birthDate: string | null;
}

/** The caller's column names, when the header's are not recognized. */
export interface ColumnNames {
  readonly name?: string | undefined;
  readonly birthDate?: string | undefined;
  readonly listId?: string | undefined;
}

export interface ListFile {
  readonly entries: readonly ListEntry[];
  readonly encoding: 'utf-8' | 'windows-1252';
  /** The text as read (BOM dropped, line ends as LF): what the content hash covers. */
  readonly text: string;
}

const LATIN1_CHARSETS = new Set(['iso-8859-1', 'latin1', 'latin-1', 'windows-1252', 'cp1252', 'l1']);

/**
 * The file's text: a declared Latin-1 charset is read as Windows-1252 (its superset, as browsers
 * do); otherwise UTF-8 if the bytes are valid UTF-8, else Windows-1252 — a Latin-1 file's accented
 * letters are never valid UTF-8 sequences in a name, so the guess does not mistake one for the other.
 */
export function decodeListBytes(bytes: Uint8Array, charset?: string): { text: string; encoding: ListFile['encoding'] } {
  if (charset !== undefined && LATIN1_CHARSETS.has(charset.toLowerCase())) return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** Header names recognized for each column (normalized: no accents, upper case, single spaces). */
const HEADERS = {
  name: ['NOMBRE', 'NOMBRE COMPLETO', 'NOMBRE O RAZON SOCIAL', 'RAZON SOCIAL', 'NAME', 'FULL NAME', 'SDN NAME'],
  givenNames: ['NOMBRES', 'NOMBRE S', 'GIVEN NAMES', 'FIRST NAME'],
  paternal: ['APELLIDO PATERNO', 'PRIMER APELLIDO', 'PATERNO'],
  maternal: ['APELLIDO MATERNO', 'SEGUNDO APELLIDO', 'MATERNO'],
  birthDate: ['FECHA DE NACIMIENTO', 'FECHA NACIMIENTO', 'NACIMIENTO', 'BIRTH DATE', 'DATE OF BIRTH', 'DOB', 'BIRTHDATE'],
  listId: ['ID', 'CLAVE', 'FOLIO', 'LIST ID', 'ENT NUM', 'UID', 'NUMERO', 'NO'],
  remarks: ['REMARKS', 'OBSERVACIONES'],
} as const;

/** The columns of the OFAC SDN file (sdn.csv), which has no header line. */
const SDN_COLUMNS = ['ent_num', 'SDN_Name', 'SDN_Type', 'Program', 'Title', 'Call_Sign', 'Vess_type', 'Tonnage', 'GRT', 'Vess_flag', 'Vess_owner', 'Remarks'];

const MONTHS: Record<string, string> = {
  JAN: '01', ENE: '01', FEB: '02', MAR: '03', APR: '04', ABR: '04', MAY: '05', JUN: '06', JUL: '07', AUG: '08', AGO: '08', SEP: '09', OCT: '10', NOV: '11', DEC: '12', DIC: '12',
};

function validDate(y: string, m: string, d: string): string | undefined {
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : undefined;
}

/**
 * A list's birth date: `YYYY-MM-DD`, `DD/MM/YYYY` or `DD-MM-YYYY` (day first, as Mexican lists
 * write it), `DD Mon YYYY` (OFAC: `12 Jan 1960`), a year alone or `circa 1960` (the year). Empty
 * and OFAC's `-0-` are no date (null); anything else is undefined (a bad row).
 */
export function parseListDate(raw: string): string | null | undefined {
  const v = raw.trim().toUpperCase();
  if (v === '' || v === '-0-') return null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
  if (m) return validDate(m[1]!, m[2]!, m[3]!);
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(v);
  if (m) return validDate(m[3]!, m[2]!, m[1]!);
  m = /^(\d{1,2})[ -]([A-Z]{3})[A-Z]*\.?[ -](\d{4})$/.exec(v);
  if (m) return MONTHS[m[2]!] === undefined ? undefined : validDate(m[3]!, MONTHS[m[2]!]!, m[1]!);
  m = /^(?:CIRCA |CA\. )?(\d{4})$/.exec(v);
  if (m) return m[1]!;
  return undefined;
}

/** The first birth date in OFAC remarks (`DOB 12 Jan 1960; …`, `DOB circa 1960`), or null. */
function remarksDate(remarks: string): string | null {
  const m = /\bDOB\s+([^;.]+?)(?:;|\.|$)/i.exec(remarks);
  if (!m) return null;
  return parseListDate(m[1]!) ?? parseListDate(m[1]!.split(/\s+to\s+/i)[0]!) ?? null;
}

const MAX_PROBLEMS = 100;

/**
 * Why a list file was refused, for clients that write the problem in their own words (the studio
 * in Spanish): `csv-syntax` (not CSV at that line), `field-count` (`fields` where the header has
 * `expected`), `no-name`, `bad-date` (`value`), `no-name-column` (`header`), `unknown-column`
 * (`column`, `header`), `no-entries`.
 */
export type ListProblemReason = 'csv-syntax' | 'field-count' | 'no-name' | 'bad-date' | 'no-name-column' | 'unknown-column' | 'no-entries';

/** A row problem, by line, with the column it is about and why (`reason` and its values). */
function rowProblem(line: number, field: string, message: string, reason: ListProblemReason, values: Readonly<Record<string, unknown>> = {}): FieldProblem & { line: number; field: string } {
  return { path: `csv[line ${line}].${field}`, line, field, message: `line ${line}: ${message}`, reason, ...values } as FieldProblem & { line: number; field: string };
}

/**
 * Reads a list file into entries; 422 `validation-failed` naming each bad row by line (at most
 * 100), or the header when no column gives the names.
 */
export function readListFile(text: string, encoding: ListFile['encoding'], kind: WatchlistKind, columns: ColumnNames = {}): ListFile {
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  // OFAC's sdn.csv has no header: its first field is the entry number.
  const headerless = kind === 'ofac-sdn' && /^\d/.test(source);
  const shift = headerless ? 1 : 0;
  let table;
  try {
    table = parseCsv(headerless ? `${SDN_COLUMNS.join(',')}\n${source}` : source);
  } catch (error) {
    if (error instanceof InvalidInputError) {
      throw new ValidationError(error.issues.map((i) => {
        const line = Number(/line (\d+)/.exec(i.path)?.[1] ?? 1) - shift;
        return rowProblem(line, 'csv', i.message, 'csv-syntax');
      }), 'the list file is not valid CSV');
    }
    throw error;
  }
  const normalized = table.header.map((h) => normalizeName(h));
  const find = (explicit: string | undefined, names: readonly string[], what: string): number => {
    if (explicit !== undefined) {
      const at = normalized.indexOf(normalizeName(explicit));
      if (at < 0) throw new ValidationError([{ path: `columns.${what}`, message: `the header has no column \`${explicit}\` (it has ${table.header.join(', ')})`, reason: 'unknown-column', column: explicit, header: table.header } as FieldProblem]);
      return at;
    }
    return normalized.findIndex((h) => names.includes(h));
  };
  const nameAt = find(columns.name, HEADERS.name, 'name');
  const givenAt = nameAt < 0 ? find(undefined, HEADERS.givenNames, 'givenNames') : -1;
  const paternalAt = nameAt < 0 ? find(undefined, HEADERS.paternal, 'paternal') : -1;
  const maternalAt = nameAt < 0 ? find(undefined, HEADERS.maternal, 'maternal') : -1;
  const birthAt = find(columns.birthDate, HEADERS.birthDate, 'birthDate');
  const refAt = find(columns.listId, HEADERS.listId, 'listId');
  const remarksAt = birthAt < 0 ? find(undefined, HEADERS.remarks, 'remarks') : -1;
  if (nameAt < 0 && paternalAt < 0) {
    throw new ValidationError([{ path: 'csv[line 1]', line: 1, message: `line 1: no column gives the names (looked for ${HEADERS.name.join(', ')} or APELLIDO PATERNO and NOMBRES; or name it in \`columns.name\`); the header has ${table.header.join(', ')}`, reason: 'no-name-column', header: table.header } as FieldProblem]);
  }
  const problems: FieldProblem[] = [];
  const entries: ListEntry[] = [];
  for (const record of table.records) {
    if (problems.length >= MAX_PROBLEMS) break;
    const line = record.line - shift;
    const field = (at: number) => (at < 0 ? '' : (record.fields[at] ?? '').trim());
    if (record.fields.length !== table.header.length) {
      problems.push(rowProblem(line, 'csv', `${record.fields.length} fields where the header has ${table.header.length}`, 'field-count', { fields: record.fields.length, expected: table.header.length }));
      continue;
    }
    const name = nameAt >= 0 ? field(nameAt) : [field(givenAt), field(paternalAt), field(maternalAt)].filter((p) => p !== '').join(' ');
    if (normalizeName(name) === '') {
      problems.push(rowProblem(line, 'name', 'no name', 'no-name'));
      continue;
    }
    let birthDate: string | null = null;
    if (birthAt >= 0) {
      const parsed = parseListDate(field(birthAt));
      if (parsed === undefined) {
        problems.push(rowProblem(line, 'birthDate', `\`${field(birthAt)}\` is not a date (YYYY-MM-DD, DD/MM/YYYY, 12 Jan 1960 or a year)`, 'bad-date', { value: field(birthAt) }));
        continue;
      }
      birthDate = parsed;
    } else if (remarksAt >= 0) {
      birthDate = remarksDate(field(remarksAt));
    }
    entries.push({ line, listRef: refAt >= 0 && field(refAt) !== '' ? field(refAt) : null, name: name.replace(/\s+/g, ' '), birthDate });
  }
  if (problems.length > 0) throw new ValidationError(problems, `the list has ${problems.length}${problems.length >= MAX_PROBLEMS ? '+' : ''} bad rows; nothing was stored`);
  if (entries.length === 0) throw new ValidationError([{ path: 'csv', message: 'the list has no entries', reason: 'no-entries' } as FieldProblem]);
  return { entries, encoding, text: source };
}

/** The content hash of an upload: its kind, threshold and text as read — the same list sent again (in either encoding) is the same version. */
export function listContentHash(kind: WatchlistKind, threshold: string, text: string): string {
  return sha256Hex(JSON.stringify({ kind, threshold, text }));
}
