// `plazo sat catalogo|balanza|polizas --period YYYY-MM [--out F|DIR] [--json]` and `plazo sat rfc`
// through the CLI dispatcher on the runtime's own database: usage errors (exit 2), refusals named
// (exit 1: no RFC, no entries), the file written under the SAT's name, --json's summary, the XML on
// stdout, each with the structure of its XSD.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/cli.ts';
import type { CliIo } from '../src/cli/command.ts';
import { loadConfig } from '../src/config.ts';
import { openRuntimeDatabase } from '../src/db/runtime-database.ts';
import { BALANZA, CATALOGO, POLIZAS, rootOf, structureProblems } from './support/anexo24-structure.ts';
import { writeFundingEntry } from './support/servicing.ts';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from './support/test-database.ts';

function captureIo(cwd: string): CliIo & { out: string; err: string } {
  const io = { out: '', err: '', cwd, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t), readStdin: async () => '' };
  return io;
}

// Each CLI run opens the database anew (PGlite from its data directory): allow for a busy machine.
describe.each(DATABASE_KINDS)('plazo sat on %s', { timeout: 180_000 }, (kind) => {
  let dir: string;
  let pg: TestDatabase | undefined;
  const savedEnv = { ...process.env };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'plazo-sat-cli-'));
    delete process.env.DATABASE_URL;
    process.env.PLAZO_DATA_DIR = join(dir, 'data');
    if (kind === 'postgres') {
      process.env.DATABASE_URL = savedEnv.DATABASE_URL;
      pg = await openTestDatabase('postgres', false);
      process.env.DATABASE_URL = pg.connectionString!;
    }
    // One funding entry in January 2025, written as the ledger stores entries.
    const database = await openRuntimeDatabase(loadConfig(process.env, dir));
    try {
      await writeFundingEntry(database.db, { id: '00000000-0000-4000-8000-0000000000f1', date: '2025-01-06', description: 'Fondeo: línea bancaria', currency: 'MXN', amount: '250000.00', debit: '1000', credit: '2600' });
    } finally {
      await database.close();
    }
  }, 120_000);
  afterAll(async () => {
    process.env = savedEnv;
    await pg?.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  async function cli(...args: string[]) {
    const io = captureIo(dir);
    const code = await runCli(['sat', ...args], io);
    return { code, out: io.out, err: io.err };
  }

  it('names bad usage (exit 2) before opening the database', async () => {
    const cases: [string[], RegExp][] = [
      [[], /missing what to produce/],
      [['balance'], /unknown subcommand `balance`/],
      [['balanza'], /--period YYYY-MM is required/],
      [['balanza', '--period', '2025-13'], /--period must be a month/],
      [['catalogo', '--period', '2025-01', '--tipo-envio', 'C'], /--tipo-envio goes with `balanza`/],
      [['balanza', '--period', '2025-01', '--tipo-envio', 'X'], /--tipo-envio must be N/],
      [['polizas', '--period', '2025-01'], /--tipo-solicitud: required/],
      [['polizas', '--period', '2025-01', '--tipo-solicitud', 'AF'], /--num-orden: required with tipoSolicitud AF/],
      [['polizas', '--period', '2025-01', '--tipo-solicitud', 'CO', '--num-tramite', 'AB1'], /--num-tramite: must be 2 letters and 12 digits/],
      [['rfc', '--period', '2025-01'], /--period goes with/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).toMatch(message);
    }
  });

  it('refuses without the RFC (exit 1), sets it, and writes each file under its SAT name', async () => {
    const none = await cli('catalogo', '--period', '2025-01');
    expect([none.code, none.err]).toEqual([1, expect.stringContaining('sat-rfc-missing')]);
    expect((await cli('rfc')).code).toBe(1);
    const generic = await cli('rfc', 'XAXX010101000');
    expect(generic.code).toBe(2);
    expect(generic.err).toContain('rfc: a generic RFC');
    const set = await cli('rfc', 'PLZ250106AB5', '--json');
    expect(set.code, set.err).toBe(0);
    expect(JSON.parse(set.out)).toMatchObject({ rfc: 'PLZ250106AB5', changed: true, updatedBy: 'system' });
    expect((await cli('rfc')).out).toMatch(/^PLZ250106AB5 \(set .* by system\)\n$/);

    const catalogo = await cli('catalogo', '--period', '2025-01', '--out', '.', '--json');
    expect(catalogo.code, catalogo.err).toBe(0);
    const summary = JSON.parse(catalogo.out);
    expect(summary).toMatchObject({ file: join(dir, 'PLZ250106AB5202501CT.xml'), name: 'PLZ250106AB5202501CT.xml', kind: 'catalogo', period: '2025-01' });
    expect(summary.accounts).toBeGreaterThan(30);
    const written = await readFile(summary.file, 'utf8');
    expect(Buffer.byteLength(written)).toBe(summary.bytes);
    expect(structureProblems(written, CATALOGO)).toEqual([]);

    const balanza = await cli('balanza', '--period', '2025-01');
    expect(balanza.code, balanza.err).toBe(0);
    expect(structureProblems(balanza.out, BALANZA)).toEqual([]);
    expect(rootOf(balanza.out).children.find((c) => c.attributes.NumCta === '2600')!.attributes).toMatchObject({ SaldoIni: '0.00', Debe: '0.00', Haber: '250000.00', SaldoFin: '250000.00' });

    const polizas = await cli('polizas', '--period', '2025-01', '--tipo-solicitud', 'DE', '--num-tramite', 'AB123456789012', '--out', 'pl.xml');
    expect(polizas.code, polizas.err).toBe(0);
    expect(polizas.out).toMatch(/^PLZ250106AB5202501PL\.xml: \d+ bytes written to .*pl\.xml \(sha256 [0-9a-f]{64}\)\n$/);
    const pl = await readFile(join(dir, 'pl.xml'), 'utf8');
    expect(structureProblems(pl, POLIZAS)).toEqual([]);
    expect(rootOf(pl).children.map((p) => [p.attributes.NumUnIdenPol, p.attributes.Concepto, p.children.length])).toEqual([['00000000-0000-4000-8000-0000000000f1', 'Fondeo: línea bancaria', 2]]);

    const empty = await cli('polizas', '--period', '2025-02', '--tipo-solicitud', 'AF', '--num-orden', 'ABC1234567/01');
    expect([empty.code, empty.err]).toEqual([1, expect.stringContaining('sat-no-entries')]);
  });
});
