import type { ChannelId } from '@vitrine/shared/channels';

/**
 * The ticket's channel when the context has not said it yet (new ticket, service unreachable):
 * the tags Vitrine puts on the tickets it creates (`TAGS` in integrations/src/zendesk/conventions.ts).
 * Checked against that file by a test.
 */
export const CHANNEL_BY_TAG: Readonly<Record<string, ChannelId>> = {
  vitrine_sac_americanas: 'americanas-sac',
  vitrine_madeiramadeira: 'madeiramadeira',
  vitrine_americanas: 'americanas',
  vitrine_mercadolivre: 'mercadolivre',
};

export function channelFromTags(tags: readonly string[]): ChannelId | undefined {
  // The SAC tag is checked first: an Americanas SAC ticket carries both tags.
  for (const [tag, channel] of Object.entries(CHANNEL_BY_TAG)) if (tags.includes(tag)) return channel;
  return undefined;
}
