import fc from 'fast-check';
import { groupDuplicateContacts, MATCH_KEYS, type ContactInput } from '.';
import { forEachContactKey } from './contact-keys';

describe('groupDuplicateContacts: the same customer across channels', () => {
  it('MadeiraMadeira buyer and a WhatsApp contact without the ninth digit: same phone', () => {
    const result = groupDuplicateContacts([
      {
        id: 'mm-1',
        channel: 'madeiramadeira',
        phone: '41998765432 / ',
        email: 'a1b2c3@madeiramadeira.com.br',
      },
      { id: 'wa-1', channel: 'whatsapp', phone: '554198765432' },
      { id: 'other', channel: 'whatsapp', phone: '554133334444' },
    ]);
    expect(result.groups).toEqual([['mm-1', 'wa-1']]);
    expect(result.links).toEqual([
      {
        a: 'mm-1',
        b: 'wa-1',
        key: 'phone',
        value: '+5541998765432',
        reason: 'mesmo telefone +55 41 99876-5432',
        reasonEn: 'same phone +55 41 99876-5432',
      },
    ]);
  });

  it('Americanas SAC ticket and a customer e-mail citing the order code: same order', () => {
    const result = groupDuplicateContacts([
      { id: 'sac', channel: 'americanas-sac', orderNumbers: ['Lojas Americanas-201000000004001'] },
      {
        id: 'mail',
        channel: 'email',
        email: 'cliente@gmail.com',
        text: 'Olá, comprei na Americanas o pedido 02-1000000004 e não chegou.',
      },
    ]);
    expect(result.groups).toEqual([['mail', 'sac']]);
    expect(result.links[0]).toMatchObject({
      key: 'order',
      value: '1000000004',
      reason: 'mesmo pedido 1000000004',
    });
  });

  it('two customers sharing only a marketplace relay e-mail are not linked', () => {
    const relay = 'atendimento@madeiramadeira.com.br';
    const result = groupDuplicateContacts([
      { id: 'c1', channel: 'madeiramadeira', email: relay, phone: '(41) 99876-5432' },
      { id: 'c2', channel: 'madeiramadeira', email: relay, phone: '(11) 98888-7777' },
      { id: 'c3', channel: 'mercadolivre', email: 'x.1+2-abc@mail.mercadolivre.com' },
      { id: 'c4', channel: 'mercadolivre', email: 'x.1+2-abc@mail.mercadolivre.com' },
    ]);
    expect(result).toEqual({ groups: [], links: [], conflicts: [], ignored: [] });
  });

  it('links through identifiers written in messages (CPF, e-mail, phone)', () => {
    const result = groupDuplicateContacts([
      { id: 'ml', channel: 'mercadolivre', document: '111.444.777-35' },
      { id: 'ig', channel: 'instagram', text: 'meu CPF é 111.444.777-35, pode verificar?' },
      { id: 'mail', channel: 'email', email: 'Maria.Souza@UOL.com.br' },
      { id: 'wa', channel: 'whatsapp', text: 'mandei e-mail de maria.souza@uol.com.br ontem' },
    ]);
    expect(result.groups).toEqual([
      ['ig', 'ml'],
      ['mail', 'wa'],
    ]);
    expect(result.links.map((l) => l.reason)).toEqual([
      'mesmo CPF 111.444.777-35',
      'mesmo e-mail maria.souza@uol.com.br',
    ]);
  });

  it('joins groups transitively and explains each join once, by the strongest key', () => {
    const result = groupDuplicateContacts([
      { id: 'a', channel: 'americanas', orderNumbers: ['02-1000000004'], phone: '(21) 98888-1111' },
      { id: 'b', channel: 'whatsapp', phone: '552188881111', text: 'pedido 02-1000000004' },
      { id: 'c', channel: 'email', email: 'joana@gmail.com', text: 'meu whats é (21) 98888-1111' },
    ]);
    expect(result.groups).toEqual([['a', 'b', 'c']]);
    // a–b share both the order and the phone: one link, by order (higher precedence).
    expect(result.links.map((l) => [l.a, l.b, l.key])).toEqual([
      ['a', 'b', 'order'],
      ['a', 'c', 'phone'],
    ]);
  });

  it('Mercado Livre: a pack and its order meet only through a contact that lists both', () => {
    const pack = { id: 'msg', channel: 'mercadolivre', orderNumbers: ['pack:2000004567890123'] };
    const claim = { id: 'claim', channel: 'mercadolivre', orderNumbers: ['2000001234567890'] };
    expect(groupDuplicateContacts([pack, claim]).groups).toEqual([]);
    const order = {
      id: 'order',
      channel: 'mercadolivre',
      orderNumbers: ['2000001234567890', 'pack:2000004567890123'],
    };
    expect(groupDuplicateContacts([pack, claim, order]).groups).toEqual([['claim', 'msg', 'order']]);
  });

  it('never joins two different CPFs through a shared phone, and says so', () => {
    const result = groupDuplicateContacts([
      { id: 'mae', channel: 'americanas', document: '111.444.777-35', phone: '(41) 99876-5432' },
      { id: 'filho', channel: 'mercadolivre', document: '529.982.247-25', phone: '41998765432' },
      { id: 'wa', channel: 'whatsapp', phone: '554198765432' },
    ]);
    expect(result.groups).toEqual([['mae', 'wa']]);
    expect(result.conflicts).toHaveLength(1);
    expect(result.conflicts[0]).toMatchObject({
      key: 'phone',
      reason: 'mesmo telefone +55 41 99876-5432, mas os CPFs são diferentes: não agrupados',
    });
  });

  it('a value shared by too many contacts links nobody and is reported', () => {
    const shopPhone = '(11) 3003-1234';
    const contacts: ContactInput[] = Array.from({ length: 30 }, (_, i) => ({
      id: `c${String(i).padStart(2, '0')}`,
      channel: 'americanas',
      phone: shopPhone,
    }));
    const result = groupDuplicateContacts(contacts);
    expect(result.groups).toEqual([]);
    expect(result.ignored).toEqual([
      {
        key: 'phone',
        value: '+551130031234',
        contacts: 30,
        reason: 'Telefone +55 11 3003-1234 aparece em 30 contatos: comum demais para identificar um cliente',
        reasonEn: 'Phone +55 11 3003-1234 appears in 30 contacts: too common to identify a customer',
      },
    ]);
    expect(groupDuplicateContacts(contacts, { commonAbove: { phone: 100 } }).groups).toHaveLength(1);
  });

  it('ignores placeholder phones, service numbers and very short order numbers', () => {
    const result = groupDuplicateContacts([
      { id: 'a', channel: 'americanas', phone: '(11) 99999-9999', orderNumbers: ['123'] },
      { id: 'b', channel: 'madeiramadeira', phone: '11999999999', orderNumbers: ['123'] },
      { id: 'c', channel: 'email', phone: '0800 123 4567' },
      { id: 'd', channel: 'email', phone: '08001234567' },
    ]);
    expect(result.groups).toEqual([]);
  });

  it('sorts ids inside groups and groups by their first id', () => {
    const result = groupDuplicateContacts([
      { id: 'z2', channel: 'email', email: 'b@x.com.br' },
      { id: 'y1', channel: 'email', email: 'a@x.com.br' },
      { id: 'a1', channel: 'email', email: 'b@x.com.br' },
      { id: 'b9', channel: 'email', email: 'a@x.com.br' },
    ]);
    expect(result.groups).toEqual([
      ['a1', 'z2'],
      ['b9', 'y1'],
    ]);
  });

  it('states the strong keys in precedence order in one table', () => {
    expect(MATCH_KEYS.filter((k) => k.strength === 'strong').map((k) => k.key)).toEqual([
      'order',
      'document',
      'phone',
      'email',
    ]);
  });
});

describe('groupDuplicateContacts: structural guarantees', () => {
  const contactArb = fc.record(
    {
      id: fc.string({ minLength: 1, maxLength: 4 }),
      channel: fc.constantFrom('americanas', 'mercadolivre', 'madeiramadeira', 'whatsapp', 'email'),
      phone: fc.constantFrom('(41) 99876-5432', '554198765432', '(11) 3333-4444', '51 00000000', 'x'),
      email: fc.constantFrom('ana@gmail.com', 'ANA@gmail.com ', 'r@madeiramadeira.com.br', 'bo@uol.com.br'),
      document: fc.constantFrom('111.444.777-35', '52998224725', '12.ABC.345/01DE-35', '000'),
      orderNumbers: fc.array(
        fc.constantFrom('7001234', '02-1000000004', 'Lojas Americanas-201000000004001'),
        {
          maxLength: 2,
        },
      ),
      text: fc.string({ maxLength: 30 }),
    },
    { requiredKeys: ['id', 'channel'] },
  );

  it('every group is connected by its links, and every link joins two contacts of one group', () => {
    fc.assert(
      fc.property(fc.uniqueArray(contactArb, { selector: (c) => c.id, maxLength: 25 }), (contacts) => {
        const { groups, links } = groupDuplicateContacts(contacts);
        const groupOf = new Map<string, number>();
        groups.forEach((g, i) => g.forEach((id) => groupOf.set(id, i)));
        for (const link of links) {
          expect(groupOf.get(link.a)).toBeDefined();
          expect(groupOf.get(link.a)).toBe(groupOf.get(link.b));
        }
        // n − 1 links per group of n: a spanning tree, never all pairs.
        expect(links.length).toBe(groups.reduce((sum, g) => sum + g.length - 1, 0));
        for (const g of groups) expect(g.length).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the input order (same groups when contacts are shuffled)', () => {
    fc.assert(
      fc.property(
        fc
          .uniqueArray(contactArb, { selector: (c) => c.id, maxLength: 20 })
          .chain((cs) =>
            fc.tuple(
              fc.constant(cs),
              fc.shuffledSubarray(cs, { minLength: cs.length, maxLength: cs.length }),
            ),
          ),
        ([original, shuffled]) => {
          // Without CPF conflicts, grouping is a pure equivalence; conflicts can depend on order.
          const strip = (cs: typeof original) => cs.map((c) => ({ ...c, document: undefined }));
          expect(groupDuplicateContacts(strip(shuffled)).groups).toEqual(
            groupDuplicateContacts(strip(original)).groups,
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('finds exactly the groups a pairwise comparison of keys finds (no CPF conflicts, no common values)', () => {
    /** Reference: compare every pair's keys, then take connected components. O(n²), small inputs only. */
    const pairwiseGroups = (contacts: ContactInput[]): string[][] => {
      const keys = contacts.map((c) => {
        const set = new Set<string>();
        forEachContactKey(c, (kind, value) => set.add(`${kind}:${value}`));
        return set;
      });
      const component = contacts.map((_, i) => i);
      const root = (i: number): number => (component[i] === i ? i : root(component[i] as number));
      for (let i = 0; i < contacts.length; i++) {
        for (let j = i + 1; j < contacts.length; j++) {
          if ([...(keys[i] as Set<string>)].some((k) => (keys[j] as Set<string>).has(k))) {
            component[root(j)] = root(i);
          }
        }
      }
      const byRoot = new Map<number, string[]>();
      contacts.forEach((c, i) => byRoot.set(root(i), [...(byRoot.get(root(i)) ?? []), c.id]));
      return [...byRoot.values()]
        .filter((g) => g.length > 1)
        .map((g) => g.sort())
        .sort((x, y) => ((x[0] as string) < (y[0] as string) ? -1 : 1));
    };
    const phone = fc.constantFrom('(41) 99876-5432', '554198765432', '(11) 3333-4444', '11 98888-7777', '');
    const email = fc.constantFrom(
      'ana@gmail.com',
      ' ANA@gmail.com',
      'bo@uol.com.br',
      'r@madeiramadeira.com.br',
      '',
    );
    const text = fc.constantFrom('', 'pedido 7001234', 'meu zap (11) 98888-7777', 'bo@uol.com.br', 'oi');
    const contact = fc.record({
      id: fc.string({ minLength: 1, maxLength: 3 }),
      channel: fc.constantFrom('americanas', 'whatsapp', 'email'),
      phone,
      email,
      text,
      orderNumbers: fc.array(fc.constantFrom('7001234', '02-7001234', '7001235'), { maxLength: 1 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(contact, { selector: (c) => c.id, maxLength: 30 }), (contacts) => {
        const many = { order: 1000, document: 1000, phone: 1000, email: 1000 };
        expect(groupDuplicateContacts(contacts, { commonAbove: many }).groups).toEqual(
          pairwiseGroups(contacts),
        );
      }),
      { numRuns: 300 },
    );
  });
});
