import { z } from 'zod';
import { CHANNELS } from '../channels';
import { IsoInstant } from './conversation';

export const CsatScore = z.enum(['good', 'bad']);
export type CsatScore = z.infer<typeof CsatScore>;

/** A Zendesk satisfaction rating (good/bad plus optional comment and reason) on one ticket. */
export const CsatRating = z.object({
  /** Zendesk satisfaction rating id. */
  externalId: z.string().min(1),
  ticketId: z.number().int().positive(),
  score: CsatScore,
  comment: z.string().optional(),
  reason: z.string().optional(),
  channel: z.enum(CHANNELS).optional(),
  agentId: z.number().int().positive().optional(),
  requesterId: z.number().int().positive().optional(),
  createdAt: IsoInstant,
});
export type CsatRating = z.infer<typeof CsatRating>;
