// `plazo fmt` runs in-process through runCli with captured streams, on real files in a temp dir.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/cli.ts';
import type { CliIo } from '../src/cli/command.ts';

function capture(cwd: string, stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), readStdin: async () => stdin, cwd };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

const messy = 'product p "P" {limits{amount 1..2}\ncurrency MXN}\n';
const canonical = 'product p "P" {\n  currency MXN\n\n  limits {\n    amount 1..2\n  }\n}\n';

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'plazo-fmt-'));
  writeFileSync(join(dir, 'messy.plazo'), messy);
  writeFileSync(join(dir, 'clean.plazo'), canonical);
  writeFileSync(join(dir, 'broken.plazo'), 'product p "P" {\n  limits { amount 1..2\n');
  return dir;
}

describe('plazo fmt', () => {
  it('prints the formatted text without flags', async () => {
    const c = capture(workspace());
    expect(await runCli(['fmt', 'messy.plazo'], c.io)).toBe(0);
    expect(c.out()).toBe(canonical);
  });

  it('--check lists unformatted files and exits 1, 0 when all are formatted', async () => {
    const dir = workspace();
    const c = capture(dir);
    expect(await runCli(['fmt', '--check', 'clean.plazo', 'messy.plazo'], c.io)).toBe(1);
    expect(c.out()).toBe('messy.plazo\n');
    const ok = capture(dir);
    expect(await runCli(['fmt', '--check', 'clean.plazo'], ok.io)).toBe(0);
    expect(ok.out()).toBe('');
  });

  it('--write rewrites only the files that change', async () => {
    const dir = workspace();
    const c = capture(dir);
    expect(await runCli(['fmt', '--write', 'messy.plazo', 'clean.plazo'], c.io)).toBe(0);
    expect(readFileSync(join(dir, 'messy.plazo'), 'utf8')).toBe(canonical);
    expect(c.err()).toBe('formatted messy.plazo\n');
  });

  it('reports syntax errors as file:line:col and exits 1 without touching the file', async () => {
    const dir = workspace();
    const c = capture(dir);
    expect(await runCli(['fmt', '--write', 'broken.plazo'], c.io)).toBe(1);
    expect(c.err()).toBe('broken.plazo:2:23: error unexpected-end-of-file: expected `}` to close `limits`, found the end of the file\n');
    expect(readFileSync(join(dir, 'broken.plazo'), 'utf8')).toBe('product p "P" {\n  limits { amount 1..2\n');
  });

  it('reads standard input with -', async () => {
    const c = capture(workspace(), messy);
    expect(await runCli(['fmt', '-'], c.io)).toBe(0);
    expect(c.out()).toBe(canonical);
  });

  it('exits 2 on bad usage or an unreadable file', async () => {
    const dir = workspace();
    for (const args of [['fmt'], ['fmt', '--write', '--check', 'a.plazo'], ['fmt', 'missing.plazo'], ['fmt', '--bogus', 'x']]) {
      const c = capture(dir);
      expect(await runCli(args, c.io)).toBe(2);
      expect(c.err()).toMatch(/^plazo fmt: /);
    }
  });
});
