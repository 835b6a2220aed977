import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SandboxState } from './state';

interface Ticket {
  id: number;
  external_id: string | null;
  emails: string[];
  subject: string;
}

function tempFile(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vitrine-sandbox-')), 'sandbox.db');
}

const ticketsOf = (state: SandboxState) =>
  state.collection<Ticket>('zendesk.tickets', {
    indexes: { external_id: (t) => t.external_id, email: (t) => t.emails },
  });

describe('SandboxState', () => {
  it('keeps records, lookup keys and id counters after the store is closed and reopened', () => {
    const file = tempFile();
    const first = SandboxState.open(file);
    const tickets = ticketsOf(first);
    const id = tickets.nextId();
    tickets.put(id, {
      id,
      external_id: 'vitrine:americanas:1',
      emails: ['a@x.com.br'],
      subject: 'Pedido atrasado',
    });
    const second = tickets.nextId();
    first.close();

    const reopened = SandboxState.open(file);
    const again = ticketsOf(reopened);
    expect(again.get(id)?.subject).toBe('Pedido atrasado');
    expect(again.findBy('external_id', 'vitrine:americanas:1').map((t) => t.id)).toEqual([id]);
    expect(again.findOneBy('email', 'a@x.com.br')?.id).toBe(id);
    // An id handed out before the restart is never handed out again.
    expect(again.nextId()).toBe(second + 1);
    reopened.close();
  });

  it('updates lookup keys when a record changes and forgets them when it is deleted', () => {
    const state = SandboxState.open(tempFile());
    const tickets = ticketsOf(state);
    tickets.put(1, { id: 1, external_id: 'old', emails: ['a@x.com', 'b@x.com'], subject: 's' });
    tickets.update(1, (t) => ({ ...t, external_id: 'new', emails: ['b@x.com'] }));
    expect(tickets.findBy('external_id', 'old')).toEqual([]);
    expect(tickets.findBy('external_id', 'new')).toHaveLength(1);
    expect(tickets.findBy('email', 'a@x.com')).toEqual([]);
    expect(tickets.delete(1)).toBe(true);
    expect(tickets.findBy('email', 'b@x.com')).toEqual([]);
    expect(tickets.count()).toBe(0);
    state.close();
  });

  it('pages in insertion order with a filter, reporting whether more records match', () => {
    const state = SandboxState.open(tempFile());
    const tickets = ticketsOf(state);
    state.transaction(() => {
      for (let i = 1; i <= 1200; i++)
        tickets.put(i, { id: i, external_id: null, emails: [], subject: `s${i}` });
    });
    const even = (t: Ticket) => t.id % 2 === 0;
    const seen: number[] = [];
    let after: number | undefined;
    for (;;) {
      const page = tickets.page({ after, limit: 100, filter: even });
      seen.push(...page.items.map((t) => t.id));
      if (!page.hasMore) break;
      after = page.lastPosition ?? undefined;
    }
    expect(seen).toHaveLength(600);
    expect(seen[0]).toBe(2);
    expect(seen[599]).toBe(1200);
    expect(tickets.page({ descending: true, limit: 2 }).items.map((t) => t.id)).toEqual([1200, 1199]);
    state.close();
  });

  it('rolls back every write of a failed transaction', () => {
    const state = SandboxState.open(tempFile());
    const tickets = ticketsOf(state);
    expect(() =>
      state.transaction(() => {
        tickets.put(1, { id: 1, external_id: 'x', emails: [], subject: 's' });
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(tickets.get(1)).toBeUndefined();
    expect(tickets.findBy('external_id', 'x')).toEqual([]);
    state.close();
  });
});
