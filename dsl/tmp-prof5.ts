import { largeProduct } from './bench/large-product.ts';
import { lex } from './src/lexer/lexer.ts';
import { plazoParser } from './src/parser/parser.ts';
const t = largeProduct(5000);
const toks = lex(t).tokens;
for (let i=0;i<30;i++) plazoParser.parseFile(toks);
