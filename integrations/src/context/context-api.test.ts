import { randomBytes } from 'node:crypto';
import { CustomerNote, Order, TicketContext } from '@vitrine/shared';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import jwt from 'jsonwebtoken';
import { saveInstallationSecret } from '../app-auth/installation-secrets';
import type { VitrineConfig } from '../config/types';
import { silentLogger } from '../logging';
import { installErrorHandling } from '../server/errors';
import { registerContextRoutes } from '../server/routes/context';
import { upsertTenant } from '../store/tenants';
import { describeEachEngine } from '../store/testing';
import {
  MARIA,
  MM_ORDER_NUMBER,
  MM_REPORTED_DUE_AT,
  MM_TICKET_ID,
  MM_TRACKING_CODE,
  WHATSAPP_TICKET_ID,
  seedMariaStory,
} from './testing/madeiramadeira-ticket';

/** Response bodies are checked with the shared schemas; error bodies are `{ error, message }`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed by each test with its schema
type ResponseBody = any;

const TENANT_A = 'loja-a';
const TENANT_B = 'loja-b';
const SECRET_A = 'segredo-da-loja-a-0123456789abcdef';
const SECRET_B = 'segredo-da-loja-b-fedcba9876543210';
/** A Wednesday afternoon in Brasília, after Maria's last message. */
const NOW = new Date('2026-11-18T17:00:00.000Z');

function token(
  secret: string,
  claims: Record<string, unknown>,
  options: jwt.SignOptions = { expiresIn: 60 },
) {
  return jwt.sign({ iss: 'vitrine-ticket-sidebar', ...claims }, secret, { algorithm: 'HS256', ...options });
}

const ticketToken = (ticketId: number, tenant = TENANT_A, secret = SECRET_A) =>
  token(secret, { tenant, ticket_id: ticketId });

describeEachEngine('context API', (engine) => {
  let app: FastifyInstance;
  let base: string;

  async function call(
    path: string,
    init: { method?: string; bearer?: string; body?: unknown } = {},
  ): Promise<{ status: number; body: ResponseBody }> {
    const headers: Record<string, string> = {};
    if (init.bearer) headers.authorization = `Bearer ${init.bearer}`;
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${base}${path}`, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  const getContext = (ticketId: number, bearer = ticketToken(ticketId)) =>
    call(`/api/v1/tickets/${ticketId}/context`, { bearer });

  beforeAll(async () => {
    const { db } = engine.store;
    const secretKey = randomBytes(32);
    for (const id of [TENANT_A, TENANT_B]) {
      await upsertTenant(db, { id, subdomain: id, name: id, zendeskBaseUrl: `https://${id}.zendesk.com` });
    }
    await saveInstallationSecret(db, secretKey, {
      tenantId: TENANT_A,
      installationId: '1001',
      secret: SECRET_A,
    });
    await saveInstallationSecret(db, secretKey, {
      tenantId: TENANT_B,
      installationId: '2002',
      secret: SECRET_B,
    });
    await seedMariaStory(db, TENANT_A);

    const log = silentLogger();
    app = Fastify({ loggerInstance: log as FastifyBaseLogger });
    installErrorHandling(app);
    const config = { secretKey, sandbox: { enabled: false } } as VitrineConfig;
    await registerContextRoutes(app, { config, store: engine.store, log, now: () => NOW });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });

  afterAll(async () => {
    await app?.close();
  });

  describe('ticket context', () => {
    it('shows a MadeiraMadeira ticket with its order, deadline, tracking and the WhatsApp duplicate', async () => {
      const res = await getContext(MM_TICKET_ID);
      expect(res.status).toBe(200);
      const context = TicketContext.parse(res.body);
      expect(context.match).toBe('matched');
      expect(context.channel).toBe('madeiramadeira');
      expect(context.matchedBy).toEqual({ kind: 'order', value: MM_ORDER_NUMBER });
      expect(context.order?.number).toBe(MM_ORDER_NUMBER);
      expect(context.order?.items[0]?.name).toBe('Sofá 3 lugares retrátil');
      expect(context.order?.totalCents).toBe(189990);

      // MadeiraMadeira reported its own deadline: it wins over the 2-business-day rule.
      expect(context.deadline?.source).toBe('marketplace');
      expect(context.deadline?.dueAt).toBe(MM_REPORTED_DUE_AT);
      expect(context.deadline?.rule).toEqual({ kind: 'business_days', days: 2 });
      expect(Date.parse(context.deadline!.computedDueAt)).toBeGreaterThan(Date.parse('2026-11-18T10:00:00Z'));
      expect(context.deadline?.status).toBe('ok');

      const shipment = context.order?.shipments[0];
      expect(shipment?.trackingCode).toBe(MM_TRACKING_CODE);
      expect(shipment?.trackingUrl).toContain(MM_TRACKING_CODE);
      expect(shipment?.status).toBe('in_transit');

      expect(context.otherContacts).toEqual([
        expect.objectContaining({
          ticketId: WHATSAPP_TICKET_ID,
          channel: 'whatsapp',
          status: 'open',
          reasons: [{ kind: 'phone', value: '+55 41 99876-5432' }],
        }),
      ]);
      // Her bad rating from an earlier e-mail ticket is filed under her CPF.
      expect(context.csat.map((r) => [r.externalId, r.score])).toEqual([['csat-1', 'bad']]);
    });

    it('counts the deadline from the oldest unanswered message when the marketplace reports none', async () => {
      await engine.store.db
        .updateTable('sync_conversations')
        .set({ reported_due_at: null })
        .where('tenant_id', '=', TENANT_A)
        .where('ticket_id', '=', String(MM_TICKET_ID))
        .execute();
      try {
        const context = TicketContext.parse((await getContext(MM_TICKET_ID)).body);
        expect(context.deadline?.source).toBe('policy');
        // Received Wed 18 Nov; Fri 20 Nov is Consciência Negra: 2 business days end Mon 23 Nov, 23:59 in Brasília.
        expect(context.deadline?.dueAt).toBe('2026-11-24T02:59:59.000Z');
      } finally {
        await engine.store.db
          .updateTable('sync_conversations')
          .set({ reported_due_at: MM_REPORTED_DUE_AT })
          .where('tenant_id', '=', TENANT_A)
          .where('ticket_id', '=', String(MM_TICKET_ID))
          .execute();
      }
    });

    it('finds the order of the WhatsApp ticket through the requester phone', async () => {
      const context = TicketContext.parse((await getContext(WHATSAPP_TICKET_ID)).body);
      expect(context.channel).toBe('whatsapp');
      expect(context.matchedBy).toEqual({ kind: 'phone', value: '+55 41 99876-5432' });
      expect(context.order?.number).toBe(MM_ORDER_NUMBER);
      expect(context.deadline).toBeUndefined();
      expect(context.otherContacts.map((c) => c.ticketId)).toEqual([MM_TICKET_ID]);
    });

    it("answers 200 with match 'none' for a ticket Vitrine knows nothing about", async () => {
      const res = await getContext(999);
      expect(res.status).toBe(200);
      const context = TicketContext.parse(res.body);
      expect(context.match).toBe('none');
      expect(context.order).toBeUndefined();
      expect(context.otherContacts).toEqual([]);
      expect(context.notes).toEqual([]);
      expect(Number.isNaN(Date.parse(context.lastSyncedAt))).toBe(false);
    });
  });

  describe('manual lookup', () => {
    it.each([
      ['document', '529.982.247-25'],
      ['document', '52998224725'],
      ['phone', '(41) 99876-5432'],
      ['phone', '41998765432'],
      ['phone', '+55 41 9 9876-5432'],
      ['email', 'Maria.Silva@Gmail.com'],
      ['order', MM_ORDER_NUMBER],
    ])('finds the order by %s written as %s', async (kind, value) => {
      const res = await call(`/api/v1/lookup?${kind}=${encodeURIComponent(value)}`, {
        bearer: token(SECRET_A, { tenant: TENANT_A }),
      });
      expect(res.status).toBe(200);
      const orders = Order.array().parse(res.body.orders);
      expect(orders.map((o) => o.number)).toEqual([MM_ORDER_NUMBER]);
    });

    it('explains an invalid CPF in Portuguese', async () => {
      const res = await call('/api/v1/lookup?document=529.982.247-26', {
        bearer: token(SECRET_A, { tenant: TENANT_A }),
      });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/^CPF ou CNPJ inválido/);
    });

    it('links a ticket to the order found, and the ticket shows it from then on', async () => {
      const ticketId = 303;
      const before = TicketContext.parse((await getContext(ticketId)).body);
      expect(before.match).toBe('none');
      const res = await call(`/api/v1/tickets/${ticketId}/lookup`, {
        method: 'POST',
        bearer: ticketToken(ticketId),
        body: { kind: 'document', value: '529.982.247-25' },
      });
      expect(res.status).toBe(200);
      const linked = TicketContext.parse(res.body);
      expect(linked.match).toBe('matched');
      expect(linked.matchedBy).toEqual({ kind: 'document', value: '529.982.247-25' });
      const after = TicketContext.parse((await getContext(ticketId)).body);
      expect(after.order?.number).toBe(MM_ORDER_NUMBER);
    });
  });

  describe('customer notes', () => {
    it('keeps a note added on one ticket and shows it on every ticket of the customer', async () => {
      const text = 'Reclamou de atraso — mandar brinde na próxima compra';
      const res = await call(`/api/v1/tickets/${MM_TICKET_ID}/notes`, {
        method: 'POST',
        bearer: ticketToken(MM_TICKET_ID),
        body: { text, author: { id: 7, name: 'Ana (agente)' } },
      });
      expect(res.status).toBe(201);
      const note = CustomerNote.parse(res.body);
      expect(note.contactId).toBe(`document:${MARIA.cpf}`);
      for (const ticketId of [MM_TICKET_ID, WHATSAPP_TICKET_ID]) {
        const context = TicketContext.parse((await getContext(ticketId)).body);
        expect(context.notes.map((n) => n.text)).toContain(text);
      }
    });

    it('adds a note by customer key written in any format', async () => {
      const res = await call(`/api/v1/customers/${encodeURIComponent('phone:(41) 99876-5432')}/notes`, {
        method: 'POST',
        bearer: token(SECRET_A, { tenant: TENANT_A }),
        body: { text: 'Prefere contato por WhatsApp', author: { id: 8, name: 'Bruno' } },
      });
      expect(res.status).toBe(201);
      expect(CustomerNote.parse(res.body).contactId).toBe(`phone:${MARIA.phone}`);
      const context = TicketContext.parse((await getContext(MM_TICKET_ID)).body);
      expect(context.notes[0]?.text).toBe('Prefere contato por WhatsApp');
    });

    it('refuses an empty note with a message the agent can read', async () => {
      const res = await call(`/api/v1/tickets/${MM_TICKET_ID}/notes`, {
        method: 'POST',
        bearer: ticketToken(MM_TICKET_ID),
        body: { text: '   ', author: { id: 7, name: 'Ana' } },
      });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/^texto da nota não pode ficar vazio/);
    });

    it('refuses a note on a ticket with no known customer', async () => {
      const res = await call('/api/v1/tickets/404/notes', {
        method: 'POST',
        bearer: ticketToken(404),
        body: { text: 'Teste', author: { id: 7, name: 'Ana' } },
      });
      expect(res.status).toBe(409);
    });
  });

  describe('authentication', () => {
    it('accepts a token signed with the installation secret', async () => {
      expect((await getContext(MM_TICKET_ID)).status).toBe(200);
    });

    it('refuses a request without a token', async () => {
      const res = await call(`/api/v1/tickets/${MM_TICKET_ID}/context`);
      expect(res.status).toBe(401);
      expect(res.body.error).toBe('missing_token');
    });

    it('refuses a token signed with another secret', async () => {
      const forged = token('um-segredo-qualquer-de-um-atacante', {
        tenant: TENANT_A,
        ticket_id: MM_TICKET_ID,
      });
      const res = await getContext(MM_TICKET_ID, forged);
      expect(res.status).toBe(401);
      expect(res.body.error).toBe('invalid_token');
      expect(JSON.stringify(res.body)).not.toContain(MM_ORDER_NUMBER);
    });

    it('refuses an unsigned token (alg none)', async () => {
      const unsigned = jwt.sign({ tenant: TENANT_A, ticket_id: MM_TICKET_ID }, '', {
        algorithm: 'none',
        expiresIn: 60,
      });
      expect((await getContext(MM_TICKET_ID, unsigned)).status).toBe(401);
    });

    it('refuses an expired token', async () => {
      const nowSec = Math.floor(Date.now() / 1000);
      const expired = token(
        SECRET_A,
        { tenant: TENANT_A, ticket_id: MM_TICKET_ID, iat: nowSec - 300, exp: nowSec - 120 },
        {},
      );
      const res = await getContext(MM_TICKET_ID, expired);
      expect(res.status).toBe(401);
      expect(res.body.error).toBe('expired_token');
    });

    it('refuses a token without expiry or living longer than ten minutes', async () => {
      const forever = token(SECRET_A, { tenant: TENANT_A, ticket_id: MM_TICKET_ID }, {});
      expect((await getContext(MM_TICKET_ID, forever)).status).toBe(401);
      const long = token(SECRET_A, { tenant: TENANT_A, ticket_id: MM_TICKET_ID }, { expiresIn: 86_400 });
      expect((await getContext(MM_TICKET_ID, long)).status).toBe(401);
    });

    it('refuses a token signed by tenant B that claims to be tenant A', async () => {
      const crossed = token(SECRET_B, { tenant: TENANT_A, ticket_id: MM_TICKET_ID });
      const res = await getContext(MM_TICKET_ID, crossed);
      expect(res.status).toBe(401);
      expect(JSON.stringify(res.body)).not.toContain(MM_ORDER_NUMBER);
    });

    it("never shows tenant A's ticket to tenant B's valid token", async () => {
      const res = await getContext(MM_TICKET_ID, ticketToken(MM_TICKET_ID, TENANT_B, SECRET_B));
      expect(res.status).toBe(200);
      const context = TicketContext.parse(res.body);
      expect(context.match).toBe('none');
      expect(JSON.stringify(res.body)).not.toContain(MM_ORDER_NUMBER);
      const lookup = await call(`/api/v1/lookup?document=${MARIA.cpf}`, {
        bearer: token(SECRET_B, { tenant: TENANT_B }),
      });
      expect(lookup.body.orders).toEqual([]);
    });

    it('refuses a token issued for another ticket', async () => {
      const res = await getContext(WHATSAPP_TICKET_ID, ticketToken(MM_TICKET_ID));
      expect(res.status).toBe(403);
    });

    it('gives an unknown tenant the same answer as a bad signature', async () => {
      const res = await getContext(
        MM_TICKET_ID,
        token(SECRET_A, { tenant: 'loja-inexistente', ticket_id: MM_TICKET_ID }),
      );
      expect(res.status).toBe(401);
      expect(res.body.error).toBe('invalid_token');
    });
  });
});
