import { readFileSync } from 'node:fs';
import { lex } from './src/lexer/lexer.ts';
import { plazoParser } from './src/parser/parser.ts';
import { parse } from './src/parse.ts';
const text = readFileSync('../examples/nomina.plazo', 'utf8');
const N = 300;
function t(name: string, f: () => void) { for (let i=0;i<50;i++) f(); const s = performance.now(); for (let i = 0; i < N; i++) f(); console.log(name, ((performance.now() - s) / N).toFixed(3), 'ms'); }
const l = lex(text);
t('lex', () => lex(text));
t('cst', () => plazoParser.parseFile(l.tokens));
t('parse', () => parse(text));
