import { Lexer } from 'chevrotain';
import { lex } from '../src/lexer/lexer.ts';
import { allTokens } from '../src/lexer/tokens.ts';
import { LineIndex } from '../src/lexer/line-index.ts';
import { plazoParser } from '../src/parser/parser.ts';
import { buildFile } from '../src/ast/build.ts';
import { largeProduct } from './large-product.ts';
const text = largeProduct(5000);
const N = 40;
function med(name: string, fn: () => unknown) { for (let i = 0; i < 8; i++) fn(); const t: number[] = []; for (let i = 0; i < N; i++) { const s = performance.now(); fn(); t.push(performance.now() - s); } t.sort((a, b) => a - b); console.log(name.padEnd(12), `${t[N >> 1]!.toFixed(1)} (min ${t[0]!.toFixed(1)})`); }
const off = new Lexer([...allTokens], { positionTracking: 'onlyOffset', ensureOptimizations: true, recoveryEnabled: true });
const lines = new LineIndex(text);
const l = lex(text);
med('lineindex', () => new LineIndex(text));
med('lex', () => lex(text, lines));
med('lexOffset', () => off.tokenize(text));
med('parseFile', () => plazoParser.parseFile(l.tokens));
const cst = plazoParser.parseFile(l.tokens);
med('build', () => buildFile(cst, { diagnostics: [], lines, tokens: l.tokens, comments: l.comments }));
