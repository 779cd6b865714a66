// A statement import in a process of its own, for the SIGKILL test (bank-statements-crash.test.ts):
// imports STATEMENT_FILE into the PostgreSQL database at DATABASE_URL in small batches, as the
// route does, so the parent can kill it in the middle of the file.
import { createReadStream } from 'node:fs';
import { importStatement, spoolUpload, DEFAULT_IMPORT_SETTINGS } from '../../src/banking/statement-import.ts';
import { openDatabase } from '../../src/db/open-database.ts';

const env = process.env;
const { db } = await openDatabase({ kind: 'postgres', connectionString: env.DATABASE_URL! });
const file = await spoolUpload(createReadStream(env.STATEMENT_FILE!));
try {
  const { statement } = await importStatement(
    db,
    { bankAccountId: env.BANK_ACCOUNT_ID!, format: 'csv', layoutId: env.LAYOUT_ID!, fileName: 'crash.csv' },
    file,
    { ...DEFAULT_IMPORT_SETTINGS, batchSize: Number(env.BATCH_SIZE ?? 20) },
    { actor: 'system', at: new Date().toISOString(), requestId: null, today: env.TODAY! },
  );
  process.stdout.write(`${JSON.stringify(statement.lines)}\n`);
} finally {
  await file.remove();
  await db.destroy();
}
