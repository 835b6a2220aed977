import type { MarketplaceSource } from '@vitrine/shared';
import type { SandboxContext } from '../core/context';
import type { Collection, SandboxState } from '../core/state';
import {
  buyerMessagesOf,
  sandboxDataset,
  type BuyerMessageRef,
  type DatasetConversation,
  type DatasetMessage,
  type DatasetOrder,
  type DatasetCustomer,
} from '../dataset';

/**
 * What a marketplace simulator stores: the dataset's plain conversations, orders and customers,
 * rendered into each API's own shapes on every read. New messages (the ticker, replies) are
 * appended to the same records, so a reader always sees one consistent history.
 */
export interface StoredConversation extends DatasetConversation {
  updatedAt: string;
}

export const conversationsOf = (
  state: SandboxState,
  source: MarketplaceSource,
): Collection<StoredConversation> =>
  state.collection<StoredConversation>(`${source}.conversations`, {
    indexes: { orderId: (c) => c.orderId, conversationId: (c) => c.conversationId },
  });

export const ordersOf = (state: SandboxState, source: MarketplaceSource): Collection<DatasetOrder> =>
  state.collection<DatasetOrder>(`${source}.orders`, {
    indexes: { number: (o) => o.number, secondaryId: (o) => o.secondaryId },
  });

export const customersOf = (state: SandboxState): Collection<DatasetCustomer> =>
  state.collection<DatasetCustomer>('dataset.customers');

/** Seeds this marketplace's part of the dataset once per store (a restart keeps what changed since). */
export function seedMarketplace(ctx: SandboxContext, source: MarketplaceSource): void {
  const marker = `${source}.seeded`;
  if (ctx.state.getMeta<boolean>(marker)) return;
  const dataset = sandboxDataset(ctx);
  ctx.state.transaction(() => {
    const customers = customersOf(ctx.state);
    for (const customer of dataset.customers)
      if (!customers.has(customer.id)) customers.put(customer.id, customer);
    const orders = ordersOf(ctx.state, source);
    for (const order of dataset.orders.filter((o) => o.source === source)) orders.put(order.id, order);
    const conversations = conversationsOf(ctx.state, source);
    for (const c of dataset.conversations.filter((x) => x.source === source)) {
      conversations.put(c.sourceId, { ...c, updatedAt: c.messages.at(-1)?.at ?? dataset.now });
    }
    ctx.state.setMeta(marker, true);
  });
}

/** Appends a message to a stored conversation; returns the updated record. */
export function appendMessage(
  state: SandboxState,
  source: MarketplaceSource,
  sourceId: string,
  message: Omit<DatasetMessage, 'id'> & { id?: string },
  change: Partial<Pick<StoredConversation, 'status'>> = {},
): StoredConversation | undefined {
  return conversationsOf(state, source).update(sourceId, (c) => {
    const id =
      message.id ??
      `${source}-${sourceId}-m${c.messages.length + 1}-${state.nextValue(`${source}.messages`)}`;
    return { ...c, ...change, messages: [...c.messages, { ...message, id }], updatedAt: message.at };
  });
}

/** Every buyer message the marketplace simulators hold right now (seeded and arrived since). */
export function currentBuyerMessages(
  state: SandboxState,
  sources: MarketplaceSource[] = ['madeiramadeira', 'americanas', 'mercadolivre'],
): BuyerMessageRef[] {
  return sources.flatMap((source) => buyerMessagesOf(conversationsOf(state, source).list()));
}
