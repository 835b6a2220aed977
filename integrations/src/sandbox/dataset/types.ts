import type { ConversationStatus, Counterpart, MarketplaceSource, MessageAuthor } from '@vitrine/shared';

/** The sandbox's world as plain data: the simulators serve it in each API's own shapes. */

export interface DatasetAddress {
  cep: string;
  street: string;
  number: string;
  neighborhood: string;
  city: string;
  uf: string;
}

export interface DatasetCustomer {
  id: string;
  name: string;
  firstName: string;
  /** CPF (11 digits) or CNPJ (14 digits), digits only. */
  document: string;
  documentType: 'cpf' | 'cnpj';
  /** E.164 mobile, e.g. `+5541998765432`. */
  phone: string;
  email: string;
  address: DatasetAddress;
}

export interface DatasetOrderItem {
  sku: string;
  name: string;
  quantity: number;
  unitPriceCents: number;
}

export interface DatasetOrder {
  /** Unique in the dataset (`<source>:<number>`). */
  id: string;
  source: MarketplaceSource;
  /** The number the customer quotes: MadeiraMadeira `order` (pedido_mm), Americanas order code, ML order id. */
  number: string;
  /** MadeiraMadeira `id_pedido` (= session `order_seller`); ML pack id when the order is in a pack. */
  secondaryId?: string;
  customerId: string;
  items: DatasetOrderItem[];
  shippingCents: number;
  totalCents: number;
  placedAt: string;
  carrier: string;
  /** A valid Correios S10 code when the carrier is Correios, else a carrier-style number. */
  trackingCode: string;
  /** `YYYY-MM-DD`. */
  promisedDelivery: string;
}

export interface DatasetMessage {
  /** Unique within the dataset; simulators that give message ids use it. */
  id: string;
  author: MessageAuthor;
  side: Counterpart;
  authorName: string;
  text: string;
  at: string;
}

export type ConversationKind = 'session' | 'sac' | 'pack' | 'claim';

export interface DatasetConversation {
  source: MarketplaceSource;
  kind: ConversationKind;
  /** The id at the source as the simulator exposes it (session id, SAC code, pack id, claim id). */
  sourceId: string;
  /** The `Conversation.externalId` the connector produces for it. */
  conversationId: string;
  orderId: string;
  customerId: string;
  topic: string;
  subject: string;
  status: ConversationStatus;
  /** Deadline the marketplace reports (MadeiraMadeira `expired_date`). */
  dueAt?: string;
  messages: DatasetMessage[];
}

export type ZendeskNativeChannel = 'whatsapp' | 'email' | 'instagram';

export interface DatasetZendeskTicket {
  id: string;
  channel: ZendeskNativeChannel;
  customerId: string;
  subject: string;
  requester: { name: string; email?: string; phone?: string; instagram?: string };
  comments: Array<{ author: 'customer' | 'agent'; text: string; at: string }>;
  createdAt: string;
  /** When this ticket is the second channel of a marketplace conversation: which one and why. */
  sameCaseAs?: { source: MarketplaceSource; conversationId: string; reason: string };
}

export interface SandboxDataset {
  seed: number;
  scale: number;
  /** The instant the dataset was generated relative to (ISO). */
  now: string;
  /** The Mercado Livre seller id the simulator authenticates as. */
  mercadoLivreSellerId: string;
  customers: DatasetCustomer[];
  orders: DatasetOrder[];
  conversations: DatasetConversation[];
  zendeskTickets: DatasetZendeskTicket[];
}
