import type {
  Connector,
  ConnectorContext,
  OutboundReply,
  SentReply,
  StreamDefinition,
} from '../../sync/connector';
import { MarketplaceRefusal } from '../../sync/connector';
import { z } from 'zod';
import { toInstant } from '../brasilia-time';
import { HttpError, deliverOnce, replyNotBefore, sameText } from '../http';
import {
  CLAIMS_PAGE,
  ORDERS_PAGE,
  mercadoLivreClient,
  readClaimRecords,
  readPack,
  readPackRecords,
  windowForNewPass,
} from './client';
import { claimConversationId, claimToConversation, packConversationId, packToConversation } from './mapping';
import { moderationRefusal, sellerStartedRefusal } from './moderation';
import { MlClaimMessage, MlClaimRecord, MlPackMessages, MlPackRecord } from './schemas';

export { parseNotification, streamForTopic, missedFeeds } from './notifications';
export type { MlNotification } from './notifications';

const offsetCursor = (cursor: string | null) => (cursor ? Number(cursor) || 0 : 0);

/** `mercadolivre.messages`: post-sale conversations by pack (unread packs, then packs of recent orders). */
export const messagesStream: StreamDefinition<MlPackRecord> = {
  name: 'mercadolivre.messages',
  schema: MlPackRecord,
  async readPage(ctx, cursor) {
    // Cursor `<days>:<offset>`: the window of this pass and the position in its orders search.
    const [days, offset] =
      cursor && /^\d+:\d+$/.test(cursor) ? cursor.split(':').map(Number) : [windowForNewPass(ctx), 0];
    const { records, hasMore } = await readPackRecords(ctx, offset!, days!);
    return { records, nextCursor: hasMore ? `${days}:${offset! + ORDERS_PAGE}` : null, caughtUp: !hasMore };
  },
  externalId: (raw) => packConversationId(raw.pack_id),
  toConversation: (raw) => packToConversation(raw),
};

/** `mercadolivre.claims`: claims and mediations with their messages. Cursor = search offset. */
export const claimsStream: StreamDefinition<MlClaimRecord> = {
  name: 'mercadolivre.claims',
  schema: MlClaimRecord,
  async readPage(ctx, cursor) {
    const offset = offsetCursor(cursor);
    const { records, hasMore } = await readClaimRecords(ctx, offset);
    return { records, nextCursor: hasMore ? String(offset + CLAIMS_PAGE) : null, caughtUp: !hasMore };
  },
  externalId: (raw) => claimConversationId(raw.claim.id),
  toConversation: (raw) => claimToConversation(raw),
};

function errorCode(body: unknown): string {
  if (!body || typeof body !== 'object') return String(body ?? '');
  const b = body as Record<string, unknown>;
  return [b.error, b.code, b.message, JSON.stringify(b.cause ?? '')].filter(Boolean).join(' ');
}

async function replyToPack(ctx: ConnectorContext, reply: OutboundReply): Promise<SentReply> {
  const { conversation, text } = reply;
  const client = mercadoLivreClient(ctx);
  const { http } = client;
  const sellerId = await client.sellerId();
  const packId = conversation.externalId.replace(/^pack-/, '');
  const buyerId = conversation.customer.externalId;
  if (!buyerId) {
    throw new MarketplaceRefusal(
      'invalid',
      'Não foi possível identificar o comprador desta conversa no Mercado Livre. Responda pelo painel do Mercado Livre.',
    );
  }
  try {
    const path = `/messages/packs/${encodeURIComponent(packId)}/sellers/${encodeURIComponent(sellerId)}`;
    const outcome = await deliverOnce({
      notBefore: replyNotBefore(reply),
      send: () =>
        http.request<{ id?: string | number; message_moderation?: { status?: string; reason?: string } }>(
          {
            method: 'POST',
            path,
            params: { tag: 'post_sale' },
            data: {
              from: { user_id: Number(sellerId) || sellerId },
              to: { user_id: Number(buyerId) || buyerId },
              text,
            },
          },
          ctx.signal,
        ),
      delivered: async (since) => {
        const current = MlPackMessages.safeParse(await readPack(ctx, packId));
        return (
          current.success &&
          current.data.messages.some(
            (m) =>
              m.from.user_id === sellerId &&
              m.message_moderation?.status !== 'rejected' &&
              sameText(m.text ?? '', text) &&
              Date.parse(toInstant(m.message_date.created) ?? '') >= since,
          )
        );
      },
    });
    if ('alreadyDelivered' in outcome) return {};
    const response = outcome;
    if (response.data?.message_moderation?.status === 'rejected') {
      throw moderationRefusal(response.data.message_moderation.reason, response.data);
    }
    return response.data?.id !== undefined ? { externalMessageId: String(response.data.id) } : {};
  } catch (error) {
    if (error instanceof HttpError && error.status >= 400 && error.status < 500) {
      const code = errorCode(error.body);
      if (code.includes('blocked_by_conversation_started_by_seller')) throw sellerStartedRefusal(error.body);
      const reason =
        /(PERSONAL_DATA|SOCIAL_NETWORK_LINK|LINK_SHORT_URL|LINK_MERCADOPAGO|OUT_OF_PLACE_LANGUAGE|AUTOMATIC_MESSAGE|EVASION_CLAIM_SELLER)/.exec(
          code,
        )?.[1];
      if (reason || code.includes('moderat')) throw moderationRefusal(reason, error.body);
      if (code.includes('blocked')) {
        throw new MarketplaceRefusal(
          'session_closed',
          'O Mercado Livre bloqueou esta conversa (prazo encerrado ou venda concluída); a mensagem não foi entregue. Se necessário, fale com o cliente pelo painel do Mercado Livre.',
          error.body,
        );
      }
      if (error.status === 404)
        throw new MarketplaceRefusal(
          'not_found',
          'O Mercado Livre não encontrou esta conversa (pack). Responda pelo painel do Mercado Livre.',
          error.body,
        );
    }
    throw error;
  }
}

async function replyToClaim(ctx: ConnectorContext, reply: OutboundReply): Promise<SentReply> {
  const { http } = mercadoLivreClient(ctx);
  const claimId = reply.conversation.externalId.replace(/^claim-/, '');
  try {
    const receiverRole = reply.counterpart === 'marketplace' ? 'mediator' : 'complainant';
    await deliverOnce({
      notBefore: replyNotBefore(reply),
      send: () =>
        http.request(
          {
            method: 'POST',
            path: `/post-purchase/v1/claims/${encodeURIComponent(claimId)}/actions/send-message`,
            data: { receiver_role: receiverRole, message: reply.text },
          },
          ctx.signal,
        ),
      delivered: async (since) => {
        const response = await http.request<unknown[]>(
          { method: 'GET', path: `/post-purchase/v1/claims/${encodeURIComponent(claimId)}/messages` },
          ctx.signal,
        );
        const parsed = z.array(MlClaimMessage).safeParse(response.data);
        return (
          parsed.success &&
          parsed.data.some(
            (m) =>
              m.sender_role === 'respondent' &&
              m.receiver_role === receiverRole &&
              sameText(m.message ?? '', reply.text) &&
              Date.parse(toInstant(m.date_created) ?? '') >= since,
          )
        );
      },
    });
    return {};
  } catch (error) {
    if (
      error instanceof HttpError &&
      (error.status === 400 || error.status === 403 || error.status === 409)
    ) {
      throw new MarketplaceRefusal(
        reply.conversation.status === 'closed' ? 'session_closed' : 'invalid',
        'O Mercado Livre não aceitou a mensagem nesta reclamação (ela pode estar encerrada ou aguardando outra ação). Confira a reclamação no painel do Mercado Livre.',
        error.body,
      );
    }
    throw error;
  }
}

export async function sendReply(ctx: ConnectorContext, reply: OutboundReply): Promise<SentReply> {
  if (reply.conversation.externalId.startsWith('claim-')) return replyToClaim(ctx, reply);
  return replyToPack(ctx, reply);
}

/** Mercado Livre: post-sale messages and claims. No `finalize`: conversations close on their own. */
export const mercadoLivreConnector: Connector = {
  source: 'mercadolivre',
  // `sellerId` is optional (read from /users/me); `accessToken` alone works until it expires.
  credentialKeys: ['clientId', 'clientSecret', 'refreshToken'],
  streams: [messagesStream, claimsStream],
  sendReply,
};
