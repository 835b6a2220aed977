/**
 * Every channel a customer can reach a seller on. Marketplace channels carry the marketplace's own
 * reply rules and deadlines; the others are the seller's own channels.
 * `americanas-sac` is Americanas' own support team talking to the seller about a customer's order.
 */
export const MARKETPLACE_CHANNELS = [
  'madeiramadeira',
  'americanas',
  'americanas-sac',
  'mercadolivre',
] as const;
export const OWN_CHANNELS = ['email', 'whatsapp', 'instagram', 'facebook', 'phone', 'reclameaqui'] as const;
export const CHANNELS = [...MARKETPLACE_CHANNELS, ...OWN_CHANNELS] as const;

export type MarketplaceChannel = (typeof MARKETPLACE_CHANNELS)[number];
export type OwnChannel = (typeof OWN_CHANNELS)[number];
export type ChannelId = (typeof CHANNELS)[number];

export function isChannelId(value: string): value is ChannelId {
  return (CHANNELS as readonly string[]).includes(value);
}

export function isMarketplaceChannel(value: string): value is MarketplaceChannel {
  return (MARKETPLACE_CHANNELS as readonly string[]).includes(value);
}

/** Marketplaces Vitrine syncs conversations from (a source may feed several channels). */
export const MARKETPLACE_SOURCES = ['madeiramadeira', 'americanas', 'mercadolivre'] as const;
export type MarketplaceSource = (typeof MARKETPLACE_SOURCES)[number];
