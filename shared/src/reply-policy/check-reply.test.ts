import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { CHANNELS, type ChannelId } from '../channels';
import { checkReply, REPLY_POLICIES, replyPolicyMessages, RULE_IDS, type RuleId } from '.';

const rulesOf = (channel: ChannelId, text: string): RuleId[] => [
  ...new Set(checkReply({ channel, text }).findings.map((f) => f.rule)),
];

/** Replies agents really write; none may be flagged on any channel. */
const LEGITIMATE: string[] = [
  'Seu estorno de R$ 129,90 foi solicitado, protocolo 2026112200123, prazo de até 7 dias úteis.',
  'Acompanhe pelo link https://rastreamento.correios.com.br/app/index.php?objetos=AA123456785BR',
  'Olá, Maria! Seu pedido 7001234 foi enviado e deve chegar até 25/11/2026.',
  'O reembolso será feito via Pix em até 5 dias úteis após recebermos o produto.',
  'Não há cobrança de taxa para a troca: a coleta é gratuita.',
  'Você não precisa pagar nada: o frete da devolução é por nossa conta.',
  'Confirmamos o CEP 80010-000 para a nova tentativa de entrega.',
  'O valor de R$ 1.299,90 será estornado na fatura do seu cartão em até 2 faturas.',
  'O código de rastreio é AA123456785BR e a transportadora é Correios.',
  'Seu pagamento foi aprovado e a nota fiscal 123456 já foi emitida.',
  'Registramos o chamado 98765 e retornamos até sexta-feira, 27/11.',
  'O pedido Lojas Americanas-200123456789001 já está em separação.',
  'O boleto do seu pedido ainda não foi compensado; assim que for, enviaremos o produto.',
  'A entrega está prevista para 02/12/2026 entre 8h e 18h.',
  'Pedimos desculpas pelo atraso. A transportadora Jadlog informou nova data: 28/11.',
  'Pode acompanhar a entrega em https://www.jadlog.com.br/jadlog/tracking?cte=10080155188760 a qualquer momento.',
  'Seu vale-troca de R$ 89,90 já está disponível para uso.',
  'Identificamos uma cobrança duplicada no cartão e já solicitamos o estorno.',
  'A taxa de entrega também será reembolsada.',
  'Por favor, envie uma foto da etiqueta e da avaria pelo próprio chat.',
  'O produto tem garantia de 12 meses contra defeitos de fabricação.',
  'Seu CPF 111.444.777-35 consta na nota fiscal.',
  'A montagem não está inclusa; o manual tem 14 passos e leva cerca de 2 horas.',
  'Obrigado pelo contato! Qualquer dúvida, estamos à disposição por aqui.',
  'A nota fiscal (chave 41261112345678000195550010000012341000012345) segue anexa.',
  'Entre 22/11 e 24/11 a central fica fechada; responderemos no dia 25.',
  'Não pague boletos recebidos por e-mail em nome da loja.',
  'Informe o número do pedido para localizarmos a compra.',
  'Pagamento via boleto leva até 3 dias úteis para compensar.',
  'A cobrança em duplicidade foi cancelada.',
  'Por favor, confirme o seu e-mail cadastrado na conta.',
  'O valor adicional do frete foi estornado.',
  'A troca foi aprovada! Enviaremos um novo produto sem custo adicional.',
  'Houve uma cobrança indevida? Vamos verificar com o financeiro e retornamos.',
  'Para pedidos pagos via boleto, o estorno é feito por transferência bancária para a conta do titular.',
  'O pedido 02-1000000004 foi cancelado e o valor estornado.',
  'Medidas: 180 x 45 x 60 cm, peso 32,5 kg; seu pedido saiu para entrega hoje, 22/11/2026, às 08:15.',
  'O prazo para devolução é de 7 dias corridos a partir do recebimento (art. 49 do CDC).',
  'Já respondemos a sua reclamação e seguimos acompanhando a entrega.',
];

describe('checkReply does not flag what agents legitimately write', () => {
  for (const channel of ['madeiramadeira', 'americanas', 'mercadolivre', 'email', 'whatsapp'] as const)
    it.each(LEGITIMATE)(`${channel}: %s`, (text) => {
      expect(checkReply({ channel, text }).findings).toEqual([]);
    });

  it('lets each marketplace link to its own site', () => {
    expect(
      rulesOf('madeiramadeira', 'Veja a política em https://www.madeiramadeira.com.br/politica-de-troca'),
    ).toEqual([]);
    expect(rulesOf('mercadolivre', 'Veja em https://www.mercadolivre.com.br/ajuda')).toEqual([]);
    expect(rulesOf('americanas', 'Acesse americanas.com.br/minha-conta para ver o pedido.')).toEqual([]);
  });
});

/** Replies each marketplace punishes, with the rule that must catch them. */
const FLAGGED: [ChannelId, string, RuleId][] = [
  ['madeiramadeira', 'Me chama no WhatsApp (11) 98888-7777', 'off_platform_contact'],
  ['madeiramadeira', 'Pague a taxa de R$ 30 pelo pix 11988887777', 'payment_request'],
  ['madeiramadeira', 'Pague a taxa de R$ 30 pelo pix 11988887777', 'fee_charge'],
  ['madeiramadeira', 'compra no nosso site www.lojaxyz.com.br com desconto', 'external_link'],
  ['madeiramadeira', 'Compre direto no nosso site que sai mais barato.', 'off_platform_sale'],
  ['madeiramadeira', 'Para reenviar, será cobrada uma taxa de reentrega de R$ 25,00.', 'fee_charge'],
  ['madeiramadeira', 'Faça um pix para a chave contato@lojaxyz.com.br', 'payment_request'],
  ['madeiramadeira', 'Faça um pix para a chave contato@lojaxyz.com.br', 'off_platform_contact'],
  ['madeiramadeira', 'Segue o boleto para pagamento da diferença do frete.', 'payment_request'],
  ['madeiramadeira', 'me chama no zap que resolvo rapidinho', 'off_platform_contact'],
  ['madeiramadeira', 'Fale com a gente: wa.me/5511988887777', 'off_platform_contact'],
  ['madeiramadeira', 'Siga nosso Instagram @lojaxyz para promoções', 'off_platform_contact'],
  ['madeiramadeira', 'Nosso SAC: 0800 123 4567', 'off_platform_contact'],
  ['madeiramadeira', 'Me passa seu WhatsApp que te explico melhor', 'contact_data_request'],
  ['madeiramadeira', 'Veja o produto em https://bit.ly/3xYzAbc', 'short_link'],
  ['madeiramadeira', 'Deposite R$ 50 na conta da loja para liberar o envio.', 'payment_request'],
  ['americanas', 'Qual o seu e-mail para enviarmos a nota?', 'contact_data_request'],
  ['americanas', 'Pode me ligar no 11 3333-4444 em horário comercial.', 'off_platform_contact'],
  ['americanas', 'Envie as fotos para sac@lojaxyz.com.br', 'off_platform_contact'],
  ['americanas', 'Baixe o manual em https://lojaxyz.com.br/manual.pdf', 'external_link'],
  ['americanas', 'Informe seu telefone para contato, por favor.', 'contact_data_request'],
  ['americanas', 'Chama a gente no whats: 98888-7777', 'off_platform_contact'],
  ['mercadolivre', 'Nos encontre em instagram.com/lojaxyz', 'off_platform_contact'],
  ['mercadolivre', 'Mais detalhes em https://tinyurl.com/abc123', 'short_link'],
  ['mercadolivre', 'Pague pelo link de pagamento https://mpago.la/1a2b3c', 'payment_request'],
  ['mercadolivre', 'Pague pelo link de pagamento https://mpago.la/1a2b3c', 'external_link'],
  ['mercadolivre', 'meu email é joao.silva@gmail.com', 'off_platform_contact'],
  ['mercadolivre', 'Ligue +55 41 99876-5432 que a gente resolve', 'off_platform_contact'],
  ['mercadolivre', 'Poderia me passar o seu número de celular?', 'contact_data_request'],
  ['mercadolivre', 'Temos o mesmo produto mais barato em www.outraloja.com.br', 'external_link'],
  ['mercadolivre', 'Se fechar a reclamação, fazemos o reembolso na hora.', 'claim_evasion'],
  ['mercadolivre', 'Pedimos que cancele a mediação para liberarmos a troca.', 'claim_evasion'],
  ['americanas-sac', 'Podem falar com o cliente no (11) 98888-7777', 'off_platform_contact'],
  ['email', 'Para concluir, faça um pix de R$ 45,00 para a chave 11988887777.', 'payment_request'],
  ['whatsapp', 'Segue o boleto para pagamento: vence amanhã.', 'payment_request'],
];

describe('checkReply flags what the marketplaces punish', () => {
  it.each(FLAGGED)('%s: %s → %s', (channel, text, rule) => {
    expect(rulesOf(channel, text)).toContain(rule);
  });

  it('blocks on marketplaces and only warns on own channels', () => {
    const text = 'Para concluir, faça um pix de R$ 45,00 para a chave 11988887777.';
    expect(checkReply({ channel: 'madeiramadeira', text }).ok).toBe(false);
    const own = checkReply({ channel: 'whatsapp', text });
    expect(own.ok).toBe(true);
    expect(own.findings.map((f) => [f.rule, f.severity])).toEqual([['payment_request', 'warn']]);
  });

  it('only warns on Americanas SAC, where the other side is Americanas staff', () => {
    const result = checkReply({
      channel: 'americanas-sac',
      text: 'Podem falar com o cliente no (11) 98888-7777',
    });
    expect(result.ok).toBe(true);
    expect(result.findings[0]?.severity).toBe('warn');
  });

  it('does not flag links or contacts on own channels', () => {
    expect(
      checkReply({ channel: 'email', text: 'Veja https://lojaxyz.com.br ou ligue (11) 98888-7777' }).findings,
    ).toEqual([]);
  });

  it('reports the excerpt, its position and a message citing the marketplace', () => {
    const text = 'Olá! Me chama no WhatsApp (11) 98888-7777.';
    const { findings } = checkReply({ channel: 'madeiramadeira', text });
    const phone = findings.find((f) => f.excerpt === '(11) 98888-7777');
    expect(phone).toMatchObject({ rule: 'off_platform_contact', severity: 'block' });
    expect(text.slice(phone!.start, phone!.end)).toBe('(11) 98888-7777');
    expect(phone!.message).toBe(
      'A MadeiraMadeira não permite indicar canais de contato fora da plataforma: "(11) 98888-7777".',
    );
    const en = checkReply({ channel: 'madeiramadeira', text, locale: 'en-US' }).findings[0]!;
    expect(en.message).toContain(
      'MadeiraMadeira does not allow pointing to contact channels outside the platform',
    );
  });

  it('cites Mercado Livre moderation reasons', () => {
    const [finding] = checkReply({ channel: 'mercadolivre', text: 'veja bit.ly/abc' }).findings;
    expect(finding?.message).toContain('LINK_SHORT_URL');
  });

  it('does not read a tracking link as an external link on a marketplace that forbids links', () => {
    const text =
      'Rastreie em https://www.jadlog.com.br/jadlog/tracking?cte=10080155188760 ou www.lojaxyz.com.br';
    const findings = checkReply({ channel: 'mercadolivre', text }).findings;
    expect(findings.map((f) => f.excerpt)).toEqual(['www.lojaxyz.com.br']);
  });

  it('does not treat a look-alike of a carrier or marketplace domain as allowed', () => {
    expect(
      rulesOf('madeiramadeira', 'https://rastreamento.correios.com.br.entrega-rapida.com/abc'),
    ).toContain('external_link');
    expect(rulesOf('madeiramadeira', 'https://madeiramadeira.com.br.promo.net/oferta')).toContain(
      'external_link',
    );
  });
});

describe('attachments', () => {
  const MB = 1_000_000;
  it('blocks each Americanas attachment above 2 MB and names it', () => {
    const result = checkReply({
      channel: 'americanas',
      text: 'Segue a nota fiscal.',
      attachments: [
        { name: 'nota.pdf', bytes: 1.5 * MB },
        { name: 'foto-avaria.jpg', bytes: 2.4 * MB },
      ],
    });
    expect(result.ok).toBe(false);
    expect(result.findings).toEqual([
      {
        rule: 'attachment_too_large',
        severity: 'block',
        excerpt: 'foto-avaria.jpg',
        message: 'A Americanas aceita anexos de até 2 MB cada; "foto-avaria.jpg" tem 2,4 MB.',
      },
    ]);
  });

  it('accepts exactly 2 MB on Americanas and 4 MB on MadeiraMadeira (limit 5 MB)', () => {
    expect(
      checkReply({ channel: 'americanas', text: '', attachments: [{ name: 'a.jpg', bytes: 2 * MB }] }).ok,
    ).toBe(true);
    expect(
      checkReply({ channel: 'madeiramadeira', text: '', attachments: [{ name: 'a.jpg', bytes: 4 * MB }] }).ok,
    ).toBe(true);
    expect(
      checkReply({ channel: 'madeiramadeira', text: '', attachments: [{ name: 'a.jpg', bytes: 6 * MB }] }).ok,
    ).toBe(false);
  });

  it('has no size limit on own channels', () => {
    expect(
      checkReply({ channel: 'email', text: '', attachments: [{ name: 'video.mp4', bytes: 50 * MB }] })
        .findings,
    ).toEqual([]);
  });
});

describe('text length', () => {
  it('blocks MadeiraMadeira messages over 5000 characters', () => {
    expect(rulesOf('madeiramadeira', 'a '.repeat(2600))).toEqual(['text_too_long']);
    expect(rulesOf('madeiramadeira', 'a '.repeat(2500))).toEqual([]);
  });
});

describe('REPLY_POLICIES and messages', () => {
  it('defines a policy for every channel', () => {
    for (const channel of CHANNELS) expect(REPLY_POLICIES[channel]).toBeDefined();
  });

  it('has a pt-BR and an en message for every rule each channel applies', () => {
    for (const channel of CHANNELS) {
      const policy = REPLY_POLICIES[channel];
      for (const rule of Object.keys(policy.rules)) {
        const key = `replyPolicy.${rule}.${policy.voice}`;
        expect(replyPolicyMessages['pt-BR']).toHaveProperty([key]);
        expect(replyPolicyMessages.en).toHaveProperty([key]);
      }
    }
    for (const rule of RULE_IDS)
      expect(replyPolicyMessages['pt-BR']).toHaveProperty([`replyPolicy.${rule}.own`]);
  });

  it('treats an unknown channel like an own channel instead of failing', () => {
    expect(
      checkReply({ channel: 'telegram' as ChannelId, text: 'faça um pix para 11988887777' }).findings[0]
        ?.severity,
    ).toBe('warn');
  });
});

describe('properties', () => {
  it('never throws on arbitrary text, channel, locale and attachments', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.oneof(fc.constantFrom(...CHANNELS), fc.string()),
        fc.option(fc.string(), { nil: undefined }),
        fc.array(fc.record({ name: fc.string(), bytes: fc.double() }), { maxLength: 3 }),
        (text, channel, locale, attachments) => {
          const result = checkReply({ channel: channel as ChannelId, text, locale, attachments });
          expect(result.ok).toBe(!result.findings.some((f) => f.severity === 'block'));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('finds nothing in text made only of prices, dates, CEPs and order numbers', () => {
    const safe = fc.oneof(
      fc.integer({ min: 1, max: 99999 }).map((n) => `R$ ${(n / 100).toFixed(2).replace('.', ',')}`),
      fc
        .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
        .map((d) => d.toLocaleDateString('pt-BR', { timeZone: 'UTC' })),
      fc.stringMatching(/^\d{5}-\d{3}$/).map((cep) => `CEP ${cep}`),
      fc.stringMatching(/^\d{7,13}$/).map((n) => `pedido ${n}`),
      fc.stringMatching(/^\d{13}$/).map((n) => `protocolo ${n}`),
    );
    fc.assert(
      fc.property(fc.array(safe, { minLength: 1, maxLength: 6 }), (parts) => {
        expect(checkReply({ channel: 'mercadolivre', text: parts.join(', ') }).findings).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });

  const DDDS = ['11', '21', '31', '41', '47', '51', '61', '71', '81', '85', '91'];
  const filler = fc.constantFrom('Olá!', 'Tudo bem?', 'Qualquer coisa', 'fico no aguardo.', 'Obrigado', '');

  it('flags a phone written as agents write it, wherever it sits, on Mercado Livre', () => {
    const phone = fc
      .tuple(fc.constantFrom(...DDDS), fc.stringMatching(/^\d{4}$/), fc.stringMatching(/^\d{4}$/))
      .chain(([ddd, a, b]) =>
        fc.constantFrom(
          `(${ddd}) 9${a}-${b}`,
          `${ddd} 9${a}-${b}`,
          `+55 ${ddd} 9${a}-${b}`,
          `${ddd}9${a}${b}`,
          `9${a}-${b}`,
        ),
      );
    fc.assert(
      fc.property(filler, phone, filler, (before, number, after) => {
        const text = `${before} me liga no ${number} ${after}`;
        const excerpts = checkReply({ channel: 'mercadolivre', text }).findings.map((f) => f.excerpt);
        expect(excerpts).toContain(number);
      }),
      { numRuns: 500 },
    );
  });

  it('never flags a Correios tracking link with a valid code, on any channel', () => {
    const code = fc
      .tuple(fc.stringMatching(/^[A-Z]{2}$/), fc.stringMatching(/^\d{8}$/))
      .map(([prefix, serial]) => {
        const weights = [8, 6, 4, 2, 3, 5, 9, 7];
        const r = [...serial].reduce((sum, d, i) => sum + Number(d) * weights[i]!, 0) % 11;
        return `${prefix}${serial}${r === 0 ? 5 : r === 1 ? 0 : 11 - r}BR`;
      });
    fc.assert(
      fc.property(fc.constantFrom(...CHANNELS), code, filler, (channel, tracking, after) => {
        const text = `Acompanhe em https://rastreamento.correios.com.br/app/index.php?objetos=${tracking} ${after}`;
        expect(checkReply({ channel, text }).findings).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  // Linear scanning is measured in the benchmark; here a backtracking blow-up would hit jest's timeout.
  it('handles pathological input', () => {
    const nasty = [
      'a'.repeat(20000),
      `${'a.'.repeat(10000)}x`,
      `${'1'.repeat(20000)}`,
      `${'@a'.repeat(8000)}`,
      'www.'.repeat(5000),
      'pix '.repeat(5000),
      `${'taxa '.repeat(3000)}sem`,
      '(11) '.repeat(5000),
    ];
    for (const text of nasty) expect(checkReply({ channel: 'mercadolivre', text }).ok).toBeDefined();
  });
});

describe('README', () => {
  it('shows the same rule table as REPLY_POLICIES', () => {
    const readme = readFileSync(join(__dirname, 'README.md'), 'utf8');
    const columns: ChannelId[] = ['madeiramadeira', 'americanas', 'americanas-sac', 'mercadolivre', 'email'];
    for (const rule of RULE_IDS) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${rule}\` |`));
      expect(row).toBeDefined();
      const cells = row!
        .split('|')
        .slice(2, 7)
        .map((c) => c.trim().split(' ')[0]);
      expect([rule, cells]).toEqual([rule, columns.map((ch) => REPLY_POLICIES[ch].rules[rule] ?? '—')]);
    }
  });
});
