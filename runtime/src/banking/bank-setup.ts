// The institution's bank accounts and the saved file layouts of its banks (issue 16): created and
// changed with `bank:configure`, read with `bank:read`, every write audited in the account's or
// layout's stream. An account's CLABE is checked by the engine's CLABE routine and must name the
// account's bank; a CSV/TXT layout's options are checked by the CSV parser's own schema, so a
// layout that saves is a layout the import can read.
import { validateClabe } from '@plazo/engine';
import type { z } from 'zod';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Executor } from '../db/database.ts';
import { isUniqueViolation } from '../db/postgres-errors.ts';
import type { ActorRef } from '../db/tables/columns.ts';
import type { StatementFormat } from './statement-line.ts';
import { ConflictError, NotFoundError, ValidationError, type FieldProblem } from '../errors.ts';
import { uuidv7 } from '../ids.ts';
import { CsvLayoutOptionsSchema } from './formats/csv.ts';

export interface BankWriteContext {
  readonly actor: ActorRef;
  readonly at: string;
  readonly requestId?: string | null;
}

export interface BankAccountInput {
  readonly name: string;
  readonly bankCode: string;
  readonly accountNumber?: string | null | undefined;
  readonly clabe?: string | null | undefined;
  readonly currency?: string | undefined;
  readonly ledgerAccount?: string | undefined;
}

export interface BankFileLayoutInput {
  readonly name: string;
  readonly format: StatementFormat;
  readonly options: Record<string, unknown>;
}

type AccountRow = { id: string; name: string; bank_code: string; account_number: string | null; clabe: string | null; currency: string; ledger_account: string; created_at: string | Date; created_by: string };
type LayoutRow = { id: string; name: string; format: StatementFormat; options: unknown; created_at: string | Date; created_by: string; updated_at: string | Date; updated_by: string };

const iso = (v: string | Date) => (v instanceof Date ? v.toISOString() : new Date(v).toISOString());

export function bankAccountView(row: AccountRow) {
  return { id: row.id, name: row.name, bankCode: row.bank_code, accountNumber: row.account_number, clabe: row.clabe, currency: row.currency, ledgerAccount: row.ledger_account, createdAt: iso(row.created_at), createdBy: row.created_by };
}

export function bankFileLayoutView(row: LayoutRow) {
  return { id: row.id, name: row.name, format: row.format, options: row.options as Record<string, unknown>, createdAt: iso(row.created_at), createdBy: row.created_by, updatedAt: iso(row.updated_at), updatedBy: row.updated_by };
}

export type BankAccountView = ReturnType<typeof bankAccountView>;
export type BankFileLayoutView = ReturnType<typeof bankFileLayoutView>;

/** The account's problems: the CLABE (engine routine) and its bank against `bankCode`, the ledger account. */
async function accountProblems(db: Executor, input: BankAccountInput): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (input.clabe) {
    const check = validateClabe(input.clabe);
    if (!check.valid) problems.push({ path: 'clabe', message: `not a valid CLABE (${check.reason})` });
    else if (check.details!.bankCode !== input.bankCode) problems.push({ path: 'clabe', message: `the CLABE is of bank ${check.details!.bankCode}, the account says ${input.bankCode}` });
  }
  if (input.ledgerAccount !== undefined) {
    const account = await db.selectFrom('ledger_accounts').select(['code', 'type']).where('code', '=', input.ledgerAccount).executeTakeFirst();
    if (!account) problems.push({ path: 'ledgerAccount', message: `ledger account ${input.ledgerAccount} does not exist` });
    else if (account.type !== 'asset') problems.push({ path: 'ledgerAccount', message: `a bank's money is an asset; ${input.ledgerAccount} is a ${account.type} account` });
  }
  return problems;
}

/** A layout's options checked by its format: a CSV layout by the CSV parser's schema (paths under `options`). */
export function layoutOptionProblems(format: StatementFormat, options: unknown): FieldProblem[] {
  if (format !== 'csv') return [];
  const result = CsvLayoutOptionsSchema.safeParse(options);
  return result.success ? [] : result.error.issues.map((i: z.core.$ZodIssue) => ({ path: ['options', ...i.path.map(String)].join('.'), message: i.message }));
}

function nameTaken(what: string, name: string, error: unknown): never {
  if (isUniqueViolation(error)) throw new ConflictError(`${what}-exists`, `a ${what.replace('-', ' ')} named ${JSON.stringify(name)} (or with that CLABE) exists`, { name });
  throw error;
}

export async function createBankAccount(db: Executor, input: BankAccountInput, ctx: BankWriteContext): Promise<BankAccountView> {
  const problems = await accountProblems(db, input);
  if (problems.length > 0) throw new ValidationError(problems);
  const row = {
    id: uuidv7(),
    name: input.name,
    bank_code: input.bankCode,
    account_number: input.accountNumber ?? null,
    clabe: input.clabe ?? null,
    currency: input.currency ?? 'MXN',
    ledger_account: input.ledgerAccount ?? '1000',
    created_at: ctx.at,
    created_by: ctx.actor,
  };
  try {
    await db.transaction().execute(async (tx) => {
      await tx.insertInto('bank_accounts').values(row).execute();
      await appendAudit(tx, { actor: ctx.actor, action: 'create', entityType: 'bank-account', entityId: row.id, before: null, after: row, requestId: ctx.requestId ?? null, at: ctx.at });
    });
  } catch (error) {
    nameTaken('bank-account', input.name, error);
  }
  return bankAccountView(row);
}

export async function updateBankAccount(db: Executor, id: string, patch: Partial<BankAccountInput>, ctx: BankWriteContext): Promise<BankAccountView> {
  try {
    const row = await db.transaction().execute(async (tx) => {
      const before = await tx.selectFrom('bank_accounts').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      if (!before) throw new NotFoundError('bank account', id);
      const merged: BankAccountInput = {
        name: patch.name ?? before.name,
        bankCode: patch.bankCode ?? before.bank_code,
        accountNumber: patch.accountNumber === undefined ? before.account_number : patch.accountNumber,
        clabe: patch.clabe === undefined ? before.clabe : patch.clabe,
        currency: patch.currency ?? before.currency,
        ledgerAccount: patch.ledgerAccount ?? before.ledger_account,
      };
      const problems = await accountProblems(tx, merged);
      if (problems.length > 0) throw new ValidationError(problems);
      const after = await tx
        .updateTable('bank_accounts')
        .set({ name: merged.name, bank_code: merged.bankCode, account_number: merged.accountNumber ?? null, clabe: merged.clabe ?? null, currency: merged.currency!, ledger_account: merged.ledgerAccount! })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendAudit(tx, { actor: ctx.actor, action: 'update', entityType: 'bank-account', entityId: id, before, after, requestId: ctx.requestId ?? null, at: ctx.at });
      return after;
    });
    return bankAccountView(row as AccountRow);
  } catch (error) {
    nameTaken('bank-account', patch.name ?? '', error);
  }
}

export async function listBankAccounts(db: Executor): Promise<BankAccountView[]> {
  return (await db.selectFrom('bank_accounts').selectAll().orderBy('name').execute()).map((r) => bankAccountView(r as AccountRow));
}

export async function getBankAccount(db: Executor, id: string): Promise<BankAccountView> {
  const row = await db.selectFrom('bank_accounts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('bank account', id);
  return bankAccountView(row as AccountRow);
}

export async function createBankFileLayout(db: Executor, input: BankFileLayoutInput, ctx: BankWriteContext): Promise<BankFileLayoutView> {
  const problems = layoutOptionProblems(input.format, input.options);
  if (problems.length > 0) throw new ValidationError(problems);
  const row = { id: uuidv7(), name: input.name, format: input.format, options: JSON.stringify(input.options), created_at: ctx.at, created_by: ctx.actor, updated_at: ctx.at, updated_by: ctx.actor };
  try {
    await db.transaction().execute(async (tx) => {
      await tx.insertInto('bank_file_layouts').values(row).execute();
      await appendAudit(tx, { actor: ctx.actor, action: 'create', entityType: 'bank-file-layout', entityId: row.id, before: null, after: { ...row, options: input.options }, requestId: ctx.requestId ?? null, at: ctx.at });
    });
  } catch (error) {
    nameTaken('bank-file-layout', input.name, error);
  }
  return bankFileLayoutView({ ...row, options: input.options });
}

export async function updateBankFileLayout(db: Executor, id: string, patch: Partial<BankFileLayoutInput>, ctx: BankWriteContext): Promise<BankFileLayoutView> {
  try {
    const row = await db.transaction().execute(async (tx) => {
      const before = await tx.selectFrom('bank_file_layouts').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      if (!before) throw new NotFoundError('bank file layout', id);
      const format = patch.format ?? before.format;
      const options = patch.options ?? (before.options as unknown as Record<string, unknown>);
      const problems = layoutOptionProblems(format, options);
      if (problems.length > 0) throw new ValidationError(problems);
      const after = await tx
        .updateTable('bank_file_layouts')
        .set({ name: patch.name ?? before.name, format, options: JSON.stringify(options), updated_at: ctx.at, updated_by: ctx.actor })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendAudit(tx, { actor: ctx.actor, action: 'update', entityType: 'bank-file-layout', entityId: id, before, after, requestId: ctx.requestId ?? null, at: ctx.at });
      return after;
    });
    return bankFileLayoutView(row as unknown as LayoutRow);
  } catch (error) {
    nameTaken('bank-file-layout', patch.name ?? '', error);
  }
}

export async function listBankFileLayouts(db: Executor): Promise<BankFileLayoutView[]> {
  return (await db.selectFrom('bank_file_layouts').selectAll().orderBy('name').execute()).map((r) => bankFileLayoutView(r as unknown as LayoutRow));
}

export async function getBankFileLayout(db: Executor, id: string): Promise<BankFileLayoutView> {
  const row = await db.selectFrom('bank_file_layouts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('bank file layout', id);
  return bankFileLayoutView(row as unknown as LayoutRow);
}
