import { readFileSync } from 'node:fs';
import * as dsl from './src/index.ts';
import { lex } from './src/lexer/lexer.ts';
const text = readFileSync('../examples/nomina.plazo', 'utf8');
const N = 200;
function t(name: string, f: () => void) { for (let i=0;i<20;i++) f(); const s = performance.now(); for (let i = 0; i < N; i++) f(); console.log(name, ((performance.now() - s) / N).toFixed(3), 'ms'); }
const p = dsl.parse(text);
t('lex', () => lex(text));
t('parse', () => dsl.parse(text));
t('check', () => dsl.check(p.file));
t('compile', () => dsl.compile(p.file, { parseDiagnostics: [] }));
t('format', () => dsl.format(text));
console.log(text.length, text.split('\n').length);
