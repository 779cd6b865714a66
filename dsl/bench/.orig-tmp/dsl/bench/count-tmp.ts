import { lex } from '../src/lexer/lexer.ts';
import { plazoParser } from '../src/parser/parser.ts';
import { largeProduct } from './large-product.ts';
const text = largeProduct(5000);
const l = lex(text);
console.log('tokens', l.tokens.length, 'comments', l.comments.length, 'chars', text.length);
const cst = plazoParser.parseFile(l.tokens);
let nodes = 0, arrays = 0, keys = 0;
(function walk(n: any) { nodes++; for (const k in n.children) { arrays++; keys++; for (const c of n.children[k]) if (c.children) walk(c); } })(cst);
console.log('cst nodes', nodes, 'label arrays', arrays);
const g = (globalThis as any).gc; 
function heap(fn: () => unknown) { g(); g(); const before = process.memoryUsage().heapUsed; const keep = fn(); g(); g(); const after = process.memoryUsage().heapUsed; console.log(((after - before) / 1e6).toFixed(1), 'MB retained'); return keep; }
const a = heap(() => lex(text));
const b = heap(() => plazoParser.parseFile(l.tokens));
import * as dsl from '../src/index.ts';
const c = heap(() => dsl.parse(text));
void a, b, c;
