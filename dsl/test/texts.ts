// Real product texts for the front-end tests: the examples (when present), this package's test
// products, and every complete product in the README's code blocks.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

function plazoFiles(dir: string): { name: string; text: string }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.plazo'))
    .sort()
    .map((f) => ({ name: join(dir, f), text: readFileSync(join(dir, f), 'utf8') }));
}

/** examples/*.plazo, products only (pld.plazo is a `policy` document: src/policy/policy.test.ts). */
export function exampleProducts(): { name: string; text: string }[] {
  return plazoFiles(join(here, '../../examples')).filter((f) => !/^(?:\s|\/\/[^\n]*\n)*policy\b/.test(f.text));
}

/** dsl/test/products/*.plazo */
export function testProducts(): { name: string; text: string }[] {
  return plazoFiles(join(here, 'products'));
}

/** The README's `plazo` code blocks that hold a whole product (not an excerpt with `...`). */
export function readmeProducts(): { name: string; text: string }[] {
  const readme = readFileSync(join(here, '../README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```plazo\n([\s\S]*?)```/g)].map((m) => m[1]!);
  return blocks
    .map((text, i) => ({ name: `README block ${i + 1}`, text }))
    .filter((b) => /^\s*(\/\/\/.*\n)*\s*product\s/.test(b.text) && !b.text.includes('...'));
}

/** Every real product text available. */
export function allProducts(): { name: string; text: string }[] {
  return [...exampleProducts(), ...testProducts(), ...readmeProducts()];
}

/** The first `plazo` code block under the README heading `### heading`. */
export function readmeBlock(heading: string): string {
  const readme = readFileSync(join(here, '../README.md'), 'utf8');
  const at = readme.indexOf(`\n### ${heading}\n`);
  if (at < 0) throw new Error(`README has no heading \`### ${heading}\``);
  const block = /```plazo\n([\s\S]*?)```/.exec(readme.slice(at));
  if (!block) throw new Error(`no plazo block under \`### ${heading}\``);
  return block[1]!;
}
