// The language of CLI diagnostics: `--lang es|en` on every command, else LC_ALL / LC_MESSAGES /
// LANG (`es_MX.UTF-8` is Spanish), else English; codes and positions are the same in both.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/cli.ts';
import type { CliIo } from '../src/cli/command.ts';

const PRODUCT = readFileSync(fileURLToPath(new URL('../../dsl/test/fixtures/full-product.plazo', import.meta.url)), 'utf8');
const BROKEN = PRODUCT.replace('when applicant.age > 70', 'when applicant.ages > 70');

function capture(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), readStdin: async () => '', cwd };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'plazo-lang-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const LOCALE_VARS = ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const;
let saved: Record<string, string | undefined>;
beforeEach(() => {
  saved = Object.fromEntries(LOCALE_VARS.map((v) => [v, process.env[v]]));
  for (const v of LOCALE_VARS) delete process.env[v];
});
afterEach(() => {
  for (const v of LOCALE_VARS) {
    if (saved[v] === undefined) delete process.env[v];
    else process.env[v] = saved[v];
  }
});

const SPANISH = 'error unknown-name: nombre desconocido `applicant.ages`\n  help: ¿quisiste decir `applicant.age`?';
const ENGLISH = 'error unknown-name: unknown name `applicant.ages`\n  help: did you mean `applicant.age`?';

describe('diagnostics language in the CLI', () => {
  it('prints diagnostics in English when no language is asked for', async () => {
    const c = capture(workspace({ 'p.plazo': BROKEN }));
    expect(await runCli(['check', 'p.plazo'], c.io)).toBe(1);
    expect(c.err()).toContain(ENGLISH);
  });

  it('prints them in Spanish with --lang es, at the same position and code, on check and compile', async () => {
    const dir = workspace({ 'p.plazo': BROKEN });
    const english = capture(dir);
    await runCli(['check', 'p.plazo'], english.io);
    const check = capture(dir);
    expect(await runCli(['check', '--lang', 'es', 'p.plazo'], check.io)).toBe(1);
    expect(check.err()).toContain(SPANISH);
    const position = (text: string) => /^p\.plazo:\d+:\d+: error unknown-name/m.exec(text)?.[0];
    expect(position(check.err())).toBe(position(english.err()));
    const compile = capture(dir);
    expect(await runCli(['compile', 'p.plazo', '--lang=es'], compile.io)).toBe(1);
    expect(compile.err()).toContain(SPANISH);
  });

  it('takes Spanish from LANG=es_MX.UTF-8, and --lang en overrides it', async () => {
    process.env.LANG = 'es_MX.UTF-8';
    const dir = workspace({ 'p.plazo': BROKEN });
    const spanish = capture(dir);
    expect(await runCli(['check', 'p.plazo'], spanish.io)).toBe(1);
    expect(spanish.err()).toContain(SPANISH);
    const english = capture(dir);
    expect(await runCli(['check', '--lang', 'en', 'p.plazo'], english.io)).toBe(1);
    expect(english.err()).toContain(ENGLISH);
  });

  it('LC_ALL wins over LANG', async () => {
    process.env.LANG = 'es_MX.UTF-8';
    process.env.LC_ALL = 'en_US.UTF-8';
    const c = capture(workspace({ 'p.plazo': BROKEN }));
    await runCli(['check', 'p.plazo'], c.io);
    expect(c.err()).toContain(ENGLISH);
  });

  it('gives the localized message and help, and the code, in --json', async () => {
    const c = capture(workspace({ 'p.plazo': BROKEN }));
    expect(await runCli(['check', '--json', '--lang', 'es', 'p.plazo'], c.io)).toBe(1);
    const report = JSON.parse(c.out()) as { files: { diagnostics: Record<string, unknown>[] }[] };
    const found = report.files[0]!.diagnostics.find((d) => d.code === 'unknown-name')!;
    expect(found).toMatchObject({ severity: 'error', code: 'unknown-name', message: 'nombre desconocido `applicant.ages`', help: '¿quisiste decir `applicant.age`?' });
    expect(Object.keys(found).sort()).toEqual(['code', 'help', 'message', 'range', 'severity']);
  });

  it('reports a bad plazo.config.json in Spanish with --lang es', async () => {
    const c = capture(workspace({ 'p.plazo': PRODUCT, 'plazo.config.json': '{ "lints": { "maxAnualRate": "100%" } }' }));
    expect(await runCli(['check', '--lang', 'es', 'p.plazo'], c.io)).toBe(2);
    expect(c.err()).toContain('plazo check: plazo.config.json: lints.maxAnualRate: umbral de alerta desconocido `maxAnualRate`: ¿quisiste decir `maxAnnualRate`?');
  });

  it('exits 2 for a language it does not have', async () => {
    const c = capture(workspace({ 'p.plazo': BROKEN }));
    expect(await runCli(['check', '--lang', 'fr', 'p.plazo'], c.io)).toBe(2);
    expect(c.err()).toContain('--lang takes `es` or `en`, not `fr`');
  });
});
