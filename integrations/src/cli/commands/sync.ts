import { MARKETPLACE_SOURCES } from '@vitrine/shared';
import type { Command } from 'commander';
import type { VitrineServer } from '../../server/build';
import { migrateToLatest } from '../../store/migrations';
import { collectStatus } from '../../store/status';
import { CliUsageError } from '../errors';
import { listenOrExplain, pointSandboxTenantAt, serviceAnswers } from '../listen';
import { progressPrinter } from '../progress';
import { provisionTenants } from '../provision';
import { openServiceContext } from '../service-context';

/** What `--source` accepts: a marketplace, or `zendesk` (tickets from Zendesk's own channels). */
export const SYNC_SOURCES = [...MARKETPLACE_SOURCES, 'zendesk'] as const;

export function registerSyncCommand(program: Command): void {
  program
    .command('sync')
    .description('Sync every stream once (or one source) and drain the Zendesk outbox, then exit')
    .option('--once', 'run one pass and exit (the continuous sync runs inside `vitrine serve`)')
    .option('--source <name>', `only this source: ${SYNC_SOURCES.join(', ')}`)
    .action(async (opts: { once?: boolean; source?: string }) => {
      if (!opts.once) {
        throw new CliUsageError(
          'use `vitrine sync --once` for one pass; the continuous sync runs inside `vitrine serve` (npm start).',
        );
      }
      if (opts.source !== undefined && !(SYNC_SOURCES as readonly string[]).includes(opts.source)) {
        throw new CliUsageError(`unknown source "${opts.source}"; use one of: ${SYNC_SOURCES.join(', ')}.`);
      }

      /* eslint-disable @typescript-eslint/no-require-imports -- loaded here, not at the top: quick commands start faster. */
      const { createMetrics } = require('../../metrics') as typeof import('../../metrics');
      const { buildServer } = require('../../server/build') as typeof import('../../server/build');
      const { createSyncRuntime } = require('../../sync/runtime') as typeof import('../../sync/runtime');
      /* eslint-enable @typescript-eslint/no-require-imports */
      const { config, log, store } = await openServiceContext({ quietByDefault: true });
      const say = (line: string) => process.stdout.write(`${line}\n`);
      let server: VitrineServer | undefined;
      try {
        await migrateToLatest(store);
        const metrics = createMetrics({ store, defaultMetrics: false });
        // In sandbox mode the simulators must be reachable: share those of a running service, or
        // host them for the length of this run.
        if (config.sandbox.enabled && !(await serviceAnswers(config.publicBaseUrl))) {
          const sandboxHost = await buildServer({ config, store, log, metrics });
          server = sandboxHost;
          await listenOrExplain(sandboxHost, config);
          pointSandboxTenantAt(config, sandboxHost.publicBaseUrl());
        }
        await provisionTenants(store, config);
        const runtime = createSyncRuntime({ config, store, log, metrics, onProgress: progressPrinter(say) });
        const started = Date.now();
        await runtime.runOnce({ source: opts.source });
        await runtime.stop();

        const status = await collectStatus(store);
        let failing = 0;
        for (const tenant of status.tenants) {
          for (const stream of tenant.streams) {
            if (opts.source && !stream.name.startsWith(`${opts.source}.`)) continue;
            if (stream.errors > 0) failing += 1;
            say(
              `[${tenant.id}] ${stream.name}: ${stream.records} records, ${stream.errors} errors, ${stream.quarantined} quarantined` +
                (stream.lastError ? ` — last error: ${stream.lastError}` : ''),
            );
          }
          say(`[${tenant.id}] outbox: ${tenant.outbox.pending} pending, ${tenant.outbox.failed} failed`);
        }
        say(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        if (failing > 0) {
          process.stderr.write(`vitrine: ${failing} stream(s) ended with errors; see \`vitrine status\`.\n`);
          process.exitCode = 1;
        }
      } finally {
        await server?.app.close();
        await store.close();
      }
    });
}
