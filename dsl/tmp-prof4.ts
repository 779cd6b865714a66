import { largeProduct } from './bench/large-product.ts';
import { lex } from './src/lexer/lexer.ts';
import { plazoParser } from './src/parser/parser.ts';
for (const n of [500, 1000, 2000, 4000]) {
  const t = largeProduct(n);
  for (let i=0;i<5;i++) lex(t);
  let s = performance.now(); for (let i=0;i<10;i++) lex(t); const lx = (performance.now()-s)/10;
  const toks = lex(t).tokens;
  for (let i=0;i<3;i++) plazoParser.parseFile(toks);
  s = performance.now(); for (let i=0;i<5;i++) plazoParser.parseFile(toks); const ps = (performance.now()-s)/5;
  console.log(n, toks.length, lx.toFixed(2), ps.toFixed(2));
}
