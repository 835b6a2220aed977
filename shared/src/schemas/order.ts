import { z } from 'zod';
import { CustomerIdentity, IsoInstant } from './conversation';
import { Cents, IsoDate } from './money';
import { Shipment } from './shipment';

/** Where an order was placed: a marketplace Vitrine syncs, or the seller's own store. */
export const OrderSource = z.enum(['madeiramadeira', 'americanas', 'mercadolivre', 'own_store']);
export type OrderSource = z.infer<typeof OrderSource>;

/**
 * One lifecycle for every marketplace. Mapping examples: MadeiraMadeira 1 NOVO → `new`,
 * 3 APROVADO → `approved`, 2 PROCESSADO → `processing`, 6 FATURADO → `invoiced`, 7 ENVIADO → `shipped`,
 * 8 ENTREGUE → `delivered`, 4 CANCELADO → `canceled`; Americanas `book_product` → `payment_pending`,
 * `payment_received` → `approved`; Mercado Livre `paid` → `approved`.
 */
export const OrderStatus = z.enum([
  'new',
  'payment_pending',
  'approved',
  'processing',
  'invoiced',
  'shipped',
  'delivered',
  'canceled',
]);
export type OrderStatus = z.infer<typeof OrderStatus>;

export const OrderItem = z.object({
  sku: z.string(),
  sellerSku: z.string().optional(),
  name: z.string(),
  quantity: z.number().int().positive(),
  unitPriceCents: Cents,
  totalCents: Cents,
  imageUrl: z.string().optional(),
});
export type OrderItem = z.infer<typeof OrderItem>;

/** NF-e issued for the order; `accessKey` is the 44-digit chave de acesso. */
export const Invoice = z.object({
  accessKey: z.string().regex(/^\d{44}$/, 'a chave de acesso da NF-e tem 44 dígitos'),
  number: z.string(),
  series: z.string().optional(),
  issuedAt: IsoInstant.optional(),
  url: z.string().optional(),
});
export type Invoice = z.infer<typeof Invoice>;

export const Address = z.object({
  cep: z.string().optional(),
  street: z.string().optional(),
  number: z.string().optional(),
  complement: z.string().optional(),
  neighborhood: z.string().optional(),
  city: z.string().optional(),
  uf: z.string().length(2).optional(),
});
export type Address = z.infer<typeof Address>;

export const Order = z.object({
  source: OrderSource,
  /** Id at the source (MadeiraMadeira id_pedido, Americanas code, Mercado Livre order id). */
  externalId: z.string().min(1),
  /** The number the customer sees and quotes ("02-1000000004", "7001234"). */
  number: z.string().min(1),
  /** Other numbers that refer to the same order: ML pack id, `Lojas Americanas-…` SAC code, pedido_mm. */
  aliases: z.array(z.string()).default([]),
  status: OrderStatus,
  /** The source's own status label or code, kept for display. */
  sourceStatus: z.string().optional(),
  customer: CustomerIdentity,
  shippingAddress: Address.optional(),
  items: z.array(OrderItem).min(1),
  currency: z.literal('BRL').default('BRL'),
  itemsTotalCents: Cents,
  shippingCents: Cents.default(0),
  discountCents: Cents.default(0),
  totalCents: Cents,
  placedAt: IsoInstant,
  approvedAt: IsoInstant.optional(),
  invoicedAt: IsoInstant.optional(),
  shippedAt: IsoInstant.optional(),
  deliveredAt: IsoInstant.optional(),
  canceledAt: IsoInstant.optional(),
  /** Promised delivery day; `revisedDeliveryDate` when the seller moved it (MadeiraMadeira previsao nova). */
  estimatedDeliveryDate: IsoDate.optional(),
  revisedDeliveryDate: IsoDate.optional(),
  invoices: z.array(Invoice).default([]),
  shipments: z.array(Shipment).default([]),
  updatedAt: IsoInstant,
});
export type Order = z.infer<typeof Order>;
