import type { Command } from 'commander';
import { describeDatabaseUrl, SQLITE_FILE_NAME } from '../../store/db';
import { migrateToLatest } from '../../store/migrations';
import { openServiceContext } from '../service-context';
import path from 'node:path';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('Bring the database schema up to date (the service also does this on start)')
    .action(async () => {
      const { config, store } = await openServiceContext({ quietByDefault: true });
      try {
        const where = config.databaseUrl
          ? `PostgreSQL ${describeDatabaseUrl(config.databaseUrl)}`
          : `SQLite ${path.join(config.dataDir, SQLITE_FILE_NAME)}`;
        const { applied } = await migrateToLatest(store);
        process.stdout.write(
          applied.length > 0 ? `${where}: applied ${applied.join(', ')}\n` : `${where}: already up to date\n`,
        );
      } finally {
        await store.close();
      }
    });
}
