import type { MarketplaceSource } from '@vitrine/shared';
import type { Connector } from '../sync/connector';
import { americanasConnector } from './americanas';
import { madeiraMadeiraConnector } from './madeiramadeira';
import { mercadoLivreConnector } from './mercadolivre';

/** Every marketplace connector, by source. The sync engine reads them only through `Connector`. */
export const CONNECTORS: Record<MarketplaceSource, Connector> = {
  madeiramadeira: madeiraMadeiraConnector,
  americanas: americanasConnector,
  mercadolivre: mercadoLivreConnector,
};

export { MarketplaceRefusal } from '../sync/connector';
export { parseNotification, streamForTopic, missedFeeds } from './mercadolivre';
export type { MlNotification } from './mercadolivre';
export { nextQueuedOrder, acknowledgeQueuedOrder } from './americanas';
