// `plazo db migrate` and `plazo audit verify` on each database, run in-process through the CLI
// dispatcher with the environment pointing at a test database.
import { knownMigrations } from '../src/db/migrator.ts';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueApiKey } from '../src/auth/api-key-issuer.ts';
import { runCli } from '../src/cli/cli.ts';
import type { CliIo } from '../src/cli/command.ts';
import { loadConfig } from '../src/config.ts';
import { openRuntimeDatabase } from '../src/db/runtime-database.ts';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from './support/test-database.ts';

function captureIo(cwd: string): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    cwd,
    stdout: (text: string) => void (io.out += text),
    stderr: (text: string) => void (io.err += text),
    readStdin: async () => '',
  };
  return io;
}

describe.each(DATABASE_KINDS)('operations commands on %s', (kind) => {
  let dir: string;
  let pg: TestDatabase | undefined;
  const savedEnv = { ...process.env };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'plazo-cli-'));
    delete process.env.DATABASE_URL;
    process.env.PLAZO_DATA_DIR = join(dir, 'data');
    if (kind === 'postgres') {
      process.env.DATABASE_URL = savedEnv.DATABASE_URL;
      pg = await openTestDatabase('postgres', false);
      process.env.DATABASE_URL = pg.connectionString!;
    }
  });
  afterAll(async () => {
    process.env = savedEnv;
    await pg?.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  /** Does something on the configured database between CLI runs (the CLI needs it closed). */
  async function withDatabase(fn: (db: Awaited<ReturnType<typeof openRuntimeDatabase>>['db']) => Promise<void>) {
    const database = await openRuntimeDatabase(loadConfig(process.env, dir));
    try {
      await fn(database.db);
    } finally {
      await database.close();
    }
  }

  it('migrates a fresh database, then finds it up to date', async () => {
    const first = captureIo(dir);
    expect(await runCli(['db', 'migrate', '--json'], first)).toBe(0);
    expect(JSON.parse(first.out)).toMatchObject({ applied: [...knownMigrations()], current: knownMigrations().at(-1) });
    const second = captureIo(dir);
    expect(await runCli(['db', 'migrate'], second)).toBe(0);
    expect(second.out).toContain('up to date');
  });

  it('exits 2 on bad usage', async () => {
    for (const args of [['db'], ['db', 'drop'], ['audit'], ['audit', 'verify', '--bogus']]) {
      const io = captureIo(dir);
      expect(await runCli(args, io), args.join(' ')).toBe(2);
      expect(io.err).toMatch(/usage: plazo/);
    }
  });

  it('verifies an intact chain (exit 0) and names the first broken link (exit 1)', async () => {
    await withDatabase(async (db) => {
      for (let i = 0; i < 4; i++) await issueApiKey(db, { name: `k${i}`, role: 'operator' }, { actor: 'system', at: '2025-01-06T16:00:00.000Z' });
    });
    const ok = captureIo(dir);
    expect(await runCli(['audit', 'verify'], ok)).toBe(0);
    expect(ok.out).toMatch(/audit chain intact: 4 entries/);

    await withDatabase(async (db) => {
      await db.transaction().execute(async (tx) => {
        await sql`alter table audit_log disable trigger audit_log_append_only`.execute(tx);
        await sql`update audit_log set entity_id = 'forged' where seq = 2`.execute(tx);
        await sql`alter table audit_log enable trigger audit_log_append_only`.execute(tx);
      });
    });
    const broken = captureIo(dir);
    expect(await runCli(['audit', 'verify'], broken)).toBe(1);
    expect(broken.err).toMatch(/entry 2 \(api-key:[0-9a-f-]+ #1\) was edited/);
    expect(broken.err).toContain('first broken link: entry 2');

    const json = captureIo(dir);
    expect(await runCli(['audit', 'verify', '--json'], json)).toBe(1);
    expect(JSON.parse(json.out)).toMatchObject({ ok: false, brokenAt: 2, problem: 'edited' });
  });

  if (kind === 'pglite') {
    it('refuses an embedded database another live process holds (exit 2)', async () => {
      const database = await openRuntimeDatabase(loadConfig(process.env, dir));
      try {
        // The lock is per process; pretend the holder is another live process (our parent).
        const { writeFile } = await import('node:fs/promises');
        await writeFile(join(process.env.PLAZO_DATA_DIR!, 'plazo.pid'), String(process.ppid));
        const io = captureIo(dir);
        expect(await runCli(['audit', 'verify'], io)).toBe(2);
        expect(io.err).toContain(`in use by process ${process.ppid}`);
      } finally {
        await database.close();
      }
    });
  }
});
