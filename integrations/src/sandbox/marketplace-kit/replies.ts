import type { Counterpart, MarketplaceSource } from '@vitrine/shared';
import type { SandboxState } from '../core/state';

/** A seller message a marketplace simulator received (accepted or refused). */
export interface ReceivedReply {
  seq: number;
  source: MarketplaceSource;
  /** `Conversation.externalId` the connector uses for the conversation. */
  conversationId: string;
  counterpart: Counterpart;
  text: string;
  receivedAt: string;
  /** False when the marketplace refused it (ML moderation); refused replies never reach the buyer. */
  delivered: boolean;
  refusal?: string;
}

const repliesOf = (state: SandboxState, source: MarketplaceSource) =>
  state.collection<ReceivedReply>(`${source}.replies`);

export function recordReply(
  state: SandboxState,
  reply: Omit<ReceivedReply, 'seq' | 'receivedAt'>,
): ReceivedReply {
  const seq = state.nextValue(`${reply.source}.replies.seq`);
  return repliesOf(state, reply.source).put(seq, { ...reply, seq, receivedAt: new Date().toISOString() });
}

/**
 * Replies a marketplace simulator received, in arrival order. Tests assert "delivered exactly once"
 * with `delivered: true` entries; over HTTP: `GET /sandbox/<source>/_sandbox/replies`.
 */
export function receivedReplies(state: SandboxState, source: MarketplaceSource): ReceivedReply[] {
  return repliesOf(state, source).list();
}

export function deliveredReplies(state: SandboxState, source: MarketplaceSource): ReceivedReply[] {
  return receivedReplies(state, source).filter((r) => r.delivered);
}
