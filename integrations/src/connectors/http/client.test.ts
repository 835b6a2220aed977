import Fastify, { type FastifyInstance } from 'fastify';
import { createHttpClient, createRateLimiter, HttpError, parseRetryAfter } from '.';

let app: FastifyInstance;
let base = '';
const script: Array<{ status: number; headers?: Record<string, string> }> = [];
let calls = 0;

beforeAll(async () => {
  app = Fastify();
  app.all('/x', async (_request, reply) => {
    calls++;
    const next = script.shift() ?? { status: 200 };
    return reply
      .code(next.status)
      .headers(next.headers ?? {})
      .send({ n: calls });
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
});
afterAll(() => app.close());
beforeEach(() => {
  script.length = 0;
  calls = 0;
});

const client = (extra = {}) =>
  createHttpClient({ source: 'teste', baseUrl: base, backoffBaseMs: 5, ...extra });

describe('the one request function', () => {
  it('retries a GET through 5xx and 429 until it succeeds', async () => {
    script.push({ status: 503 }, { status: 429, headers: { 'retry-after': '0' } }, { status: 502 });
    const response = await client().request({ method: 'GET', path: '/x' });
    expect(response.status).toBe(200);
    expect(calls).toBe(4);
  });

  it('never retries other 4xx', async () => {
    script.push({ status: 400 });
    await expect(client().request({ method: 'GET', path: '/x' })).rejects.toMatchObject({ status: 400 });
    expect(calls).toBe(1);
  });

  it('does not resend a POST after a 5xx: the outcome is unknown', async () => {
    script.push({ status: 502 });
    const error = await client()
      .request({ method: 'POST', path: '/x', data: {} })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).outcomeUnknown).toBe(true);
    expect(calls).toBe(1);
  });

  it('resends a POST after a 429 (nothing was applied)', async () => {
    script.push({ status: 429, headers: { 'retry-after': '0' } });
    expect((await client().request({ method: 'POST', path: '/x', data: {} })).status).toBe(200);
    expect(calls).toBe(2);
  });

  it('re-authenticates once on 401, then gives up', async () => {
    let refreshed = 0;
    script.push({ status: 401 });
    const ok = await client({ reauthenticate: async () => (++refreshed, true) }).request({
      method: 'GET',
      path: '/x',
    });
    expect(ok.status).toBe(200);
    script.push({ status: 401 }, { status: 401 });
    await expect(
      client({ reauthenticate: async () => (++refreshed, true) }).request({ method: 'GET', path: '/x' }),
    ).rejects.toMatchObject({ status: 401 });
    expect(refreshed).toBe(2);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter(new Date(Date.now() + 2000).toUTCString(), Date.now())).toBeGreaterThan(500);
    expect(parseRetryAfter('amanhã')).toBeUndefined();
  });

  it('the rate limiter spaces calls to stay under the limit', async () => {
    const limiter = createRateLimiter(20);
    const started = Date.now();
    for (let i = 0; i < 5; i++) await limiter.acquire();
    expect(Date.now() - started).toBeGreaterThanOrEqual(4 * 50);
  });
});
