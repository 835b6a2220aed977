import type { Command } from 'commander';
import { tableExists } from '../../store/db';
import { collectStatus, type ServiceStatus } from '../../store/status';
import { openServiceContext } from '../service-context';

export function registerStatusCommand(program: Command): void {
  program
    .command('status')
    .description('Records, lag, errors and quarantine per stream, and the Zendesk outbox, per tenant')
    .option('--json', 'print one JSON object')
    .action(async (opts: { json?: boolean }) => {
      const { store } = await openServiceContext({ quietByDefault: true });
      try {
        // A store the service never started on has no tables yet: "nothing synced", not an error.
        const status = (await tableExists(store, 'tenants')) ? await collectStatus(store) : { tenants: [] };
        process.stdout.write(opts.json ? `${JSON.stringify(status)}\n` : formatStatus(status));
      } finally {
        await store.close();
      }
    });
}

export function formatStatus(status: ServiceStatus): string {
  if (status.tenants.length === 0) {
    return 'No tenant synced yet: start the service with `npm start` (or `vitrine serve`).\n';
  }
  const lines: string[] = [];
  for (const tenant of status.tenants) {
    lines.push(`${tenant.id}`);
    const rows = [
      ['stream', 'records', 'last synced', 'lag', 'errors', 'quarantined'],
      ...tenant.streams.map((s) => [
        s.name,
        String(s.records),
        s.lastSyncedAt ?? 'never',
        s.lagSeconds === null ? '-' : formatLag(s.lagSeconds),
        String(s.errors),
        String(s.quarantined),
      ]),
    ];
    const widths = rows[0]!.map((_, col) => Math.max(...rows.map((r) => r[col]!.length)));
    for (const row of rows) {
      lines.push(
        `  ${row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!))).join('  ')}`,
      );
    }
    for (const s of tenant.streams) if (s.lastError) lines.push(`  ${s.name} last error: ${s.lastError}`);
    if (tenant.streams.length === 0) lines.push('  (no stream has run yet)');
    lines.push(`  outbox: ${tenant.outbox.pending} pending, ${tenant.outbox.failed} failed`);
  }
  return `${lines.join('\n')}\n`;
}

function formatLag(seconds: number): string {
  if (seconds < 120) return `${seconds}s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)}min`;
  return `${Math.round(seconds / 3600)}h`;
}
