import { z } from 'zod';
import { LooseCents, LooseId, OptionalSourceDate, SourceDate } from '../raw-types';

/** Raw Mercado Livre payloads: post-sale messages, orders, claims, notifications. */

const UserRef = z.looseObject({ user_id: LooseId });

export const MlMessage = z.looseObject({
  id: LooseId,
  from: UserRef,
  to: UserRef.nullish(),
  status: z.string().nullish(),
  text: z.string().nullish(),
  message_date: z.looseObject({
    created: SourceDate,
    received: OptionalSourceDate,
    available: OptionalSourceDate,
  }),
  message_moderation: z
    .looseObject({ status: z.string().nullish(), reason: z.string().nullish(), source: z.string().nullish() })
    .nullish(),
  message_attachments: z
    .array(
      z.looseObject({
        filename: z.string().nullish(),
        original_filename: z.string().nullish(),
        size: z.number().nullish(),
        type: z.string().nullish(),
      }),
    )
    .nullish(),
});
export type MlMessage = z.output<typeof MlMessage>;

export const MlPackMessages = z.looseObject({
  paging: z
    .looseObject({ limit: z.number().optional(), offset: z.number().optional(), total: z.number() })
    .nullish(),
  conversation_status: z
    .looseObject({
      status: z.string().nullish(),
      substatus: z.string().nullish(),
      claim_ids: z.array(LooseId).nullish(),
    })
    .nullish(),
  messages: z.array(MlMessage).default([]),
});
export type MlPackMessages = z.output<typeof MlPackMessages>;

export const MlOrder = z.looseObject({
  id: LooseId,
  status: z.string().nullish(),
  date_created: OptionalSourceDate,
  pack_id: LooseId.nullish(),
  total_amount: LooseCents.nullish(),
  buyer: z
    .looseObject({
      id: LooseId,
      nickname: z.string().nullish(),
      first_name: z.string().nullish(),
      last_name: z.string().nullish(),
    })
    .nullish(),
  seller: z.looseObject({ id: LooseId }).nullish(),
  order_items: z
    .array(
      z.looseObject({
        item: z.looseObject({ id: LooseId.nullish(), title: z.string().nullish() }).nullish(),
      }),
    )
    .nullish(),
});
export type MlOrder = z.output<typeof MlOrder>;

/** Stream record of `mercadolivre.messages`: one pack's messages, with its order when known. */
export const MlPackRecord = z.object({
  pack_id: LooseId,
  seller_id: LooseId,
  order: MlOrder.nullable(),
  conversation: MlPackMessages,
});
export type MlPackRecord = z.output<typeof MlPackRecord>;
export type MlPackRecordInput = z.input<typeof MlPackRecord>;

export const MlClaimPlayer = z.looseObject({
  role: z.string(),
  type: z.string().nullish(),
  user_id: LooseId.nullish(),
  available_actions: z
    .array(
      z.looseObject({ action: z.string(), due_date: OptionalSourceDate, mandatory: z.boolean().nullish() }),
    )
    .nullish(),
});

export const MlClaim = z.looseObject({
  id: LooseId,
  resource_id: LooseId.nullish(),
  resource: z.string().nullish(),
  status: z.string(),
  type: z.string().nullish(),
  stage: z.string().nullish(),
  reason_id: z.string().nullish(),
  date_created: SourceDate,
  last_updated: OptionalSourceDate,
  players: z.array(MlClaimPlayer).default([]),
});
export type MlClaim = z.output<typeof MlClaim>;

export const MlClaimMessage = z.looseObject({
  sender_role: z.string(),
  receiver_role: z.string().nullish(),
  message: z.string().nullish(),
  date_created: SourceDate,
  message_date: OptionalSourceDate,
  stage: z.string().nullish(),
  status: z.string().nullish(),
  attachments: z
    .array(
      z.looseObject({
        filename: z.string().nullish(),
        original_filename: z.string().nullish(),
        size: z.number().nullish(),
      }),
    )
    .nullish(),
});
export type MlClaimMessage = z.output<typeof MlClaimMessage>;

/** Stream record of `mercadolivre.claims`: a claim with its messages. */
export const MlClaimRecord = z.object({ claim: MlClaim, messages: z.array(MlClaimMessage) });
export type MlClaimRecord = z.output<typeof MlClaimRecord>;
export type MlClaimRecordInput = z.input<typeof MlClaimRecord>;

export const MlTokenResponse = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.number().optional(),
  user_id: LooseId.optional(),
});

/** A notification POSTed to the app's callback URL. The resource is only a pointer: always GET it. */
export const MlNotification = z.looseObject({
  _id: z.string().optional(),
  resource: z.string().min(1),
  user_id: LooseId,
  topic: z.string().min(1),
  application_id: LooseId.optional(),
  attempts: z.number().int().nonnegative(),
  sent: z.string(),
  received: z.string(),
  actions: z.array(z.string()).optional(),
});
export type MlNotification = z.output<typeof MlNotification>;
