// What a CLI command is, the streams it talks to, and the input helpers every command shares.
import { readFile } from 'node:fs/promises';
import { langOf, localizeDiagnostic, type Diagnostic, type Lang } from '@plazo/dsl';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { dateInTimeZone } from '../clock.ts';
import { ConfigError, timeZoneFrom } from '../config.ts';

/** The process streams, injectable so tests run commands in-process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<string>;
  readonly cwd: string;
  /** The language of diagnostics (`--lang`, else LC_ALL/LC_MESSAGES/LANG; English by default). */
  readonly lang?: Lang;
}

export interface CliCommand {
  readonly name: string;
  /** One line on what it does. */
  readonly summary: string;
  /** The synopsis after `usage: `, e.g. `plazo cat --flows F|- [--json]`. */
  readonly usage: string;
  /** Returns the exit code: 0 success, 1 findings; throws UsageError or InvalidInputError for 2. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** Bad usage or unreadable input: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function processIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    cwd: process.cwd(),
  };
}

/**
 * Today's business date in the institution's time zone (PLAZO_TIME_ZONE, default
 * America/Mexico_City), never UTC's nor the machine's: the default date of commands.
 */
export function businessToday(env: NodeJS.ProcessEnv = process.env, now = new Date()): string {
  try {
    return dateInTimeZone(now, timeZoneFrom(env));
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}

/** node:util parseArgs, strict, with its errors turned into UsageError. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  args: readonly string[],
  options: T,
  allowPositionals = false,
) {
  try {
    const parsed = parseArgs({ args: [...args], options, allowPositionals, strict: true });
    return { values: parsed.values, positionals: parsed.positionals as string[] };
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional.*$/s, ''));
  }
}

/** Reads a file (relative to the io's cwd) or standard input for `-`. */
export async function readTextInput(pathOrDash: string, io: CliIo): Promise<string> {
  if (pathOrDash === '-') return io.readStdin();
  try {
    const { resolve } = await import('node:path');
    return await readFile(resolve(io.cwd, pathOrDash), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(code ?? error);
    throw new UsageError(`cannot read \`${pathOrDash}\`: ${why}`);
  }
}

/** Reads and parses a JSON document, naming the source and the position of a syntax error. */
export async function readJsonInput(pathOrDash: string, io: CliIo): Promise<unknown> {
  const text = await readTextInput(pathOrDash, io);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const source = pathOrDash === '-' ? '<stdin>' : pathOrDash;
    throw new UsageError(`\`${source}\` is not valid JSON: ${(error as Error).message}`);
  }
}

/** Prints one JSON document (two-space indented) on stdout. */
export function printJson(io: CliIo, value: unknown): void {
  io.stdout(JSON.stringify(value, null, 2) + '\n');
}

/**
 * The language of a run: `--lang es|en` (removed from the args, since every command takes it),
 * else the first of LC_ALL, LC_MESSAGES and LANG that is set (`es_MX.UTF-8` is Spanish), else English.
 */
export function cliLanguage(args: readonly string[], env: NodeJS.ProcessEnv): { lang: Lang; rest: string[] } {
  const rest: string[] = [];
  let flag: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      rest.push(...args.slice(i));
      break;
    }
    if (arg === '--lang') {
      flag = args[++i];
      if (flag === undefined) throw new UsageError('--lang takes `es` or `en`');
    } else if (arg.startsWith('--lang=')) flag = arg.slice('--lang='.length);
    else rest.push(arg);
  }
  if (flag !== undefined) {
    if (flag !== 'es' && flag !== 'en') throw new UsageError(`--lang takes \`es\` or \`en\`, not \`${flag}\``);
    return { lang: flag, rest };
  }
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  return { lang: langOf(locale) ?? 'en', rest };
}

/** A diagnostic as the CLI shows it: in the run's language, with the public fields only (no catalogue args). */
export function shownDiagnostic(io: CliIo, d: Diagnostic): Diagnostic {
  const { id: _id, args: _args, ...shown } = localizeDiagnostic(d, io.lang ?? 'en');
  return shown;
}
