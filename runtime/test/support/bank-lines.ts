// Test support (not the import): writes a bank account, a statement and its lines as the import
// (branch h4-statements) will, each exception credit's money held in 2210 through the suspense
// module's hold, so the queue, returns and reconciliation can be tested before the import exists.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { appendAudit } from '../../src/audit/audit.repository.ts';
import { bindRows } from '../../src/audit/row-binding.ts';
import { holdInSuspense, type WrittenRow } from '../../src/banking/suspense.ts';
import type { Database } from '../../src/db/database.ts';
import type { BankLineStatus } from '../../src/db/tables/bank.table.ts';
import { uuidv7 } from '../../src/ids.ts';

export async function seedBankAccount(db: Kysely<Database>, name = `Banco ${uuidv7().slice(-6)}`): Promise<string> {
  const id = uuidv7();
  await db.insertInto('bank_accounts').values({ id, name, bank_code: '012', account_number: null, clabe: null, created_at: new Date().toISOString(), created_by: 'system' }).execute();
  return id;
}

export interface SeedLine {
  readonly valueDate: string;
  readonly direction?: 'credit' | 'debit';
  readonly amount: string;
  /** Default: `exception` for a credit (held in 2210), `other` for a debit. */
  readonly status?: BankLineStatus;
  readonly reference?: string;
  readonly payerName?: string;
  readonly description?: string;
  readonly trackingKey?: string;
  readonly returnOf?: string;
}

export interface SeedStatement {
  readonly from: string;
  readonly to: string;
  readonly opening?: string;
  readonly closing?: string;
  readonly lines: readonly SeedLine[];
}

/** Writes an imported statement with its lines; returns the lines' ids in order. */
export async function seedStatement(db: Kysely<Database>, bankAccountId: string, statement: SeedStatement): Promise<string[]> {
  const at = new Date().toISOString();
  const statementId = uuidv7();
  return db.transaction().execute(async (tx) => {
    await tx
      .insertInto('bank_statements')
      .values({
        id: statementId,
        bank_account_id: bankAccountId,
        format: 'csv',
        layout_id: null,
        file_name: `seed-${statementId}.csv`,
        file_sha256: createHash('sha256').update(statementId).digest('hex'),
        status: 'imported',
        period_from: statement.from,
        period_to: statement.to,
        opening_balance: statement.opening ?? null,
        closing_balance: statement.closing ?? null,
        failure: null,
        imported_at: at,
        imported_by: 'system',
        finished_at: at,
      })
      .execute();
    const ids: string[] = [];
    const written: WrittenRow[] = [];
    for (const [i, line] of statement.lines.entries()) {
      const id = uuidv7();
      const direction = line.direction ?? 'credit';
      const status = line.status ?? (direction === 'credit' ? 'exception' : 'other');
      await tx
        .insertInto('bank_statement_lines')
        .values({
          id,
          statement_id: statementId,
          bank_account_id: bankAccountId,
          line_no: i + 1,
          tracking_key: line.trackingKey ?? `TK${id.replaceAll('-', '').slice(-20)}`,
          value_date: line.valueDate,
          booking_date: null,
          direction,
          amount: line.amount,
          currency: 'MXN',
          reference: line.reference ?? null,
          beneficiary_clabe: null,
          payer_account: null,
          payer_name: line.payerName ?? null,
          description: line.description ?? null,
          return_of: line.returnOf ?? null,
          outcome: null,
          reject_reason: null,
          raw: JSON.stringify({}),
          status,
          match_loan_id: null,
          match_rule: null,
          match_score: null,
          resolution: null,
          resolution_note: null,
          resolved_at: null,
          resolved_by: null,
          suspense_entry_id: null,
          exception_reason: status === 'exception' ? 'no-match' : null,
          exception_amount: status === 'exception' ? line.amount : null,
          match_details: null,
          created_at: at,
        })
        .execute();
      if (status === 'exception') written.push(...(await holdInSuspense(tx, { lineId: id, amount: line.amount, date: line.valueDate, currency: 'MXN', bankLedgerAccount: '1000' }, { actor: 'system', at })).rows);
      ids.push(id);
    }
    // As the import will: one audit entry for the statement, binding the holds it posted.
    await appendAudit(tx, { actor: 'system', action: 'import', entityType: 'bank-statement', entityId: statementId, before: null, after: { lines: ids.length }, at, ...(written.length > 0 ? { bound: bindRows(written) } : {}) });
    return ids;
  });
}
