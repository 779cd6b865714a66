import { createReadStream, readFileSync } from 'node:fs';
import { statementParser } from './src/banking/formats/index.ts';
const [format, file, layout] = process.argv.slice(2);
const gen = statementParser(format as any)!.parse(createReadStream(file!), layout ? JSON.parse(readFileSync(layout, 'utf8')) : {});
for (;;) { const r = await gen.next(); if (r.done) { console.log('SUMMARY', JSON.stringify(r.value)); break; } console.log(JSON.stringify(r.value)); }
