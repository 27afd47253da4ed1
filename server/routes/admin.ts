import type { FastifyInstance } from 'fastify';
import { CreateAccountRequest, UpdateAccountRequest, Username } from '../../shared/sync/accounts';
import { HttpError, parseOr400 } from '../errors';
import { createAccount, listAccounts, updateAccount } from '../services/accounts';
import type { ServiceContext } from '../services/context';

/** Account management for role admin; anyone else gets 403 FORBIDDEN. */
export function adminRoutes(secured: FastifyInstance, ctx: ServiceContext) {
  secured.register(async (admin) => {
    admin.addHook('preHandler', async (request) => {
      if (request.user?.role !== 'admin') throw new HttpError(403, 'FORBIDDEN', 'Only an admin can manage accounts.');
    });

    admin.get('/admin/users', async () => ({ users: await listAccounts(ctx) }));

    admin.post('/admin/users', async (request, reply) => {
      const body = parseOr400(CreateAccountRequest, request.body);
      reply.status(201);
      return createAccount(ctx, body);
    });

    admin.patch('/admin/users/:username', async (request) => {
      const username = parseOr400(Username, (request.params as { username?: string }).username);
      return updateAccount(ctx, username, parseOr400(UpdateAccountRequest, request.body));
    });
  });
}
