import { signWebhook, verifyWebhook } from './webhook-signature';

const secret = 'segredo-do-webhook';
const timestamp = '2026-11-22T10:00:00Z';
const now = Date.parse(timestamp) + 30_000;
const rawBody = '{"event":"ticket.public_reply","ticket_id":"42","account":"loja-exemplo"}';

describe('Zendesk webhook signature', () => {
  it('accepts a delivery signed with the webhook secret', () => {
    const signature = signWebhook(secret, timestamp, rawBody);
    expect(verifyWebhook({ secret, signature, timestamp, rawBody, now })).toEqual({ ok: true });
  });

  it('matches the documented formula: base64 HMAC-SHA256 of timestamp + raw body', () => {
    // Computed independently: echo -n "$TS$BODY" | openssl dgst -sha256 -hmac "$SECRET" -binary | base64
    const { createHmac } = jest.requireActual<typeof import('node:crypto')>('node:crypto');
    const expected = createHmac('sha256', secret)
      .update(timestamp + rawBody)
      .digest('base64');
    expect(signWebhook(secret, timestamp, rawBody)).toBe(expected);
    expect(expected).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });

  it('refuses a tampered body', () => {
    const signature = signWebhook(secret, timestamp, rawBody);
    const tampered = rawBody.replace('"42"', '"43"');
    expect(verifyWebhook({ secret, signature, timestamp, rawBody: tampered, now })).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('refuses a signature made with another secret or for another timestamp', () => {
    const other = signWebhook('outro-segredo', timestamp, rawBody);
    expect(verifyWebhook({ secret, signature: other, timestamp, rawBody, now }).ok).toBe(false);
    const shifted = signWebhook(secret, '2026-11-22T10:00:01Z', rawBody);
    expect(verifyWebhook({ secret, signature: shifted, timestamp, rawBody, now })).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('refuses a correctly signed but old delivery (replay)', () => {
    const signature = signWebhook(secret, timestamp, rawBody);
    const later = Date.parse(timestamp) + 301_000;
    expect(verifyWebhook({ secret, signature, timestamp, rawBody, now: later })).toEqual({
      ok: false,
      reason: 'stale_timestamp',
    });
    expect(verifyWebhook({ secret, signature, timestamp, rawBody, now: later, toleranceSec: 600 })).toEqual({
      ok: true,
    });
  });

  it('says "missing" when the headers are absent', () => {
    expect(verifyWebhook({ secret, signature: undefined, timestamp, rawBody, now })).toEqual({
      ok: false,
      reason: 'missing',
    });
    expect(verifyWebhook({ secret, signature: 'x', timestamp: '', rawBody, now })).toEqual({
      ok: false,
      reason: 'missing',
    });
  });

  it('treats a hex signature (a common mistake) as bad, not as a crash', () => {
    const { createHmac } = jest.requireActual<typeof import('node:crypto')>('node:crypto');
    const hex = createHmac('sha256', secret)
      .update(timestamp + rawBody)
      .digest('hex');
    expect(verifyWebhook({ secret, signature: hex, timestamp, rawBody, now })).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });
});
