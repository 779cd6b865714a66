// Structured JSON logs, one object per line. Fields whose names look like secrets are replaced
// before writing, so a careless call cannot leak a password, key or token.
import { writeSync } from 'node:fs';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

const ORDER: Record<LogLevel | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };
const SECRET_FIELD = /pass(word)?|secret|token|authorization|cookie|api[-_]?key|^key$|hash/i;

/** Replaces the values of secret-looking fields, at any depth, with `[redacted]`. */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redactSecrets(v, depth + 1));
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_FIELD.test(k) ? '[redacted]' : redactSecrets(v, depth + 1);
  return out;
}

let stdoutLines: ((line: string) => void) | undefined;

/**
 * Lines to stdout, written together once per turn of the event loop (or every 64 KB): under load
 * many requests finish in one turn, and one write replaces a system call per request. What is
 * pending is written synchronously when the process exits; a SIGKILL loses at most one turn.
 */
export function batchedStdout(): (line: string) => void {
  if (stdoutLines) return stdoutLines;
  let pending: string[] = [];
  let size = 0;
  let scheduled = false;
  const take = () => {
    const text = pending.join('');
    pending = [];
    size = 0;
    return text;
  };
  const flush = () => {
    scheduled = false;
    if (pending.length > 0) process.stdout.write(take());
  };
  process.once('exit', () => {
    if (pending.length === 0) return;
    try {
      writeSync(1, take());
    } catch {
      // stdout is gone: nothing to tell.
    }
  });
  stdoutLines = (line) => {
    pending.push(line + '\n');
    size += line.length + 1;
    if (size >= 64 * 1024) flush();
    else if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  };
  return stdoutLines;
}

/**
 * A logger writing one JSON object per line to `write` (default: stdout, batched).
 *
 * @example
 * jsonLogger('info').info('request', { requestId, status: 200 })
 */
export function jsonLogger(
  level: LogLevel | 'silent' = 'info',
  write: (line: string) => void = batchedStdout(),
): Logger {
  const min = ORDER[level];
  const log = (lvl: LogLevel) => (msg: string, fields: LogFields = {}) => {
    if (ORDER[lvl] < min) return;
    const entry = { level: lvl, time: new Date().toISOString(), msg, ...(redactSecrets(fields) as object) };
    write(JSON.stringify(entry));
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/** A logger that keeps its lines in `lines` (for tests and the CLI's --json). */
export function memoryLogger(level: LogLevel = 'debug'): Logger & { readonly lines: string[] } {
  const lines: string[] = [];
  return Object.assign(jsonLogger(level, (line) => lines.push(line)), { lines });
}
