import type { MarketplaceSource } from '@vitrine/shared';
import type { SandboxContext } from '../core/context';
import { TOPICS, fill, random, type DatasetMessage } from '../dataset';
import {
  appendMessage,
  conversationsOf,
  customersOf,
  ordersOf,
  type StoredConversation,
} from './conversations';

/** Default pace of new buyer messages; `VITRINE_SANDBOX_TICK_MS=0` turns the ticker off. */
export const DEFAULT_TICK_MS = 7_000;

export function tickIntervalMs(explicit?: number): number {
  if (explicit !== undefined) return explicit;
  const env = process.env.VITRINE_SANDBOX_TICK_MS;
  if (env === undefined || env.trim() === '') return DEFAULT_TICK_MS;
  const ms = Number(env);
  if (!Number.isFinite(ms) || ms < 0)
    throw new Error(`VITRINE_SANDBOX_TICK_MS must be a number of milliseconds ≥ 0 (got "${env}")`);
  return ms;
}

/**
 * Appends one plausible buyer message to an open conversation. Which conversation and what text
 * derive from (seed, source, tick number), so a run with the same seed tells the same story.
 */
export function tickOnce(
  ctx: Pick<SandboxContext, 'state' | 'seed'>,
  source: MarketplaceSource,
  eligible: (c: StoredConversation) => boolean,
  onAppended?: (c: StoredConversation, m: DatasetMessage) => void,
): { conversation: StoredConversation; message: DatasetMessage } | null {
  const n = ctx.state.nextValue(`${source}.ticks`);
  const rng = random(ctx.seed, `${source}.tick.${n}`);
  const open = conversationsOf(ctx.state, source).list(eligible);
  if (open.length === 0) return null;
  const target = rng.pick(open);
  const topic = TOPICS.find((t) => t.id === target.topic) ?? TOPICS[0]!;
  const order = ordersOf(ctx.state, source).get(target.orderId);
  const customer = customersOf(ctx.state).get(target.customerId);
  const values = {
    nome: customer?.firstName ?? '',
    pedido: order?.number ?? '',
    produto: order?.items[0]?.name ?? 'produto',
    transportadora: order?.carrier ?? 'transportadora',
    rastreio: order?.trackingCode ?? '',
    data: order?.promisedDelivery ?? '',
  };
  const text = fill(rng.pick(topic.followUp), values);
  const updated = appendMessage(
    ctx.state,
    source,
    target.sourceId,
    {
      author: 'customer',
      side: 'customer',
      authorName: customer?.name ?? 'Cliente',
      text,
      at: new Date().toISOString(),
    },
    { status: 'open' },
  );
  if (!updated) return null;
  const message = updated.messages.at(-1)!;
  onAppended?.(updated, message);
  return { conversation: updated, message };
}
