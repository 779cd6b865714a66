// Unit tests only: the repository's example products, read and compiled from examples/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileText, parse } from '@plazo/dsl';
import type { ProductIR } from '@plazo/engine';

export function exampleText(name: string): string {
  return readFileSync(join(import.meta.dirname, `../../../../examples/${name}.plazo`), 'utf8');
}

export function compiledExample(name: string, text = exampleText(name)): ProductIR {
  const { ir, diagnostics } = compileText(text);
  if (!ir) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  return ir;
}

export function parsedExample(name: string, text = exampleText(name)) {
  return parse(text).file;
}
