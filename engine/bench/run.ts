// Benchmark harness: runs every bench/*.bench.ts in name order; each exports `bench()`, which
// prints its own figures and its baseline comparison. `pnpm --filter @plazo/engine bench [filter]`.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
  .sort();
for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { bench?: () => unknown };
  if (typeof mod.bench !== 'function') {
    console.error(`${file}: does not export bench()`);
    process.exitCode = 1;
    continue;
  }
  console.log(`\n== ${file}`);
  await mod.bench();
}
