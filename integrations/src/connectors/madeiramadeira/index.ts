import type { Connector, ConnectorContext, OutboundReply, StreamDefinition } from '../../sync/connector';
import { MarketplaceRefusal } from '../../sync/connector';
import { toInstant } from '../brasilia-time';
import { deliverOnce, replyNotBefore, sameText } from '../http';
import { readSessionRecords, madeiraMadeiraClient } from './client';
import { toConversation } from './mapping';
import { MmSessionRecord } from './schemas';

/** MadeiraMadeira allows 5000 characters per message. */
const MAX_TEXT = 5000;

/**
 * `madeiramadeira.sessions`: every Mensageria session of the seller with its messages.
 * Cursor = the next `/seller/historic` page. Mensageria has no callbacks, so the stream is polled,
 * and each poll walks all pages (a session changes without moving: new messages, status).
 */
export const sessionsStream: StreamDefinition<MmSessionRecord> = {
  name: 'madeiramadeira.sessions',
  schema: MmSessionRecord,
  async readPage(ctx, cursor) {
    const page = cursor ? Number(cursor) : 1;
    const { records, hasMore } = await readSessionRecords(ctx, page);
    return { records, nextCursor: hasMore ? String(page + 1) : null, caughtUp: !hasMore };
  },
  externalId: (raw) => raw.session.session_id,
  toConversation: (raw) => toConversation(raw),
};

function withAttachmentLinks(reply: OutboundReply): string {
  const links = reply.attachments.filter((a) => a.url).map((a) => `${a.name}: ${a.url}`);
  return links.length ? `${reply.text}\n\n${links.join('\n')}` : reply.text;
}

/** Whether the session already shows this seller message (sent since `sinceMs`). */
async function sellerMessageExists(
  ctx: ConnectorContext,
  conversation: OutboundReply['conversation'],
  text: string,
  sinceMs: number,
) {
  if (!conversation.orderNumber) return false;
  const history = await madeiraMadeiraClient(ctx).historicSessions([conversation.orderNumber], ctx.signal);
  const session = history.get(conversation.externalId) as
    | { messages?: Array<{ role?: string; text?: string; received_at?: unknown; created_at?: string }> }
    | undefined;
  return (session?.messages ?? []).some((m) => {
    const at = Date.parse(
      toInstant(m.received_at as number | string | undefined) ?? toInstant(m.created_at) ?? '',
    );
    return m.role === 'seller' && sameText(m.text ?? '', text) && at >= sinceMs;
  });
}

/** The agent-facing sentence for a 409, from what we know of the session. */
function refusalFor409(reply: OutboundReply, detail: unknown): MarketplaceRefusal {
  if (reply.conversation.status === 'mediation') {
    return new MarketplaceRefusal(
      'in_mediation',
      'A MadeiraMadeira não aceitou a resposta: este atendimento está em mediação e só a equipe da MadeiraMadeira pode escrever ao cliente. ' +
        'Acompanhe a mediação no Portal Marketplace e registre aqui o que for combinado.',
      detail,
    );
  }
  return new MarketplaceRefusal(
    'session_closed',
    'A MadeiraMadeira não aceitou a resposta: esta sessão de atendimento já foi finalizada (ou entrou em mediação). ' +
      'Se o cliente ainda precisar de ajuda, abra uma nova sessão no Portal Marketplace ou aguarde ele escrever de novo.',
    detail,
  );
}

export async function sendReply(ctx: ConnectorContext, reply: OutboundReply) {
  const text = withAttachmentLinks(reply);
  if (text.length > MAX_TEXT) {
    throw new MarketplaceRefusal(
      'invalid',
      `A resposta tem ${text.length} caracteres e a MadeiraMadeira aceita no máximo ${MAX_TEXT}. Divida a resposta em duas mensagens.`,
    );
  }
  const client = madeiraMadeiraClient(ctx);
  const sessionId = reply.conversation.externalId;
  const outcome = await deliverOnce({
    notBefore: replyNotBefore(reply),
    send: () => client.sendMessage(sessionId, text, ctx.signal),
    delivered: (since) => sellerMessageExists(ctx, reply.conversation, text, since),
  });
  if ('alreadyDelivered' in outcome) return {};
  const response = outcome;
  if (response.status === 409) throw refusalFor409(reply, response.data);
  if (response.status === 404) {
    throw new MarketplaceRefusal(
      'not_found',
      'A MadeiraMadeira não encontrou esta sessão de atendimento. Verifique o pedido no Portal Marketplace.',
      response.data,
    );
  }
  if (response.status === 422) {
    throw new MarketplaceRefusal(
      'invalid',
      'A MadeiraMadeira recusou o conteúdo da resposta. Revise o texto e envie de novo.',
      response.data,
    );
  }
  // The API returns no message id ({"message":"Mensagem encaminhada com sucesso"}).
  return {};
}

/** MadeiraMadeira Mensageria. No `finalize`: no "Finalizar tratativa" endpoint is documented. */
export const madeiraMadeiraConnector: Connector = {
  source: 'madeiramadeira',
  credentialKeys: ['token'],
  streams: [sessionsStream],
  sendReply,
};
