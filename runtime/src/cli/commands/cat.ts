// `plazo cat --flows F|- [--json]`: the CAT of explicit cash flows (DESIGN.md contract).
import { solveCat } from '@plazo/engine';
import { parseCommandArgs, printJson, readJsonInput, UsageError, type CliCommand, type CliIo } from '../command.ts';

export const command: CliCommand = {
  name: 'cat',
  summary: 'Compute the CAT (Banco de México) of cash flows: periodic payments or dated flows.',
  usage: 'plazo cat --flows F|- [--json]',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values } = parseCommandArgs(args, { flows: { type: 'string' }, json: { type: 'boolean' } });
    if (values.flows === undefined) throw new UsageError('missing --flows F|-');
    const result = solveCat(await readJsonInput(values.flows, io));
    if (values.json) printJson(io, result);
    else io.stdout(`CAT ${result.cat}% sin IVA (exact ${result.catExact}%)\n`);
    return 0;
  },
};
