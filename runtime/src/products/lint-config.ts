// The institution's thresholds for the language's regulatory lints, from `plazo.config.json`:
// found beside the product files (or in a folder above) by the CLI, in the data directory by the
// service. The file is read here; its fields are the language's to judge (`parseLintConfig`).
import { readFile } from 'node:fs/promises';
import { dirname, join, parse as parsePath, relative, resolve } from 'node:path';
import { InvalidInputError } from '@plazo/engine';
import type { Lang, LintThresholds } from '@plazo/dsl';

/** The file's name, wherever it is looked for. */
export const LINT_CONFIG_FILE = 'plazo.config.json';

/**
 * Reads and validates one config file. Undefined when it does not exist; InvalidInputError naming
 * the file and each field (`plazo.config.json: lints.maxAnnualRate`) when it is not valid.
 * `shown` is how the file is named in messages (default: its path).
 */
export async function readLintConfig(file: string, shown = file, lang: Lang = 'en'): Promise<Partial<LintThresholds> | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new InvalidInputError([{ path: shown, message: `cannot read the lint configuration: ${(error as NodeJS.ErrnoException).code ?? String(error)}` }]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch (error) {
    throw new InvalidInputError([{ path: shown, message: `is not valid JSON: ${(error as Error).message}` }]);
  }
  // Loaded on use, like the compiler (product-compiler.ts): the rest of the service runs without the language.
  const { parseLintConfig } = await import('@plazo/dsl');
  const result = parseLintConfig(json, lang);
  if (!result.ok) throw new InvalidInputError(result.issues.map((i) => ({ path: i.path ? `${shown}: ${i.path}` : shown, message: i.message })));
  return result.thresholds;
}

/** The service's thresholds: `plazo.config.json` in its data directory (PLAZO_DATA_DIR); undefined when there is none. */
export async function dataDirLintConfig(dataDir: string): Promise<Partial<LintThresholds> | undefined> {
  return readLintConfig(join(dataDir, LINT_CONFIG_FILE));
}

/**
 * The thresholds for a product file: the nearest `plazo.config.json` in its folder or a folder
 * above (for standard input, from `cwd`); undefined (the defaults) when there is none. Its
 * problems are reported in `lang` (the CLI's `--lang`).
 * @example await lintConfigFor('examples/nomina.plazo', process.cwd())
 */
export async function lintConfigFor(productFile: string, cwd: string, lang: Lang = 'en'): Promise<Partial<LintThresholds> | undefined> {
  let dir = productFile === '-' ? resolve(cwd) : dirname(resolve(cwd, productFile));
  const root = parsePath(dir).root;
  for (;;) {
    const candidate = join(dir, LINT_CONFIG_FILE);
    const near = relative(cwd, candidate);
    const found = await readLintConfig(candidate, near.startsWith('..') ? candidate : near, lang);
    if (found) return found;
    if (dir === root) return undefined;
    dir = dirname(dir);
  }
}
