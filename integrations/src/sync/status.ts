import type { Store } from '../store/db';
import { collectStatus, type ServiceStatus } from '../store/status';

/**
 * What `vitrine status --json` prints: per tenant, each stream's records, last sync, lag, errors and
 * quarantined records, and the outbox's pending and failed effects. Read from the store, so it is
 * right whichever process did the work and after a restart.
 */
export function syncStatus(store: Store, now: Date = new Date()): Promise<ServiceStatus> {
  return collectStatus(store, now);
}
