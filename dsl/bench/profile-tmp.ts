import * as dsl from '../src/index.ts';
import { largeProduct } from './large-product.ts';
const text = largeProduct(5000);
const mode = process.argv[2] ?? 'all';
const N = Number(process.argv[3] ?? 60);
const t0 = performance.now();
let times: number[] = [];
for (let i = 0; i < N; i++) {
  const s = performance.now();
  if (mode === 'parse') dsl.parse(text);
  else if (mode === 'check') { const p = dsl.parse(text); dsl.compile(p.file, { parseDiagnostics: p.diagnostics }); }
  else { const p = dsl.parse(text); dsl.compile(p.file, { parseDiagnostics: p.diagnostics }); }
  times.push(performance.now() - s);
}
times.sort((a,b)=>a-b);
console.log(mode, 'median', times[N>>1].toFixed(1), 'min', times[0].toFixed(1));
