import type { FastifyInstance } from 'fastify';
import { LoginRequest, LogoutRequest, RefreshRequest } from '../../shared/sync/protocol';
import type { LoginThrottle } from '../auth/loginThrottle';
import { parseOr400 } from '../errors';
import { refreshSession, signIn, signOut } from '../services/auth';
import type { ServiceContext } from '../services/context';
import { bearerToken } from './bearer';

/** Sign-in, refresh and sign-out: they take no valid access token (it may be the expired one being replaced). */
export function authRoutes(api: FastifyInstance, ctx: ServiceContext, throttle: LoginThrottle) {
  api.post('/auth/login', async (request) => {
    const { username, password } = parseOr400(LoginRequest, request.body);
    return signIn(ctx, throttle, { username, password, ip: request.ip });
  });

  api.post('/auth/refresh', async (request) => {
    const { refreshToken } = parseOr400(RefreshRequest, request.body);
    return refreshSession(ctx, refreshToken);
  });

  api.post('/auth/logout', async (request) => {
    const { refreshToken } = parseOr400(LogoutRequest, request.body ?? {});
    await signOut(ctx, refreshToken ?? bearerToken(request));
    return { status: 'signed_out' };
  });
}
