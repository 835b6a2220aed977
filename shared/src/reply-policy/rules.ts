/**
 * What the reply checker can find. The first four ids are a fixed contract (CLI, reply guard);
 * the others refine them so a channel can treat them differently.
 */
export const RULE_IDS = [
  /** Asking the customer to pay: "pague", Pix keys, boletos, deposits, payment links. */
  'payment_request',
  /** A link to a site outside the marketplace (other stores, off-site checkout). */
  'external_link',
  /** Phones, e-mails, WhatsApp, social handles and links: a way to talk outside the marketplace. */
  'off_platform_contact',
  /** An attachment above the channel's size limit. */
  'attachment_too_large',
  /** Asking for the customer's phone, e-mail or WhatsApp. */
  'contact_data_request',
  /** Fees and extra charges: "taxa", "cobrança", "frete adicional". */
  'fee_charge',
  /** Shortened links (bit.ly…), which hide where they lead. */
  'short_link',
  /** Inviting the customer to buy outside the marketplace ("compre no nosso site"). */
  'off_platform_sale',
  /** A message longer than the channel accepts. */
  'text_too_long',
  /** Asking the buyer to close or drop a claim or mediation (Mercado Livre: EVASION_CLAIM_SELLER). */
  'claim_evasion',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type Severity = 'block' | 'warn';
