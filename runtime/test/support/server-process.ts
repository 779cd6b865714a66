// The real service process (`tsx src/server.ts`) for tests that need one: start it, wait for its
// URL and first admin key, and the CLI (`tsx src/cli/main.ts`) against the same data.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTestDatabase, type DatabaseKind } from './test-database.ts';

export const RUNTIME_DIR = new URL('../..', import.meta.url).pathname;

export interface StartedServer {
  readonly child: ChildProcess;
  readonly url: string;
  readonly key: string | null;
  output(): string;
  readonly exited: Promise<number | null>;
}

export function startServer(env: NodeJS.ProcessEnv): Promise<StartedServer> {
  // No demo portfolio unless the test asks for it (PLAZO_DEMO_PORTFOLIO in `env`).
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], { cwd: RUNTIME_DIR, env: { PLAZO_DEMO_PORTFOLIO: 'false', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 120_000);
    const poll = setInterval(() => {
      const url = /running at (http:\/\/\S+)/.exec(out)?.[1];
      if (url) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve({ child, url, key: /admin API key[^:]*: (plz_\S+)/.exec(out)?.[1] ?? null, output: () => out, exited });
      }
    }, 50);
    void exited.then((code) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
}

/** Runs `plazo ARGS` and resolves with its exit code and output. */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: RUNTIME_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out })));
}

/** A fresh data directory and, for PostgreSQL, a fresh database: the env a server process needs. */
export async function serverEnvironment(kind: DatabaseKind, prefix: string): Promise<{ env: NodeJS.ProcessEnv; dir: string; dispose(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', PLAZO_DATA_DIR: dir, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const pg = kind === 'postgres' ? await openTestDatabase('postgres', false) : undefined;
  if (pg) env.DATABASE_URL = pg.connectionString!;
  return {
    env,
    dir,
    async dispose() {
      await pg?.destroy();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
