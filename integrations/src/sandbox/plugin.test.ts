import { startSandbox } from './core/test-server';

describe('registerSandbox', () => {
  it('mounts every simulator under /sandbox/<system> with faults on the API and none on control routes', async () => {
    const sandbox = await startSandbox({ faultRate: 1, faultRetryAfterSec: 7 });
    try {
      expect(sandbox.handle.systems).toEqual(['zendesk', 'madeiramadeira', 'americanas', 'mercadolivre']);
      expect(sandbox.baseUrl('americanas')).toBe(`${sandbox.url}/sandbox/americanas`);
      sandbox.handle.faults.options.mix = [['rate_limited', 1]];
      const api = await fetch(`${sandbox.baseUrl('zendesk')}/api/v2/users/me`, {
        headers: { authorization: 'Bearer x' },
      });
      expect(api.status).toBe(429);
      expect(api.headers.get('retry-after')).toBe('7');
      const control = await fetch(`${sandbox.baseUrl('zendesk')}/_sandbox/summary`);
      expect(control.status).toBe(200);
      expect((await control.json()).users).toBeGreaterThan(3);
    } finally {
      await sandbox.close();
    }
  });
});
