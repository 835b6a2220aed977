import type { Connector, ConnectorContext, OutboundReply, StreamDefinition } from '../../sync/connector';
import { MarketplaceRefusal } from '../../sync/connector';
import { toInstant } from '../brasilia-time';
import { HttpError, deliverOnce, replyNotBefore, sameText } from '../http';
import { PARTS_FOR_COUNTERPART, sacArchiveRequest, sacReplyRequest } from './assumptions';
import { americanasClient, readSacRecords } from './client';
import { toConversation } from './mapping';
import { SkyChats, SkySacRecord } from './schemas';

export { nextQueuedOrder, acknowledgeQueuedOrder } from './orders-queue';

/**
 * `americanas.sac`: tickets with any message exchange, each with its chats. Cursor = SkyHub's
 * forward-only `cursor`; at the end of the list the next poll starts over (tickets change in place).
 */
export const sacStream: StreamDefinition<SkySacRecord> = {
  name: 'americanas.sac',
  schema: SkySacRecord,
  async readPage(ctx, cursor) {
    const { records, nextCursor } = await readSacRecords(ctx, cursor);
    return { records, nextCursor, caughtUp: nextCursor === null };
  },
  externalId: (raw) => raw.sac.code,
  toConversation: (raw) => toConversation(raw),
};

function refusal(error: unknown, counterpart: OutboundReply['counterpart']): never {
  if (
    error instanceof HttpError &&
    (error.status === 404 || error.status === 422 || error.status === 400 || error.status === 409)
  ) {
    const who = counterpart === 'marketplace' ? 'o SAC da Americanas' : 'o cliente';
    if (error.status === 404) {
      throw new MarketplaceRefusal(
        'not_found',
        `A Americanas não encontrou este atendimento; a mensagem para ${who} não foi entregue. Verifique o pedido no portal.`,
        error.body,
      );
    }
    throw new MarketplaceRefusal(
      error.status === 409 ? 'session_closed' : 'invalid',
      `A Americanas recusou a mensagem para ${who} (${error.status}). O atendimento pode estar encerrado: confira no portal da Americanas e responda por lá se necessário.`,
      error.body,
    );
  }
  throw error;
}

/** Whether the ticket already shows this seller message on that counterpart's chat (sent since `sinceMs`). */
async function sellerMessageExists(
  ctx: ConnectorContext,
  reply: OutboundReply,
  sinceMs: number,
): Promise<boolean> {
  const response = await americanasClient(ctx).request(
    { method: 'GET', path: `/sac/${encodeURIComponent(reply.conversation.externalId)}/chats` },
    ctx.signal,
  );
  const parsed = SkyChats.safeParse(response.data);
  if (!parsed.success) return false;
  const parts = PARTS_FOR_COUNTERPART[reply.counterpart];
  return parsed.data.chats
    .filter((chat) => chat.parts === parts)
    .flatMap((chat) => chat.messages)
    .some(
      (m) =>
        m.part?.role === 'SELLER' &&
        sameText(m.content ?? '', reply.text) &&
        Date.parse(toInstant(m.created_at) ?? '') >= sinceMs,
    );
}

export async function sendReply(ctx: ConnectorContext, reply: OutboundReply) {
  const request = sacReplyRequest(reply.conversation.externalId, reply.counterpart, reply.text);
  try {
    await deliverOnce({
      notBefore: replyNotBefore(reply),
      send: () =>
        americanasClient(ctx).request(
          { method: request.method, path: request.path, data: request.data },
          ctx.signal,
        ),
      delivered: (since) => sellerMessageExists(ctx, reply, since),
    });
  } catch (error) {
    refusal(error, reply.counterpart);
  }
  return {};
}

/** Archives the SAC ticket when the Zendesk ticket is solved (request shape undocumented, see BEHAVIOR.md). */
export async function finalize(ctx: ConnectorContext, conversation: { externalId: string }) {
  const request = sacArchiveRequest(conversation.externalId);
  await americanasClient(ctx).request(
    { method: request.method, path: request.path, data: request.data },
    ctx.signal,
  );
}

export const americanasConnector: Connector = {
  source: 'americanas',
  credentialKeys: ['userEmail', 'apiKey', 'accountManagerKey'],
  streams: [sacStream],
  sendReply,
  finalize,
};
