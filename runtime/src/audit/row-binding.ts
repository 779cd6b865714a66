// Binds the records that matter to the audit chain: the audit entry written with a row (in the
// same transaction or statement) carries the row's canonical hash in `audit_log.bound`, which the
// entry's own hash covers. `plazo audit verify` recomputes every such row's hash and compares it
// with the newest entry that bound it, and requires every row to have one.
import { createHash } from 'node:crypto';
import { Dec } from '@plazo/engine';
import { canonicalJson } from './canonical-json.ts';

/** `audit_log.bound`: per table, the hash of each row the entry wrote or changed, by the row's key. */
export type BoundRows = { readonly [table: string]: { readonly [key: string]: string } };

/** How one table's rows are keyed and hashed. */
export interface BoundTable {
  readonly table: string;
  /** Key columns with their SQL types; the key is their values joined by `/`. */
  readonly key: readonly (readonly [column: string, type: string])[];
  /** Every column the hash covers, in the order verify shows a row. */
  readonly columns: readonly string[];
  /** Money columns (NUMERIC), hashed in one canonical form whatever scale the database prints. */
  readonly money?: readonly string[];
  /** Columns hashed but never shown (a password's or an API key's hash). */
  readonly secret?: readonly string[];
  /**
   * Columns added after rows were first bound: hashed after the others, with their names, only
   * when not null — so a row written before the column existed keeps the hash it was bound with.
   */
  readonly added?: readonly string[];
}

/** The tables whose rows are bound, in verification order. */
export const BOUND_TABLES: readonly BoundTable[] = [
  {
    table: 'users',
    key: [['id', 'uuid']],
    columns: ['id', 'email', 'name', 'role', 'password_hash', 'disabled_at', 'created_at', 'created_by'],
    secret: ['password_hash'],
  },
  {
    table: 'api_keys',
    key: [['id', 'uuid']],
    columns: ['id', 'name', 'prefix', 'key_hash', 'role', 'revoked_at', 'revoked_by', 'created_at', 'created_by'],
    secret: ['key_hash'],
  },
  {
    table: 'product_versions',
    key: [['id', 'uuid']],
    columns: ['id', 'product_id', 'version', 'source', 'ir', 'content_hash', 'ir_hash', 'author', 'publisher', 'published_at', 'created_at', 'created_by'],
  },
  {
    table: 'loan_events',
    key: [
      ['loan_id', 'uuid'],
      ['seq', 'integer'],
    ],
    columns: ['loan_id', 'seq', 'type', 'effective_on', 'payload', 'idempotency_key', 'request_hash', 'response', 'created_at', 'created_by'],
  },
  {
    table: 'journal_entries',
    key: [['id', 'uuid']],
    columns: ['id', 'entry_date', 'description', 'currency', 'loan_id', 'loan_event_seq', 'created_at', 'created_by'],
    // `source` is not bound: a classification the backfill set on rows already bound (their
    // hashes would change); it is derived from what the hash covers, except 'manual', whose
    // approval the manual entry's audit entry records.
    added: ['economic_date'],
  },
  {
    table: 'journal_lines',
    key: [
      ['entry_id', 'uuid'],
      ['line_no', 'integer'],
    ],
    columns: ['entry_id', 'line_no', 'account_code', 'debit', 'credit', 'created_at', 'created_by'],
    money: ['debit', 'credit'],
  },
  {
    // A client's KYC record (issue 14): its phones and name words are derived from it and not bound.
    table: 'clients',
    key: [['id', 'uuid']],
    columns: [
      'id', 'kind', 'given_names', 'paternal_surname', 'maternal_surname', 'legal_name', 'name_search', 'birth_date', 'birth_state', 'sex', 'nationality', 'curp', 'rfc',
      'occupation', 'email', 'address', 'own_account', 'beneficial_owner', 'pep', 'legal_representative', 'channel', 'created_at', 'created_by', 'updated_at', 'updated_by',
    ],
  },
  {
    table: 'screening_hits',
    key: [['id', 'uuid']],
    columns: ['id', 'client_id', 'subject', 'screened_name', 'entry_id', 'watchlist_id', 'version_id', 'score', 'name_score', 'birth_date', 'found_by', 'found_at', 'status', 'decided_at', 'decided_by', 'comment'],
    money: ['score', 'name_score'],
  },
];

const byName = new Map(BOUND_TABLES.map((t) => [t.table, t]));

export function boundTable(table: string): BoundTable {
  const found = byName.get(table);
  if (!found) throw new Error(`table ${table} is not bound to the audit chain`);
  return found;
}

/** A row as verify shows it: the hashed columns, money in canonical form, secrets as `[redacted]`. */
export function displayRow(table: BoundTable, row: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const column of table.columns) {
    const value = row[column] ?? null;
    if (value === null) out[column] = null;
    else if (table.secret?.includes(column)) out[column] = '[redacted]';
    else out[column] = table.money?.includes(column) ? canonicalMoney(String(value)) : value;
  }
  for (const column of table.added ?? []) if ((row[column] ?? null) !== null) out[column] = row[column];
  return out;
}

/** A decimal in one form whatever scale it was written or printed with: `100.50` and `0100.5` are `100.5`. */
export function canonicalMoney(value: string): string {
  if (!/^-?\d+(\.\d+)?$/.test(value)) return new Dec(value).toFixed();
  let text = value.replace(/^(-?)0+(?=\d)/, '$1');
  if (text.includes('.')) text = text.replace(/\.?0+$/, '');
  return text === '-0' ? '0' : text;
}

/** The row's key: its key columns' values joined by `/` (`<loan id>/<seq>`, `<entry id>/<line no>`, `<id>`). */
export function rowKey(table: BoundTable, row: Readonly<Record<string, unknown>>): string {
  return table.key.map(([column]) => String(row[column])).join('/');
}

/**
 * SHA-256 of the row as a JSON array: the table's name, then every column in the table's order
 * (JSON values — a payload, an IR — as canonical JSON, money in canonical form), then each added
 * column that is not null as its name and value. On the payment
 * path, so built directly rather than through a sorted object.
 */
export function rowHash(table: BoundTable, row: Readonly<Record<string, unknown>>): string {
  let text = `[${JSON.stringify(table.table)}`;
  for (const column of table.columns) {
    const value = row[column] ?? null;
    if (value !== null && typeof value === 'object') text += `,${canonicalJson(value)}`;
    else if (value !== null && table.money?.includes(column)) text += `,${JSON.stringify(canonicalMoney(String(value)))}`;
    else text += `,${JSON.stringify(value)}`;
  }
  for (const column of table.added ?? []) {
    const value = row[column] ?? null;
    if (value !== null) text += `,${JSON.stringify(column)},${typeof value === 'object' ? canonicalJson(value) : JSON.stringify(value)}`;
  }
  return createHash('sha256').update(`${text}]`, 'utf8').digest('hex');
}

/**
 * The `bound` value of an audit entry that wrote `rows` (each as `[table, row]`, the row with the
 * values as stored).
 *
 * @example
 * bindRows([['users', insertedUser]]) // { users: { '<id>': '<sha256>' } }
 */
export function bindRows(rows: Iterable<readonly [table: string, row: Readonly<Record<string, unknown>>]>): BoundRows {
  const out: Record<string, Record<string, string>> = {};
  for (const [name, row] of rows) {
    const table = boundTable(name);
    (out[name] ??= {})[rowKey(table, row)] = rowHash(table, row);
  }
  return out;
}
