import type { StreamProgress } from '../server/sync-runtime';

/**
 * Console lines for long runs: one per page that brought records, and one when a stream catches up.
 * Written for a person watching `npm start` or `vitrine sync --once`.
 */
export function progressPrinter(write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)) {
  const caughtUp = new Set<string>();
  return (p: StreamProgress): void => {
    const key = `${p.tenantId}/${p.stream}`;
    if (p.records > 0) {
      write(`[${p.tenantId}] ${p.stream}: +${p.records} (${p.total} records)`);
      caughtUp.delete(key);
    }
    if (p.caughtUp && !caughtUp.has(key)) {
      write(`[${p.tenantId}] ${p.stream}: up to date (${p.total} records)`);
      caughtUp.add(key);
    }
  };
}
