import { readFileSync } from 'node:fs';
import { parse } from './src/parse.ts';
const text = readFileSync(process.argv[2]!, 'utf8');
const r = parse(text);
console.log(JSON.stringify(r.diagnostics, null, 1));
if (process.argv[3]) console.log(JSON.stringify(r.file, (k, v) => (k === 'range' || k==='typeRange' || k==='at') ? undefined : v, 1));
