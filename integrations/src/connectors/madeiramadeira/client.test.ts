import axios from 'axios';
import { Conversation } from '@vitrine/shared';
import { MarketplaceRefusal, type StreamDefinition } from '../../sync/connector';
import { startMarketplaceSandbox, type MarketplaceSandbox } from '../../sandbox/marketplace-kit/harness';
import { conversationsOf, deliveredReplies } from '../../sandbox/marketplace-kit';
import { madeiraMadeiraConnector } from '.';
import { madeiraMadeiraClient } from './client';

let sb: MarketplaceSandbox;
beforeAll(async () => {
  sb = await startMarketplaceSandbox({ systems: ['madeiramadeira'], seed: 11, scale: 5 });
});
afterAll(() => sb.close());

async function readAll(stream: StreamDefinition, ctx = sb.connectorContext('madeiramadeira')) {
  const records: unknown[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await stream.readPage(ctx, cursor);
    records.push(...page.records);
    cursor = page.nextCursor;
    pages++;
    if (page.caughtUp) break;
  } while (pages < 50);
  return { records, pages };
}

describe('MadeiraMadeira connector against its simulator', () => {
  const stream = madeiraMadeiraConnector.streams[0]!;

  it('exchanges the portal token, pages to the end and maps every session', async () => {
    const { records, pages } = await readAll(stream);
    const stored = conversationsOf(sb.sandbox.state, 'madeiramadeira').list();
    expect(pages).toBeGreaterThan(1); // 60 sessions, 50 per page
    expect(records).toHaveLength(stored.length);
    for (const raw of records) {
      const conversation = Conversation.parse(
        await stream.toConversation(stream.schema.parse(raw), sb.connectorContext('madeiramadeira')),
      );
      const source = stored.find((c) => c.conversationId === conversation.externalId)!;
      expect(conversation.messages.map((m) => m.text)).toEqual(source.messages.map((m) => m.text));
      expect(conversation.customer.email).toMatch(/@madeiramadeira\.com\.br$/);
      expect(conversation.customer.phone).toMatch(/^\+55\d{11}$/);
      expect(conversation.customer.document).toBeDefined();
      expect(conversation.status).toBe(source.status);
    }
  });

  it('exchanges the token again when the JWT is rejected', async () => {
    const ctx = sb.connectorContext('madeiramadeira');
    const client = madeiraMadeiraClient(ctx);
    const first = await client.accessToken();
    // Revoke it on the simulator's side: the next call gets 401, exchanges once, succeeds.
    sb.sandbox.state.collection('madeiramadeira.tokens').delete(first);
    const page = await client.listSessions(1);
    expect(page.sessions.length).toBeGreaterThan(0);
    expect(await client.accessToken()).not.toBe(first);
  });

  it('exchanges a new token before the old one expires', async () => {
    // A JWT that lives 2 minutes is always inside the 5-minute safety margin: every use renews it.
    const short = await startMarketplaceSandbox({
      systems: ['madeiramadeira'],
      seed: 11,
      simulators: { madeiramadeira: { tokenTtlSec: 120 } },
    });
    try {
      const client = madeiraMadeiraClient(short.connectorContext('madeiramadeira'));
      const first = await client.accessToken();
      const second = await client.accessToken();
      expect(second).not.toBe(first);
      const fresh = madeiraMadeiraClient(sb.connectorContext('madeiramadeira'));
      expect(await fresh.accessToken()).toBe(await fresh.accessToken()); // 1 h token: reused
    } finally {
      await short.close();
    }
  });

  it('a wrong portal token stops with a sentence for the admin', async () => {
    const ctx = sb.connectorContext('madeiramadeira', { token: 'errado' });
    await expect(stream.readPage(ctx, null)).rejects.toThrow(
      /Portal Marketplace › Administração › Integração/,
    );
  });

  it('honours Retry-After on 429', async () => {
    const ctx = sb.connectorContext('madeiramadeira');
    await madeiraMadeiraClient(ctx).accessToken();
    await axios.post(`${sb.baseUrl('madeiramadeira')}/_sandbox/throttle`, { count: 1, retryAfterSec: 1 });
    const started = Date.now();
    const page = await stream.readPage(ctx, null);
    expect(page.records.length).toBeGreaterThan(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('delivers a reply once and refuses replies to mediated or closed sessions in pt-BR', async () => {
    const ctx = sb.connectorContext('madeiramadeira');
    const stored = conversationsOf(sb.sandbox.state, 'madeiramadeira').list();
    const toConv = async (status: string) => {
      const c = stored.find((s) => s.status === status)!;
      const page = await stream.readPage(ctx, null);
      const raw = page.records.find(
        (r) => (r as { session: { session_id: number } }).session.session_id === Number(c.sourceId),
      );
      return Conversation.parse(await stream.toConversation(stream.schema.parse(raw), ctx));
    };
    const open = await toConv('open');
    const before = deliveredReplies(sb.sandbox.state, 'madeiramadeira').length;
    await madeiraMadeiraConnector.sendReply(ctx, {
      conversation: open,
      counterpart: 'customer',
      text: 'Olá! Seu pedido sai amanhã.',
      attachments: [],
      idempotencyKey: 'z1',
    });
    const delivered = deliveredReplies(sb.sandbox.state, 'madeiramadeira');
    expect(delivered).toHaveLength(before + 1);
    expect(delivered.at(-1)).toMatchObject({
      conversationId: open.externalId,
      text: 'Olá! Seu pedido sai amanhã.',
    });

    const mediated = await toConv('mediation');
    const refusal = await madeiraMadeiraConnector
      .sendReply(ctx, {
        conversation: mediated,
        counterpart: 'customer',
        text: 'Oi',
        attachments: [],
        idempotencyKey: 'z2',
      })
      .catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(MarketplaceRefusal);
    expect((refusal as MarketplaceRefusal).reason).toBe('in_mediation');
    expect((refusal as MarketplaceRefusal).agentMessage).toMatch(/mediação/);

    const closed = await toConv('closed');
    const refused = await madeiraMadeiraConnector
      .sendReply(ctx, {
        conversation: closed,
        counterpart: 'customer',
        text: 'Oi',
        attachments: [],
        idempotencyKey: 'z3',
      })
      .catch((e: unknown) => e);
    expect((refused as MarketplaceRefusal).reason).toBe('session_closed');
    expect(deliveredReplies(sb.sandbox.state, 'madeiramadeira')).toHaveLength(before + 1);
  });

  it('a new buyer message from the ticker shows up on the next read', async () => {
    const res = await axios.post(`${sb.baseUrl('madeiramadeira')}/_sandbox/tick`);
    const appended = res.data.appended as {
      conversation: { conversationId: string };
      message: { text: string };
    };
    const { records } = await readAll(stream);
    const ctx = sb.connectorContext('madeiramadeira');
    const conversations = await Promise.all(
      records.map(async (r) => Conversation.parse(await stream.toConversation(stream.schema.parse(r), ctx))),
    );
    const target = conversations.find((c) => c.externalId === appended.conversation.conversationId)!;
    expect(target.messages.at(-1)).toMatchObject({ author: 'customer', text: appended.message.text });
  });
});
