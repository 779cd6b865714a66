// Clients' documents through the directory store: DOCS_BENCH_N (200) distinct PDFs of
// DOCS_BENCH_KB (200) KB each, uploaded as the API does (SHA-256, the store's atomic write with
// fsync, then the row and its audit entry in a fresh in-memory PGlite), and the store's put alone.
// Baseline in the same run: fs.writeFile of the same bytes to plain files (no fsync, no rename,
// no hash, no row) — what keeping the bytes costs at the least.
import { randomFillSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest } from '../src/db/migrator.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { uploadDocument } from '../src/documents/client-documents.repository.ts';
import { fileDocumentStore, sha256Hex } from '../src/documents/document-store.ts';
import { uuidv7 } from '../src/ids.ts';

const N = Number(process.env.DOCS_BENCH_N ?? 200);
const KB = Number(process.env.DOCS_BENCH_KB ?? 200);

function documents(seed: number): Uint8Array[] {
  return Array.from({ length: N }, (_, i) => {
    const bytes = new Uint8Array(KB * 1024);
    randomFillSync(bytes);
    bytes.set(new TextEncoder().encode(`%PDF-1.4 ${seed} ${i}\n`));
    return bytes;
  });
}

function line(label: string, ms: number) {
  const mb = (N * KB) / 1024;
  console.log(`  ${label.padEnd(58)} ${ms.toFixed(0).padStart(6)} ms   ${(ms / N).toFixed(2).padStart(6)} ms/doc   ${(mb / (ms / 1000)).toFixed(1).padStart(7)} MB/s`);
}

const root = await mkdtemp(join(tmpdir(), 'plazo-docs-bench-'));
try {
  const { db } = await openDatabase({ kind: 'pglite' });
  await migrateToLatest(db);
  const clientId = uuidv7();
  const at = new Date().toISOString();
  await db.insertInto('clients').values({ id: clientId, kind: 'person', given_names: 'Banca', paternal_surname: 'Prueba', name_search: 'BANCA PRUEBA', own_account: true, pep: false, created_at: at, created_by: 'system', updated_at: at, updated_by: 'system' }).execute();
  console.log(`\n== documents.bench.ts: ${N} documents of ${KB} KB (${((N * KB) / 1024).toFixed(1)} MB)`);

  const baselineDocs = documents(1);
  await rm(join(root, 'baseline'), { recursive: true, force: true });
  const { mkdir } = await import('node:fs/promises');
  await mkdir(join(root, 'baseline'));
  let t = performance.now();
  for (let i = 0; i < N; i++) await writeFile(join(root, 'baseline', `${i}.pdf`), baselineDocs[i]!);
  line('baseline: fs.writeFile of the same bytes', performance.now() - t);

  const putDocs = documents(2);
  const store = fileDocumentStore(join(root, 'put'));
  t = performance.now();
  for (const bytes of putDocs) await store.put(bytes, sha256Hex(bytes));
  line('store.put: SHA-256, temp file, fsync, rename, fsync dir', performance.now() - t);

  const uploadDocs = documents(3);
  const uploads = fileDocumentStore(join(root, 'upload'));
  t = performance.now();
  for (let i = 0; i < N; i++) {
    await uploadDocument(db, uploads, { clientId, kind: 'other', fileName: `doc-${i}.pdf`, bytes: uploadDocs[i]! }, { actor: 'system', at, requestId: `bench-${i}` });
  }
  line('upload: type check, store.put, row + audit (PGlite)', performance.now() - t);
  await db.destroy();
} finally {
  await rm(root, { recursive: true, force: true });
}
