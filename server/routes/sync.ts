import type { FastifyInstance } from 'fastify';
import { PullQuery, PushRequest } from '../../shared/sync/protocol';
import { parseOr400 } from '../errors';
import type { ServerMetrics } from '../metrics/serverMetrics';
import type { ServiceContext } from '../services/context';
import { pull, push } from '../services/sync';

export function syncRoutes(secured: FastifyInstance, ctx: ServiceContext, metrics: ServerMetrics) {
  secured.post('/sync/push', async (request) => {
    const { clientId, mutations } = parseOr400(PushRequest, request.body);
    const results = await push(ctx, request.user!, clientId, mutations);
    metrics.push(mutations, results);
    return { results };
  });

  secured.get('/sync/pull', async (request) => {
    const { cursor, limit } = parseOr400(PullQuery, request.query);
    const page = await pull(ctx, cursor, limit);
    metrics.pull(page.changes);
    return page;
  });
}
