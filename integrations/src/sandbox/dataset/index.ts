import type { MarketplaceSource } from '@vitrine/shared';
import type { SandboxState } from '../core/state';
import { buildDataset } from './build';
import type { DatasetConversation, DatasetZendeskTicket, SandboxDataset } from './types';

export { buildDataset, skyhubCode, type BuildOptions } from './build';
export { generateCpf, generateCnpj, generateS10 } from './documents';
export { random, type Random } from './random';
export { TOPICS, fill } from './topics';
export * from './types';

const NOW_KEY = 'dataset.now';

/**
 * The dataset of this sandbox store. Its reference instant is fixed the first time and kept in the
 * store, so every simulator (and a restarted service) builds exactly the same world.
 */
export function sandboxDataset(ctx: { state: SandboxState; seed: number; scale: number }): SandboxDataset {
  let now = ctx.state.getMeta<string>(NOW_KEY);
  if (!now) {
    now = new Date().toISOString();
    ctx.state.setMeta(NOW_KEY, now);
  }
  return buildDataset({ seed: ctx.seed, scale: ctx.scale, now: new Date(now) });
}

/** A ticket for the sandbox Zendesk to create as if it arrived through its own channel. */
export interface ZendeskSeedTicket {
  /** Stable reference of the dataset ticket (`zn-001`); not a Zendesk id. */
  ref: string;
  subject: string;
  /** Zendesk `via.channel` of a ticket from that channel. */
  via: { channel: 'whatsapp' | 'email' | 'instagram_dm' };
  requester: { name: string; email?: string; phone?: string };
  /** First comment first; `agent` comments are public replies by the seller's agent. */
  comments: Array<{ author: 'requester' | 'agent'; body: string; created_at: string }>;
  created_at: string;
  tags: string[];
  /** Why this ticket is the same case as a marketplace conversation (for test assertions). */
  sameCaseAs?: DatasetZendeskTicket['sameCaseAs'];
}

const VIA = { whatsapp: 'whatsapp', email: 'email', instagram: 'instagram_dm' } as const;

/** The Zendesk-native tickets (WhatsApp, e-mail, Instagram) the sandbox Zendesk seeds. */
export function sandboxZendeskSeed(dataset: SandboxDataset): ZendeskSeedTicket[] {
  return dataset.zendeskTickets.map((t) => ({
    ref: t.id,
    subject: t.subject,
    via: { channel: VIA[t.channel] },
    requester: { name: t.requester.name, email: t.requester.email, phone: t.requester.phone },
    comments: t.comments.map((c) => ({
      author: c.author === 'customer' ? 'requester' : 'agent',
      body: c.text,
      created_at: c.at,
    })),
    created_at: t.createdAt,
    tags: [t.channel],
    sameCaseAs: t.sameCaseAs,
  }));
}

export interface BuyerMessageRef {
  source: MarketplaceSource;
  /** `Conversation.externalId` the connector gives the conversation. */
  conversationId: string;
  side: 'customer' | 'marketplace';
  text: string;
  at: string;
}

/** Every buyer message of the marketplace conversations (what must reach Zendesk exactly once). */
export function buyerMessagesOf(conversations: DatasetConversation[]): BuyerMessageRef[] {
  return conversations.flatMap((c) =>
    c.messages
      .filter((m) => m.author === 'customer')
      .map((m) => ({
        source: c.source,
        conversationId: c.conversationId,
        side: m.side,
        text: m.text,
        at: m.at,
      })),
  );
}

export function seededBuyerMessages(dataset: SandboxDataset): BuyerMessageRef[] {
  return buyerMessagesOf(dataset.conversations);
}
