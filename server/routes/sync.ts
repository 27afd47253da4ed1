import type { FastifyInstance } from 'fastify';
import { PullQuery, PushRequest } from '../../shared/sync/protocol';
import { parseOr400 } from '../errors';
import type { ServiceContext } from '../services/context';
import { pull, push } from '../services/sync';

export function syncRoutes(secured: FastifyInstance, ctx: ServiceContext) {
  secured.post('/sync/push', async (request) => {
    const { clientId, mutations } = parseOr400(PushRequest, request.body);
    return { results: await push(ctx, request.user!, clientId, mutations) };
  });

  secured.get('/sync/pull', async (request) => {
    const { cursor, limit } = parseOr400(PullQuery, request.query);
    return pull(ctx, cursor, limit);
  });
}
