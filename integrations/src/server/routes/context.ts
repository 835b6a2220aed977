import {
  CustomerNoteRequest,
  TicketLookupRequest,
  type CustomerNote,
  type TicketContext,
} from '@vitrine/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authenticateApp } from '../../app-auth/fastify-guard';
import { sandboxInstallationSecret } from '../../app-auth/installation-secrets';
import { createAppTokenVerifier, type AppPrincipal } from '../../app-auth/verify-token';
import type { VitrineConfig } from '../../config/types';
import { buildTicketContext, ticketCustomerKeys } from '../../context/build-context';
import { findOrdersBy, linkTicketToOrder, loadOrders, LookupValueError } from '../../context/lookup';
import { withReadSnapshot } from '../../context/read-snapshot';
import { describeIssues } from '../../context/request-errors';
import type { Logger } from '../../logging';
import { addCustomerNote } from '../../orders/customer-notes';
import { startPeriodicOrderIngestion, type PeriodicIngestion } from '../../orders/periodic-ingestion';
import { parseCustomerKey, primaryCustomerKey } from '../../orders/customer-keys';
import type { Store } from '../../store/db';

export const CONTEXT_API_PREFIX = '/api/v1';

export interface ContextRouteDeps {
  config: VitrineConfig;
  store: Store;
  log: Logger;
  /** Tests pin the clock. */
  now?: () => Date;
}

/**
 * The apps' API (`/api/v1`): a ticket's context, manual lookup and linking, customer notes. Every
 * request carries the app's JWT (see `app-auth/README.md`); the tenant is the one whose installation
 * secret verified it, and every query is scoped to that tenant.
 */
export async function registerContextRoutes(app: FastifyInstance, deps: ContextRouteDeps): Promise<void> {
  const db = deps.store.db;
  const verifier = createAppTokenVerifier({ db, secretKey: deps.config.secretKey });
  let ingestion: PeriodicIngestion | undefined;
  const contextOf = (tenantId: string, ticketId: number) =>
    withReadSnapshot(deps.store, (snapshot) =>
      buildTicketContext(
        {
          db: snapshot,
          ...(deps.now ? { now: deps.now } : {}),
          // A ticket whose conversation synced before its order: run ingestion now rather than at
          // its next minute. Nudging the one periodic run (not a second, per-order fetch path)
          // keeps a single writer of orders and a single reader of Americanas' queue, and
          // `runSoon` folds a burst of ticket opens into one run. The request does not wait: the
          // sidebar shows "not synced yet" and picks the order up on its next refresh.
          onOrderMissing: () => ingestion?.runSoon(),
        },
        tenantId,
        ticketId,
      ),
    );

  if (deps.config.sandbox.enabled) {
    // The demo installation's secret, for the workbench to sign with; created once the store is up.
    app.addHook('onReady', async () => {
      await sandboxInstallationSecret(deps.store, deps.config.secretKey).catch((err: Error) =>
        deps.log.warn({ err: err.message }, 'sandbox app installation secret not created'),
      );
    });
    // The simulators' orders, through the connectors, once the server listens (the simulators are
    // mounted on it), every minute after, and as soon as a ticket names an order not synced yet.
    app.addHook('onListen', async () => {
      const address = app.server.address();
      if (!address || typeof address !== 'object') return;
      const base = `http://127.0.0.1:${address.port}`;
      ingestion = startPeriodicOrderIngestion({
        db,
        tenants: deps.config.tenants,
        log: deps.log,
        baseUrlOf: (source) => `${base}/sandbox/${source}`,
      });
    });
    app.addHook('onClose', async () => ingestion?.stop());
  }

  await app.register(
    async (api) => {
      api.get<{ Params: { id: string } }>('/tickets/:id/context', async (request, reply) => {
        const auth = await ticketAccess(request, reply);
        if (!auth) return reply;
        const context: TicketContext = await contextOf(auth.principal.tenantId, auth.ticketId);
        return context;
      });

      api.post<{ Params: { id: string } }>('/tickets/:id/lookup', async (request, reply) => {
        const auth = await ticketAccess(request, reply);
        if (!auth) return reply;
        const query = TicketLookupRequest.safeParse(request.body);
        if (!query.success) return invalidBody(reply, describeIssues(query.error.issues));
        const tenantId = auth.principal.tenantId;
        let found;
        try {
          found = await findOrdersBy(db, tenantId, query.data, 1);
        } catch (err) {
          if (err instanceof LookupValueError) return invalidBody(reply, err.message);
          throw err;
        }
        const [ref] = found.refs;
        if (ref) await linkTicketToOrder(db, tenantId, auth.ticketId, ref, found);
        return contextOf(tenantId, auth.ticketId);
      });

      api.post<{ Params: { id: string } }>('/tickets/:id/notes', async (request, reply) => {
        const auth = await ticketAccess(request, reply);
        if (!auth) return reply;
        const body = CustomerNoteRequest.safeParse(request.body);
        if (!body.success) return invalidBody(reply, describeIssues(body.error.issues));
        const tenantId = auth.principal.tenantId;
        const customerKey = primaryCustomerKey(await ticketCustomerKeys(db, tenantId, auth.ticketId));
        if (!customerKey) {
          return reply.status(409).send({
            error: 'no_customer',
            message:
              'Este ticket ainda não está ligado a um cliente: busque o pedido antes de anotar. / ' +
              'This ticket is not linked to a customer yet: look up the order before adding a note.',
          });
        }
        const note: CustomerNote = await addCustomerNote(db, tenantId, {
          customerKey,
          ticketId: auth.ticketId,
          author: body.data.author,
          text: body.data.text,
        });
        return reply.status(201).send(note);
      });

      api.post<{ Params: { key: string } }>('/customers/:key/notes', async (request, reply) => {
        const principal = await authenticateApp(verifier, request, reply);
        if (!principal) return reply;
        const customerKey = parseCustomerKey(request.params.key);
        if (!customerKey) {
          return invalidBody(
            reply,
            'Cliente inválido: use document:<CPF/CNPJ>, phone:<telefone> ou email:<e-mail>. / ' +
              'Invalid customer: use document:<CPF/CNPJ>, phone:<phone> or email:<e-mail>.',
          );
        }
        const body = CustomerNoteRequest.safeParse(request.body);
        if (!body.success) return invalidBody(reply, describeIssues(body.error.issues));
        const note = await addCustomerNote(db, principal.tenantId, {
          customerKey,
          ...(principal.ticketId !== undefined ? { ticketId: principal.ticketId } : {}),
          author: body.data.author,
          text: body.data.text,
        });
        return reply.status(201).send(note);
      });

      api.get<{ Querystring: Record<string, string | undefined> }>('/lookup', async (request, reply) => {
        const principal = await authenticateApp(verifier, request, reply);
        if (!principal) return reply;
        const q = request.query;
        const kind = (['order', 'document', 'phone', 'email'] as const).find((k) => typeof q[k] === 'string');
        const value = kind ? q[kind]?.trim() : undefined;
        if (!kind || !value) {
          return invalidBody(
            reply,
            'Informe order, document, email ou phone na busca. / Give order, document, email or phone to search by.',
          );
        }
        try {
          const found = await findOrdersBy(db, principal.tenantId, { kind, value });
          return { kind, value: found.value, orders: await loadOrders(db, principal.tenantId, found.refs) };
        } catch (err) {
          if (err instanceof LookupValueError) return invalidBody(reply, err.message);
          throw err;
        }
      });
    },
    { prefix: CONTEXT_API_PREFIX },
  );

  /**
   * A ticket route's caller: a verified token whose `ticket_id` claim is this ticket. A token for
   * ticket 1 cannot read ticket 2 (a captured token is worth one ticket for a minute).
   */
  async function ticketAccess(
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
  ): Promise<{ principal: AppPrincipal; ticketId: number } | undefined> {
    const principal = await authenticateApp(verifier, request, reply);
    if (!principal) return undefined;
    const ticketId = /^\d{1,15}$/.test(request.params.id) ? Number(request.params.id) : NaN;
    if (!Number.isSafeInteger(ticketId) || ticketId <= 0) {
      await reply
        .status(404)
        .send({ error: 'not_found', message: 'Ticket não encontrado. / Ticket not found.' });
      return undefined;
    }
    if (principal.ticketId !== ticketId) {
      await reply.status(403).send({
        error: 'forbidden',
        message: 'O token do app vale para outro ticket. / The app token is for another ticket.',
      });
      return undefined;
    }
    return { principal, ticketId };
  }
}

function invalidBody(reply: FastifyReply, message: string): FastifyReply {
  return reply.status(400).send({ error: 'invalid_request', message });
}
