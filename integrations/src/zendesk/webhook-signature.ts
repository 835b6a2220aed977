import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Zendesk webhook signatures: `X-Zendesk-Webhook-Signature` = base64(HMAC-SHA256(secret,
 * timestamp + rawBody)), with the timestamp from `X-Zendesk-Webhook-Signature-Timestamp`
 * (ISO-8601). The raw body must be the exact bytes received: re-serialized JSON does not match.
 */

export const SIGNATURE_HEADER = 'x-zendesk-webhook-signature';
export const SIGNATURE_TIMESTAMP_HEADER = 'x-zendesk-webhook-signature-timestamp';

/** Zendesk signs test deliveries (sent before a webhook exists) with this fixed secret. */
export const ZENDESK_TEST_SIGNING_SECRET = 'dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==';

export function signWebhook(secret: string, timestamp: string, rawBody: string | Buffer): string {
  return createHmac('sha256', secret).update(timestamp).update(rawBody).digest('base64');
}

export type WebhookVerification =
  { ok: true } | { ok: false; reason: 'missing' | 'bad_signature' | 'stale_timestamp' };

export interface VerifyWebhookInput {
  secret: string;
  signature: string | undefined | null;
  timestamp: string | undefined | null;
  rawBody: string | Buffer;
  /** Current time in ms (injected so tests and replays are deterministic). Default `Date.now()`. */
  now?: number;
  /** Older (or further in the future) timestamps are refused, so a captured request can't be replayed later. */
  toleranceSec?: number;
}

export function verifyWebhook(input: VerifyWebhookInput): WebhookVerification {
  const { secret, signature, timestamp, rawBody } = input;
  if (!signature || !timestamp || !secret) return { ok: false, reason: 'missing' };
  const expected = Buffer.from(signWebhook(secret, timestamp, rawBody));
  const given = Buffer.from(signature.trim());
  // Compare the whole signature in constant time; a length mismatch is simply a bad signature.
  const match = given.length === expected.length && timingSafeEqual(given, expected);
  if (!match) return { ok: false, reason: 'bad_signature' };
  const sentAt = Date.parse(timestamp);
  const now = input.now ?? Date.now();
  const tolerance = (input.toleranceSec ?? 300) * 1000;
  if (!Number.isFinite(sentAt) || Math.abs(now - sentAt) > tolerance)
    return { ok: false, reason: 'stale_timestamp' };
  return { ok: true };
}
