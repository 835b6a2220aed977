import Fastify, { type FastifyInstance } from 'fastify';
import axios from 'axios';
import { FaultInjector, installFaults, parseFaultRate, type FaultKind } from './faults';

/** A tiny simulator: POST /items appends, GET /items lists. */
async function serverWith(
  injector: FaultInjector,
): Promise<{ app: FastifyInstance; url: string; items: string[] }> {
  const items: string[] = [];
  const app = Fastify();
  await app.register(async (scope) => {
    installFaults(scope, injector);
    scope.post<{ Body: { name: string } }>('/items', async (request, reply) => {
      items.push(request.body.name);
      return reply.code(201).send({ created: request.body.name });
    });
    scope.get('/items', async () => ({ items }));
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, url: `http://127.0.0.1:${port}`, items };
}

const only = (kind: FaultKind, extra: Partial<ConstructorParameters<typeof FaultInjector>[0]> = {}) =>
  new FaultInjector({ rate: 1, seed: 1, mix: [[kind, 1]], holdMs: 50, ...extra });

const http = axios.create({ validateStatus: () => true, timeout: 2_000 });

describe('sandbox fault injection', () => {
  it('answers 429 with Retry-After before the simulator changes anything', async () => {
    const { app, url, items } = await serverWith(only('rate_limited', { retryAfterSec: 3 }));
    const res = await http.post(`${url}/items`, { name: 'a' });
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('3');
    expect(items).toEqual([]);
    await app.close();
  });

  it('answers 5xx before any change for server_error', async () => {
    const { app, url, items } = await serverWith(only('server_error'));
    const res = await http.post(`${url}/items`, { name: 'a' });
    expect([500, 502, 503]).toContain(res.status);
    expect(items).toEqual([]);
    await app.close();
  });

  it('loses the answer of a request whose change was applied (lost_answer)', async () => {
    const { app, url, items } = await serverWith(only('lost_answer'));
    const res = await http.post(`${url}/items`, { name: 'a' });
    expect(res.status).toBe(502);
    expect(items).toEqual(['a']);
    await app.close();
  });

  it('resets the connection after applying the change (reset_after)', async () => {
    const { app, url, items } = await serverWith(only('reset_after'));
    await expect(http.post(`${url}/items`, { name: 'a' })).rejects.toMatchObject({
      code: expect.any(String),
    });
    expect(items).toEqual(['a']);
    await app.close();
  });

  it('resets the connection before any change (reset)', async () => {
    const { app, url, items } = await serverWith(only('reset'));
    await expect(http.post(`${url}/items`, { name: 'a' })).rejects.toMatchObject({
      code: expect.any(String),
    });
    expect(items).toEqual([]);
    await app.close();
  });

  it('holds a request longer than the client waits (timeout), without applying it', async () => {
    const { app, url, items } = await serverWith(only('timeout', { holdMs: 5_000 }));
    await expect(http.post(`${url}/items`, { name: 'a' }, { timeout: 100 })).rejects.toMatchObject({
      code: 'ECONNABORTED',
    });
    expect(items).toEqual([]);
    await app.close(); // releases the held request instead of waiting 5 s
  });

  it('never turns a GET into an after-change fault', () => {
    const injector = only('lost_answer');
    expect(injector.decide('GET', '/items')).toBe('server_error');
    expect(injector.decide('POST', '/items')).toBe('lost_answer');
  });

  it('fails about the configured share of requests, the same ones for the same seed', () => {
    const run = (seed: number) => {
      const injector = new FaultInjector({ rate: 0.2, seed });
      return Array.from({ length: 2000 }, (_, i) => injector.decide('POST', `/items/${i % 50}`));
    };
    const a = run(7);
    const failed = a.filter((k) => k !== null).length / a.length;
    expect(failed).toBeGreaterThan(0.16);
    expect(failed).toBeLessThan(0.24);
    expect(run(7)).toEqual(a);
    expect(run(8)).not.toEqual(a);
  });

  it('reads the rate knob and refuses nonsense with a clear sentence', () => {
    expect(parseFaultRate(undefined)).toBe(0);
    expect(parseFaultRate('0.2')).toBe(0.2);
    expect(parseFaultRate('20%')).toBe(0.2);
    expect(() => parseFaultRate('muito')).toThrow(/VITRINE_SANDBOX_FAULT_RATE/);
  });
});
