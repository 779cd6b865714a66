// Equivalence snapshot: parse + compile outputs over examples, fuzz mutants and the large product.
import { writeFileSync } from 'node:fs';
import * as dsl from '../src/index.ts';
import { lex } from '../src/lexer/lexer.ts';
import { allProducts } from '../test/texts.ts';
import { largeProduct } from './large-product.ts';
function prng(seed: number) { let a = seed >>> 0; return () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; }; }
const EXTRA = ['{', '}', '(', ')', ',', ':', '..', '..<', '->', '-', '+', '=', '>=', '"', '"abc', '%', '@', '///', '\n', 'product', 'missing', '0', '1.5x', '2025-13-40', 'not', 'in', 'is', 'if', 'then', 'else', 'band', 'by'];
function mutate(text: string, r: () => number): string {
  const tokens = lex(text).tokens; if (tokens.length < 2) return text + EXTRA[Math.floor(r() * EXTRA.length)];
  const pick = () => tokens[Math.floor(r() * tokens.length)]!; const span = (t: any) => [t.startOffset, t.startOffset + t.image.length] as const;
  const c = r();
  if (c < 0.4) { const [s, e] = span(pick()); return text.slice(0, s) + text.slice(e); }
  if (c < 0.75) { const [s] = span(pick()); const ins = r() < 0.5 ? pick().image : EXTRA[Math.floor(r() * EXTRA.length)]!; return `${text.slice(0, s)}${ins} ${text.slice(s)}`; }
  const i = Math.floor(r() * (tokens.length - 1)); const [as, ae] = span(tokens[i]!); const [bs, be] = span(tokens[i + 1]!);
  return text.slice(0, as) + text.slice(bs, be) + text.slice(ae, bs) + text.slice(as, ae) + text.slice(be);
}
import { readFileSync } from 'node:fs';
function require_fixture() { return readFileSync(new URL('../test/fixtures/full-product.plazo', import.meta.url), 'utf8'); }
const texts: string[] = [];
const r = prng(12345);
for (const p of [...allProducts(), { name: "fixture", text: require_fixture() }]) { texts.push(p.text); for (let i = 0; i < Number(process.env.N ?? 300); i++) { let t = p.text; const k = 1 + Math.floor(r() * 4); for (let j = 0; j < k; j++) t = mutate(t, r); texts.push(t); } }
texts.push(largeProduct(5000));
const out: string[] = [];
for (const text of texts) {
  const p = dsl.parse(text);
  const c = dsl.compile(p.file, { parseDiagnostics: p.diagnostics });
  let f: unknown; try { f = dsl.format(text); } catch (e) { f = String(e); }
  out.push(JSON.stringify({ file: p.file, d: p.diagnostics, comments: p.comments, c, f }));
}
writeFileSync(process.argv[2]!, out.join('\n'));
console.log('texts', texts.length);
