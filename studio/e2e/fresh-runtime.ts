// A runtime of its own for a browser test that needs a fresh install (no user yet): `tsx
// runtime/src/server.ts` on a temporary PLAZO_DATA_DIR and any free port, the examples loaded,
// no demo portfolio unless asked. The shared runtime of global-setup.ts already has its users.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface FreshRuntime {
  readonly url: string;
  readonly adminKey: string;
  stop(): Promise<void>;
}

/** `demoPortfolio`: the example products' demo loans (overdue ones fill the collection queues), ~6 s more at start. */
export async function startFreshRuntime(options: { demoPortfolio?: boolean } = {}): Promise<FreshRuntime> {
  const dataDir = mkdtempSync(join(tmpdir(), 'plazo-e2e-fresh-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', PLAZO_DATA_DIR: dataDir, LOG_LEVEL: 'warn', PLAZO_DEMO_PORTFOLIO: String(options.demoPortfolio ?? false) };
  delete env['DATABASE_URL'];
  const child = spawn(join(repo, 'node_modules', '.bin', 'tsx'), [join(repo, 'runtime', 'src', 'server.ts')], { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => (output += String(d)));
  child.stderr?.on('data', (d) => (output += String(d)));
  const deadline = Date.now() + 90_000;
  let url: string | undefined;
  let adminKey: string | undefined;
  while (!url || !adminKey) {
    url = /running at (http:\/\/[\d.]+:\d+)/.exec(output)?.[1];
    adminKey = /First admin API key[^:]*: (plz_\S+)/.exec(output)?.[1];
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the runtime did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    adminKey,
    async stop() {
      if (child.exitCode === null) {
        await new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        });
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
