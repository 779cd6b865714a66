// `plazo audit verify`: walks the audit chain of the runtime's database and reports the first
// broken link. Exit 0 intact, 1 broken (edited or deleted entries), 2 bad usage or no database.
import { verifyAuditChain } from '../../audit/audit-verify.ts';
import { loadConfig } from '../../config.ts';
import { openRuntimeDatabase } from '../../db/runtime-database.ts';
import { parseCommandArgs, printJson, UsageError, type CliCommand } from '../command.ts';

export const command: CliCommand = {
  name: 'audit',
  summary: 'Audit log operations: `verify` checks that no entry was edited or deleted.',
  usage: 'plazo audit verify [--json]',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } }, true);
    if (positionals[0] !== 'verify' || positionals.length !== 1) {
      throw new UsageError(positionals[0] === undefined ? 'missing subcommand `verify`' : `unknown subcommand \`${positionals.join(' ')}\``);
    }
    let database;
    try {
      database = await openRuntimeDatabase(loadConfig(process.env, io.cwd));
    } catch (error) {
      io.stderr(`plazo audit: ${(error as Error).message}\n`);
      return 2;
    }
    try {
      const result = await verifyAuditChain(database.db);
      if (values.json) printJson(io, result);
      if (result.ok) {
        if (!values.json) io.stdout(`audit chain intact: ${result.entries} entries, last hash ${result.lastHash}\n`);
        return 0;
      }
      io.stderr(`audit: error broken-chain: ${result.message} (first broken link: entry ${result.brokenAt})\n`);
      return 1;
    } finally {
      await database.close();
    }
  },
};
