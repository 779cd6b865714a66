import * as A from './dsl/src/index.ts';
import * as B from '../../src/index.ts';
import { lex } from '../../src/lexer/lexer.ts';
import { largeProduct } from '../large-product.ts';
const text = largeProduct(5000);
const N = Number(process.env.N ?? 40);
const res: Record<string, number[]> = { lex: [], 'before parse': [], 'after parse': [], 'before pipeline': [], 'after pipeline': [] };
const pipe = (m: typeof B) => { const p = m.parse(text); return m.compile(p.file, { parseDiagnostics: p.diagnostics }); };
function time(k: string, f: () => unknown) { const s = performance.now(); f(); res[k]!.push(performance.now() - s); }
for (let i = 0; i < 8; i++) { pipe(A as any); pipe(B); lex(text); }
for (let i = 0; i < N; i++) {
  time('lex', () => lex(text));
  time('before parse', () => A.parse(text)); time('after parse', () => B.parse(text));
  time('before pipeline', () => pipe(A as any)); time('after pipeline', () => pipe(B));
}
for (const [k, v] of Object.entries(res)) { v.sort((a, b) => a - b); console.log(k.padEnd(16), 'median', v[N >> 1]!.toFixed(1).padStart(6), ' min', v[0]!.toFixed(1).padStart(6)); }
