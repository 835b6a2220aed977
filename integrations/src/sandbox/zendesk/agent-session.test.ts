import { startSandbox, type RunningSandbox } from '../core/test-server';
import { SANDBOX_AGENTS } from './seed';

const agent = SANDBOX_AGENTS[0];

async function signIn(sandbox: RunningSandbox, email: string): Promise<Response> {
  return fetch(`${sandbox.baseUrl('zendesk')}/_sandbox/agent-session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email }),
  });
}

function sessionCookie(response: Response): string {
  const header = response.headers.get('set-cookie') ?? '';
  expect(header).toMatch(/^_zendesk_session=\d+\.[0-9a-f]{64}; Path=\/sandbox\/zendesk\/api\/v2; HttpOnly/);
  return header.split(';')[0]!;
}

describe('sandbox Zendesk agent-interface session', () => {
  let sandbox: RunningSandbox;
  afterEach(() => sandbox?.close());

  it("acts as the signed-in agent and does not spend the account's per-minute API limit", async () => {
    sandbox = await startSandbox({ zendesk: { rateLimitPerMinute: 2 } });
    const api = `${sandbox.baseUrl('zendesk')}/api/v2/users/me`;
    const token = { authorization: 'Bearer integration' };
    expect((await fetch(api, { headers: token })).status).toBe(200);

    const cookie = sessionCookie(await signIn(sandbox, agent.email));
    for (let i = 0; i < 5; i++) {
      const me = await fetch(api, { headers: { cookie } });
      expect(me.status).toBe(200);
      expect((await me.json()).user.email).toBe(agent.email);
    }

    // The integration's own budget: one request left of two, the agent's five not counted.
    expect((await fetch(api, { headers: token })).status).toBe(200);
    const limited = await fetch(api, { headers: token });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('refuses a forged or tampered cookie, no credentials and an unknown e-mail', async () => {
    sandbox = await startSandbox();
    const api = `${sandbox.baseUrl('zendesk')}/api/v2/users/me`;
    const cookie = sessionCookie(await signIn(sandbox, agent.email));
    const [name, value] = cookie.split('=') as [string, string];
    const [userId, mac] = value.split('.') as [string, string];
    const otherUser = `${name}=${Number(userId) + 1}.${mac}`;
    const flipped = `${name}=${userId}.${mac.startsWith('0') ? '1' : '0'}${mac.slice(1)}`;
    for (const forged of [otherUser, flipped, `${name}=${userId}`]) {
      expect((await fetch(api, { headers: { cookie: forged } })).status).toBe(401);
    }
    expect((await fetch(api)).status).toBe(401);
    expect((await signIn(sandbox, 'ninguem@vitrine.example')).status).toBe(404);
  });

  it('keeps sessions valid across a restart of the service (the key is in the sandbox state)', async () => {
    sandbox = await startSandbox();
    const { dataDir } = sandbox;
    const cookie = sessionCookie(await signIn(sandbox, agent.email));
    await sandbox.close();
    sandbox = await startSandbox({ dataDir });
    const me = await fetch(`${sandbox.baseUrl('zendesk')}/api/v2/users/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
  });
});
