import type { Attachment, Conversation, MarketplaceSource, Message } from '@vitrine/shared';

/**
 * Texts Vitrine writes on tickets, in pt-BR (agents read them in Zendesk). Each says what happened
 * and what to do.
 */

const MARKETPLACE_NAMES: Record<MarketplaceSource, string> = {
  madeiramadeira: 'MadeiraMadeira',
  americanas: 'Americanas',
  mercadolivre: 'Mercado Livre',
};

export function marketplaceName(source: MarketplaceSource): string {
  return MARKETPLACE_NAMES[source];
}

/** Who a `marketplace` message comes from, as the agent knows them. */
function marketplaceStaff(source: MarketplaceSource): string {
  if (source === 'americanas') return 'SAC Americanas';
  if (source === 'mercadolivre') return 'Mediação do Mercado Livre';
  return 'Equipe MadeiraMadeira';
}

export function ticketSubject(conversation: Conversation): string {
  const base = conversation.subject?.trim() || `Atendimento ${marketplaceName(conversation.source)}`;
  return conversation.orderNumber ? `${base} — pedido ${conversation.orderNumber}` : base;
}

function withAttachments(text: string, attachments: readonly Attachment[]): string {
  if (attachments.length === 0) return text;
  const lines = attachments.map((a) => `- ${a.name}${a.url ? `: ${a.url}` : ''}`);
  return `${text}\n\nAnexos:\n${lines.join('\n')}`;
}

/** A buyer message as a public comment: the buyer's own words, nothing added but attachment links. */
export function buyerCommentBody(message: Message): string {
  return withAttachments(message.text, message.attachments);
}

/** A message from the marketplace's staff (SAC, mediator): an internal note, so it is never relayed. */
export function staffNoteBody(source: MarketplaceSource, message: Message): string {
  const hint =
    source === 'americanas'
      ? '\n\n(Para responder ao SAC Americanas, comece a resposta pública com "SAC:".)'
      : '';
  return (
    withAttachments(`${marketplaceStaff(source)} escreveu:\n\n${message.text}`, message.attachments) + hint
  );
}

/** A reply the seller sent in the marketplace's own panel, outside Zendesk. */
export function sellerElsewhereNoteBody(source: MarketplaceSource, message: Message): string {
  return withAttachments(
    `Resposta enviada pelo vendedor direto no painel ${marketplaceName(source)} (fora do Zendesk):\n\n${message.text}`,
    message.attachments,
  );
}

export function mediationNoteBody(source: MarketplaceSource): string {
  return (
    `Este atendimento entrou em mediação no ${marketplaceName(source)}. ` +
    'A partir de agora a equipe do marketplace participa da conversa e pode limitar as respostas ao cliente. ' +
    'Responda dentro do prazo indicado no campo "Prazo de resposta" e registre aqui o que for combinado.'
  );
}

export function replyBlockedNoteBody(findings: readonly string[]): string {
  return (
    'Vitrine não enviou a última resposta pública ao marketplace: ela fere as regras de resposta do canal.\n\n' +
    findings.map((f) => `- ${f}`).join('\n') +
    '\n\nCorrija o texto e envie uma nova resposta pública.'
  );
}

export function replyRefusedNoteBody(source: MarketplaceSource, agentMessage: string): string {
  return `O ${marketplaceName(source)} recusou a última resposta pública. ${agentMessage}`;
}

export function replyFailedNoteBody(source: MarketplaceSource, error: string): string {
  return (
    `Vitrine não conseguiu entregar a última resposta pública ao ${marketplaceName(source)} depois de várias tentativas (${error}). ` +
    'A resposta NÃO chegou ao cliente: envie-a pelo painel do marketplace ou tente de novo mais tarde.'
  );
}

export function duplicateNoteBody(
  others: readonly { ticketId: string; reasons: readonly string[] }[],
): string {
  const lines = others.map((o) => `- #${o.ticketId}: ${o.reasons.join('; ')}`);
  return (
    'Possível contato duplicado: este cliente ou pedido também aparece em outros tickets abertos.\n\n' +
    lines.join('\n') +
    '\n\nConfira antes de responder, para não dar respostas diferentes. Vitrine não mescla tickets automaticamente (uma mescla no Zendesk não pode ser desfeita).'
  );
}
