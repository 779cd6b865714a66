// `plazo audit verify | anchor | bind` through the CLI dispatcher, on each database: the signing
// key created on first use (0600, public key beside it), anchors written and never overwritten,
// verify with an anchor (exit 0 intact, 1 naming a deleted stream or a forged anchor, 2 without a
// trusted key), and the one-time binding of rows written before rows were bound.
import { mkdtemp, readFile, rm, stat, writeFile, chmod } from 'node:fs/promises';
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

// Each CLI run opens the database anew (PGlite from its data directory): allow for a busy machine.
describe.each(DATABASE_KINDS)('plazo audit on %s', { timeout: 180_000 }, (kind) => {
  let dir: string;
  let pg: TestDatabase | undefined;
  const savedEnv = { ...process.env };
  let keyId: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'plazo-audit-cli-'));
    delete process.env.DATABASE_URL;
    delete process.env.PLAZO_AUDIT_PUBLIC_KEY;
    process.env.PLAZO_DATA_DIR = join(dir, 'data');
    process.env.PLAZO_AUDIT_KEY = join(dir, 'keys', 'anchor.pem');
    if (kind === 'postgres') {
      process.env.DATABASE_URL = savedEnv.DATABASE_URL;
      pg = await openTestDatabase('postgres', false);
      process.env.DATABASE_URL = pg.connectionString!;
    }
    await withDatabase(async (db) => {
      for (const role of ['admin', 'operator'] as const) {
        const { apiKey } = await issueApiKey(db, { name: `k ${role}`, role }, { actor: 'system', at: '2025-01-06T16:00:00.000Z' });
        keyId = apiKey.id;
      }
    });
  }, 120_000);
  afterAll(async () => {
    process.env = savedEnv;
    await pg?.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  async function withDatabase(fn: (db: Awaited<ReturnType<typeof openRuntimeDatabase>>['db']) => Promise<void>) {
    const database = await openRuntimeDatabase(loadConfig(process.env, dir));
    try {
      await fn(database.db);
    } finally {
      await database.close();
    }
  }
  async function tamper(...statements: ReturnType<typeof sql>[]) {
    await withDatabase((db) =>
      db.transaction().execute(async (tx) => {
        await sql`set local session_replication_role = replica`.execute(tx);
        for (const statement of statements) await statement.execute(tx);
      }),
    );
  }
  async function cli(...args: string[]) {
    const io = captureIo(dir);
    const code = await runCli(args, io);
    return { code, out: io.out, err: io.err };
  }

  it('anchors with a key created on first use, and never overwrites an anchor', async () => {
    const first = await cli('audit', 'anchor', '--out', 'anchor-1.json');
    expect(first.code, first.err).toBe(0);
    const keyFile = process.env.PLAZO_AUDIT_KEY!;
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    expect(await readFile(`${keyFile}.pub`, 'utf8')).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(first.err).toContain(`created the audit signing key ${keyFile}`);
    expect(first.out).toMatch(/^anchored 2 streams \(2 entries\) at .* in anchor-1\.json; heads digest [0-9a-f]{64}; key sha256:[0-9a-f]{64}\n$/);
    const anchor = JSON.parse(await readFile(join(dir, 'anchor-1.json'), 'utf8'));
    expect(anchor).toMatchObject({ format: 'plazo-audit-anchor/1', counts: { streams: 2, entries: 2, rows: { api_keys: 2, users: 0 } } });
    expect(anchor.heads.map((h: unknown[]) => h[0])).toContain(`api-key:${keyId}`);

    const again = await cli('audit', 'anchor', '--out', 'anchor-1.json');
    expect(again.code).toBe(2);
    expect(again.err).toContain('the file exists');
    const json = await cli('audit', 'anchor', '--out', 'anchor-2.json', '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toMatchObject({ file: 'anchor-2.json', streams: 2, keyFingerprint: anchor.keyFingerprint });
    expect(json.err).toBe('');
    // Without --out: the anchor on stdout.
    const printed = await cli('audit', 'anchor');
    expect(JSON.parse(printed.out)).toMatchObject({ format: 'plazo-audit-anchor/1', keyFingerprint: anchor.keyFingerprint });
  });

  it('verifies against an anchor with the signing key or only its public key', async () => {
    const ok = await cli('audit', 'verify', '--anchor', 'anchor-1.json');
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toContain('audit chain intact: 2 entries in 2 streams');
    expect(ok.out).toContain('bound rows, each matching its audit entry: users 0, api_keys 2,');
    expect(ok.out).toMatch(/anchor of .*: signature valid, all 2 anchored streams present/);

    const keyFile = process.env.PLAZO_AUDIT_KEY!;
    delete process.env.PLAZO_AUDIT_KEY;
    try {
      const noKey = await cli('audit', 'verify', '--anchor', 'anchor-1.json');
      expect(noKey.code).toBe(2);
      expect(noKey.err).toContain("cannot check the anchor's signature");
      const publicOnly = await cli('audit', 'verify', '--anchor', 'anchor-1.json', '--public-key', `${keyFile}.pub`, '--json');
      expect(publicOnly.code, publicOnly.err).toBe(0);
      expect(JSON.parse(publicOnly.out)).toMatchObject({ ok: true, anchor: { signatureValid: true, streams: 2 }, findings: [] });
    } finally {
      process.env.PLAZO_AUDIT_KEY = keyFile;
    }
    for (const args of [['audit', 'verify', '--anchor', 'nope.json'], ['audit', 'verify', '--public-key', 'x'], ['audit', 'anchor', '--anchor', 'anchor-1.json'], ['audit', 'bind', '--out', 'x']]) {
      expect((await cli(...args)).code, args.join(' ')).toBe(2);
    }
  });

  it('refuses a forged anchor (exit 1)', async () => {
    const anchor = JSON.parse(await readFile(join(dir, 'anchor-1.json'), 'utf8'));
    anchor.heads = anchor.heads.slice(1);
    await writeFile(join(dir, 'forged.json'), JSON.stringify(anchor));
    const forged = await cli('audit', 'verify', '--anchor', 'forged.json');
    expect(forged.code).toBe(1);
    expect(forged.err).toContain('audit: error anchor-forged: the anchor of');
    expect(forged.err).toContain('does not carry a valid signature');
  });

  it('finds a whole stream deleted only with the anchor (exit 1, --json names it)', async () => {
    const stream = `api-key:${keyId}`;
    await tamper(sql`delete from audit_log where stream = ${stream}`, sql`delete from audit_streams where stream = ${stream}`, sql`delete from api_keys where id = ${keyId}`);
    expect((await cli('audit', 'verify')).code).toBe(0);
    const json = await cli('audit', 'verify', '--anchor', 'anchor-1.json', '--json');
    expect(json.code).toBe(1);
    const result = JSON.parse(json.out);
    expect(result).toMatchObject({ ok: false, problem: 'stream-deleted', stream, findingCount: 1 });
    const text = await cli('audit', 'verify', '--anchor', 'anchor-1.json');
    expect(text.code).toBe(1);
    expect(text.err).toContain(`audit: error stream-deleted: stream ${stream} is gone`);
  });

  it('binds rows written before binding once, refusing while anything else does not verify', async () => {
    const legacy = '0190a0a0-0000-7000-8000-0000000000aa';
    await tamper(sql`insert into users (id, email, name, role, created_at, created_by) values (${legacy}, 'old@example.mx', 'Old', 'approver', '2024-06-01T00:00:00Z', 'system')`);
    const before = await cli('audit', 'verify');
    expect(before.code).toBe(1);
    expect(before.err).toContain(`audit: error row-unbound: users ${legacy} has no audit entry`);
    expect(before.err).toContain('plazo audit bind');

    // A bound row edited: bind refuses and binds nothing.
    const [other] = await withRows();
    await tamper(sql`update api_keys set name = name || ' (renamed)' where id = ${other}`);
    const refused = await cli('audit', 'bind');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`audit: error row-edited: api_keys ${other} was edited`);
    expect(refused.err).toContain('nothing bound');
    await tamper(sql`update api_keys set name = replace(name, ' (renamed)', '') where id = ${other}`);
    expect((await cli('audit', 'verify')).err).not.toContain('row-edited');

    const bound = await cli('audit', 'bind');
    expect(bound.code, bound.err).toBe(0);
    expect(bound.out).toBe('bound 1 rows written before rows were bound (users 1) in 1 backfill entries of stream audit-backfill\n');
    const after = await cli('audit', 'verify', '--json');
    expect(after.code, after.err).toBe(0);
    const result = JSON.parse(after.out);
    expect(result.rows.find((r: { table: string }) => r.table === 'users')).toEqual({ table: 'users', rows: 1, bound: 0, backfilled: 1, unbound: 0 });
    expect(result.backfills).toEqual([expect.objectContaining({ streamSeq: 1, actor: 'system', rows: { users: 1 } })]);
    expect((await cli('audit', 'verify')).out).toContain('users 1 (1 by backfill)');
    expect((await cli('audit', 'bind')).out).toBe('nothing to bind: every row has its audit entry\n');

    // A backfilled row edited afterwards is found like any other.
    await tamper(sql`update users set role = 'admin' where id = ${legacy}`);
    const edited = await cli('audit', 'verify');
    expect(edited.code).toBe(1);
    expect(edited.err).toContain(`users ${legacy} was edited: it no longer matches the hash recorded by audit entry audit-backfill #1`);
  });

  it('refuses a signing key others can read (exit 2)', async () => {
    await chmod(process.env.PLAZO_AUDIT_KEY!, 0o644);
    const res = await cli('audit', 'anchor');
    expect(res.code).toBe(2);
    expect(res.err).toContain('can be read by others (mode 644)');
    await chmod(process.env.PLAZO_AUDIT_KEY!, 0o600);
  });

  /** The ids of the API keys left. */
  async function withRows(): Promise<string[]> {
    let ids: string[] = [];
    await withDatabase(async (db) => {
      ids = (await db.selectFrom('api_keys').select('id').orderBy('id').execute()).map((r) => r.id);
    });
    return ids;
  }
});
