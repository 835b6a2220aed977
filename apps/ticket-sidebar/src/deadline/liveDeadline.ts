import { DEFAULT_DUE_SOON_MS } from '@vitrine/shared/sla';
import type { ChannelId } from '@vitrine/shared/channels';
import type { DeadlineStatus, TicketDeadline } from '../context/types';

export interface LiveDeadline {
  status: DeadlineStatus;
  /** Wall-clock ms until the deadline at `now`; negative once breached. */
  msLeft: number;
  /** Business ms left at `now` when the context sent the business windows, else as of the last sync. */
  businessMsLeft?: number;
  /** Whether `businessMsLeft` is counted live (windows known) or the value from the last sync. */
  businessLive: boolean;
}

const SEVERITY: Record<DeadlineStatus, number> = { ok: 0, due_soon: 1, breached: 2 };
const worst = (a: DeadlineStatus, b: DeadlineStatus) => (SEVERITY[a] >= SEVERITY[b] ? a : b);

/**
 * The deadline's state between two syncs. Time only runs one way, so the status can only get worse
 * than what the service computed: past `dueAt` is breached; with the business windows known, the
 * business time left is counted live; without them, less wall-clock time than the due-soon
 * threshold still means less business time too.
 */
export function liveDeadline(deadline: TicketDeadline, now: Date): LiveDeadline {
  const due = new Date(deadline.dueAt).getTime();
  const at = now.getTime();
  const msLeft = due - at;
  if (msLeft < 0) return { status: 'breached', msLeft, businessLive: false };

  const windows = deadline.businessWindows;
  const businessMsLeft = windows
    ? windows.reduce((sum, window) => {
        const start = Math.max(new Date(window.start).getTime(), at);
        const end = Math.min(new Date(window.end).getTime(), due);
        return sum + Math.max(0, end - start);
      }, 0)
    : deadline.businessMsLeft;
  const soon = (businessMsLeft ?? msLeft) <= DEFAULT_DUE_SOON_MS || msLeft <= DEFAULT_DUE_SOON_MS;
  return {
    status: worst(deadline.status, soon ? 'due_soon' : 'ok'),
    msLeft,
    businessMsLeft,
    businessLive: windows !== undefined,
  };
}

/** Marketplaces whose name takes "a" in pt-BR ("prazo informado pela MadeiraMadeira"). */
export const FEMININE_CHANNELS: readonly ChannelId[] = ['madeiramadeira', 'americanas'];
