import type { OutboundReply } from '../../sync/connector';
import { HttpError } from './errors';

/**
 * Sends a message at most once even when answers get lost. Before the first send (only when the
 * reply's own time is known, i.e. this may be a retry after a crash) and after every send whose
 * outcome is unknown, it asks the source whether the message is already there; only if not does it
 * send again. A marketplace message cannot carry our idempotency key, so "already there" means a
 * seller message with the same text created since the reply was written.
 */
export interface DeliverOnceOptions<T> {
  send(): Promise<T>;
  /** Whether the source already holds this message (sent since `sinceMs`). */
  delivered(sinceMs: number): Promise<boolean>;
  /** When the reply was written at the earliest (`replyNotBefore`); enables the check before the first send. */
  notBefore?: NotBefore;
  attempts?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** Clocks of two systems disagree a little; a message up to this much "older" still counts. */
const CLOCK_SKEW_MS = 2 * 60_000;

export async function deliverOnce<T>(
  options: DeliverOnceOptions<T>,
): Promise<T | { alreadyDelivered: true }> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const since = options.notBefore
    ? Date.parse(options.notBefore.at) - options.notBefore.skewMs
    : Date.now() - CLOCK_SKEW_MS;
  if (options.notBefore && (await options.delivered(since))) return { alreadyDelivered: true };
  const attempts = options.attempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    try {
      return await options.send();
    } catch (error) {
      if (!(error instanceof HttpError && error.outcomeUnknown) || attempt >= attempts) throw error;
      await sleep(Math.random() * 300 * 2 ** (attempt - 1));
      if (await options.delivered(since)) return { alreadyDelivered: true };
    }
  }
}

/**
 * The earliest moment a reply can have been written: given by the engine (`writtenAt`), else the
 * last message the other side wrote on that counterpart's thread — an agent answers after it. So
 * even a caller that does not pass `writtenAt` gets the check before sending; the price is that an
 * agent repeating the very same text twice in a row, with no buyer message between, sends it once.
 */
export interface NotBefore {
  at: string;
  /** Allowance for clocks: Zendesk's time vs the marketplace's; none when both times are the source's. */
  skewMs: number;
}

export function replyNotBefore(reply: OutboundReply): NotBefore | undefined {
  if (reply.writtenAt) return { at: reply.writtenAt, skewMs: CLOCK_SKEW_MS };
  const theirs = reply.conversation.messages.filter(
    (m) => m.counterpart === reply.counterpart && m.author !== 'seller',
  );
  const last = theirs.at(-1)?.createdAt;
  // Strictly after their last message: an identical reply sent before it was a different reply.
  return last ? { at: new Date(Date.parse(last) + 1).toISOString(), skewMs: 0 } : undefined;
}

/** Compares message texts the way marketplaces echo them back (trimmed, normalized line breaks and spaces). */
export function sameText(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .replace(/\r\n/g, '\n')
      .replace(/[ \t]+/g, ' ')
      .trim();
  return norm(a) === norm(b);
}
