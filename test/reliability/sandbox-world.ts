import path from 'node:path';
import type { MarketplaceSource } from '@vitrine/shared';
import { SandboxState } from '../../integrations/src/sandbox/core/state';
import {
  conversationsOf,
  currentBuyerMessages,
} from '../../integrations/src/sandbox/marketplace-kit/conversations';
import { receivedReplies, type ReceivedReply } from '../../integrations/src/sandbox/marketplace-kit/replies';
import type { StoredComment } from '../../integrations/src/sandbox/zendesk/account';
import type { Ticket } from '../../integrations/src/zendesk/types';
import { conversationTicketExternalId } from '../../integrations/src/zendesk/conventions';

/**
 * What "the outside world" (the simulators' own `sandbox.db`) holds, read directly: the buyer
 * messages the marketplaces have, the comments the sandbox Zendesk has, the replies the marketplaces
 * received. Reading the file (WAL) never goes through the faulted APIs or their rate limits.
 */
export const SOURCES: MarketplaceSource[] = ['madeiramadeira', 'americanas', 'mercadolivre'];

export interface ConversationCheck {
  ticketExternalId: string;
  /** Buyer messages at the source, in the order they were written. */
  expected: string[];
  /** Public comments by the ticket's requester, in order (one list per ticket with that external id). */
  tickets: string[][];
}

export class SandboxWorld {
  private readonly state: SandboxState;

  constructor(dataDir: string) {
    this.state = SandboxState.open(path.join(dataDir, 'sandbox.db'));
  }

  close(): void {
    (this.state as unknown as { db?: { close(): void } }).db?.close?.();
  }

  conversations(): ConversationCheck[] {
    const tickets = this.state.collection<Ticket>('zendesk.tickets').list();
    const comments = this.state.collection<StoredComment>('zendesk.comments').list();
    const byConversation = new Map<string, { text: string; at: string; order: number }[]>();
    currentBuyerMessages(this.state).forEach((m, order) => {
      const key = conversationTicketExternalId(m.source, m.conversationId);
      const list = byConversation.get(key) ?? [];
      list.push({ text: m.text, at: m.at, order });
      byConversation.set(key, list);
    });
    return [...byConversation].map(([ticketExternalId, messages]) => ({
      ticketExternalId,
      expected: messages
        .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.order - b.order)
        .map((m) => m.text),
      tickets: tickets
        .filter((t) => t.external_id === ticketExternalId)
        .map((t) =>
          comments
            .filter((c) => c.ticket_id === t.id && c.public && c.author_id === t.requester_id)
            .sort((a, b) => a.id - b.id)
            .map((c) => c.body.split('\n\nAnexos:')[0]!),
        ),
    }));
  }

  /** Open conversations of a source, as `[conversation id, ticket external id]`. */
  openConversations(source: MarketplaceSource): { conversationId: string; ticketExternalId: string }[] {
    return conversationsOf(this.state, source)
      .list()
      .filter((c) => c.status === 'open')
      .map((c) => ({
        conversationId: c.conversationId,
        ticketExternalId: conversationTicketExternalId(source, c.conversationId),
      }));
  }

  ticketId(externalId: string): number | null {
    return (
      this.state
        .collection<Ticket>('zendesk.tickets')
        .list()
        .find((t) => t.external_id === externalId)?.id ?? null
    );
  }

  replies(source: MarketplaceSource): ReceivedReply[] {
    return receivedReplies(this.state, source);
  }
}
