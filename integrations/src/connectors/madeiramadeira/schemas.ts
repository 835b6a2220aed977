import { z } from 'zod';
import { LooseId, LooseInt, LooseCents, OptionalSourceDate, SourceDate } from '../raw-types';

/** Raw MadeiraMadeira payloads (Mensageria and Pedido), as tolerant as the docs say they must be. */

export const MmStatus = z.looseObject({
  id: LooseInt,
  description: z.string().nullish(),
  slug: z.string().nullish(),
});

export const MmReason = z.looseObject({
  id: LooseInt.nullish(),
  external_id: LooseInt.nullish(),
  description: z.string().nullish(),
  category: z.string().nullish(),
  is_central_atendimento: z.boolean().nullish(),
});

/** One session as `GET /v1/mensageria/seller/historic` lists it. */
export const MmSessionSummary = z.looseObject({
  session_id: LooseId,
  order: LooseId,
  order_seller: LooseId.nullish(),
  order_date: OptionalSourceDate,
  customer_name: z.string().nullish(),
  status: MmStatus,
  created_at: SourceDate,
  expired_date: OptionalSourceDate,
  reason: MmReason.nullish(),
});
export type MmSessionSummary = z.output<typeof MmSessionSummary>;

export const MmMessage = z.looseObject({
  from: z.string().nullish(),
  origin: z.string().nullish(),
  /** Unix milliseconds. */
  received_at: z.union([z.number(), z.string()]).nullish(),
  text: z.string().nullish(),
  type: z.string().nullish(),
  role: z.string(),
  created_at: SourceDate,
});
export type MmMessage = z.output<typeof MmMessage>;

/** One session as `GET /v1/mensageria/orders/historic` nests it under its order and day, with messages. */
export const MmHistoricSession = MmSessionSummary.extend({
  customer_name: z.string().nullish(),
  messages: z.array(MmMessage).nullish(),
});
export type MmHistoricSession = z.output<typeof MmHistoricSession>;

const MmBuyer = z.looseObject({
  nome: z.string().nullish(),
  /** Masked relay address at @madeiramadeira.com.br: a weak identity. */
  email: z.string().nullish(),
  /** E.g. "11998887778 / " — one or two numbers separated by a slash. */
  telefone: z.string().nullish(),
  documento: z.union([z.string(), z.number()]).transform(String).nullish(),
  tipo_pessoa: z.string().nullish(),
});

export const MmOrder = z.looseObject({
  id_pedido: LooseId,
  pedido_mm: LooseId.nullish(),
  status: LooseInt.nullish(),
  data_criacao: OptionalSourceDate,
  comprador: MmBuyer.nullish(),
  skus: z
    .array(
      z.looseObject({
        sku: LooseId.nullish(),
        nome: z.string().nullish(),
        quantidade: LooseInt.nullish(),
        valor_unitario: LooseCents.nullish(),
        total: LooseCents.nullish(),
      }),
    )
    .nullish(),
  data_previsao_entrega: OptionalSourceDate,
});
export type MmOrder = z.output<typeof MmOrder>;

/**
 * The stream record: one session joined from the two Mensageria reads and the order API.
 * `history` is null when `/orders/historic` did not return the session (no messages yet);
 * `order` is null when the order API did not find the order (identity then comes from the session).
 */
export const MmSessionRecord = z.object({
  session: MmSessionSummary,
  history: MmHistoricSession.nullable(),
  order: MmOrder.nullable(),
});
export type MmSessionRecord = z.output<typeof MmSessionRecord>;
export type MmSessionRecordInput = z.input<typeof MmSessionRecord>;

export const MmTokenResponse = z.object({
  data: z.object({
    access_token: z.string().min(1),
    token_type: z.string().optional(),
    expires_in: z.number().positive(),
  }),
});

export const MmSessionPage = z.object({
  data: z.array(z.unknown()),
  pagination: z.looseObject({ total_count: LooseInt.optional(), page: LooseInt.optional() }).nullish(),
});
