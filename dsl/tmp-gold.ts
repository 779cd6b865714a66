import { readFileSync, writeFileSync } from 'node:fs';
import { format } from './src/format/format.ts';
for (const n of process.argv.slice(2)) {
  const r = format(readFileSync(`test/golden/${n}.input.plazo`, 'utf8'));
  if (r.diagnostics.length) console.log(n, r.diagnostics);
  writeFileSync(`test/golden/${n}.formatted.plazo`, r.text);
}
