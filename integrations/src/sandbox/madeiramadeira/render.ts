import { createHash } from 'node:crypto';
import type { ConversationStatus } from '@vitrine/shared';
import type { DatasetCustomer, DatasetOrder } from '../dataset';
import { brasiliaDateTime, type StoredConversation } from '../marketplace-kit';

/** Renders stored conversations and orders in the Mensageria and Pedido shapes of the Postman collection. */

export const STATUS_ID: Record<ConversationStatus, number> = {
  open: 1,
  awaiting_customer: 2,
  closed: 3,
  mediation: 4,
};
const STATUS_LABEL: Record<number, string> = {
  1: 'Aguardando Resposta',
  2: 'Aguardando o cliente',
  3: 'Finalizado',
  4: 'Mediado',
  5: 'Mediação finalizada',
  6: 'Atendimento com pendência',
};
const ROLE = { customer: 'buyer', seller: 'seller', marketplace: 'attendant' } as const;

function status(c: StoredConversation) {
  const id = STATUS_ID[c.status];
  // Only id 1's slug is documented; the others have none, like the real API's examples.
  return { id, description: STATUS_LABEL[id], ...(id === 1 ? { slug: 'awaiting_answer_seller' } : {}) };
}

function reason(c: StoredConversation) {
  return {
    id: 500 + c.topic.length,
    external_id: 200 + c.topic.length,
    description: c.subject,
    type: 'Produto',
    category: c.subject,
    is_central_atendimento: false,
    descricao_central_atendimento: '',
    has_sub_reasons: false,
  };
}

export function sessionSummary(
  c: StoredConversation,
  order: DatasetOrder | undefined,
  customer: DatasetCustomer | undefined,
) {
  return {
    session_id: Number(c.sourceId),
    order_seller: order?.secondaryId ?? '',
    order: order?.number ?? '',
    order_hash: createHash('md5').update(`${c.orderId}`).digest('hex').slice(0, 24),
    order_date: order ? brasiliaDateTime(order.placedAt) : '',
    customer_name: customer?.name ?? '',
    status: status(c),
    created_at: brasiliaDateTime(c.messages[0]?.at ?? c.updatedAt),
    expired_date: c.dueAt ? brasiliaDateTime(c.dueAt) : '',
    reason: reason(c),
    version: 2,
    csat_id: '',
  };
}

export function historicSession(
  c: StoredConversation,
  order: DatasetOrder | undefined,
  customer: DatasetCustomer | undefined,
) {
  const { customer_name: _omit, ...summary } = sessionSummary(c, order, customer);
  return {
    ...summary,
    messages: c.messages.map((m) => ({
      from: m.authorName,
      origin: m.author === 'customer' ? 'infobip' : 'api',
      received_at: Date.parse(m.at),
      text: m.text,
      type: 'text',
      role: ROLE[m.author],
      created_at: brasiliaDateTime(m.at),
    })),
  };
}

/** The buyer's masked relay address: stable per buyer, never the real one. */
export function maskedEmail(customer: DatasetCustomer): string {
  return `${createHash('sha256').update(customer.id).digest('hex').slice(0, 10)}@madeiramadeira.com.br`;
}

export function pedido(order: DatasetOrder, customer: DatasetCustomer | undefined) {
  // Money as strings in some fields and numbers in others, ids as strings: as the API does.
  return {
    id_pedido: order.secondaryId ?? order.number,
    id_seller: '225',
    pedido_mm: order.number,
    data_criacao: brasiliaDateTime(order.placedAt),
    status: '7',
    comprador: customer && {
      nome: customer.name,
      email: maskedEmail(customer),
      telefone: `${customer.phone.replace(/^\+55/, '')} / `,
      documento: customer.document,
      tipo_pessoa: customer.documentType === 'cpf' ? 'F' : 'J',
      cep: customer.address.cep.replace('-', ''),
      uf: customer.address.uf,
      cidade: customer.address.city,
      bairro: customer.address.neighborhood,
      logradouro: customer.address.street,
      numero: customer.address.number,
      complemento: '',
    },
    skus: order.items.map((item, i) => ({
      sku: item.sku,
      skuseller: item.sku,
      nome: item.name,
      quantidade: item.quantity,
      valor_unitario: (item.unitPriceCents / 100).toFixed(2),
      total: (item.unitPriceCents * item.quantity) / 100,
      frete: i === 0 ? order.shippingCents / 100 : 0,
      id_pedido_item: `${order.secondaryId}${i + 1}`,
    })),
    envio: [
      {
        sku: order.items[0]?.sku,
        codigo_rastreio: order.trackingCode,
        url_rastreio: '',
        nome_transportadora: order.carrier,
        data_transportadora: order.placedAt.slice(0, 10),
      },
    ],
    data_previsao_entrega: order.promisedDelivery.split('-').reverse().join('/'),
  };
}
