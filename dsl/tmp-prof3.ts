import { readFileSync } from 'node:fs';
import { parse } from './src/parse.ts';
const text = readFileSync('../examples/nomina.plazo', 'utf8');
for (let i = 0; i < 400; i++) parse(text);
