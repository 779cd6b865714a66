import { largeProduct } from './bench/large-product.ts';
import * as dsl from './src/index.ts';
const t = largeProduct(5000);
const p = dsl.parse(t);
console.log(p.diagnostics.slice(0,5));
const c = dsl.compile(p.file, {parseDiagnostics: p.diagnostics});
console.log(c.diagnostics.slice(0,8).map(d=>d.severity+" "+d.code+" "+d.message.slice(0,150)+" "+d.range.start.line), c.diagnostics.length, !!c.ir, t.split("\n").length);
