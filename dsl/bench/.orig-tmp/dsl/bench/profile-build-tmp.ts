import { lex } from '../src/lexer/lexer.ts';
import { plazoParser } from '../src/parser/parser.ts';
import { buildFile } from '../src/ast/build.ts';
import { LineIndex } from '../src/lexer/line-index.ts';
import { largeProduct } from './large-product.ts';
const text = largeProduct(5000);
const l = lex(text); const lines = new LineIndex(text);
const cst = plazoParser.parseFile(l.tokens);
for (let i = 0; i < 150; i++) buildFile(cst, { diagnostics: [], lines, tokens: l.tokens, comments: l.comments });
