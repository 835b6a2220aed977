import { z } from 'zod';
import { IsoInstant } from './conversation';
import { Cents } from './money';
import { ShipmentCarrier } from './shipment';

/** troca: product for product; vale_troca: store credit (coupon); estorno: money back. */
export const ExchangeKind = z.enum(['troca', 'vale_troca', 'estorno']);
export type ExchangeKind = z.infer<typeof ExchangeKind>;

/**
 * Reverse-logistics lifecycle shared by Troquecommerce, Troque & Devolva, YAMI and marketplace returns.
 * E.g. Troquecommerce 2 → `requested`, 3 → `approved`, 33 → `posted`, 6 → `received`,
 * 10/11 → `completed`, 4/18 → `canceled`, 19/28 → `failed`.
 */
export const ExchangeStatus = z.enum([
  'requested',
  'approved',
  'rejected',
  'posted',
  'received',
  'completed',
  'canceled',
  'failed',
]);
export type ExchangeStatus = z.infer<typeof ExchangeStatus>;

export const ExchangeSource = z.enum(['troquecommerce', 'troque_devolva', 'yami', 'mercadolivre', 'manual']);
export type ExchangeSource = z.infer<typeof ExchangeSource>;

export const RefundMethod = z.enum([
  'pix',
  'credit_card',
  'boleto',
  'bank_transfer',
  'marketplace',
  'voucher',
]);
export type RefundMethod = z.infer<typeof RefundMethod>;

export const Exchange = z.object({
  source: ExchangeSource,
  externalId: z.string().min(1),
  orderNumber: z.string().min(1),
  kind: ExchangeKind,
  status: ExchangeStatus,
  reason: z.string().optional(),
  items: z
    .array(z.object({ sku: z.string(), name: z.string().optional(), quantity: z.number().int().positive() }))
    .default([]),
  /** Value of the returned items. */
  amountCents: Cents,
  /** Money back to the customer (estorno); 0 when none. */
  refundCents: Cents.default(0),
  refundMethod: RefundMethod.optional(),
  /** Store credit issued (vale-troca) and its coupon code. */
  voucherCents: Cents.default(0),
  voucherCode: z.string().optional(),
  returnShipment: z
    .object({
      carrier: ShipmentCarrier,
      trackingCode: z.string().optional(),
      trackingUrl: z.string().optional(),
    })
    .optional(),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
});
export type Exchange = z.infer<typeof Exchange>;
