import { readFileSync } from 'node:fs';
import { parse } from '../src/parse.ts';
import { check } from '../src/check/check.ts';
import { compileText } from '../src/compile/compile.ts';
for (const f of ['test/fixtures/full-product.plazo', '../examples/nomina.plazo', '../examples/german_credit.plazo']) {
  const text = readFileSync(f, 'utf8');
  for (let i = 0; i < 50; i++) compileText(text);
  const { file } = parse(text);
  let t = performance.now(); for (let i = 0; i < 200; i++) check(file); const tc = (performance.now() - t) / 200;
  t = performance.now(); for (let i = 0; i < 200; i++) compileText(text); const ta = (performance.now() - t) / 200;
  t = performance.now(); for (let i = 0; i < 200; i++) parse(text); const tp = (performance.now() - t) / 200;
  console.log(f, text.split('\n').length, 'lines', 'parse', tp.toFixed(3), 'check', tc.toFixed(3), 'parse+check+compile', ta.toFixed(3), 'ms');
}
// A large generated product: many lets, rules and characteristics.
const base = readFileSync('test/fixtures/full-product.plazo', 'utf8');
const lets = Array.from({ length: 1200 }, (_, i) => `  let v${i} = applicant.net_income * ${i % 90 + 1}% / 2`).join('\n');
const rules = Array.from({ length: 1200 }, (_, i) => `    refer "R${i}" when v${i} > ${1000 + i} and applicant.age < ${20 + (i % 70)}`).join('\n');
const chars = Array.from({ length: 300 }, (_, i) => `    characteristic v${i} { ..<1000 -> -5  1000..<5000 -> 0  5000.. -> +5 }`).join('\n');
const big = base.replace('  limits {', lets + '\n  limits {').replace('  eligibility {\n', '  eligibility {\n' + rules + '\n').replace('    band A', chars + '\n    band A');
const lines = big.split('\n').length;
for (let i = 0; i < 10; i++) compileText(big);
let t = performance.now(); let r; for (let i = 0; i < 20; i++) r = compileText(big); const tb = (performance.now() - t) / 20;
const { file } = parse(big);
t = performance.now(); for (let i = 0; i < 20; i++) check(file); const tcb = (performance.now() - t) / 20;
console.log('generated', lines, 'lines: check', tcb.toFixed(2), 'ms; parse+check+compile', tb.toFixed(2), 'ms; errors', r!.diagnostics.filter(d => d.severity === 'error').length, 'ir', !!r!.ir);
{
  const t0 = performance.now(); for (let i = 0; i < 10; i++) parse(big); console.log('parse big', ((performance.now() - t0) / 10).toFixed(1));
  const { sha256Hex, canonicalJson } = await import('@plazo/engine');
  const ir = compileText(big).ir!;
  const t1 = performance.now(); let s = ''; for (let i = 0; i < 10; i++) s = canonicalJson(ir); console.log('canonical', ((performance.now() - t1) / 10).toFixed(1), s.length);
  const t2 = performance.now(); for (let i = 0; i < 10; i++) sha256Hex(s); console.log('sha', ((performance.now() - t2) / 10).toFixed(1));
}
