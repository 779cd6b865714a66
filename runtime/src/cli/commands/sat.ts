// `plazo sat catalogo|balanza|polizas --period YYYY-MM [--out FILE|DIR]`: the SAT electronic
// accounting file of a month (Anexo 24, version 1.3) from the runtime's database, the same file
// the API serves (and audited the same way, by `system`). Without --out the XML goes to stdout;
// a directory gets the SAT's file name. `plazo sat rfc [RFC]` prints or sets the institution's RFC.
// Exit 0 written, 1 refused (no RFC, an unmapped account, another currency, no entries), 2 bad usage.
import { stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { polizasRequestProblems } from '../../accounting/sat/polizas.ts';
import { generateSatFile, type SatFileRequest } from '../../accounting/sat/sat-files.ts';
import { parseSatPeriod } from '../../accounting/sat/sat-period.ts';
import { satSettings, setSatRfc } from '../../accounting/sat/sat-settings.ts';
import type { Kysely } from 'kysely';
import { loadConfig } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import { openRuntimeDatabase } from '../../db/runtime-database.ts';
import { AppError, ValidationError } from '../../errors.ts';
import { parseCommandArgs, printJson, UsageError, type CliCommand, type CliIo } from '../command.ts';

const KINDS = ['catalogo', 'balanza', 'polizas', 'rfc'] as const;
type Sub = (typeof KINDS)[number];

const OPTION_OF: Record<string, string> = { tipoSolicitud: '--tipo-solicitud', numOrden: '--num-orden', numTramite: '--num-tramite' };

export const command: CliCommand = {
  name: 'sat',
  summary:
    "SAT electronic accounting (Anexo 24, version 1.3): the catálogo de cuentas, the balanza de comprobación or the pólizas of a month as the SAT's XML, named as the SAT's nomenclature says; `rfc` prints or sets the institution's RFC the files carry.",
  usage:
    'plazo sat catalogo --period YYYY-MM [--out FILE|DIR] [--json] | plazo sat balanza --period YYYY-MM [--tipo-envio N|C] [--out FILE|DIR] [--json] | plazo sat polizas --period YYYY-MM --tipo-solicitud AF|FC --num-orden ABC1234567/01 | --tipo-solicitud DE|CO --num-tramite AB123456789012 [--out FILE|DIR] [--json] | plazo sat rfc [RFC] [--json]',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        period: { type: 'string' },
        out: { type: 'string' },
        'tipo-envio': { type: 'string' },
        'tipo-solicitud': { type: 'string' },
        'num-orden': { type: 'string' },
        'num-tramite': { type: 'string' },
        json: { type: 'boolean' },
      },
      true,
    );
    const sub = positionals[0] as Sub | undefined;
    if (sub === undefined) throw new UsageError('missing what to produce: `catalogo`, `balanza`, `polizas` (or `rfc`)');
    if (!KINDS.includes(sub)) throw new UsageError(`unknown subcommand \`${sub}\``);
    if (sub !== 'rfc' && positionals.length !== 1) throw new UsageError(`unexpected \`${positionals.slice(1).join(' ')}\``);
    if (sub === 'rfc' && positionals.length > 2) throw new UsageError('`rfc` takes at most one RFC');
    const only = (option: string, kinds: readonly Sub[]) => {
      if (values[option as keyof typeof values] !== undefined && !kinds.includes(sub)) throw new UsageError(`--${option} goes with ${kinds.map((k) => `\`${k}\``).join(' or ')}`);
    };
    only('period', ['catalogo', 'balanza', 'polizas']);
    only('out', ['catalogo', 'balanza', 'polizas']);
    only('tipo-envio', ['balanza']);
    only('tipo-solicitud', ['polizas']);
    only('num-orden', ['polizas']);
    only('num-tramite', ['polizas']);

    let request: SatFileRequest | undefined;
    if (sub !== 'rfc') {
      if (values.period === undefined) throw new UsageError('--period YYYY-MM is required');
      const period = parseSatPeriod(values.period);
      if (!period) throw new UsageError(`--period must be a month YYYY-MM from 2015-01 to 2099-12, got \`${values.period}\``);
      if (sub === 'catalogo') request = { kind: 'catalogo', period };
      else if (sub === 'balanza') {
        const tipoEnvio = values['tipo-envio'] ?? 'N';
        if (tipoEnvio !== 'N' && tipoEnvio !== 'C') throw new UsageError(`--tipo-envio must be N (normal) or C (complementaria), got \`${tipoEnvio}\``);
        request = { kind: 'balanza', period, tipoEnvio };
      } else {
        const input = { tipoSolicitud: values['tipo-solicitud'], numOrden: values['num-orden'], numTramite: values['num-tramite'] };
        const problems = polizasRequestProblems(input);
        if (problems.length > 0) throw new UsageError(problems.map((p) => `${OPTION_OF[p.path] ?? p.path}: ${p.message}`).join('; '));
        request = { kind: 'polizas', period, request: { tipoSolicitud: input.tipoSolicitud as 'AF' | 'FC' | 'DE' | 'CO', numOrden: input.numOrden, numTramite: input.numTramite } };
      }
    }

    const config = loadConfig(process.env, io.cwd);
    let database;
    try {
      database = await openRuntimeDatabase(config);
    } catch (error) {
      io.stderr(`plazo sat: ${(error as Error).message}\n`);
      return 2;
    }
    const ctx = { actor: 'system', at: new Date().toISOString(), requestId: null, timeZone: config.timeZone };
    try {
      if (request === undefined) return await rfc(database.db, positionals[1], ctx, values.json === true, io);
      const file = await generateSatFile(database.db, request, ctx);
      let path: string | null = null;
      if (values.out !== undefined) {
        path = resolve(io.cwd, values.out);
        if (await isDirectory(path)) path = join(path, file.name);
        await writeFile(path, file.xml);
      } else if (!values.json) io.stdout(file.xml);
      if (values.json) printJson(io, { file: path, name: file.name, kind: file.kind, period: file.period, bytes: file.bytes, sha256: file.sha256, ...file.summary, ...(path === null ? { xml: file.xml } : {}) });
      else if (path !== null) io.stdout(`${file.name}: ${file.bytes} bytes written to ${path} (sha256 ${file.sha256})\n`);
      return 0;
    } catch (error) {
      if (error instanceof ValidationError) {
        for (const p of error.details as { path: string; message: string }[]) io.stderr(`plazo sat: ${p.path}: ${p.message}\n`);
        return 2;
      }
      if (error instanceof AppError) {
        io.stderr(`plazo sat: ${error.code}: ${error.message}\n`);
        return 1;
      }
      throw error;
    } finally {
      await database.close();
    }
  },
};

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function rfc(db: Kysely<Database>, value: string | undefined, ctx: { actor: string; at: string }, json: boolean, io: CliIo): Promise<number> {
  if (value === undefined) {
    const settings = await satSettings(db);
    if (json) printJson(io, settings);
    else io.stdout(settings.rfc === null ? 'no RFC set: plazo sat rfc RFC\n' : `${settings.rfc} (set ${settings.updatedAt} by ${settings.updatedBy})\n`);
    return settings.rfc === null ? 1 : 0;
  }
  const result = await setSatRfc(db, value, ctx);
  if (json) printJson(io, result);
  else {
    io.stdout(result.changed ? `RFC set: ${result.rfc}\n` : `RFC unchanged: ${result.rfc}\n`);
    if (result.warning) io.stderr(`plazo sat: warning: ${result.warning}\n`);
  }
  return 0;
}
