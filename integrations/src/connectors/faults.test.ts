import { Conversation, type MarketplaceSource } from '@vitrine/shared';
import type { StreamDefinition } from '../sync/connector';
import { appendMessage, conversationsOf, deliveredReplies } from '../sandbox/marketplace-kit';
import { startMarketplaceSandbox, type MarketplaceSandbox } from '../sandbox/marketplace-kit/harness';
import { CONNECTORS } from '.';

/**
 * The simulators fail a share of requests like a bad day on the internet: 429s, 5xx, hung requests,
 * resets, and answers lost after the change was applied. The connectors must still read everything
 * and deliver each reply exactly once.
 */
jest.setTimeout(120_000);

let sb: MarketplaceSandbox;
beforeAll(async () => {
  sb = await startMarketplaceSandbox({
    systems: ['madeiramadeira', 'americanas', 'mercadolivre'],
    seed: 5,
    faultRate: 0.2,
  });
});
afterAll(() => sb.close());

async function readStream(source: MarketplaceSource, stream: StreamDefinition): Promise<Conversation[]> {
  const ctx = sb.connectorContext(source);
  const out: Conversation[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 30; pages++) {
    const page = await stream.readPage(ctx, cursor);
    for (const raw of page.records)
      out.push(Conversation.parse(await stream.toConversation(stream.schema.parse(raw), ctx)));
    cursor = page.nextCursor;
    if (page.caughtUp) break;
  }
  return out;
}

describe('connectors under VITRINE_SANDBOX_FAULT_RATE=0.2', () => {
  const conversations = new Map<MarketplaceSource, Conversation[]>();

  it.each(['madeiramadeira', 'americanas', 'mercadolivre'] as const)(
    '%s: every stored conversation is read',
    async (source) => {
      const read: Conversation[] = [];
      for (const stream of CONNECTORS[source].streams) read.push(...(await readStream(source, stream)));
      conversations.set(source, read);
      const stored = conversationsOf(sb.sandbox.state, source).list();
      expect(new Set(read.map((c) => c.externalId))).toEqual(new Set(stored.map((c) => c.conversationId)));
      expect(sb.sandbox.faults.stats.requests).toBeGreaterThan(0);
    },
  );

  it('every reply is delivered exactly once, even when answers are lost after delivery', async () => {
    // Lost answers and resets after the change only: the worst case for a blind retry.
    const faults = sb.sandbox.faults.options as {
      rate: number;
      mix?: ReadonlyArray<readonly [string, number]>;
    };
    faults.rate = 0.35;
    faults.mix = [
      ['lost_answer', 0.5],
      ['reset_after', 0.5],
    ];
    const sent: Array<{ source: MarketplaceSource; conversationId: string; text: string }> = [];
    for (const source of ['madeiramadeira', 'americanas', 'mercadolivre'] as const) {
      const open = (conversations.get(source) ?? [])
        .filter((c) => c.status === 'open' || c.status === 'awaiting_customer')
        .slice(0, 4);
      for (const [i, conversation] of open.entries()) {
        const text = `Olá! Resposta ${i + 1} (${source}): já estamos cuidando do seu pedido.`;
        await CONNECTORS[source].sendReply(sb.connectorContext(source), {
          conversation,
          counterpart: 'customer',
          text,
          attachments: [],
          idempotencyKey: `${source}-${i}`,
        });
        sent.push({ source, conversationId: conversation.externalId, text });
      }
    }
    expect(sent.length).toBeGreaterThanOrEqual(10);
    expect(
      sb.sandbox.faults.stats.injected.lost_answer + sb.sandbox.faults.stats.injected.reset_after,
    ).toBeGreaterThan(0);
    for (const { source, conversationId, text } of sent) {
      const copies = deliveredReplies(sb.sandbox.state, source).filter(
        (r) => r.conversationId === conversationId && r.text === text,
      );
      expect({ conversationId, copies: copies.length }).toEqual({ conversationId, copies: 1 });
    }
  });

  it('a retried reply is not sent twice even without its writing time; after a new buyer message the same text goes again', async () => {
    const faults = sb.sandbox.faults.options as { rate: number };
    faults.rate = 0;
    const ctx = sb.connectorContext('americanas');
    const conversation = (conversations.get('americanas') ?? []).find((c) => c.status === 'open')!;
    const reply = {
      conversation,
      counterpart: 'customer' as const,
      text: 'Obrigado pelo contato!',
      attachments: [],
      idempotencyKey: 'r-1',
    };
    await CONNECTORS.americanas.sendReply(ctx, reply);
    await CONNECTORS.americanas.sendReply(ctx, reply); // the engine crashed before recording the first success
    const copies = () =>
      deliveredReplies(sb.sandbox.state, 'americanas').filter(
        (r) => r.conversationId === conversation.externalId && r.text === reply.text,
      );
    expect(copies()).toHaveLength(1);

    // The buyer writes again; the agent answers with the very same words: that is a new reply.
    appendMessage(sb.sandbox.state, 'americanas', conversation.externalId, {
      author: 'customer',
      side: 'customer',
      authorName: 'Cliente',
      text: 'Obrigada, e o reembolso?',
      at: new Date().toISOString(),
    });
    const stream = CONNECTORS.americanas.streams[0]!;
    const fresh = (await readStream('americanas', stream)).find(
      (c) => c.externalId === conversation.externalId,
    )!;
    expect(fresh.messages.at(-1)?.author).toBe('customer');
    await CONNECTORS.americanas.sendReply(ctx, { ...reply, conversation: fresh, idempotencyKey: 'r-2' });
    expect(copies()).toHaveLength(2);
  });

  it('a reply retried after a crash is not sent twice when its writing time is known', async () => {
    const faults = sb.sandbox.faults.options as { rate: number };
    faults.rate = 0;
    const conversation = (conversations.get('madeiramadeira') ?? []).find((c) => c.status === 'open')!;
    const writtenAt = new Date().toISOString();
    const reply = {
      conversation,
      counterpart: 'customer' as const,
      text: 'Enviamos a nota fiscal por e-mail.',
      attachments: [],
      idempotencyKey: 'crash-1',
      writtenAt,
    };
    await CONNECTORS.madeiramadeira.sendReply(sb.connectorContext('madeiramadeira'), reply);
    // The process died before recording the success; the engine sends the same reply again.
    await CONNECTORS.madeiramadeira.sendReply(sb.connectorContext('madeiramadeira'), reply);
    const copies = deliveredReplies(sb.sandbox.state, 'madeiramadeira').filter((r) => r.text === reply.text);
    expect(copies).toHaveLength(1);
  });
});
