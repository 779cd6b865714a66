// `plazo check` and `plazo compile` in-process through runCli with captured streams, on a real
// product text and on the same product broken in four places (the acceptance test of issue 2).
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/cli.ts';
import type { CliIo } from '../src/cli/command.ts';

const PRODUCT = readFileSync(fileURLToPath(new URL('../../dsl/test/fixtures/full-product.plazo', import.meta.url)), 'utf8');

function capture(cwd: string, stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), readStdin: async () => stdin, cwd };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

/** A temporary directory holding the given files. */
function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'plazo-check-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`\`${from}\` must occur exactly once`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** 1-based line:col of `needle` in `text`. */
function at(text: string, needle: string): string {
  const before = text.slice(0, text.indexOf(needle)).split('\n');
  return `${before.length}:${before[before.length - 1]!.length + 1}`;
}

describe('plazo check', () => {
  it('exits 0 and prints nothing for a clean product', async () => {
    const c = capture(workspace({ 'nomina.plazo': PRODUCT }));
    expect(await runCli(['check', 'nomina.plazo'], c.io)).toBe(0);
    expect(c.err()).toBe('');
    expect(c.out()).toBe('');
  });

  it('reports each of four breaks at its file:line:col with exit 1, and checks the rest of the file after a syntax error', async () => {
    const broken = [
      ['  limits {\n', '  limits\n'], // delete a brace
      ['when applicant.age > 70', 'when applicant.ages > 70'], // misspell a field
      ['employment.months < 6', 'applicant.net_income < "mucho"'], // compare money with a string
      ['580..679 -> 0', '570..679 -> 0'], // overlap two bins
    ].reduce((text, [from, to]) => replaceOnce(text, from!, to!), PRODUCT);
    const c = capture(workspace({ 'nomina.plazo': broken }));
    expect(await runCli(['check', 'nomina.plazo'], c.io)).toBe(1);
    const lines = c.err().split('\n').filter((l) => l.startsWith('nomina.plazo:'));
    expect(lines).toEqual([
      `nomina.plazo:${at(broken, 'amount 5_000')}: error unexpected-token: expected \`{\` in \`limits\`, found \`amount\``,
      `nomina.plazo:${at(broken, 'applicant.ages')}: error unknown-name: unknown name \`applicant.ages\``,
      `nomina.plazo:${at(broken, '"mucho"')}: error type-mismatch: cannot compare \`money\` with \`string\``,
      `nomina.plazo:${at(broken, '570..679')}: error bin-overlap: values 570..579 of \`bureau.score\` are covered by two bins`,
    ]);
    expect(c.err()).toContain('  help: did you mean `applicant.age`?');
  });

  it('exits 0 with warnings only, and prints them', async () => {
    const warned = replaceOnce(PRODUCT, 'iva 16% on interest, fees', 'iva 16% on fees');
    const c = capture(workspace({ 'p.plazo': warned }));
    expect(await runCli(['check', 'p.plazo'], c.io)).toBe(0);
    expect(c.err()).toMatch(/^p\.plazo:\d+:\d+: warning iva-missing: interest carries no IVA on this consumer product\n {2}help: .*LIVA art\. 15/);
  });

  it('prints every file and its diagnostics as one JSON document with --json', async () => {
    const c = capture(workspace({ 'a.plazo': PRODUCT, 'b.plazo': replaceOnce(PRODUCT, 'currency MXN', 'currency mxn') }));
    expect(await runCli(['check', '--json', 'a.plazo', 'b.plazo'], c.io)).toBe(1);
    const report = JSON.parse(c.out()) as { files: { file: string; diagnostics: { code: string; severity: string; range: unknown }[] }[] };
    expect(report.files.map((f) => f.file)).toEqual(['a.plazo', 'b.plazo']);
    expect(report.files[0]!.diagnostics).toEqual([]);
    expect(report.files[1]!.diagnostics).toMatchObject([{ code: 'invalid-currency', severity: 'error' }]);
  });

  it('exits 2 for an unreadable file or no file', async () => {
    const c = capture(workspace({}));
    expect(await runCli(['check', 'nope.plazo'], c.io)).toBe(2);
    expect(c.err()).toContain('cannot read `nope.plazo`: no such file');
    expect(await runCli(['check'], capture(workspace({})).io)).toBe(2);
  });

  it('reads standard input with -', async () => {
    const c = capture(workspace({}), replaceOnce(PRODUCT, 'currency MXN\n', ''));
    expect(await runCli(['check', '-'], c.io)).toBe(1);
    expect(c.err()).toMatch(/^<stdin>:2:9: error missing-currency: product `nomina_quincenal` has no currency/);
  });
});

describe('plazo compile', () => {
  it('prints the same IR, with its hash, on every run', async () => {
    const dir = workspace({ 'nomina.plazo': PRODUCT });
    const first = capture(dir);
    const second = capture(dir);
    expect(await runCli(['compile', 'nomina.plazo'], first.io)).toBe(0);
    expect(await runCli(['compile', 'nomina.plazo'], second.io)).toBe(0);
    expect(first.out()).toBe(second.out());
    const ir = JSON.parse(first.out()) as { hash: string; code: string; irVersion: number };
    expect(ir).toMatchObject({ code: 'nomina_quincenal', irVersion: 1 });
    expect(ir.hash).toMatch(/^[0-9a-f]{64}$/);
    // Keys are printed sorted, so the text itself is canonical.
    expect(Object.keys(ir)).toEqual([...Object.keys(ir)].sort());
  });

  it('writes the IR to --out', async () => {
    const dir = workspace({ 'nomina.plazo': PRODUCT });
    const c = capture(dir);
    expect(await runCli(['compile', 'nomina.plazo', '--out', 'nomina.ir.json'], c.io)).toBe(0);
    const written = JSON.parse(readFileSync(join(dir, 'nomina.ir.json'), 'utf8')) as { hash: string };
    expect(c.err()).toBe(`wrote nomina.ir.json (hash ${written.hash})\n`);
    expect(c.out()).toBe('');
  });

  it('exits 1 with the diagnostics and no IR when the product has errors', async () => {
    const c = capture(workspace({ 'p.plazo': replaceOnce(PRODUCT, 'when applicant.age > 70', 'when applicant.ages > 70') }));
    expect(await runCli(['compile', 'p.plazo', '--json'], c.io)).toBe(1);
    expect(c.err()).toContain('error unknown-name: unknown name `applicant.ages`');
    expect(JSON.parse(c.out())).toMatchObject({ file: 'p.plazo', diagnostics: [{ code: 'unknown-name' }] });
  });

  it('exits 2 without exactly one file', async () => {
    expect(await runCli(['compile'], capture(workspace({})).io)).toBe(2);
    expect(await runCli(['compile', 'a', 'b'], capture(workspace({})).io)).toBe(2);
  });
});

describe('deep and broken input (issue 12)', () => {
  /** PRODUCT with `let deep = EXPR` before `limits`. */
  const withLet = (expr: string) => replaceOnce(PRODUCT, '\n  limits {', `\n  let deep = ${expr}\n  limits {`);
  /** 1-based line:col of an offset. */
  const lineCol = (text: string, offset: number) => {
    const before = text.slice(0, offset).split('\n');
    return `${before.length}:${before[before.length - 1]!.length + 1}`;
  };
  const nestingHelp = '  help: split it into smaller parts with `let` (`let part = ...`), or remove parentheses that are not needed\n';

  it.each([
    ['1,500 nested parentheses', `${'('.repeat(1500)}1${')'.repeat(1500)}`],
    ['1,500 nested `if … else`', `${'if applicant.age > 30 then 1 else '.repeat(1500)}0`],
  ])('check, compile and fmt stop %s at the 65th level with one file:line:col error, never a stack trace', async (_name, expr) => {
    const text = withLet(expr);
    // The 65th `(` or `if` of the let: where the limit is crossed.
    const opener = expr.startsWith('(') ? '(' : 'if';
    let offset = text.indexOf('let deep = ') + 'let deep = '.length;
    for (let i = 1; i < 65; i++) offset = text.indexOf(opener, offset + 1);
    const expected = `deep.plazo:${lineCol(text, offset)}: error nesting-too-deep: the expression nests more than 64 levels deep\n${nestingHelp}`;
    for (const command of [['check'], ['compile'], ['fmt', '--check']]) {
      const c = capture(workspace({ 'deep.plazo': text }));
      expect(await runCli([...command, 'deep.plazo'], c.io)).toBe(1);
      expect(c.err()).toBe(expected);
      expect(c.out()).toBe('');
    }
  });

  it('checks, formats and compiles a sum and a conjunction of 3,000 terms', async () => {
    const terms = Array.from({ length: 3000 }, (_, i) => i);
    for (const expr of [terms.join(' + '), terms.map((i) => `applicant.age > ${i}`).join(' and ')]) {
      const dir = workspace({ 'long.plazo': withLet(expr) });
      const check = capture(dir);
      expect(await runCli(['check', 'long.plazo'], check.io)).toBe(0);
      expect(check.err()).toBe('');
      const fmt = capture(dir);
      expect(await runCli(['fmt', 'long.plazo'], fmt.io)).toBe(0);
      expect(fmt.out()).toContain(`  let deep = ${expr}\n`);
      const compile = capture(dir);
      expect(await runCli(['compile', 'long.plazo'], compile.io)).toBe(0);
      expect(JSON.parse(compile.out())).toMatchObject({ derived: [{ name: 'capacity' }, { name: 'dti' }, { name: 'deep' }] });
    }
  });

  it('reports every syntax mistake of a product once, at its file:line:col, with the fix (lexical ones first)', async () => {
    const broken = [
      ['  pricing {', '  prcing {'],
      ['iva 16% on', 'iva 16 % on'],
      ['min 150 max 5_000', 'min 150 max $5,000'],
      ['    first payment 7..45 days\n  }', '    first payment 7..45 days\n  }\n  }'],
      ['  eligibility {', '  elegibilidad {'],
      ['is present and bureau', 'is present && bureau'],
      ['when applicant.age > 70', 'when applicant.age == 70'],
    ].reduce((text, [from, to]) => replaceOnce(text, from!, to!), PRODUCT);
    const c = capture(workspace({ 'p.plazo': broken }));
    expect(await runCli(['check', 'p.plazo'], c.io)).toBe(1);
    expect(c.err()).not.toMatch(/RangeError|^\s+at /m);
    const strayBrace = broken.indexOf('  }\n  }\n') + '  }\n  '.length;
    expect(c.err().split('\n').filter((l) => l.startsWith('p.plazo:'))).toEqual([
      `p.plazo:${at(broken, '16 %')}: error percent-space: write \`16%\` without a space`,
      `p.plazo:${at(broken, '$5,000')}: error currency-sign: amounts have no currency sign: \`5_000\``,
      `p.plazo:${at(broken, '==')}: error unknown-operator: write \`=\` instead of \`==\``,
      `p.plazo:${at(broken, '&&')}: error unknown-operator: write \`and\` instead of \`&&\``,
      `p.plazo:${lineCol(broken, strayBrace)}: error unmatched-brace: unmatched \`}\``,
      `p.plazo:${at(broken, 'prcing')}: error unknown-keyword: unknown section \`prcing\``,
      `p.plazo:${at(broken, 'elegibilidad')}: error unknown-keyword: unknown section \`elegibilidad\``,
    ]);
    expect(c.err()).toContain('  help: did you mean `eligibility`? keywords are in English\n');
  });
});

describe('plazo.config.json: the institution lint thresholds', () => {
  const HIGH = replaceOnce(PRODUCT, 'C: 62%', 'C: 250%');

  /** A workspace with `productos/p.plazo` and the given config files (relative paths). */
  function institution(configs: Record<string, unknown>): string {
    const dir = workspace({});
    mkdirSync(join(dir, 'productos'));
    writeFileSync(join(dir, 'productos', 'p.plazo'), HIGH);
    for (const [path, json] of Object.entries(configs)) writeFileSync(join(dir, path), typeof json === 'string' ? json : JSON.stringify(json));
    return dir;
  }

  it('warns with the defaults when there is no config', async () => {
    const c = capture(institution({}));
    expect(await runCli(['check', 'productos/p.plazo'], c.io)).toBe(0);
    expect(c.err()).toContain(`productos/p.plazo:${at(HIGH, '250%')}: warning rate-high: the rate \`250%\` is above the 200% a year the institution flags as usurious`);
  });

  it('takes the nearest config, in the product folder or above', async () => {
    const above = capture(institution({ 'plazo.config.json': { lints: { maxAnnualRate: '300%' } } }));
    expect(await runCli(['check', 'productos/p.plazo'], above.io)).toBe(0);
    expect(above.err()).toBe('');
    const nearest = capture(institution({ 'plazo.config.json': { lints: { maxAnnualRate: '300%' } }, 'productos/plazo.config.json': { lints: { maxAnnualRate: '40%' } } }));
    expect(await runCli(['check', 'productos/p.plazo'], nearest.io)).toBe(0);
    expect(nearest.err().match(/warning rate-high: the rate `\d+%`/g)).toEqual(['warning rate-high: the rate `48%`', 'warning rate-high: the rate `250%`']);
    const off = capture(institution({ 'plazo.config.json': { lints: { maxAnnualRate: false } } }));
    expect(await runCli(['check', '--json', 'productos/p.plazo'], off.io)).toBe(0);
    expect(JSON.parse(off.out()).files[0].diagnostics).toEqual([]);
  });

  it('stops with exit 2 naming the file and each field it cannot take, in every command that reads a product', async () => {
    const dir = institution({ 'plazo.config.json': { lints: { maxAnualRate: '150%', maxLateFeeShareOfInstallment: 0.5 } } });
    const c = capture(dir);
    expect(await runCli(['check', 'productos/p.plazo'], c.io)).toBe(2);
    expect(c.err()).toBe(
      'plazo check: plazo.config.json: lints.maxAnualRate: unknown lint threshold `maxAnualRate`: did you mean `maxAnnualRate`?\n' +
        'plazo check: plazo.config.json: lints.maxLateFeeShareOfInstallment: must be a string such as "200%" (or false to turn the lint off), got the number 0.5: write "50%" if that is what you mean\n',
    );
    for (const command of ['compile', 'test']) {
      const other = capture(dir);
      expect(await runCli([command, 'productos/p.plazo'], other.io)).toBe(2);
      expect(other.err()).toContain(`plazo ${command}: plazo.config.json: lints.maxAnualRate: unknown lint threshold`);
    }
    const broken = capture(institution({ 'productos/plazo.config.json': '{ "lints": ' }));
    expect(await runCli(['check', 'productos/p.plazo'], broken.io)).toBe(2);
    expect(broken.err()).toMatch(/^plazo check: productos\/plazo\.config\.json: is not valid JSON: /);
  });
});
