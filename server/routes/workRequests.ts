import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseOr400 } from '../errors';
import type { ServiceContext } from '../services/context';
import { getWorkRequest, workRequestHistory } from '../services/workRequests';

const IdParams = z.object({ id: z.string().min(1).max(64) });

/** The online work-request endpoints: read one, read its audit trail. */
export function workRequestRoutes(secured: FastifyInstance, ctx: ServiceContext) {
  secured.get('/work-requests/:id', async (request) => getWorkRequest(ctx, parseOr400(IdParams, request.params).id));
  secured.get('/work-requests/:id/history', async (request) => workRequestHistory(ctx, parseOr400(IdParams, request.params).id));
}
