import type { FastifyInstance } from 'fastify';
import { LoginRequest } from '../../shared/sync/protocol';
import type { LoginThrottle } from '../auth/loginThrottle';
import { parseOr400 } from '../errors';
import { signIn } from '../services/auth';
import type { ServiceContext } from '../services/context';

/** Sign-in: the only route besides health that needs no token. */
export function authRoutes(api: FastifyInstance, ctx: ServiceContext, throttle: LoginThrottle) {
  api.post('/auth/login', async (request) => {
    const { username, password } = parseOr400(LoginRequest, request.body);
    return signIn(ctx, throttle, { username, password, ip: request.ip });
  });
}
