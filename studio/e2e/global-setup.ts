// Starts the real runtime once for the browser tests: `tsx runtime/src/server.ts` with a fresh
// PLAZO_DATA_DIR and PORT=0, serving the API and the built studio on one port (the examples
// loaded as version 1). Creates the studio users the tests log in as, and hands the URL and the
// admin key to the test files (`inject('plazo')`).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const studio = join(dirname(fileURLToPath(import.meta.url)), '..');
const repo = join(studio, '..');

export const USERS = {
  analyst: { email: 'ana@plazo.test', name: 'Ana Riesgo', role: 'risk-analyst', password: 'una clave larga de ana' },
  pm: { email: 'pablo@plazo.test', name: 'Pablo Producto', role: 'product-manager', password: 'una clave larga de pablo' },
  approver: { email: 'lucia@plazo.test', name: 'Lucía Aprobación', role: 'approver', password: 'una clave larga de lucia' },
  admin: { email: 'admin@plazo.test', name: 'Admin', role: 'admin', password: 'una clave larga de admin' },
} as const;

export interface PlazoRuntime {
  readonly url: string;
  readonly adminKey: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    plazo: PlazoRuntime;
  }
}

let child: ChildProcess | undefined;
let dataDir: string | undefined;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(join(studio, 'build', 'handler.js'))) throw new Error('studio/build is missing: run `vite build` first (the `test` script does)');
  dataDir = mkdtempSync(join(tmpdir(), 'plazo-e2e-data-'));
  const tsx = join(repo, 'node_modules', '.bin', 'tsx');
  // Its own embedded database in a temp dir: never CI's DATABASE_URL, whose data outlives the run
  // (a second start there is not a first start and prints no admin key).
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', PLAZO_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  delete env['DATABASE_URL'];
  // The demo portfolio (~6 s at first start) gives the dashboard e2e real figures to check.
  env['PLAZO_DEMO_PORTFOLIO'] = 'true';
  child = spawn(tsx, [join(repo, 'runtime', 'src', 'server.ts')], {
    cwd: repo,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += String(d)));
  child.stderr?.on('data', (d) => (output += String(d)));
  // A loaded machine (several test runs at once) can take over 90 s to migrate and load the examples.
  const deadline = Date.now() + Number(process.env.PLAZO_E2E_START_MS ?? 240_000);
  let url: string | undefined;
  let adminKey: string | undefined;
  while (!url || !adminKey) {
    url = /running at (http:\/\/[\d.]+:\d+)/.exec(output)?.[1];
    adminKey = /First admin API key[^:]*: (plz_\S+)/.exec(output)?.[1];
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the runtime did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  for (const user of Object.values(USERS)) {
    const response = await fetch(`${url}/api/v1/users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(user),
    });
    if (!response.ok) throw new Error(`could not create ${user.email}: ${response.status} ${await response.text()}`);
  }
  project.provide('plazo', { url, adminKey });
  return async () => {
    await new Promise<void>((resolve) => {
      if (!child || child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
}
