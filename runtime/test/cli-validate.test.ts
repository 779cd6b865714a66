// `plazo validate curp|rfc|clabe VALUE` (DESIGN.md): exit 0 valid, 1 with the reason, 2 on bad
// usage; --json prints { kind, value, valid, reason?, details? }; --lang es|en picks the message.
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/cli.ts';
import type { CliIo } from '../src/cli/command.ts';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), readStdin: async () => '', cwd: process.cwd() };
  const code = await runCli(argv, io);
  return { code, out: out.join(''), err: err.join('') };
}

describe('plazo validate', () => {
  it('reads a valid CURP: exit 0, birth date, sex and state', async () => {
    const r = await run('validate', 'curp', 'HEGG560427MVZRRL04', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ kind: 'curp', value: 'HEGG560427MVZRRL04', valid: true, details: { birthDate: '1956-04-27', sex: 'M', state: 'VZ', stateName: 'Veracruz' } });
    expect(r.err).toBe('');
    const text = await run('validate', 'curp', 'hegg560427mvzrrl04', '--lang', 'es');
    expect(text).toMatchObject({ code: 0, out: 'CURP HEGG560427MVZRRL04 válida: nacimiento 1956-04-27, sexo M, Veracruz\n' });
  });

  it('refuses a wrong CURP with the reason, where it is, in Spanish or English', async () => {
    const es = await run('validate', 'curp', 'HEGG560427MVZRRL05', '--lang', 'es');
    expect(es).toMatchObject({ code: 1, out: '', err: 'HEGG560427MVZRRL05:1:18: error check-digit: el dígito verificador no corresponde\n' });
    const en = await run('validate', 'curp', 'HEGG560427MZZRRL04', '--lang', 'en', '--json');
    expect(en.code).toBe(1);
    expect(JSON.parse(en.out)).toEqual({ kind: 'curp', value: 'HEGG560427MZZRRL04', valid: false, reason: 'state' });
    expect(en.err).toBe('HEGG560427MZZRRL04:1:12: error state: the state code does not exist\n');
  });

  it('is strict on an RFC: a failing check digit is exit 1 (a warning the runtime may accept)', async () => {
    expect((await run('validate', 'rfc', 'GODE561231GR8')).code).toBe(0);
    const r = await run('validate', 'rfc', 'GODE561231GR9', '--json', '--lang', 'en');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toEqual({ kind: 'rfc', value: 'GODE561231GR9', valid: false, reason: 'check-digit', details: { holder: 'person', date: '561231', generic: false } });
    expect(r.err).toContain(':1:13: warning check-digit:');
  });

  it('names the bank of a CLABE and refuses an unknown bank', async () => {
    const ok = await run('validate', 'clabe', '032180000118359719', '--json');
    expect(JSON.parse(ok.out)).toMatchObject({ valid: true, details: { bankCode: '032', bank: 'IXE' } });
    const bad = await run('validate', 'clabe', '999180000118359719', '--json');
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out)).toMatchObject({ valid: false, reason: 'bank' });
  });

  it('checks a payment reference under mod97 (the default) or --scheme mod10', async () => {
    const ok = await run('validate', 'reference', '79444', '--json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toEqual({ kind: 'reference', value: '79444', valid: true, details: { scheme: 'mod97', body: '794', checkDigits: '44' } });
    expect(await run('validate', 'reference', '79927398713', '--scheme', 'mod10', '--lang', 'es')).toMatchObject({
      code: 0, out: 'Referencia 79927398713 válida: esquema mod10, cuerpo 7992739871, verificador 3\n',
    });
    const bad = await run('validate', 'reference', '79445', '--lang', 'es');
    expect(bad).toMatchObject({ code: 1, out: '', err: '79445:1:4: error check-digit: el dígito verificador no corresponde\n' });
    const luhn = await run('validate', 'reference', '79927398710', '--scheme', 'mod10', '--lang', 'en', '--json');
    expect(luhn.code).toBe(1);
    expect(luhn.err).toBe('79927398710:1:11: error check-digit: the check digit does not match\n');
    expect(await run('validate', 'reference', '12A45', '--lang', 'es')).toMatchObject({ code: 1, err: '12A45:1:3: error characters: la referencia de pago solo lleva dígitos\n' });
    expect((await run('validate', 'reference', '79444', '--scheme', 'mod11')).code).toBe(2);
    expect((await run('validate', 'clabe', '032180000118359719', '--scheme', 'mod10')).code).toBe(2);
  });

  it('exits 2 on bad usage', async () => {
    expect((await run('validate', 'curp')).code).toBe(2);
    expect((await run('validate', 'nss', '123')).code).toBe(2);
    expect((await run('validate', 'curp', 'A', 'B')).code).toBe(2);
    expect((await run('validate', 'curp', 'A', '--lang', 'fr')).code).toBe(2);
  });
});
