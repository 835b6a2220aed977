import { createHash, randomUUID } from 'node:crypto';
import axios from 'axios';
import { SIGNATURE_HEADER, SIGNATURE_TIMESTAMP_HEADER, signWebhook } from '../../zendesk/webhook-signature';
import type { WebhookInput } from '../../zendesk/types';
import type { SandboxContext } from '../core/context';
import type { Collection } from '../core/state';

/**
 * Webhook deliveries of the sandbox Zendesk, persisted so a delivery queued before a restart still
 * goes out after it. Like the real one: asynchronous, signed, retried on failure (a few times, then
 * given up), and occasionally delivered twice — receivers must be idempotent.
 */

export interface StoredWebhook {
  id: string;
  name: string;
  endpoint: string;
  http_method: string;
  request_format: string;
  status: 'active' | 'inactive';
  subscriptions: string[];
  authentication?: WebhookInput['authentication'];
  signing_secret: string;
  created_at: string;
}

export interface Delivery {
  id: string;
  webhook_id: string;
  body: string;
  attempts: number;
  status: 'pending' | 'delivered' | 'failed';
  /** A duplicate copy (same invocation) that real Zendesk sometimes sends. */
  duplicate: boolean;
  last_status: number | null;
  last_error: string | null;
  created_at: string;
}

export interface DeliveryOptions {
  /** Attempts before a delivery is given up. Default 4 (1 + 3 retries). */
  maxAttempts?: number;
  /** Delay before the first attempt and base of the retry backoff. Default 50 ms / 1 s. */
  firstDelayMs?: number;
  retryBaseMs?: number;
  /** Share of deliveries sent twice. Default 0.05. */
  duplicateRate?: number;
  timeoutMs?: number;
}

export function publicWebhook(webhook: StoredWebhook): Record<string, unknown> {
  const { signing_secret: _secret, authentication, ...rest } = webhook;
  return {
    ...rest,
    ...(authentication
      ? { authentication: { type: authentication.type, add_position: authentication.add_position } }
      : {}),
  };
}

function authHeaders(webhook: StoredWebhook): Record<string, string> {
  const auth = webhook.authentication;
  if (!auth) return {};
  if (auth.type === 'bearer_token' && auth.data.token) return { Authorization: `Bearer ${auth.data.token}` };
  if (auth.type === 'basic_auth') {
    return {
      Authorization: `Basic ${Buffer.from(`${auth.data.username}:${auth.data.password}`).toString('base64')}`,
    };
  }
  if (auth.type === 'api_key' && auth.data.name) return { [auth.data.name]: auth.data.value ?? '' };
  return {};
}

export class WebhookDeliverer {
  readonly deliveries: Collection<Delivery>;
  private readonly options: Required<DeliveryOptions>;

  constructor(
    private readonly ctx: SandboxContext,
    private readonly webhooks: Collection<StoredWebhook>,
    private readonly now: () => number,
    options: DeliveryOptions = {},
  ) {
    this.deliveries = ctx.state.collection<Delivery>('zendesk.webhook_deliveries', {
      indexes: { status: (d) => d.status },
    });
    this.options = {
      maxAttempts: options.maxAttempts ?? 4,
      firstDelayMs: options.firstDelayMs ?? 50,
      retryBaseMs: options.retryBaseMs ?? 1_000,
      duplicateRate: options.duplicateRate ?? 0.05,
      timeoutMs: options.timeoutMs ?? 10_000,
    };
  }

  /** Records a delivery (inside the ticket's write transaction) and schedules it. */
  enqueue(webhookId: string, body: string): Delivery {
    const delivery: Delivery = {
      id: randomUUID(),
      webhook_id: webhookId,
      body,
      attempts: 0,
      status: 'pending',
      duplicate: false,
      last_status: null,
      last_error: null,
      created_at: new Date(this.now()).toISOString(),
    };
    this.deliveries.put(delivery.id, delivery);
    this.ctx.later(this.options.firstDelayMs, () => this.attempt(delivery.id));
    const roll =
      createHash('sha256').update(`${this.ctx.seed}|dup|${delivery.id}`).digest().readUInt32BE(0) /
      0x1_0000_0000;
    if (roll < this.options.duplicateRate) {
      const copy: Delivery = { ...delivery, id: `${delivery.id}-dup`, duplicate: true };
      this.deliveries.put(copy.id, copy);
      this.ctx.later(this.options.firstDelayMs * 3, () => this.attempt(copy.id));
    }
    return delivery;
  }

  /** After a restart: send what was still pending. */
  resumePending(): void {
    for (const delivery of this.deliveries.findBy('status', 'pending')) {
      this.ctx.later(this.options.firstDelayMs, () => this.attempt(delivery.id));
    }
  }

  private async attempt(id: string): Promise<void> {
    const delivery = this.deliveries.get(id);
    if (!delivery || delivery.status !== 'pending') return;
    const webhook = this.webhooks.get(delivery.webhook_id);
    if (!webhook || webhook.status !== 'active') {
      this.deliveries.put(id, { ...delivery, status: 'failed', last_error: 'webhook missing or inactive' });
      return;
    }
    const timestamp = new Date(this.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const invocation = id.replace(/-dup$/, '');
    let status: number | null = null;
    let error: string | null = null;
    try {
      const res = await axios.request({
        method: webhook.http_method,
        url: webhook.endpoint,
        data: delivery.body,
        timeout: this.options.timeoutMs,
        validateStatus: () => true,
        transformRequest: [(data: unknown) => data],
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'User-Agent': 'Zendesk Webhook',
          [SIGNATURE_HEADER]: signWebhook(webhook.signing_secret, timestamp, delivery.body),
          [SIGNATURE_TIMESTAMP_HEADER]: timestamp,
          'X-Zendesk-Webhook-Id': webhook.id,
          'X-Zendesk-Webhook-Invocation-Id': invocation,
          'X-Zendesk-Account-Id': '1',
          ...authHeaders(webhook),
        },
      });
      status = res.status;
    } catch (err) {
      error = (err as Error).message;
    }
    const current = this.deliveries.get(id);
    if (!current || !this.ctx.state.isOpen) return;
    const attempts = current.attempts + 1;
    const ok = status !== null && status >= 200 && status < 300;
    // Zendesk does not retry a 4xx other than 409/429: the receiver said no.
    const retryable = !ok && (status === null || status === 409 || status === 429 || status >= 500);
    const finished = ok || !retryable || attempts >= this.options.maxAttempts;
    this.deliveries.put(id, {
      ...current,
      attempts,
      status: ok ? 'delivered' : finished ? 'failed' : 'pending',
      last_status: status,
      last_error: error,
    });
    if (!finished) {
      this.ctx.later(this.options.retryBaseMs * 2 ** (attempts - 1), () => this.attempt(id));
    } else if (!ok) {
      this.ctx.log.warn(
        { webhook: webhook.endpoint, status, error },
        'sandbox Zendesk gave up a webhook delivery',
      );
    }
  }
}
