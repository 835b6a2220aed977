import { createZendeskClient } from '../../zendesk/client';
import { RateBudgets } from '../../zendesk/rate-budget';
import { startSandbox } from '../core/test-server';

const auth = { email: 'integracao@vitrine.example', apiToken: 't' };
const clientFor = (baseUrl: string) =>
  createZendeskClient({ baseUrl, auth, tenantId: 'loja', budgets: new RateBudgets(), jobPollIntervalMs: 20 });

describe('sandbox Zendesk across a restart of the service', () => {
  it('keeps tickets, comments, users and id sequences, and finishes a job queued before the restart', async () => {
    const first = await startSandbox({ systems: ['zendesk'], zendesk: { jobDelayMs: 60 * 60_000 } });
    const zd = clientFor(first.baseUrl('zendesk'));
    const { ticket } = await zd.tickets.create({
      subject: 'Troca de produto',
      external_id: 'vitrine:americanas:sac-991',
      requester: { name: 'Paulo Santos', email: 'paulo@exemplo.com.br' },
      comment: { body: 'Quero trocar o sofá.' },
    });
    await zd.tickets.update(ticket.id, {
      comment: { body: 'Chegou com defeito.', author_id: ticket.requester_id },
    });
    const [job] = await zd.tickets.createMany([
      {
        subject: 'Em fila',
        requester: { name: 'Rita', email: 'rita@exemplo.com.br' },
        comment: { body: 'oi' },
      },
    ]);
    expect((await zd.jobStatuses.show(job!.id)).status).toBe('queued');
    await first.close();

    const second = await startSandbox({
      dataDir: first.dataDir,
      systems: ['zendesk'],
      zendesk: { jobDelayMs: 5 },
    });
    try {
      const again = clientFor(second.baseUrl('zendesk'));
      expect((await again.tickets.findByExternalId('vitrine:americanas:sac-991')).map((t) => t.id)).toEqual([
        ticket.id,
      ]);
      const bodies: string[] = [];
      for await (const c of again.tickets.listComments(ticket.id)) bodies.push(c.body);
      expect(bodies).toEqual(['Quero trocar o sofá.', 'Chegou com defeito.']);
      const outcome = await again.waitForJob(job!.id);
      expect(outcome.results).toEqual([expect.objectContaining({ index: 0, success: true })]);
      // Ids continue after the restart instead of starting over.
      expect(outcome.results[0]!.id).toBeGreaterThan(ticket.id);
      // Seeding ran once: agents were not duplicated by the second start.
      expect((await again.users.agents()).filter((u) => u.role === 'agent')).toHaveLength(3);
    } finally {
      await second.close();
    }
  });
});

describe('sandbox Zendesk seed', () => {
  it('holds the dataset’s Zendesk-native tickets (WhatsApp, e-mail, Instagram) with their messages', async () => {
    const sandbox = await startSandbox({ systems: ['zendesk'] });
    try {
      const zd = clientFor(sandbox.baseUrl('zendesk'));
      const channels = new Map<string, number>();
      let whatsappRequester: number | null = null;
      for await (const page of zd.incrementalTickets({ startTime: 0 })) {
        for (const t of page.tickets) {
          channels.set(t.via.channel, (channels.get(t.via.channel) ?? 0) + 1);
          if (t.via.channel === 'whatsapp') whatsappRequester = t.requester_id;
        }
      }
      expect([...channels.keys()].sort()).toEqual(['email', 'instagram_dm', 'whatsapp']);
      const [withUsers] = await (async () => {
        const pages = zd.incrementalTickets({ startTime: 0 }, { include: 'users', perPage: 5 });
        const first = await pages.next();
        await pages.return(undefined);
        return [
          first.value as {
            tickets: Array<{ requester_id: number }>;
            users?: Array<{ id: number; name: string }>;
          },
        ];
      })();
      for (const t of withUsers!.tickets)
        expect(withUsers!.users?.some((u) => u.id === t.requester_id)).toBe(true);
      // A WhatsApp contact is known by phone: what duplicate detection matches on.
      const identities = await zd.users.identities.list(whatsappRequester!);
      expect(identities.some((i) => i.type === 'phone_number' && i.value.startsWith('+55'))).toBe(true);
      const [first] = await zd.tickets.showMany([1]);
      const comments: string[] = [];
      for await (const c of zd.tickets.listComments(first!.id)) comments.push(c.body);
      expect(comments.length).toBeGreaterThan(0);
      expect(first!.description).toBe(comments[0]);
    } finally {
      await sandbox.close();
    }
  });
});
