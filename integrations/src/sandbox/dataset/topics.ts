/**
 * pt-BR conversation scripts by subject. Placeholders: {nome} {pedido} {produto} {transportadora}
 * {rastreio} {data}. Buyer lines vary in wording so two conversations rarely read the same.
 */
export interface Topic {
  id: string;
  subject: string;
  opening: string[];
  sellerReply: string[];
  followUp: string[];
  /** What Americanas' SAC (or a mediator) writes to the seller about this subject. */
  marketplaceNote: string[];
}

export const TOPICS: Topic[] = [
  {
    id: 'atraso_entrega',
    subject: 'Atraso na entrega',
    opening: [
      'Olá, meu pedido {pedido} deveria ter chegado em {data} e até agora nada. Podem verificar?',
      'Boa tarde! Comprei o {produto} e o prazo de entrega já passou. Cadê meu pedido {pedido}?',
      'Oi, o rastreio {rastreio} está parado há dias. Quando vou receber?',
    ],
    sellerReply: [
      'Olá {nome}! Verificamos com a {transportadora} e seu pedido está em rota. O código de rastreio é {rastreio}.',
      'Oi {nome}, pedimos desculpas pelo atraso. Abrimos uma ocorrência com a {transportadora} e retornamos em até 24 horas.',
    ],
    followUp: [
      'Alguma novidade sobre a entrega?',
      'Continuo sem receber. Vou precisar cancelar se não chegar até sexta.',
      'O rastreio ainda não atualizou, vocês conseguem me dar uma posição?',
      'Preciso do móvel para a mudança no fim de semana, por favor me ajudem.',
    ],
    marketplaceNote: [
      'Parceiro, o cliente do pedido {pedido} relata atraso na entrega. Favor informar previsão atualizada.',
      'Prezado lojista, solicitamos posicionamento sobre a entrega do pedido {pedido} em até 1 dia útil.',
    ],
  },
  {
    id: 'produto_avariado',
    subject: 'Produto avariado',
    opening: [
      'O {produto} chegou com a lateral quebrada. Tenho fotos, como faço a troca?',
      'Recebi o pedido {pedido} mas a caixa veio amassada e uma peça está rachada.',
      'Bom dia, o vidro do {produto} veio trincado. Quero a substituição.',
    ],
    sellerReply: [
      'Sentimos muito, {nome}! Pode nos enviar fotos da embalagem e da peça avariada? Vamos providenciar a reposição.',
      'Olá {nome}, já solicitamos a peça de reposição para o pedido {pedido}. Enviaremos o novo rastreio em breve.',
    ],
    followUp: [
      'Já enviei as fotos, vocês receberam?',
      'Quanto tempo demora para a peça nova chegar?',
      'Prefiro o reembolso se a peça demorar mais de uma semana.',
    ],
    marketplaceNote: [
      'Parceiro, cliente relata produto avariado no pedido {pedido}. Favor tratar a reposição ou o estorno.',
      'Identificamos reclamação de avaria no pedido {pedido}. Aguardamos retorno do lojista.',
    ],
  },
  {
    id: 'troca',
    subject: 'Troca de produto',
    opening: [
      'Quero trocar o {produto}, a cor não combinou com a sala. Como funciona?',
      'Comprei o tamanho errado no pedido {pedido}. Posso trocar?',
      'O {produto} não coube no espaço. Gostaria de fazer a troca ou devolução.',
    ],
    sellerReply: [
      'Claro, {nome}! A troca é gratuita em até 7 dias do recebimento. Vamos gerar a etiqueta de postagem.',
      'Oi {nome}, enviamos o código de postagem reversa para o seu e-mail. Basta levar a uma agência dos Correios.',
    ],
    followUp: [
      'Não recebi o código de postagem ainda.',
      'Posso agendar a coleta em casa? O móvel é grande.',
      'Já postei, quando recebo o novo?',
    ],
    marketplaceNote: [
      'Parceiro, o cliente solicitou troca do pedido {pedido}. Favor orientar a logística reversa.',
    ],
  },
  {
    id: 'nota_fiscal',
    subject: 'Nota fiscal',
    opening: [
      'Preciso da nota fiscal do pedido {pedido} para o reembolso da empresa.',
      'Não recebi a nota fiscal do {produto}. Podem enviar?',
      'A NF do pedido {pedido} saiu com o CPF errado, como corrijo?',
    ],
    sellerReply: [
      'Olá {nome}, a nota fiscal do pedido {pedido} já foi emitida e está disponível na área de pedidos.',
      'Oi {nome}, reenviamos a nota fiscal. Se precisar de carta de correção, nos avise.',
    ],
    followUp: ['Consegui baixar, obrigado!', 'O link da nota não abre aqui.', 'Preciso em PDF, pode ser?'],
    marketplaceNote: ['Parceiro, cliente solicita a nota fiscal do pedido {pedido}. Favor anexar a NF-e.'],
  },
  {
    id: 'montagem',
    subject: 'Montagem',
    opening: [
      'O {produto} tem montagem inclusa? Quem agenda?',
      'Faltou o manual de montagem do pedido {pedido}.',
      'Estão faltando parafusos para montar o {produto}.',
    ],
    sellerReply: [
      'Oi {nome}! O manual está disponível no nosso site; vamos enviar os parafusos que faltaram pelos Correios.',
      'Olá {nome}, a montagem não está inclusa, mas podemos indicar montadores parceiros na sua região.',
    ],
    followUp: [
      'Os parafusos já foram enviados?',
      'Qual o código de rastreio das peças?',
      'Consegui montar, só faltou uma dobradiça.',
    ],
    marketplaceNote: ['Parceiro, cliente relata falta de peças para montagem no pedido {pedido}.'],
  },
  {
    id: 'cancelamento',
    subject: 'Cancelamento',
    opening: [
      'Quero cancelar o pedido {pedido}, comprei por engano.',
      'Consigo cancelar o {produto} antes do envio?',
      'Cancelei o pedido {pedido} e o estorno ainda não apareceu no cartão.',
    ],
    sellerReply: [
      'Olá {nome}, o cancelamento foi solicitado. O estorno aparece em até 2 faturas, conforme a operadora.',
      'Oi {nome}, o pedido já foi despachado; você pode recusar a entrega que faremos o estorno ao retornar.',
    ],
    followUp: [
      'O estorno ainda não caiu.',
      'Recusei a entrega hoje, e agora?',
      'Quanto tempo para o dinheiro voltar?',
    ],
    marketplaceNote: [
      'Parceiro, cliente solicita cancelamento do pedido {pedido}. Favor confirmar o estorno.',
    ],
  },
];

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? `{${key}}`);
}
