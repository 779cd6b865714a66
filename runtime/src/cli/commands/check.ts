// `plazo check FILE...`: lex, parse and check product files; diagnostics on stderr as
// `file:line:col: severity code: message` (DESIGN.md contract), or all of them as JSON with --json.
import { check, compilePolicyText, formatDiagnostic, isPolicyText, parse, type Diagnostic } from '@plazo/dsl';
import { parseCommandArgs, printJson, readTextInput, shownDiagnostic, UsageError, type CliCommand, type CliIo } from '../command.ts';
import { lintConfigFor } from '../../products/lint-config.ts';

export const command: CliCommand = {
  name: 'check',
  summary: 'Check product files: syntax, names, types, ranges, coverage and regulatory warnings. Exit 1 on any error.',
  usage: 'plazo check [--json] FILE...',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } }, true);
    if (positionals.length === 0) throw new UsageError('missing FILE');
    const files: { file: string; diagnostics: Diagnostic[] }[] = [];
    for (const file of positionals) {
      const text = await readTextInput(file, io);
      const shown = file === '-' ? '<stdin>' : file;
      // A PLD policy document (`policy pld "…" { … }`) is checked by its own checker.
      const diagnostics = isPolicyText(text) ? compilePolicyText(text).diagnostics : await checkProduct(text, file, io);
      const localized = diagnostics.map((d) => shownDiagnostic(io, d));
      for (const d of localized) io.stderr(formatDiagnostic(shown, d) + '\n');
      files.push({ file: shown, diagnostics: localized });
    }
    if (values.json) printJson(io, { files });
    return files.some((f) => f.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
  },
};

async function checkProduct(text: string, file: string, io: CliIo): Promise<Diagnostic[]> {
  const parsed = parse(text);
  return [...parsed.diagnostics, ...check(parsed.file, { lints: await lintConfigFor(file, io.cwd, io.lang) })];
}
