// Test helpers: run the real parser and checker on text, find where a token sits in it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { check } from '../src/check/check.ts';
import type { Diagnostic } from '../src/diagnostic.ts';
import { parse } from '../src/parse.ts';

/** The full product every checker test starts from (it checks clean). */
export const PRODUCT = readFileSync(fileURLToPath(new URL('./fixtures/full-product.plazo', import.meta.url)), 'utf8');

/** Parse + check diagnostics of `text`. */
export function diagnose(text: string): Diagnostic[] {
  const { file, diagnostics } = parse(text);
  return [...diagnostics, ...check(file)];
}

/** PRODUCT with `from` replaced by `to` (which must occur exactly once). */
export function mutate(from: string, to: string, text = PRODUCT): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`\`${from}\` must occur exactly once in the product`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** 1-based `line:col` of the `occurrence`-th `needle` in `text`. */
export function positionOf(text: string, needle: string, occurrence = 0): string {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`\`${needle}\` not found`);
  }
  const before = text.slice(0, at).split('\n');
  return `${before.length}:${before[before.length - 1]!.length + 1}`;
}

/** `line:col code message` of each diagnostic with one of `codes` (all when none given). */
export function found(diagnostics: readonly Diagnostic[], ...codes: string[]): string[] {
  return diagnostics
    .filter((d) => codes.length === 0 || codes.includes(d.code))
    .map((d) => `${d.range.start.line + 1}:${d.range.start.column + 1} ${d.code} ${d.message}`);
}
