// `plazo statement parse FILE --format F [--layout L] [--json]` (README "Statement formats"):
// exit 0 with the lines and the summary (Spanish with --lang es), 1 on a malformed file with the
// line and field, 2 on bad usage or a layout its format's schema refuses.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/cli.ts';
import type { CliIo } from '../src/cli/command.ts';

const DIR = join(import.meta.dirname, 'fixtures/statements');

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), readStdin: async () => '', cwd: DIR };
  const code = await runCli(argv, io);
  return { code, out: out.join(''), err: err.join('') };
}

describe('plazo statement parse', () => {
  it('prints a camt.053 file as JSON: lines, summary and totals', async () => {
    const r = await run('statement', 'parse', 'camt053-v08-bbva.xml', '--format', 'camt053', '--json');
    expect(r).toMatchObject({ code: 0, err: '' });
    const doc = JSON.parse(r.out);
    expect(doc.lines).toHaveLength(5);
    expect(doc.summary).toEqual({ accountId: '012180001183597101', currency: 'MXN', from: '2026-12-07', to: '2026-12-07', openingBalance: '200000.00', closingBalance: '204315.50' });
    expect(doc.totals).toEqual({ credits: { count: 3, amount: '6850.50' }, debits: { count: 2, amount: '2535.00' }, rejected: { count: 0, amount: '0.00' } });
  });

  it('prints an MT940 file in Spanish with its layout', async () => {
    const r = await run('statement', 'parse', 'mt940-banorte.sta', '--format', 'mt940', '--layout', 'mt940-banorte.layout.json', '--lang', 'es');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('línea\tfecha valor\tregistro\ttipo\timporte\tmoneda\treferencia\tclave de rastreo\tordenante\tnota');
    expect(r.out).toContain('5\t2026-12-08\t2026-12-08\tcargo\t2500.00\tMXN\tL00012345\t0008120002\t\tdevuelve BNET01002612070000123456\n');
    expect(r.out).toContain('6 movimientos: 4 abonos 7330.50 MXN, 2 cargos 2535.00 MXN\n');
    expect(r.out).toContain('cuenta 072580102030405063, del 2026-12-04, al 2026-12-08, saldo inicial 150000.00, saldo final 154795.50\n');
  });

  it('shows rejected direct debits with their reason', async () => {
    const r = await run('statement', 'parse', 'domiciliacion-2026-12-07.txt', '--format', 'domiciliacion');
    expect(r.code).toBe(0);
    expect(r.out).toContain('rejected: Fondos insuficientes');
    expect(r.out).toContain('4 lines: 2 credits 3750.50 MXN, 0 debits 0.00 MXN, 2 rejected charges 3700.25 MXN');
  });

  it('exit 1 on a malformed file with the line and the field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plazo-statement-'));
    const file = join(dir, 'bad.sta');
    writeFileSync(file, ':20:S1\n:25:072580102030405063\n:60F:C261207MXN100,00\n:61:261207C50NTRFNONREF\n:62F:C261207MXN150,00\n');
    const r = await run('statement', 'parse', file, '--format', 'mt940', '--json');
    expect(r.code).toBe(1);
    expect(r.err).toBe(`plazo statement: ${file}:4: :61:amount: \`261207C50NTRFNONREF\` is not a statement line (YYMMDD[MMDD]C|D|RC|RD[funds]amount,dd type reference[//bank reference])\n`);
  });

  it('exit 2 on bad usage or a layout its schema refuses, naming the path', async () => {
    expect((await run('statement', 'parse', 'mt940-banorte.sta')).code).toBe(2);
    expect((await run('statement', 'parse', 'mt940-banorte.sta', '--format', 'bai2')).err).toContain('unknown --format `bai2`');
    expect((await run('statement', 'parse', 'nope.sta', '--format', 'mt940')).err).toContain('cannot read `nope.sta`: no such file');
    const dir = mkdtempSync(join(tmpdir(), 'plazo-layout-'));
    writeFileSync(join(dir, 'l.json'), JSON.stringify({ format: 'oxxo', options: { referenceCheckDigit: 'mod11' } }));
    const r = await run('statement', 'parse', 'oxxo-2026-12-07.txt', '--format', 'oxxo', '--layout', join(dir, 'l.json'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^plazo statement: .*l\.json: referenceCheckDigit: /);
  });
});
