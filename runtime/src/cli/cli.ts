// The `plazo` command dispatcher: one module per command under commands/, loaded on demand, so a
// command's dependencies (the database, the dsl) cost nothing to the others.
// Exit codes (DESIGN.md): 0 success, 1 findings, 2 bad usage or unreadable input.
import { CatOutOfRangeError, InvalidInputError } from '@plazo/engine';
import { cliLanguage, UsageError, type CliCommand, type CliIo } from './command.ts';

const commands: Record<string, () => Promise<{ command: CliCommand }>> = {
  schedule: () => import('./commands/schedule.ts'),
  cat: () => import('./commands/cat.ts'),
  simulate: () => import('./commands/simulate.ts'),
  check: () => import('./commands/check.ts'),
  compile: () => import('./commands/compile.ts'),
  fmt: () => import('./commands/fmt.ts'),
  test: () => import('./commands/test.ts'),
  backtest: () => import('./commands/backtest.ts'),
  db: () => import('./commands/db.ts'),
  audit: () => import('./commands/audit.ts'),
  decide: () => import('./commands/decide.ts'),
  eod: () => import('./commands/eod.ts'),
  validate: () => import('./commands/validate.ts'),
  sat: () => import('./commands/sat.ts'),
  statement: () => import('./commands/statement.ts'),
};

function usage(): string {
  return [
    'usage: plazo <command> [options]',
    '',
    'commands:',
    ...Object.keys(commands).map((name) => `  ${name}`),
    '',
    'Every command accepts --json (one JSON document on stdout), --help, and --lang es|en for the',
    'language of diagnostics (default: LC_ALL, LC_MESSAGES or LANG starting with `es` is Spanish, else English).',
  ].join('\n');
}

/** Runs one CLI invocation and returns its exit code; never throws for user error. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage() + '\n');
    return name === undefined ? 2 : 0;
  }
  const load = commands[name];
  if (!load) {
    io.stderr(`plazo: unknown command \`${name}\`\n${usage()}\n`);
    return 2;
  }
  const { command } = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`usage: ${command.usage}\n\n${command.summary}\n`);
    return 0;
  }
  try {
    const { lang, rest: args } = cliLanguage(rest, process.env);
    return await command.run(args, { ...io, lang: io.lang ?? lang });
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`plazo ${name}: ${error.message}\nusage: ${command.usage}\n`);
      return 2;
    }
    // Valid input whose CAT is beyond what Plazo reports: a finding about the product, exit 1.
    if (error instanceof CatOutOfRangeError) {
      io.stderr(`plazo ${name}: ${error.message}\n`);
      return 1;
    }
    if (error instanceof InvalidInputError) {
      for (const issue of error.issues) {
        io.stderr(`plazo ${name}: ${issue.path ? `${issue.path}: ` : ''}${issue.message}\n`);
      }
      return 2;
    }
    throw error;
  }
}

export { processIo } from './command.ts';
