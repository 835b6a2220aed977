import type { Command } from 'commander';
import type { VitrineServer } from '../../server/build';
import { describeDatabaseUrl } from '../../store/db';
import { migrateToLatest } from '../../store/migrations';
import { listenOrExplain, pointSandboxTenantAt } from '../listen';
import { progressPrinter } from '../progress';
import { provisionTenants } from '../provision';
import { openServiceContext } from '../service-context';

/** A second Ctrl-C during shutdown, or shutdown taking longer than this, ends the process at once. */
const SHUTDOWN_GRACE_MS = 15_000;

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Run the service: HTTP server, sync of every stream, Zendesk outbox (npm start)')
    .action(async () => {
      /* eslint-disable @typescript-eslint/no-require-imports -- loaded here, not at the top: `vitrine status` and the other quick commands start faster. */
      const { createMetrics } = require('../../metrics') as typeof import('../../metrics');
      const { buildServer } = require('../../server/build') as typeof import('../../server/build');
      const { createSyncRuntime } = require('../../sync/runtime') as typeof import('../../sync/runtime');
      /* eslint-enable @typescript-eslint/no-require-imports */
      const { config, log, store } = await openServiceContext();
      const say = (line: string) => process.stdout.write(`${line}\n`);
      let stopping = false;
      let server: VitrineServer | undefined;
      try {
        const { applied } = await migrateToLatest(store);
        if (applied.length > 0) log.info({ applied }, 'database migrated');

        const metrics = createMetrics({ store });
        const runtime = createSyncRuntime({ config, store, log, metrics, onProgress: progressPrinter(say) });
        const listening = await buildServer({ config, store, log, metrics, syncRuntime: runtime });
        server = listening;
        await listenOrExplain(listening, config);
        pointSandboxTenantAt(config, listening.publicBaseUrl());
        await provisionTenants(store, config);

        say('');
        say(
          config.sandbox.enabled
            ? 'Vitrine em execução no modo sandbox (simuladores locais) / running in sandbox mode'
            : `Vitrine em execução / running for ${config.tenants.map((t) => t.id).join(', ')}`,
        );
        say(
          `  store: ${config.databaseUrl ? `PostgreSQL ${describeDatabaseUrl(config.databaseUrl)}` : `SQLite in ${config.dataDir}`}`,
        );
        for (const { label, url } of listening.servedUrls()) say(`  ${label.padEnd(28)} ${url}`);
        say('  status: npx vitrine status   ·   stop: Ctrl-C');
        say('');
        await runtime.start();

        const shutdown = async (signal: string) => {
          if (stopping) {
            process.stderr.write('vitrine: stopping at once\n');
            process.exit(1);
          }
          stopping = true;
          say(`Encerrando (${signal}) / shutting down…`);
          const force = setTimeout(() => {
            process.stderr.write('vitrine: shutdown took too long; stopping at once\n');
            process.exit(1);
          }, SHUTDOWN_GRACE_MS);
          force.unref();
          try {
            await runtime.stop();
            await listening.app.close();
            await store.close();
          } catch (err) {
            process.stderr.write(`vitrine: error while shutting down: ${(err as Error).message}\n`);
            process.exitCode = 1;
          }
          clearTimeout(force);
        };
        process.on('SIGINT', () => void shutdown('SIGINT'));
        process.on('SIGTERM', () => void shutdown('SIGTERM'));
      } catch (err) {
        // Startup failed: release the port and the database so the process can exit with the error.
        await server?.app.close().catch(() => undefined);
        await store.close().catch(() => undefined);
        throw err;
      }
    });
}
