import { MarketplaceRefusal } from '../../sync/connector';

/** What the agent should change, per Mercado Livre moderation reason (pt-BR, shown in the internal note). */
const GUIDANCE: Record<string, string> = {
  PERSONAL_DATA: 'Retire telefone, e-mail, endereço, CPF ou qualquer dado de contato e envie de novo.',
  SOCIAL_NETWORK_LINK: 'Retire links de redes sociais e envie de novo.',
  LINK_SHORT_URL: 'Retire links encurtados (bit.ly etc.) e envie de novo.',
  LINK_MERCADOPAGO: 'Retire links do Mercado Pago e envie de novo.',
  OUT_OF_PLACE_LANGUAGE: 'Reescreva a mensagem sem termos ofensivos ou inadequados.',
  AUTOMATIC_MESSAGE:
    'Mensagens automáticas não são aceitas aqui: escreva uma resposta específica para o cliente.',
  EVASION_CLAIM_SELLER:
    'Não peça ao cliente para desistir ou evitar uma reclamação; responda só sobre a solução.',
};

export function moderationRefusal(reason: string | null | undefined, detail?: unknown): MarketplaceRefusal {
  const what = reason ? GUIDANCE[reason] : undefined;
  return new MarketplaceRefusal(
    'moderated',
    `O Mercado Livre bloqueou a mensagem na moderação${reason ? ` (${reason})` : ''}; o cliente não a recebeu. ${
      what ?? 'Revise o texto (sem dados de contato nem links) e envie de novo.'
    }`,
    detail,
  );
}

export function sellerStartedRefusal(detail?: unknown): MarketplaceRefusal {
  return new MarketplaceRefusal(
    'moderated',
    'O Mercado Livre não permite que o vendedor inicie a conversa sem escolher um motivo (envios Full, Flex, Coleta…) e ' +
      'só aceita uma nova mensagem depois que o cliente responder. Aguarde a resposta do cliente ou use o motivo adequado no painel do Mercado Livre.',
    detail,
  );
}
