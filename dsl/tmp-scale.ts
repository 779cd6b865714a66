import { largeProduct } from './bench/large-product.ts';
import { lex } from './src/lexer/lexer.ts';
import { parse } from './src/parse.ts';
import { plazoParser } from './src/parser/parser.ts';
function med(f: () => void, n = 15) { for (let i=0;i<5;i++) f(); const a=[]; for (let i=0;i<n;i++){const s=performance.now(); f(); a.push(performance.now()-s);} a.sort((x,y)=>x-y); return a[n>>1]!.toFixed(2); }
for (const n of [250, 1000, 5000]) {
  const t = largeProduct(n);
  const toks = lex(t).tokens;
  console.log(n, toks.length, 'lex', med(() => lex(t)), 'cst', med(() => plazoParser.parseFile(toks)), 'parse', med(() => parse(t)));
}
