import type { FastifyInstance } from 'fastify';
import { HttpError } from '../errors';
import { sameToken } from '../metrics/metricsToken';
import type { ServerMetrics } from '../metrics/serverMetrics';
import { bearerToken } from './bearer';

/**
 * GET /metrics in the Prometheus text format, outside /api/v1 (it is for the shop's monitoring,
 * not for workstations) and only for the bearer of the metrics token: a user's access token does
 * not open it, and the token opens nothing else. Registered only when the operator asked for it.
 */
export function metricsRoute(app: FastifyInstance, metrics: ServerMetrics, token: string) {
  app.get('/metrics', async (request, reply) => {
    if (!sameToken(bearerToken(request), token)) {
      throw new HttpError(401, 'UNAUTHORIZED', 'Reading metrics needs the metrics token: Authorization: Bearer <token>.', {}, {
        'www-authenticate': 'Bearer realm="shopfloor-metrics"',
      });
    }
    return reply.header('content-type', metrics.contentType).header('cache-control', 'no-store').send(await metrics.scrape());
  });
}
