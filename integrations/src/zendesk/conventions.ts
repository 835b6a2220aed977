import type { MarketplaceSource } from '@vitrine/shared';

/**
 * How Vitrine's data appears inside a Zendesk account. The service, the sandbox Zendesk, the apps'
 * requirements.json and the tests all read these names from here.
 */

/** Custom ticket fields, created by the app's requirements.json and resolved by key at runtime. */
export const TICKET_FIELD_KEYS = {
  marketplace: 'vitrine_marketplace',
  orderNumber: 'vitrine_order_number',
  replyDueAt: 'vitrine_reply_due_at',
  conversationId: 'vitrine_conversation_id',
} as const;
export type TicketFieldKey = (typeof TICKET_FIELD_KEYS)[keyof typeof TICKET_FIELD_KEYS];

/** Tags Vitrine sets. Zendesk tags are lower-case words; pt-BR words where an agent filters by them. */
export const TAGS = {
  managed: 'vitrine',
  source: (source: MarketplaceSource) => `vitrine_${source}`,
  mediation: 'vitrine_mediacao',
  closedAtSource: 'vitrine_encerrado_marketplace',
  duplicate: 'vitrine_contato_duplicado',
  replyRefused: 'vitrine_resposta_recusada',
  sacCounterpart: 'vitrine_sac_americanas',
} as const;

/** Ticket `external_id` of a marketplace conversation. Not unique in Zendesk: we keep the mapping ourselves. */
export function conversationTicketExternalId(
  source: MarketplaceSource,
  conversationExternalId: string,
): string {
  return `vitrine:${source}:${conversationExternalId}`;
}

/** User `external_id` of a marketplace buyer. */
export function buyerUserExternalId(source: MarketplaceSource, buyerExternalId: string): string {
  return `vitrine:${source}:buyer:${buyerExternalId}`;
}

/**
 * Body of the webhook that the triggers in requirements.json send to `/webhooks/zendesk/:tenant`.
 * It only points at the ticket: the service reads the comments itself, so a duplicate or late
 * delivery can never relay a reply twice (each comment id is relayed once).
 */
export const WEBHOOK_EVENTS = ['ticket.public_reply', 'ticket.solved', 'ticket.rated_bad'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
export interface ZendeskWebhookBody {
  event: WebhookEvent;
  ticket_id: string;
  /** `{{ticket.account}}` — the subdomain, checked against the tenant in the URL. */
  account?: string;
}
