import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../services/context';
import { listAssignableUsers } from '../services/accounts';

/** Who may be given work: any signed-in user may ask (the app's assignee picker; names are not secret on a shop floor). */
export function userRoutes(secured: FastifyInstance, ctx: ServiceContext) {
  secured.get('/users/assignable', async () => ({ users: await listAssignableUsers(ctx) }));
}
