import axios from 'axios';
import { Conversation } from '@vitrine/shared';
import { MarketplaceRefusal } from '../../sync/connector';
import { RATE_LIMITED_KEY } from '../../sandbox/americanas';
import { conversationsOf, deliveredReplies } from '../../sandbox/marketplace-kit';
import { startMarketplaceSandbox, type MarketplaceSandbox } from '../../sandbox/marketplace-kit/harness';
import { acknowledgeQueuedOrder, americanasConnector, nextQueuedOrder } from '.';

let sb: MarketplaceSandbox;
beforeAll(async () => {
  sb = await startMarketplaceSandbox({ systems: ['americanas'], seed: 21 });
});
afterAll(() => sb.close());

const stream = americanasConnector.streams[0]!;

async function readAll(ctx = sb.connectorContext('americanas')) {
  const conversations: Conversation[] = [];
  let cursor: string | null = null;
  let pages = 0;
  for (;;) {
    const page = await stream.readPage(ctx, cursor);
    pages++;
    for (const raw of page.records)
      conversations.push(Conversation.parse(await stream.toConversation(stream.schema.parse(raw), ctx)));
    cursor = page.nextCursor;
    if (page.caughtUp || pages > 20) break;
  }
  return { conversations, pages };
}

describe('Americanas connector against its simulator', () => {
  it('follows the forward-only cursor to the end within the SAC rate limit', async () => {
    const { conversations, pages } = await readAll();
    const stored = conversationsOf(sb.sandbox.state, 'americanas').list();
    expect(pages).toBeGreaterThan(1); // 10 tickets per page, then an empty page
    expect(conversations.map((c) => c.externalId).sort()).toEqual(stored.map((c) => c.conversationId).sort());
    expect(sb.sandbox.state.getMeta(RATE_LIMITED_KEY) ?? 0).toBe(0);
    for (const c of conversations) {
      const source = stored.find((s) => s.conversationId === c.externalId)!;
      expect(c.counterparts).toEqual(['customer', 'marketplace']);
      expect(c.messages.map((m) => [m.text, m.counterpart])).toEqual(
        [...source.messages].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).map((m) => [m.text, m.side]),
      );
    }
    expect(conversations.some((c) => c.messages.some((m) => m.counterpart === 'marketplace'))).toBe(true);
  });

  it('sends replies to the customer and to Americanas SAC on their own chats, once each', async () => {
    const ctx = sb.connectorContext('americanas');
    const { conversations } = await readAll(ctx);
    const open = conversations.find((c) => c.status !== 'closed')!;
    await americanasConnector.sendReply(ctx, {
      conversation: open,
      counterpart: 'customer',
      text: 'Olá! Vamos enviar a peça nova.',
      attachments: [],
      idempotencyKey: 'a1',
    });
    await americanasConnector.sendReply(ctx, {
      conversation: open,
      counterpart: 'marketplace',
      text: 'Prezados, reposição despachada hoje.',
      attachments: [],
      idempotencyKey: 'a2',
    });
    const delivered = deliveredReplies(sb.sandbox.state, 'americanas').filter(
      (r) => r.conversationId === open.externalId,
    );
    expect(delivered.map((r) => [r.counterpart, r.text])).toEqual([
      ['customer', 'Olá! Vamos enviar a peça nova.'],
      ['marketplace', 'Prezados, reposição despachada hoje.'],
    ]);
    const after = (await readAll(ctx)).conversations.find((c) => c.externalId === open.externalId)!;
    expect(after.messages.filter((m) => m.author === 'seller').map((m) => m.counterpart)).toEqual(
      expect.arrayContaining(['customer', 'marketplace']),
    );
  });

  it('archives a ticket on finalize; a reply after that is refused in pt-BR', async () => {
    const ctx = sb.connectorContext('americanas');
    const { conversations } = await readAll(ctx);
    const open = conversations.find((c) => c.status !== 'closed')!;
    await americanasConnector.finalize!(ctx, open);
    const again = (await readAll(ctx)).conversations.find((c) => c.externalId === open.externalId)!;
    expect(again.status).toBe('closed');
    const refusal = await americanasConnector
      .sendReply(ctx, {
        conversation: again,
        counterpart: 'customer',
        text: 'Oi',
        attachments: [],
        idempotencyKey: 'a3',
      })
      .catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(MarketplaceRefusal);
    expect((refusal as MarketplaceRefusal).agentMessage).toMatch(/Americanas/);
  });

  it('honours Retry-After on 429', async () => {
    const ctx = sb.connectorContext('americanas');
    await axios.post(`${sb.baseUrl('americanas')}/_sandbox/throttle`, { count: 1, retryAfterSec: 1 });
    const started = Date.now();
    const page = await stream.readPage(ctx, null);
    expect(page.records.length).toBeGreaterThan(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('rejected credentials tell the admin where to get a new key', async () => {
    const ctx = sb.connectorContext('americanas', {
      userEmail: 'x@y.z',
      apiKey: 'velha',
      accountManagerKey: 'k',
    });
    await expect(stream.readPage(ctx, null)).rejects.toThrow(/Integrações › Credenciais API/);
  });

  it('consumes the orders queue one order at a time, acknowledging each', async () => {
    const ctx = sb.connectorContext('americanas');
    const seen = new Set<string>();
    for (;;) {
      const next = await nextQueuedOrder(ctx);
      if (!next) break;
      expect(seen.has(next.order.code)).toBe(false);
      seen.add(next.order.code);
      expect(next.order.customer?.vat_number).toBeDefined();
      await acknowledgeQueuedOrder(ctx, next.order.code);
    }
    expect(seen.size).toBe(conversationsOf(sb.sandbox.state, 'americanas').count());
  });
});
