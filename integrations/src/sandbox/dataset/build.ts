import type { ConversationStatus, MarketplaceSource } from '@vitrine/shared';
import { generateCnpj, generateCpf, generateS10 } from './documents';
import {
  CARRIERS,
  CITIES,
  COMPANY_NAMES,
  FIRST_NAMES,
  LAST_NAMES,
  NEIGHBORHOODS,
  PRODUCTS,
  STREETS,
} from './places';
import { random, type Random } from './random';
import { TOPICS, fill, type Topic } from './topics';
import type {
  ConversationKind,
  DatasetConversation,
  DatasetCustomer,
  DatasetMessage,
  DatasetOrder,
  DatasetZendeskTicket,
  SandboxDataset,
} from './types';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** How many of each thing at scale 1 (the demo size). */
const BASE = {
  customers: 40,
  madeiramadeira: 12,
  americanas: 8,
  mlPacks: 10,
  mlClaims: 4,
  standaloneTickets: 5,
};

/**
 * SkyHub's full code of an Americanas order (orders queue, SAC): the sales channel and the
 * *entrega* number, laid out as in SkyHub's one documented pair, `02-1000000004` ↔
 * `Lojas Americanas-201000000004001` (shared/src/identity/order-number.ts reads it back).
 */
export const skyhubCode = (orderNumber: string) => `Lojas Americanas-20${orderNumber.slice(3)}001`;

export interface BuildOptions {
  seed: number;
  scale?: number;
  /** The instant conversations are placed before; pass a fixed one for reproducible dates. */
  now?: Date;
}

const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

const brDate = (iso: string) => {
  const d = new Date(Date.parse(iso) - 3 * HOUR);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
};

function buildCustomers(rng: Random, count: number): DatasetCustomer[] {
  const used = new Set<string>();
  return Array.from({ length: count }, (_, i) => {
    const place = rng.pick(CITIES);
    const company = i % 12 === 11; // a few companies buy too (CNPJ)
    const first = rng.pick(FIRST_NAMES);
    const name = company
      ? rng.pick(COMPANY_NAMES)
      : `${first} ${rng.pick(LAST_NAMES)} ${rng.pick(LAST_NAMES)}`;
    let phone: string;
    do phone = `+55${place.ddd}9${rng.int(6, 9)}${rng.digits(7)}`;
    while (used.has(phone));
    used.add(phone);
    const local = company
      ? `contato.${slug(name).slice(0, 12)}`
      : `${slug(first)}.${slug(name.split(' ')[1] ?? '')}${rng.int(1, 99)}`;
    return {
      id: `c${String(i + 1).padStart(4, '0')}`,
      name,
      firstName: company ? name.split(' ')[0]! : first,
      document: company ? generateCnpj(rng) : generateCpf(rng),
      documentType: company ? 'cnpj' : 'cpf',
      phone,
      email: `${local}@${rng.pick(['gmail.com', 'hotmail.com', 'outlook.com', 'yahoo.com.br', 'uol.com.br'])}`,
      address: {
        cep: `${place.cep}${rng.digits(3)}-${rng.digits(3)}`,
        street: rng.pick(STREETS),
        number: String(rng.int(10, 2999)),
        neighborhood: rng.pick(NEIGHBORHOODS),
        city: place.city,
        uf: place.uf,
      },
    };
  });
}

function orderNumbers(
  source: MarketplaceSource,
  rng: Random,
  index: number,
): { number: string; secondaryId?: string } {
  switch (source) {
    case 'madeiramadeira':
      return {
        number: String(72_020_000 + index * 37 + rng.int(0, 30)),
        secondaryId: String(9_346_000 + index * 11 + rng.int(0, 9)),
      };
    case 'americanas':
      return { number: `02-${String(1_000_000_000 + index * 7919 + rng.int(0, 999))}` };
    case 'mercadolivre': {
      const id = `2000${rng.digits(12)}`;
      return { number: id, secondaryId: rng.chance(0.4) ? `2000${rng.digits(12)}` : undefined };
    }
  }
}

function buildOrder(
  source: MarketplaceSource,
  rng: Random,
  index: number,
  customer: DatasetCustomer,
  now: number,
): DatasetOrder {
  const items = Array.from({ length: rng.chance(0.25) ? 2 : 1 }, () => {
    const product = rng.pick(PRODUCTS);
    return { sku: product.sku, name: product.name, quantity: 1, unitPriceCents: product.cents };
  });
  const shippingCents = rng.chance(0.5) ? 0 : rng.int(20, 150) * 100 + 90;
  const placed = now - rng.int(5, 25) * 24 * HOUR;
  const carrier = rng.pick(CARRIERS);
  return {
    id: `${source}:${index}`,
    source,
    ...orderNumbers(source, rng, index),
    customerId: customer.id,
    items,
    shippingCents,
    totalCents: items.reduce((sum, item) => sum + item.quantity * item.unitPriceCents, 0) + shippingCents,
    placedAt: new Date(placed).toISOString(),
    carrier,
    trackingCode: carrier === 'Correios' ? generateS10(rng) : rng.digits(14),
    promisedDelivery: new Date(placed + rng.int(4, 12) * 24 * HOUR).toISOString().slice(0, 10),
  };
}

interface Script {
  topic: Topic;
  values: Record<string, string>;
  customerName: string;
}

function script(rng: Random, customer: DatasetCustomer, order: DatasetOrder): Script {
  const topic = rng.pick(TOPICS);
  return {
    topic,
    customerName: customer.name,
    values: {
      nome: customer.firstName,
      pedido: order.number,
      produto: order.items[0]!.name,
      transportadora: order.carrier,
      rastreio: order.trackingCode,
      data: brDate(`${order.promisedDelivery}T12:00:00Z`),
    },
  };
}

/** Message times: the last one a little before `now`, earlier ones spaced out before it. */
function times(rng: Random, count: number, now: number): string[] {
  const out: number[] = [now - rng.int(10, 600) * MINUTE];
  while (out.length < count) out.unshift(out[0]! - rng.int(20, 300) * MINUTE);
  return out.map((t) => new Date(t).toISOString());
}

function conversationMessages(
  rng: Random,
  s: Script,
  idPrefix: string,
  status: ConversationStatus,
  options: { marketplaceNote?: boolean; sellerName: string; marketplaceName: string },
  now: number,
): DatasetMessage[] {
  type Draft = Omit<DatasetMessage, 'id' | 'at'>;
  const drafts: Draft[] = [
    {
      author: 'customer',
      side: 'customer',
      authorName: s.customerName,
      text: fill(rng.pick(s.topic.opening), s.values),
    },
  ];
  if (options.marketplaceNote) {
    drafts.push({
      author: 'marketplace',
      side: 'marketplace',
      authorName: options.marketplaceName,
      text: fill(rng.pick(s.topic.marketplaceNote), s.values),
    });
  }
  const sellerAnswered = status === 'awaiting_customer' || status === 'closed' || rng.chance(0.5);
  if (sellerAnswered) {
    drafts.push({
      author: 'seller',
      side: 'customer',
      authorName: options.sellerName,
      text: fill(rng.pick(s.topic.sellerReply), s.values),
    });
    if (status !== 'awaiting_customer' && status !== 'closed' && rng.chance(0.6)) {
      drafts.push({
        author: 'customer',
        side: 'customer',
        authorName: s.customerName,
        text: fill(rng.pick(s.topic.followUp), s.values),
      });
    }
  }
  const at = times(rng, drafts.length, now);
  return drafts.map((d, i) => ({ ...d, id: `${idPrefix}-m${i + 1}`, at: at[i]! }));
}

function statusFor(index: number, rng: Random, fixed: ConversationStatus[]): ConversationStatus {
  return fixed[index] ?? (rng.chance(0.75) ? 'open' : 'awaiting_customer');
}

/**
 * Builds the whole sandbox world from a seed. Same seed, scale and `now` → the same data, byte for
 * byte. Every marketplace conversation references a real order and customer; some customers also
 * wrote on their own channels about the same order (WhatsApp, e-mail, Instagram).
 */
export function buildDataset(options: BuildOptions): SandboxDataset {
  const scale = options.scale ?? 1;
  const now = (options.now ?? new Date()).getTime();
  const n = (base: number) => Math.max(1, Math.round(base * scale));
  const seed = options.seed;

  const customers = buildCustomers(random(seed, 'customers'), n(BASE.customers));
  const orders: DatasetOrder[] = [];
  const conversations: DatasetConversation[] = [];
  const mlSellerId = String(100_000_000 + random(seed, 'ml-seller').int(0, 899_999_999));
  const pickCustomer = (rng: Random) => rng.pick(customers);

  const add = (
    source: MarketplaceSource,
    kind: ConversationKind,
    count: number,
    fixed: ConversationStatus[],
    ids: (rng: Random, i: number, order: DatasetOrder) => { sourceId: string; conversationId: string },
  ) => {
    const rng = random(seed, `${source}.${kind}`);
    for (let i = 0; i < count; i++) {
      const customer = pickCustomer(rng);
      const order = buildOrder(source, rng, orders.length + 1, customer, now);
      orders.push(order);
      const status = statusFor(i, rng, fixed);
      const s = script(rng, customer, order);
      const { sourceId, conversationId } = ids(rng, i, order);
      const messages = conversationMessages(
        rng,
        s,
        `${source}-${sourceId}`,
        status,
        {
          marketplaceNote:
            (kind === 'sac' && rng.chance(0.6)) || (kind === 'claim' && status === 'mediation'),
          sellerName: 'Loja Vitrine Demo',
          marketplaceName:
            kind === 'sac'
              ? 'Ajuda Americanas'
              : kind === 'claim'
                ? 'Mediador Mercado Livre'
                : 'Atendimento MadeiraMadeira',
        },
        now,
      );
      const lastCustomer = [...messages].reverse().find((m) => m.author === 'customer');
      conversations.push({
        source,
        kind,
        sourceId,
        conversationId,
        orderId: order.id,
        customerId: customer.id,
        topic: s.topic.id,
        subject: s.topic.subject,
        status,
        dueAt:
          source === 'madeiramadeira' && status !== 'closed' && lastCustomer
            ? new Date(Date.parse(lastCustomer.at) + 48 * HOUR).toISOString()
            : undefined,
        messages,
      });
    }
  };

  add('madeiramadeira', 'session', n(BASE.madeiramadeira), ['mediation', 'closed'], (_rng, i) => ({
    sourceId: String(1001 + i),
    conversationId: String(1001 + i),
  }));
  add('americanas', 'sac', n(BASE.americanas), ['mediation', 'closed'], (_rng, _i, order) => {
    const code = skyhubCode(order.number);
    return { sourceId: code, conversationId: code };
  });
  add('mercadolivre', 'pack', n(BASE.mlPacks), [], (_rng, _i, order) => {
    const pack = order.secondaryId ?? order.number;
    return { sourceId: pack, conversationId: `pack-${pack}` };
  });
  add('mercadolivre', 'claim', n(BASE.mlClaims), ['mediation', 'closed'], (rng) => {
    const id = `5${rng.digits(9)}`;
    return { sourceId: id, conversationId: `claim-${id}` };
  });

  const zendeskTickets = buildZendeskTickets(
    seed,
    customers,
    orders,
    conversations,
    n(BASE.standaloneTickets),
    now,
  );
  return {
    seed,
    scale,
    now: new Date(now).toISOString(),
    mercadoLivreSellerId: mlSellerId,
    customers,
    orders,
    conversations,
    zendeskTickets,
  };
}

function buildZendeskTickets(
  seed: number,
  customers: DatasetCustomer[],
  orders: DatasetOrder[],
  conversations: DatasetConversation[],
  standalone: number,
  now: number,
): DatasetZendeskTicket[] {
  const rng = random(seed, 'zendesk-native');
  const tickets: DatasetZendeskTicket[] = [];
  const customerOf = (id: string) => customers.find((c) => c.id === id)!;
  const orderOf = (id: string) => orders.find((o) => o.id === id)!;
  const open = (source: MarketplaceSource, kind: ConversationKind) =>
    conversations.filter((c) => c.source === source && c.kind === kind && c.status !== 'closed');
  const at = () => new Date(now - rng.int(30, 1800) * MINUTE).toISOString();
  const nextId = () => `zn-${String(tickets.length + 1).padStart(3, '0')}`;

  // MadeiraMadeira session + WhatsApp from the same phone (the order's buyer phone).
  for (const c of open('madeiramadeira', 'session').slice(
    0,
    Math.max(1, Math.round(conversations.length / 12)),
  )) {
    const customer = customerOf(c.customerId);
    const order = orderOf(c.orderId);
    const createdAt = at();
    tickets.push({
      id: nextId(),
      channel: 'whatsapp',
      customerId: customer.id,
      subject: `Conversa com ${customer.name} via WhatsApp`,
      requester: { name: customer.name, phone: customer.phone },
      comments: [
        {
          author: 'customer',
          text: `Oi! Comprei um ${order.items[0]!.name} na MadeiraMadeira e já reclamei por lá, mas ninguém me responde. ${c.subject}.`,
          at: createdAt,
        },
      ],
      createdAt,
      sameCaseAs: {
        source: 'madeiramadeira',
        conversationId: c.conversationId,
        reason: `same phone ${customer.phone}`,
      },
    });
  }
  // Americanas SAC + an e-mail quoting the order number.
  for (const c of open('americanas', 'sac').slice(0, 2)) {
    const customer = customerOf(c.customerId);
    const order = orderOf(c.orderId);
    const createdAt = at();
    tickets.push({
      id: nextId(),
      channel: 'email',
      customerId: customer.id,
      subject: `Pedido ${order.number} - ${c.subject}`,
      requester: { name: customer.name, email: customer.email },
      comments: [
        {
          author: 'customer',
          text: `Bom dia, sobre o pedido ${order.number} feito na Americanas: ${c.subject.toLowerCase()}. Aguardo retorno. ${customer.firstName}`,
          at: createdAt,
        },
      ],
      createdAt,
      sameCaseAs: {
        source: 'americanas',
        conversationId: c.conversationId,
        reason: `same order ${order.number}`,
      },
    });
  }
  // Mercado Livre pack + an Instagram DM quoting the order number.
  for (const c of open('mercadolivre', 'pack').slice(0, 2)) {
    const customer = customerOf(c.customerId);
    const order = orderOf(c.orderId);
    const createdAt = at();
    tickets.push({
      id: nextId(),
      channel: 'instagram',
      customerId: customer.id,
      subject: `Mensagem de @${slug(customer.firstName)}${customer.phone.slice(-3)} no Instagram`,
      requester: { name: customer.name, instagram: `${slug(customer.firstName)}${customer.phone.slice(-3)}` },
      comments: [
        {
          author: 'customer',
          text: `Oi, comprei no Mercado Livre (pedido ${order.number}) e preciso de ajuda: ${c.subject.toLowerCase()}.`,
          at: createdAt,
        },
      ],
      createdAt,
      sameCaseAs: {
        source: 'mercadolivre',
        conversationId: c.conversationId,
        reason: `same order ${order.number}`,
      },
    });
  }
  // Customers who only wrote on the seller's own channels.
  const standaloneLines = [
    'Vocês têm o guarda-roupa 6 portas na cor freijó?',
    'Qual o prazo de entrega para o CEP do interior?',
    'Vocês emitem nota fiscal para CNPJ?',
    'Fazem montagem em Curitiba?',
    'Quero saber se o sofá passa por uma porta de 70 cm.',
  ];
  for (let i = 0; i < standalone; i++) {
    const customer = rng.pick(customers);
    const channel = rng.pick(['whatsapp', 'email', 'instagram'] as const);
    const createdAt = at();
    tickets.push({
      id: nextId(),
      channel,
      customerId: customer.id,
      subject: channel === 'email' ? 'Dúvida sobre produto' : `Conversa com ${customer.name}`,
      requester:
        channel === 'whatsapp'
          ? { name: customer.name, phone: customer.phone }
          : channel === 'email'
            ? { name: customer.name, email: customer.email }
            : { name: customer.name, instagram: `${slug(customer.firstName)}${customer.phone.slice(-3)}` },
      comments: [{ author: 'customer', text: standaloneLines[i % standaloneLines.length]!, at: createdAt }],
      createdAt,
    });
  }
  return tickets;
}
