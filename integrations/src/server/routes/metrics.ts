import type { FastifyInstance } from 'fastify';
import type { VitrineMetrics } from '../../metrics';

/** `/metrics`: Prometheus text format. */
export function registerMetricsRoute(app: FastifyInstance, metrics: VitrineMetrics): void {
  app.get('/metrics', async (_request, reply) => {
    const body = await metrics.registry.metrics();
    return reply.header('content-type', metrics.registry.contentType).send(body);
  });
}
