import * as dsl from '../src/index.ts';
import { lex } from '../src/lexer/lexer.ts';
import { largeProduct } from './large-product.ts';
const text = largeProduct(5000);
const N = Number(process.argv[2] ?? 40);
function med(fn: () => unknown) { for (let i = 0; i < 10; i++) fn(); const t: number[] = []; for (let i = 0; i < N; i++) { const s = performance.now(); fn(); t.push(performance.now() - s); } t.sort((a, b) => a - b); return `${t[N >> 1]!.toFixed(1)} (min ${t[0]!.toFixed(1)})`; }
const p = dsl.parse(text);
console.log('lex     ', med(() => lex(text)));
console.log('parse   ', med(() => dsl.parse(text)));
console.log('analyze ', med(() => dsl.analyze(p.file)));
console.log('compile ', med(() => dsl.compile(p.file, { parseDiagnostics: p.diagnostics })));
console.log('all     ', med(() => { const q = dsl.parse(text); return dsl.compile(q.file, { parseDiagnostics: q.diagnostics }); }));
