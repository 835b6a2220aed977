import axios from 'axios';
import Fastify from 'fastify';
import { CONNECTORS } from '../../connectors';
import { conversationsOf, deliveredReplies } from '.';
import { startMarketplaceSandbox } from './harness';

const get = (url: string, headers: Record<string, string> = {}) =>
  axios.get(url, { headers, validateStatus: () => true });

describe('marketplace simulators', () => {
  it('keep what they received across a restart and do not seed twice', async () => {
    const first = await startMarketplaceSandbox({ systems: ['madeiramadeira'], seed: 8 });
    const before = conversationsOf(first.sandbox.state, 'madeiramadeira').count();
    const ticked = (await axios.post(`${first.baseUrl('madeiramadeira')}/_sandbox/tick`)).data.appended;
    const stream = CONNECTORS.madeiramadeira.streams[0]!;
    const ctx = first.connectorContext('madeiramadeira');
    const raw = (await stream.readPage(ctx, null)).records.find(
      (r) =>
        String((r as { session: { session_id: number } }).session.session_id) ===
        ticked.conversation.sourceId,
    );
    const conversation = await stream.toConversation(stream.schema.parse(raw), ctx);
    await CONNECTORS.madeiramadeira.sendReply(ctx, {
      conversation,
      counterpart: 'customer',
      text: 'Já verificamos, chega amanhã.',
      attachments: [],
      idempotencyKey: 'k',
    });
    await first.close();

    const again = await startMarketplaceSandbox({
      systems: ['madeiramadeira'],
      seed: 8,
      dataDir: first.dataDir,
    });
    try {
      expect(conversationsOf(again.sandbox.state, 'madeiramadeira').count()).toBe(before);
      const stored = conversationsOf(again.sandbox.state, 'madeiramadeira').get(
        ticked.conversation.sourceId,
      )!;
      expect(stored.messages.map((m) => m.text)).toEqual(
        expect.arrayContaining([ticked.message.text, 'Já verificamos, chega amanhã.']),
      );
      expect(deliveredReplies(again.sandbox.state, 'madeiramadeira').map((r) => r.text)).toEqual([
        'Já verificamos, chega amanhã.',
      ]);
    } finally {
      await again.close();
    }
  });

  it('tell the same story of new buyer messages for the same seed', async () => {
    const story = async (seed: number) => {
      const sb = await startMarketplaceSandbox({ systems: ['americanas'], seed });
      try {
        const out: string[] = [];
        for (let i = 0; i < 4; i++) {
          const { appended } = (await axios.post(`${sb.baseUrl('americanas')}/_sandbox/tick`)).data;
          out.push(`${appended.conversation.conversationId}: ${appended.message.text}`);
        }
        return out;
      } finally {
        await sb.close();
      }
    };
    const a = await story(3);
    expect(await story(3)).toEqual(a);
    expect(await story(4)).not.toEqual(a);
  });

  it('refuse requests without credentials', async () => {
    const sb = await startMarketplaceSandbox({
      systems: ['madeiramadeira', 'americanas', 'mercadolivre'],
      seed: 1,
    });
    try {
      expect((await get(`${sb.baseUrl('madeiramadeira')}/v1/mensageria/seller/historic`)).status).toBe(401);
      expect((await get(`${sb.baseUrl('madeiramadeira')}/v1/pedido/id/1`)).status).toBe(401);
      expect((await get(`${sb.baseUrl('americanas')}/sac`)).status).toBe(401);
      expect((await get(`${sb.baseUrl('mercadolivre')}/orders/search`)).status).toBe(401);
      expect(
        (
          await get(`${sb.baseUrl('mercadolivre')}/users/me`, {
            Authorization: 'Bearer sandbox-ml-access-token',
          })
        ).status,
      ).toBe(200);
    } finally {
      await sb.close();
    }
  });

  it('Mercado Livre posts notifications to the callback; only undelivered ones are missed feeds', async () => {
    const received: unknown[] = [];
    const callback = Fastify();
    let fail = false;
    callback.post('/cb', async (request, reply) => {
      received.push(request.body);
      return reply.code(fail ? 500 : 200).send();
    });
    await callback.listen({ host: '127.0.0.1', port: 0 });
    const url = `http://127.0.0.1:${(callback.server.address() as { port: number }).port}/cb`;
    const sb = await startMarketplaceSandbox({
      systems: ['mercadolivre'],
      seed: 2,
      simulators: { mercadolivre: { notificationUrl: url } },
    });
    try {
      await axios.post(`${sb.baseUrl('mercadolivre')}/_sandbox/tick`);
      await sb.sandbox.scheduler.idle();
      fail = true;
      await axios.post(`${sb.baseUrl('mercadolivre')}/_sandbox/tick`);
      await sb.sandbox.scheduler.idle();
      expect(received).toHaveLength(2);
      expect(received[0]).toMatchObject({
        topic: 'messages',
        resource: expect.stringMatching(/^\/messages\//),
        attempts: 1,
      });
      const missed = await get(`${sb.baseUrl('mercadolivre')}/missed_feeds?app_id=sandbox-ml-client`, {
        Authorization: 'Bearer sandbox-ml-access-token',
      });
      expect(missed.data.messages).toHaveLength(1);
      expect(missed.data.messages[0]._id).toBe((received[1] as { _id: string })._id);
    } finally {
      await sb.close();
      await callback.close();
    }
  });
});
