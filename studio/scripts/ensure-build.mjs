// Builds the studio when its build is missing or older than its sources (or the dsl, engine and
// examples it bundles), so `pnpm start` serves a current studio on a fresh clone without
// rebuilding on every start. Usage: node studio/scripts/ensure-build.mjs
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const studio = join(dirname(fileURLToPath(import.meta.url)), '..');
const repo = join(studio, '..');
const built = join(studio, 'build', 'handler.js');

function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let max = 0;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    max = Math.max(max, newest(join(path, name)));
  }
  return max;
}

const sources = [join(studio, 'src'), join(studio, 'static'), join(studio, 'svelte.config.js'), join(studio, 'vite.config.ts'), join(repo, 'dsl', 'src'), join(repo, 'engine', 'src'), join(repo, 'examples')];
const stale = !existsSync(built) || Math.max(...sources.map(newest)) > statSync(built).mtimeMs;
if (stale) {
  process.stdout.write(existsSync(built) ? 'plazo: the studio build is older than its sources: rebuilding…\n' : 'plazo: building the studio (first start)…\n');
  execFileSync('pnpm', ['--filter', '@plazo/studio', 'build'], { cwd: repo, stdio: 'inherit' });
}
