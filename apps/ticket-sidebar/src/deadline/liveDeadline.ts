import { DEFAULT_DUE_SOON_MS } from '@vitrine/shared/sla';
import type { ChannelId } from '@vitrine/shared/channels';
import type { DeadlineStatus, TicketDeadline } from '../context/types';

export interface LiveDeadline {
  status: DeadlineStatus;
  /** Wall-clock ms until the deadline at `now`; negative once breached. */
  msLeft: number;
}

/**
 * The deadline's state between two syncs. The service computes the status in business time; the
 * wall clock can only make it worse: past `dueAt` is breached, and with less wall-clock time left
 * than the due-soon threshold there is certainly less business time left too.
 */
export function liveDeadline(deadline: TicketDeadline, now: Date): LiveDeadline {
  const msLeft = new Date(deadline.dueAt).getTime() - now.getTime();
  if (msLeft < 0) return { status: 'breached', msLeft };
  if (deadline.status === 'breached' || deadline.status === 'due_soon' || msLeft <= DEFAULT_DUE_SOON_MS) {
    return { status: deadline.status === 'breached' ? 'breached' : 'due_soon', msLeft };
  }
  return { status: 'ok', msLeft };
}

/** Marketplaces whose name takes "a" in pt-BR ("prazo informado pela MadeiraMadeira"). */
export const FEMININE_CHANNELS: readonly ChannelId[] = ['madeiramadeira', 'americanas'];
