import type { FastifyInstance } from 'fastify';
import { pingStore, type Store } from '../../store/db';

/** `/healthz`: 200 when the database answers, 503 otherwise (load balancers and `npm start` checks). */
export function registerHealthRoute(app: FastifyInstance, store: Store): void {
  app.get('/healthz', async (_request, reply) => {
    const dbOk = await pingStore(store);
    return reply
      .status(dbOk ? 200 : 503)
      .send({ status: dbOk ? 'ok' : 'unavailable', db: dbOk ? 'ok' : 'unreachable', engine: store.dialect });
  });
}
