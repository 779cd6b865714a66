// `plazo fmt [--write|--check] FILE...`: canonical formatting of product files (DESIGN.md contract).
// Without a flag prints the formatted text; --write rewrites files in place; --check lists the files
// that are not formatted and exits 1.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { format, formatDiagnostic, formatPolicy, isPolicyText } from '@plazo/dsl';
import { parseCommandArgs, printJson, readTextInput, shownDiagnostic, UsageError, type CliCommand, type CliIo } from '../command.ts';

interface FileOutcome {
  readonly file: string;
  readonly formatted: boolean;
  readonly changed: boolean;
  readonly errors: number;
}

export const command: CliCommand = {
  name: 'fmt',
  summary: 'Format product files canonically: print them, rewrite them (--write) or list unformatted ones (--check).',
  usage: 'plazo fmt [--write|--check] [--json] FILE...',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs(
      args,
      { write: { type: 'boolean' }, check: { type: 'boolean' }, json: { type: 'boolean' } },
      true,
    );
    if (positionals.length === 0) throw new UsageError('missing FILE');
    if (values.write && values.check) throw new UsageError('use either --write or --check, not both');
    if (values.write && positionals.includes('-')) throw new UsageError('--write cannot rewrite standard input');
    const outcomes: FileOutcome[] = [];
    let syntaxErrors = false;
    for (const file of positionals) {
      const text = await readTextInput(file, io);
      const result = isPolicyText(text) ? formatPolicy(text) : format(text);
      const shown = file === '-' ? '<stdin>' : file;
      if (result.diagnostics.length > 0) {
        syntaxErrors = true;
        for (const d of result.diagnostics) io.stderr(formatDiagnostic(shown, shownDiagnostic(io, d)) + '\n');
        outcomes.push({ file: shown, formatted: false, changed: false, errors: result.diagnostics.length });
        continue;
      }
      const changed = result.text !== text;
      outcomes.push({ file: shown, formatted: true, changed, errors: 0 });
      if (values.write) {
        if (changed) await writeFile(resolve(io.cwd, file), result.text, 'utf8');
      } else if (!values.check && !values.json) {
        io.stdout(result.text);
      }
    }
    const unformatted = outcomes.filter((o) => o.changed);
    if (values.json) printJson(io, { files: outcomes });
    else if (values.check) for (const o of unformatted) io.stdout(`${o.file}\n`);
    else if (values.write) for (const o of unformatted) io.stderr(`formatted ${o.file}\n`);
    // Syntax errors in any file are findings; so are unformatted files under --check.
    return syntaxErrors || (values.check && unformatted.length > 0) ? 1 : 0;
  },
};
