import { z } from 'zod';
import { LooseCents, LooseId, OptionalSourceDate, SourceDate } from '../raw-types';

/** Raw SkyHub payloads (`/sac`, `/sac/{code}/chats`, `/queues/orders`). */

export const SkySac = z.looseObject({
  /** Full order code, channel plus number: `Lojas Americanas-201000000004001`. */
  code: z.string().min(1),
  created_at: SourceDate,
  updated_at: OptionalSourceDate,
  mediation: z.boolean().nullish(),
  order_code: LooseId.nullish(),
  platform: z.string().nullish(),
  status: z.string().nullish(),
  warehouse: LooseId.nullish(),
});
export type SkySac = z.output<typeof SkySac>;

export const SkyPart = z.looseObject({
  role: z.string(),
  name: z.string().nullish(),
  email: z.string().nullish(),
  code: LooseId.nullish(),
});

export const SkyMessage = z.looseObject({
  content: z.string().nullish(),
  created_at: SourceDate,
  replyed_at: OptionalSourceDate,
  part: SkyPart.nullish(),
});
export type SkyMessage = z.output<typeof SkyMessage>;

export const SKY_PARTS = ['CUSTOMER_SELLER', 'B2W_SELLER', 'CUSTOMER_B2W'] as const;

export const SkyChat = z.looseObject({
  parts: z.enum(SKY_PARTS),
  status: z.string().nullish(),
  seller_status: z.string().nullish(),
  last_message: OptionalSourceDate,
  messages: z.array(SkyMessage).default([]),
});
export type SkyChat = z.output<typeof SkyChat>;

/** Current docs wrap chats in `{chats:[…]}`; an older version returned one chat object. Both are read. */
export const SkyChats = z.preprocess(
  (value) =>
    value && typeof value === 'object' && !('chats' in value) && 'parts' in value
      ? { chats: [value] }
      : value,
  z.looseObject({ chats: z.array(SkyChat) }),
);

/** The stream record: a ticket from `/sac` with what `/sac/{code}/chats` returned for it. */
export const SkySacRecord = z.object({ sac: SkySac, chats: SkyChats });
export type SkySacRecord = z.output<typeof SkySacRecord>;
export type SkySacRecordInput = z.input<typeof SkySacRecord>;

export const SkySacPage = z.looseObject({
  next_page: z.string().nullish(),
  sacs: z.array(z.unknown()).default([]),
});

/** One order as the queue hands it out (the full order JSON); only what Vitrine reads is declared. */
export const SkyOrder = z.looseObject({
  code: z.string().min(1),
  channel: z.string().nullish(),
  placed_at: SourceDate,
  updated_at: OptionalSourceDate,
  total_ordered: LooseCents.nullish(),
  shipping_cost: LooseCents.nullish(),
  status: z
    .looseObject({ type: z.string().nullish(), label: z.string().nullish(), code: z.string().nullish() })
    .nullish(),
  customer: z
    .looseObject({
      name: z.string().nullish(),
      email: z.string().nullish(),
      vat_number: LooseId.nullish(),
      phones: z.array(z.union([z.string(), z.number()]).transform(String)).nullish(),
    })
    .nullish(),
  items: z
    .array(
      z.looseObject({
        id: LooseId.nullish(),
        name: z.string().nullish(),
        qty: z.number().nullish(),
        special_price: LooseCents.nullish(),
        original_price: LooseCents.nullish(),
      }),
    )
    .nullish(),
});
export type SkyOrder = z.output<typeof SkyOrder>;
