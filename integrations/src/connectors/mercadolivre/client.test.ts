import axios from 'axios';
import { Conversation } from '@vitrine/shared';
import { MarketplaceRefusal, type ConnectorContext, type StreamDefinition } from '../../sync/connector';
import { conversationsOf, deliveredReplies, receivedReplies } from '../../sandbox/marketplace-kit';
import { startMarketplaceSandbox, type MarketplaceSandbox } from '../../sandbox/marketplace-kit/harness';
import { SANDBOX_MARKETPLACE_CREDENTIALS } from '../../config/sandbox-tenant';
import { mercadoLivreConnector, missedFeeds } from '.';

let sb: MarketplaceSandbox;
beforeAll(async () => {
  sb = await startMarketplaceSandbox({ systems: ['mercadolivre'], seed: 31, scale: 6 });
});
afterAll(() => sb.close());

const [messages, claims] = mercadoLivreConnector.streams as [StreamDefinition, StreamDefinition];

async function readAll(
  stream: StreamDefinition,
  ctx: ConnectorContext = sb.connectorContext('mercadolivre'),
) {
  const out: Conversation[] = [];
  let cursor: string | null = null;
  let pages = 0;
  for (;;) {
    const page = await stream.readPage(ctx, cursor);
    pages++;
    for (const raw of page.records)
      out.push(Conversation.parse(await stream.toConversation(stream.schema.parse(raw), ctx)));
    cursor = page.nextCursor;
    if (page.caughtUp || pages > 20) break;
  }
  return { conversations: out, pages };
}

const reply = (
  conversation: Conversation,
  text: string,
  counterpart: 'customer' | 'marketplace' = 'customer',
) => ({
  conversation,
  counterpart,
  text,
  attachments: [],
  idempotencyKey: text,
});

describe('Mercado Livre connector against its simulator', () => {
  it('reads every pack conversation, paging the orders search to the end', async () => {
    const { conversations, pages } = await readAll(messages);
    const packs = conversationsOf(sb.sandbox.state, 'mercadolivre').list((c) => c.kind === 'pack');
    expect(pages).toBeGreaterThan(1);
    const ids = conversations.map((c) => c.externalId);
    // An unread pack can come twice in one pass (unread list, then orders search); upserts absorb it.
    expect(ids.length).toBeLessThanOrEqual(2 * new Set(ids).size);
    expect(new Set(ids)).toEqual(new Set(packs.map((p) => p.conversationId)));
    for (const c of conversations) {
      const stored = packs.find((p) => p.conversationId === c.externalId)!;
      expect(c.messages.map((m) => m.text)).toEqual(stored.messages.map((m) => m.text));
      expect(c.customer.externalId).toBeDefined();
    }
  });

  it('between full scans, a pass reads the unread packs and recent orders only', async () => {
    const ctx = sb.connectorContext('mercadolivre');
    const full = await readAll(messages, ctx);
    const again = await readAll(messages, ctx);
    const unread = conversationsOf(sb.sandbox.state, 'mercadolivre')
      .list((c) => c.kind === 'pack' && c.messages.at(-1)?.author === 'customer')
      .map((c) => c.conversationId);
    expect(unread.length).toBeGreaterThan(0);
    expect(unread.length).toBeLessThan(full.conversations.length);
    // Seeded orders are 5 to 25 days old: the 2-day window finds none, the unread list finds these.
    expect(new Set(again.conversations.map((c) => c.externalId))).toEqual(new Set(unread));
  });

  it('reads claims, a dispute being a mediation with the mediator as counterpart', async () => {
    const { conversations } = await readAll(claims);
    expect(conversations).toHaveLength(
      conversationsOf(sb.sandbox.state, 'mercadolivre').list((c) => c.kind === 'claim').length,
    );
    const dispute = conversations.find((c) => c.status === 'mediation')!;
    expect(dispute.counterparts).toEqual(['customer', 'marketplace']);
    expect(dispute.messages.some((m) => m.author === 'marketplace' && m.counterpart === 'marketplace')).toBe(
      true,
    );
  });

  it('delivers a clean reply once; moderation refuses contact data with pt-BR guidance', async () => {
    const ctx = sb.connectorContext('mercadolivre');
    const open = (await readAll(messages, ctx)).conversations.find((c) => c.status !== 'closed')!;
    const before = deliveredReplies(sb.sandbox.state, 'mercadolivre').length;
    const sent = await mercadoLivreConnector.sendReply(
      ctx,
      reply(open, 'Olá! Seu pedido foi despachado hoje.'),
    );
    expect(sent.externalMessageId).toBeDefined();
    expect(deliveredReplies(sb.sandbox.state, 'mercadolivre')).toHaveLength(before + 1);

    const refusal = await mercadoLivreConnector
      .sendReply(ctx, reply(open, 'Me chama no whats 11 98765-4321'))
      .catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(MarketplaceRefusal);
    expect((refusal as MarketplaceRefusal).reason).toBe('moderated');
    expect((refusal as MarketplaceRefusal).agentMessage).toMatch(/telefone/);
    const link = await mercadoLivreConnector
      .sendReply(ctx, reply(open, 'Veja em https://bit.ly/abc'))
      .catch((e: unknown) => e);
    expect((link as MarketplaceRefusal).reason).toBe('moderated');
    expect(deliveredReplies(sb.sandbox.state, 'mercadolivre')).toHaveLength(before + 1);
    expect(
      receivedReplies(sb.sandbox.state, 'mercadolivre').filter((r) => !r.delivered).length,
    ).toBeGreaterThanOrEqual(2);
  });

  it('answers the mediator of a dispute through the claim', async () => {
    const ctx = sb.connectorContext('mercadolivre');
    const dispute = (await readAll(claims, ctx)).conversations.find((c) => c.status === 'mediation')!;
    await mercadoLivreConnector.sendReply(ctx, reply(dispute, 'Segue a foto da embalagem.', 'marketplace'));
    expect(deliveredReplies(sb.sandbox.state, 'mercadolivre').at(-1)).toMatchObject({
      conversationId: dispute.externalId,
      counterpart: 'marketplace',
    });
  });

  it('refreshes an expired access token once and persists the rotated refresh token', async () => {
    const saved: Array<Record<string, string>> = [];
    const creds = { ...SANDBOX_MARKETPLACE_CREDENTIALS.mercadolivre, accessToken: 'APP_USR-expirado' };
    const ctx = {
      ...sb.connectorContext('mercadolivre', creds),
      saveCredentials: async (c: Record<string, string>) => void saved.push(c),
    };
    const page = await messages.readPage(ctx, null);
    expect(page.records.length).toBeGreaterThan(0);
    expect(saved).toHaveLength(1);
    expect(saved[0]!.refreshToken).not.toBe(creds.refreshToken);
    // The old refresh token is dead now: a client still holding it must ask for a reconnection.
    const stale = sb.connectorContext('mercadolivre', creds);
    await expect(messages.readPage(stale, null)).rejects.toThrow(/reconecte a conta/);
  });

  it('lists the notifications of new buyer messages in missed_feeds', async () => {
    await axios.post(`${sb.baseUrl('mercadolivre')}/_sandbox/tick`);
    const feed = await missedFeeds(sb.connectorContext('mercadolivre'), { topic: 'messages' });
    expect(feed.invalid).toEqual([]);
    expect(feed.notifications.length).toBeGreaterThan(0);
    expect(feed.notifications[0]).toMatchObject({
      topic: 'messages',
      resource: expect.stringMatching(/^\/messages\//),
    });
  });

  it('honours Retry-After on 429', async () => {
    await axios.post(`${sb.baseUrl('mercadolivre')}/_sandbox/throttle`, { count: 1, retryAfterSec: 1 });
    const started = Date.now();
    await claims.readPage(sb.connectorContext('mercadolivre'), null);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });
});
