import { z } from 'zod';
import { CustomerIdentity, IsoInstant } from './conversation';

export const ComplaintSource = z.enum(['reclameaqui', 'consumidor_gov']);
export type ComplaintSource = z.infer<typeof ComplaintSource>;

/**
 * The states Reclame Aqui's company area shows: Não respondidas, Respondidas, Réplicas (the consumer
 * answered back), Avaliadas (the consumer rated the outcome), Duplicidades.
 */
export const ComplaintStatus = z.enum([
  'not_answered',
  'answered',
  'customer_replied',
  'evaluated',
  'duplicate',
]);
export type ComplaintStatus = z.infer<typeof ComplaintStatus>;

export const ComplaintInteraction = z.object({
  author: z.enum(['customer', 'company']),
  text: z.string(),
  at: IsoInstant,
});
export type ComplaintInteraction = z.infer<typeof ComplaintInteraction>;

export const Complaint = z.object({
  source: ComplaintSource,
  externalId: z.string().min(1),
  title: z.string(),
  text: z.string(),
  status: ComplaintStatus,
  customer: CustomerIdentity,
  orderNumber: z.string().optional(),
  publicUrl: z.string().optional(),
  interactions: z.array(ComplaintInteraction).default([]),
  /** The consumer's evaluation once the complaint is closed (Reclame Aqui: resolved?, would buy again?, 0–10). */
  evaluation: z
    .object({
      solved: z.boolean(),
      wouldBuyAgain: z.boolean().optional(),
      score: z.number().int().min(0).max(10).optional(),
      comment: z.string().optional(),
    })
    .optional(),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
});
export type Complaint = z.infer<typeof Complaint>;
