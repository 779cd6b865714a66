import { lex } from '../src/lexer/lexer.ts';
import { plazoParser } from '../src/parser/parser.ts';
import { buildFile } from '../src/ast/build.ts';
import { LineIndex } from '../src/lexer/line-index.ts';
import { largeProduct } from './large-product.ts';
const text = largeProduct(5000);
const N = 40;
function med(name: string, fn: () => unknown) { for (let i = 0; i < 8; i++) fn(); const t: number[] = []; for (let i = 0; i < N; i++) { const s = performance.now(); fn(); t.push(performance.now() - s); } t.sort((a, b) => a - b); console.log(name.padEnd(12), `${t[N >> 1]!.toFixed(1)} (min ${t[0]!.toFixed(1)})`); }
const l = lex(text);
const lines = new LineIndex(text);
const g = (globalThis as any).gc;
function heap(name: string, fn: () => unknown) { g(); g(); const before = process.memoryUsage().heapUsed; const keep = fn(); g(); g(); const after = process.memoryUsage().heapUsed; console.log(name, ((after - before) / 1e6).toFixed(1), 'MB retained'); return keep; }
if (process.argv[2] === 'fast') {
  function Children() {}
  Children.prototype = Object.create(null);
  (plazoParser as any).cstInvocationStateUpdate = function (this: any, name: string) {
    const cstNode = { name, children: new (Children as any)(), location: { startOffset: NaN, startLine: NaN, startColumn: NaN, endOffset: NaN, endLine: NaN, endColumn: NaN } };
    this.CST_STACK.push(cstNode);
  };
}
heap('cst', () => plazoParser.parseFile(l.tokens));
med('parseFile', () => plazoParser.parseFile(l.tokens));
const cst = plazoParser.parseFile(l.tokens);
med('build', () => buildFile(cst, { diagnostics: [], lines, tokens: l.tokens, comments: l.comments }));
med('both', () => buildFile(plazoParser.parseFile(l.tokens), { diagnostics: [], lines, tokens: l.tokens, comments: l.comments }));
