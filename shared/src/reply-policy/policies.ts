import type { ChannelId } from '../channels';
import type { RuleId, Severity } from './rules';

/** Which catalog wording a channel's findings use (the marketplace whose rule they cite). */
export type PolicyVoice = 'madeiramadeira' | 'americanas' | 'mercadolivre' | 'own';

export interface ReplyPolicy {
  voice: PolicyVoice;
  /** Rules that apply on this channel and how hard; a rule not listed is not checked. */
  rules: Partial<Record<RuleId, Severity>>;
  /** The marketplace's own domains: links and e-mails there are not "outside". Subdomains included. */
  allowedDomains: readonly string[];
  /** Per-attachment limit in bytes. */
  maxAttachmentBytes?: number;
  /** Longest text the channel's API accepts. */
  maxTextLength?: number;
}

const MB = 1_000_000;

const OWN_CHANNEL: ReplyPolicy = {
  voice: 'own',
  // The seller's own channels: links and contact details are normal there. Only a payment request
  // deserves a second look (Pix/boleto scams imitate stores), and it never blocks.
  rules: { payment_request: 'warn' },
  allowedDomains: [],
};

/**
 * Every channel's rules in one place. Sources: MadeiraMadeira's seller rules for Mensageria (no
 * charges or fees, no links to other stores or purchases off the site, no unofficial channels;
 * images up to 5 MB, text up to 5000 characters); Americanas' marketplace rules (service only through
 * the portal, no outside contact, no asking for contact data, attachments up to 2 MB each); Mercado
 * Livre's message moderation (reasons SOCIAL_NETWORK_LINK, LINK_SHORT_URL, PERSONAL_DATA,
 * LINK_MERCADOPAGO, EVASION_CLAIM_SELLER).
 * Americanas' "2 MB" is read as 2,000,000 bytes: whether it means 2 MiB is not documented, and the
 * stricter reading never lets through a file the portal would refuse.
 */
export const REPLY_POLICIES: Readonly<Record<ChannelId, ReplyPolicy>> = {
  madeiramadeira: {
    voice: 'madeiramadeira',
    rules: {
      payment_request: 'block',
      fee_charge: 'block',
      external_link: 'block',
      short_link: 'block',
      off_platform_sale: 'block',
      off_platform_contact: 'block',
      contact_data_request: 'block',
      attachment_too_large: 'block',
      text_too_long: 'block',
    },
    allowedDomains: ['madeiramadeira.com.br'],
    maxAttachmentBytes: 5 * MB,
    maxTextLength: 5000,
  },
  americanas: {
    voice: 'americanas',
    rules: {
      payment_request: 'block',
      fee_charge: 'warn',
      external_link: 'block',
      short_link: 'block',
      off_platform_sale: 'block',
      off_platform_contact: 'block',
      contact_data_request: 'block',
      attachment_too_large: 'block',
    },
    allowedDomains: ['americanas.com.br', 'americanas.com'],
    maxAttachmentBytes: 2 * MB,
  },
  // Americanas' own support team: same portal and attachment limit, but the other side is staff,
  // not the customer, so contact-related rules only warn.
  'americanas-sac': {
    voice: 'americanas',
    rules: {
      payment_request: 'warn',
      external_link: 'warn',
      short_link: 'warn',
      off_platform_contact: 'warn',
      attachment_too_large: 'block',
    },
    allowedDomains: ['americanas.com.br', 'americanas.com', 'americanas.io'],
    maxAttachmentBytes: 2 * MB,
  },
  mercadolivre: {
    voice: 'mercadolivre',
    rules: {
      payment_request: 'block',
      fee_charge: 'warn',
      external_link: 'block',
      short_link: 'block',
      off_platform_sale: 'block',
      off_platform_contact: 'block',
      contact_data_request: 'block',
      claim_evasion: 'block',
    },
    allowedDomains: ['mercadolivre.com.br', 'mercadolivre.com', 'mercadolibre.com'],
  },
  email: OWN_CHANNEL,
  whatsapp: OWN_CHANNEL,
  instagram: OWN_CHANNEL,
  facebook: OWN_CHANNEL,
  phone: OWN_CHANNEL,
  reclameaqui: OWN_CHANNEL,
};

/** The policy for a channel id; an unknown id gets the own-channel defaults rather than an error. */
export function replyPolicyFor(channel: string): ReplyPolicy {
  return Object.hasOwn(REPLY_POLICIES, channel) ? REPLY_POLICIES[channel as ChannelId] : OWN_CHANNEL;
}
