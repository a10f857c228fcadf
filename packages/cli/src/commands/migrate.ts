import type { Command } from 'commander';
import { announceDatabase, databaseTarget } from '../database-target.js';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('Apply pending migrations (the server also does this at start)')
    .action(async () => {
      const { describeDatabase, migrateToLatest, openConnection, SQLITE_FILE_NAME } =
        await import('@sextant/db');
      const { loadConfig } = await import('@sextant/server');
      const config = loadConfig();
      // migrate creates the database when there is none: it says which one first.
      announceDatabase(databaseTarget(config, SQLITE_FILE_NAME));
      const connection = openConnection({ url: config.databaseUrl, dataDir: config.dataDir });
      try {
        const outcome = await migrateToLatest(connection);
        const info = await describeDatabase(connection);
        const applied = outcome.applied.length ? outcome.applied.join(', ') : 'nothing to apply';
        process.stdout.write(
          `${info.kind} at ${connection.location}: ${applied}; schema ${info.schemaVersion}\n`,
        );
      } finally {
        await connection.close();
      }
    });
}
