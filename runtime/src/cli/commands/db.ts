// `plazo db migrate`: brings the runtime's database (DATABASE_URL or the embedded one) to the
// latest schema. Exit 0 on success, 2 on bad usage or a database that cannot be migrated.
import { loadConfig } from '../../config.ts';
import { openRuntimeDatabase } from '../../db/runtime-database.ts';
import { knownMigrations } from '../../db/migrator.ts';
import { parseCommandArgs, printJson, UsageError, type CliCommand } from '../command.ts';

export const command: CliCommand = {
  name: 'db',
  summary: 'Operations on the runtime database: `migrate` applies pending schema migrations.',
  usage: 'plazo db migrate [--json]',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } }, true);
    if (positionals[0] !== 'migrate' || positionals.length !== 1) {
      throw new UsageError(positionals[0] === undefined ? 'missing subcommand `migrate`' : `unknown subcommand \`${positionals.join(' ')}\``);
    }
    let database;
    try {
      database = await openRuntimeDatabase(loadConfig(process.env, io.cwd));
    } catch (error) {
      io.stderr(`plazo db: ${(error as Error).message}\n`);
      return 2;
    }
    try {
      const { applied } = database.migrations;
      if (values.json) {
        printJson(io, { database: database.location, applied, current: knownMigrations().at(-1) ?? null });
      } else {
        io.stdout(
          applied.length === 0
            ? `${database.location}: up to date (${knownMigrations().at(-1)})\n`
            : applied.map((name) => `applied ${name}\n`).join('') + `${database.location}: up to date\n`,
        );
      }
      return 0;
    } finally {
      await database.close();
    }
  },
};
