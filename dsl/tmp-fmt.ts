import { readFileSync } from 'node:fs';
import { format } from './src/format/format.ts';
const text = readFileSync(process.argv[2]!, 'utf8');
const r = format(text);
console.log(r.diagnostics);
process.stdout.write(r.text);
const r2 = format(r.text);
console.error('idempotent:', r2.text === r.text);
