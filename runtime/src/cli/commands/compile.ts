// `plazo compile FILE [--out F] [--json]`: the Product IR of a product file, as canonical JSON (keys
// sorted, two-space indent), identical across runs; exit 1 with the diagnostics when it has errors.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { compileText, formatDiagnostic } from '@plazo/dsl';
import { sortKeys } from '@plazo/engine';
import { parseCommandArgs, printJson, readTextInput, shownDiagnostic, UsageError, type CliCommand, type CliIo } from '../command.ts';
import { lintConfigFor } from '../../products/lint-config.ts';

export const command: CliCommand = {
  name: 'compile',
  summary: 'Compile a product file to its Product IR (JSON with a content hash); refuses while errors stand.',
  usage: 'plazo compile FILE [--out F] [--json]',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs(args, { out: { type: 'string' }, json: { type: 'boolean' } }, true);
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'missing FILE' : 'compile takes one FILE');
    const file = positionals[0]!;
    const shown = file === '-' ? '<stdin>' : file;
    const { ir, diagnostics } = compileText(await readTextInput(file, io), { lints: await lintConfigFor(file, io.cwd, io.lang) });
    for (const d of diagnostics) io.stderr(formatDiagnostic(shown, shownDiagnostic(io, d)) + '\n');
    if (!ir) {
      if (values.json) printJson(io, { file: shown, diagnostics: diagnostics.map((d) => shownDiagnostic(io, d)) });
      return 1;
    }
    const text = JSON.stringify(sortKeys(ir), null, 2) + '\n';
    if (values.out !== undefined) {
      try {
        await writeFile(resolve(io.cwd, values.out), text, 'utf8');
      } catch (error) {
        throw new UsageError(`cannot write \`${values.out}\`: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      }
      io.stderr(`wrote ${values.out} (hash ${ir.hash})\n`);
    } else {
      io.stdout(text);
    }
    return 0;
  },
};
