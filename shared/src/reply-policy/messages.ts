/**
 * Findings' wording, pt-BR first. Each message cites the marketplace rule it enforces, so the agent
 * knows why, not just what. Key: `replyPolicy.<rule>.<voice>`. Placeholders: `{{excerpt}}`; for
 * attachments `{{name}}`, `{{size}}`, `{{limit}}`; for length `{{length}}`, `{{limit}}`.
 */
export const replyPolicyMessages = {
  'pt-BR': {
    'replyPolicy.payment_request.madeiramadeira':
      'A MadeiraMadeira não permite pedir pagamentos ao cliente fora da plataforma: "{{excerpt}}".',
    'replyPolicy.fee_charge.madeiramadeira':
      'A MadeiraMadeira não permite cobrar taxas ou valores extras do cliente: "{{excerpt}}".',
    'replyPolicy.external_link.madeiramadeira':
      'A MadeiraMadeira não permite links para outras lojas ou compras fora do site: "{{excerpt}}".',
    'replyPolicy.short_link.madeiramadeira':
      'A MadeiraMadeira não permite links encurtados, que escondem o destino: "{{excerpt}}".',
    'replyPolicy.off_platform_sale.madeiramadeira':
      'A MadeiraMadeira não permite oferecer compras fora do site: "{{excerpt}}".',
    'replyPolicy.off_platform_contact.madeiramadeira':
      'A MadeiraMadeira não permite indicar canais de contato fora da plataforma: "{{excerpt}}".',
    'replyPolicy.contact_data_request.madeiramadeira':
      'A MadeiraMadeira não permite pedir dados de contato para atender fora da plataforma: "{{excerpt}}".',
    'replyPolicy.attachment_too_large.madeiramadeira':
      'A MadeiraMadeira aceita anexos de até {{limit}} cada; "{{name}}" tem {{size}}.',
    'replyPolicy.text_too_long.madeiramadeira':
      'A MadeiraMadeira aceita mensagens de até {{limit}} caracteres; esta tem {{length}}.',
    'replyPolicy.payment_request.americanas':
      'A Americanas só permite o atendimento pelo portal: não peça pagamentos fora dele: "{{excerpt}}".',
    'replyPolicy.fee_charge.americanas':
      'Confira: a Americanas não permite cobranças fora do portal: "{{excerpt}}".',
    'replyPolicy.external_link.americanas':
      'A Americanas só permite o atendimento pelo portal: não envie links para fora dele: "{{excerpt}}".',
    'replyPolicy.short_link.americanas':
      'A Americanas só permite o atendimento pelo portal: não envie links encurtados: "{{excerpt}}".',
    'replyPolicy.off_platform_sale.americanas':
      'A Americanas não permite oferecer compras fora do portal: "{{excerpt}}".',
    'replyPolicy.off_platform_contact.americanas':
      'A Americanas só permite o atendimento pelo portal: não indique contatos fora dele: "{{excerpt}}".',
    'replyPolicy.contact_data_request.americanas':
      'A Americanas não permite pedir dados de contato do cliente: "{{excerpt}}".',
    'replyPolicy.attachment_too_large.americanas':
      'A Americanas aceita anexos de até {{limit}} cada; "{{name}}" tem {{size}}.',
    'replyPolicy.text_too_long.americanas':
      'A Americanas aceita mensagens de até {{limit}} caracteres; esta tem {{length}}.',
    'replyPolicy.payment_request.mercadolivre':
      'O Mercado Livre modera pedidos de pagamento fora da compra (evasão da plataforma): "{{excerpt}}".',
    'replyPolicy.fee_charge.mercadolivre':
      'Confira: o Mercado Livre não permite cobrar valores fora da compra: "{{excerpt}}".',
    'replyPolicy.external_link.mercadolivre':
      'O Mercado Livre modera mensagens com links externos: "{{excerpt}}".',
    'replyPolicy.short_link.mercadolivre':
      'O Mercado Livre modera mensagens com links encurtados (motivo LINK_SHORT_URL): "{{excerpt}}".',
    'replyPolicy.off_platform_sale.mercadolivre':
      'O Mercado Livre modera ofertas de compra fora da plataforma: "{{excerpt}}".',
    'replyPolicy.off_platform_contact.mercadolivre':
      'O Mercado Livre modera telefones, e-mails e redes sociais nas mensagens (motivos PERSONAL_DATA e SOCIAL_NETWORK_LINK): "{{excerpt}}".',
    'replyPolicy.contact_data_request.mercadolivre':
      'O Mercado Livre modera pedidos de dados pessoais do comprador (motivo PERSONAL_DATA): "{{excerpt}}".',
    'replyPolicy.attachment_too_large.mercadolivre':
      'O Mercado Livre aceita anexos de até {{limit}} cada; "{{name}}" tem {{size}}.',
    'replyPolicy.text_too_long.mercadolivre':
      'O Mercado Livre aceita mensagens de até {{limit}} caracteres; esta tem {{length}}.',
    'replyPolicy.payment_request.own':
      'Confira antes de enviar: pedido de pagamento por Pix, boleto ou depósito. Use só as contas oficiais da loja: "{{excerpt}}".',
    'replyPolicy.fee_charge.own': 'Confira antes de enviar: cobrança de taxa ou valor extra: "{{excerpt}}".',
    'replyPolicy.external_link.own': 'Confira o link antes de enviar: "{{excerpt}}".',
    'replyPolicy.short_link.own':
      'Links encurtados escondem o destino e parecem golpe; prefira o link completo: "{{excerpt}}".',
    'replyPolicy.off_platform_sale.own':
      'Confira antes de enviar: oferta de compra em outro canal: "{{excerpt}}".',
    'replyPolicy.off_platform_contact.own': 'Confira antes de enviar: contato de outro canal: "{{excerpt}}".',
    'replyPolicy.contact_data_request.own':
      'Confira antes de enviar: pedido de dados de contato: "{{excerpt}}".',
    'replyPolicy.attachment_too_large.own':
      'Este canal aceita anexos de até {{limit}} cada; "{{name}}" tem {{size}}.',
    'replyPolicy.text_too_long.own':
      'Este canal aceita mensagens de até {{limit}} caracteres; esta tem {{length}}.',
    'replyPolicy.claim_evasion.madeiramadeira':
      'A MadeiraMadeira não permite pedir ao cliente que desista da mediação: "{{excerpt}}".',
    'replyPolicy.claim_evasion.americanas':
      'A Americanas não permite pedir ao cliente que desista da reclamação: "{{excerpt}}".',
    'replyPolicy.claim_evasion.mercadolivre':
      'O Mercado Livre modera pedidos para o comprador fechar a reclamação (motivo EVASION_CLAIM_SELLER): "{{excerpt}}".',
    'replyPolicy.claim_evasion.own':
      'Confira antes de enviar: pedido para o cliente retirar a reclamação: "{{excerpt}}".',
    'replyPolicy.ok': 'Nenhum problema encontrado.',
    'replyPolicy.blocked': 'Corrija os itens marcados antes de enviar.',
    'replyPolicy.severity.block': 'Bloqueia o envio',
    'replyPolicy.severity.warn': 'Atenção',
  },
  en: {
    'replyPolicy.payment_request.madeiramadeira':
      'MadeiraMadeira does not allow asking the customer for payment outside the platform: "{{excerpt}}".',
    'replyPolicy.fee_charge.madeiramadeira':
      'MadeiraMadeira does not allow charging the customer fees or extra amounts: "{{excerpt}}".',
    'replyPolicy.external_link.madeiramadeira':
      'MadeiraMadeira does not allow links to other stores or purchases outside its site: "{{excerpt}}".',
    'replyPolicy.short_link.madeiramadeira':
      'MadeiraMadeira does not allow shortened links, which hide where they lead: "{{excerpt}}".',
    'replyPolicy.off_platform_sale.madeiramadeira':
      'MadeiraMadeira does not allow offering purchases outside its site: "{{excerpt}}".',
    'replyPolicy.off_platform_contact.madeiramadeira':
      'MadeiraMadeira does not allow pointing to contact channels outside the platform: "{{excerpt}}".',
    'replyPolicy.contact_data_request.madeiramadeira':
      'MadeiraMadeira does not allow asking for contact details to serve the customer outside the platform: "{{excerpt}}".',
    'replyPolicy.attachment_too_large.madeiramadeira':
      'MadeiraMadeira accepts attachments up to {{limit}} each; "{{name}}" is {{size}}.',
    'replyPolicy.text_too_long.madeiramadeira':
      'MadeiraMadeira accepts messages up to {{limit}} characters; this one has {{length}}.',
    'replyPolicy.payment_request.americanas':
      'Americanas only allows customer service through its portal: do not ask for payments outside it: "{{excerpt}}".',
    'replyPolicy.fee_charge.americanas':
      'Check this: Americanas does not allow charges outside its portal: "{{excerpt}}".',
    'replyPolicy.external_link.americanas':
      'Americanas only allows customer service through its portal: do not send links that leave it: "{{excerpt}}".',
    'replyPolicy.short_link.americanas':
      'Americanas only allows customer service through its portal: do not send shortened links: "{{excerpt}}".',
    'replyPolicy.off_platform_sale.americanas':
      'Americanas does not allow offering purchases outside its portal: "{{excerpt}}".',
    'replyPolicy.off_platform_contact.americanas':
      'Americanas only allows customer service through its portal: do not give contacts outside it: "{{excerpt}}".',
    'replyPolicy.contact_data_request.americanas':
      'Americanas does not allow asking for the customer\'s contact details: "{{excerpt}}".',
    'replyPolicy.attachment_too_large.americanas':
      'Americanas accepts attachments up to {{limit}} each; "{{name}}" is {{size}}.',
    'replyPolicy.text_too_long.americanas':
      'Americanas accepts messages up to {{limit}} characters; this one has {{length}}.',
    'replyPolicy.payment_request.mercadolivre':
      'Mercado Livre moderates requests for payment outside the purchase (platform evasion): "{{excerpt}}".',
    'replyPolicy.fee_charge.mercadolivre':
      'Check this: Mercado Livre does not allow charging amounts outside the purchase: "{{excerpt}}".',
    'replyPolicy.external_link.mercadolivre':
      'Mercado Livre moderates messages with external links: "{{excerpt}}".',
    'replyPolicy.short_link.mercadolivre':
      'Mercado Livre moderates messages with shortened links (reason LINK_SHORT_URL): "{{excerpt}}".',
    'replyPolicy.off_platform_sale.mercadolivre':
      'Mercado Livre moderates offers to buy outside the platform: "{{excerpt}}".',
    'replyPolicy.off_platform_contact.mercadolivre':
      'Mercado Livre moderates phones, e-mails and social networks in messages (reasons PERSONAL_DATA and SOCIAL_NETWORK_LINK): "{{excerpt}}".',
    'replyPolicy.contact_data_request.mercadolivre':
      'Mercado Livre moderates requests for the buyer\'s personal data (reason PERSONAL_DATA): "{{excerpt}}".',
    'replyPolicy.attachment_too_large.mercadolivre':
      'Mercado Livre accepts attachments up to {{limit}} each; "{{name}}" is {{size}}.',
    'replyPolicy.text_too_long.mercadolivre':
      'Mercado Livre accepts messages up to {{limit}} characters; this one has {{length}}.',
    'replyPolicy.payment_request.own':
      'Check before sending: a payment request by Pix, boleto or deposit. Use only the store\'s official accounts: "{{excerpt}}".',
    'replyPolicy.fee_charge.own': 'Check before sending: a fee or extra charge: "{{excerpt}}".',
    'replyPolicy.external_link.own': 'Check the link before sending: "{{excerpt}}".',
    'replyPolicy.short_link.own':
      'Shortened links hide where they lead and look like scams; prefer the full link: "{{excerpt}}".',
    'replyPolicy.off_platform_sale.own':
      'Check before sending: an offer to buy through another channel: "{{excerpt}}".',
    'replyPolicy.off_platform_contact.own':
      'Check before sending: a contact on another channel: "{{excerpt}}".',
    'replyPolicy.contact_data_request.own':
      'Check before sending: a request for contact details: "{{excerpt}}".',
    'replyPolicy.attachment_too_large.own':
      'This channel accepts attachments up to {{limit}} each; "{{name}}" is {{size}}.',
    'replyPolicy.text_too_long.own':
      'This channel accepts messages up to {{limit}} characters; this one has {{length}}.',
    'replyPolicy.claim_evasion.madeiramadeira':
      'MadeiraMadeira does not allow asking the customer to drop the mediation: "{{excerpt}}".',
    'replyPolicy.claim_evasion.americanas':
      'Americanas does not allow asking the customer to drop the complaint: "{{excerpt}}".',
    'replyPolicy.claim_evasion.mercadolivre':
      'Mercado Livre moderates requests for the buyer to close the claim (reason EVASION_CLAIM_SELLER): "{{excerpt}}".',
    'replyPolicy.claim_evasion.own':
      'Check before sending: a request for the customer to withdraw the complaint: "{{excerpt}}".',
    'replyPolicy.ok': 'No problems found.',
    'replyPolicy.blocked': 'Fix the marked items before sending.',
    'replyPolicy.severity.block': 'Blocks sending',
    'replyPolicy.severity.warn': 'Warning',
  },
} as const satisfies Record<'pt-BR' | 'en', Record<string, string>>;

export type ReplyPolicyMessageKey = keyof (typeof replyPolicyMessages)['pt-BR'];
