import { largeProduct } from './bench/large-product.ts';
import { lex } from './src/lexer/lexer.ts';
import { plazoParser } from './tmp-parser-v.ts';
const t = largeProduct(5000);
const toks = lex(t).tokens;
function cpu(name: string, f: () => void, n = 20) { for (let i=0;i<5;i++) f(); const c = process.cpuUsage(); for (let i=0;i<n;i++) f(); const d = process.cpuUsage(c); console.log(name, 'cpu', ((d.user+d.system)/1000/n).toFixed(1)); }
cpu(process.argv[2]!, () => plazoParser.parseFile(toks));
