import { z } from 'zod';
import { IsoInstant } from './conversation';

export const ReviewSource = z.enum(['yourviews', 'trustvox', 'mercadolivre', 'manual']);
export type ReviewSource = z.infer<typeof ReviewSource>;

/** A product review (Yourviews `Element[]` shape: Rating, Review, Date, User, Product). */
export const Review = z.object({
  source: ReviewSource,
  externalId: z.string().min(1),
  rating: z.number().int().min(1).max(5),
  title: z.string().optional(),
  text: z.string(),
  product: z.object({
    id: z.string(),
    name: z.string(),
    url: z.string().optional(),
    imageUrl: z.string().optional(),
  }),
  author: z.object({ name: z.string().optional(), email: z.string().optional() }).default({}),
  orderNumber: z.string().optional(),
  likes: z.number().int().nonnegative().default(0),
  dislikes: z.number().int().nonnegative().default(0),
  /** The store's public answer, when it has one. */
  reply: z.object({ text: z.string(), at: IsoInstant }).optional(),
  createdAt: IsoInstant,
});
export type Review = z.infer<typeof Review>;

/** Ratings of 1–2 stars go to the supervisors' follow-up queue. */
export function isNegativeReview(review: Pick<Review, 'rating'>): boolean {
  return review.rating <= 2;
}
