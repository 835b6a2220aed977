import { z } from 'zod';
import { CHANNELS } from '../channels';
import { IsoInstant } from './conversation';

/**
 * A way to recognise a customer. `marketplace_buyer` is a buyer id at a marketplace (prefix the
 * marketplace: `mercadolivre:123`). `weak` marks keys that must never link contacts on their own,
 * such as MadeiraMadeira's masked relay e-mails.
 */
export const ContactIdentity = z.object({
  kind: z.enum(['email', 'phone', 'document', 'whatsapp', 'instagram', 'marketplace_buyer']),
  value: z.string().min(1),
  weak: z.boolean().default(false),
});
export type ContactIdentity = z.infer<typeof ContactIdentity>;

export const Contact = z.object({
  id: z.string().min(1),
  channel: z.enum(CHANNELS),
  name: z.string().optional(),
  identities: z.array(ContactIdentity).default([]),
  orderNumbers: z.array(z.string()).default([]),
  zendeskUserId: z.number().int().positive().optional(),
  updatedAt: IsoInstant.optional(),
});
export type Contact = z.infer<typeof Contact>;

/** An agent's note about a customer, shown on every ticket of that customer. */
export const CustomerNote = z.object({
  id: z.string().min(1),
  contactId: z.string().min(1),
  ticketId: z.number().int().positive().optional(),
  author: z.object({ id: z.number().int().positive(), name: z.string() }),
  text: z.string().min(1).max(5000),
  pinned: z.boolean().default(false),
  createdAt: IsoInstant,
  updatedAt: IsoInstant.optional(),
});
export type CustomerNote = z.infer<typeof CustomerNote>;
