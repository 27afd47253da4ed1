import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { UserSummary } from '../shared/domain/records';
import { API_PREFIX } from '../shared/sync/protocol';
import { LoginThrottle } from './auth/loginThrottle';
import type { Clock } from './clock';
import type { ServerDatabase } from './db/database';
import { errorHandler, HttpError } from './errors';
import { authRoutes } from './routes/auth';
import { syncRoutes } from './routes/sync';
import { workOrderRoutes } from './routes/workOrders';
import { workRequestRoutes } from './routes/workRequests';
import { authenticate } from './services/auth';
import { serviceContext, type TokenLifetimes } from './services/context';
import { userRoutes } from './routes/users';
import { adminRoutes } from './routes/admin';
import { bearerToken } from './routes/bearer';
import { metricsRoute } from './routes/metrics';
import { MetricsToken } from './metrics/metricsToken';
import { ServerMetrics } from './metrics/serverMetrics';
import { registerUpdateFeed } from './updates/updateFeed';

export interface ServerOptions {
  database: ServerDatabase;
  /** Fastify's pino logger options, or false for none (tests). */
  logger?: boolean | object;
  clock?: Clock;
  lifetimes?: Partial<TokenLifetimes>;
  /** PEM certificate (chain) and private key: serve https instead of http. */
  tls?: TlsFiles;
  /** IT's folder of installers and `latest*.yml`, served read-only under /updates/ (server/updates/updateFeed.ts). */
  updatesDir?: string;
  /** Serve GET /metrics to the bearer of this token (docs/operations.md, "Metrics"); absent: no /metrics at all. */
  metrics?: MetricsOptions;
}

export interface MetricsOptions {
  token: string;
}

export interface TlsFiles {
  cert: string | Buffer;
  key: string | Buffer;
}

declare module 'fastify' {
  interface FastifyRequest {
    user?: UserSummary;
  }
}

/**
 * Wires the layers: routes (server/routes: parse with zod, call a service, shape the answer) →
 * services (server/services: rules and transactions) → queries (server/queries, server/sync:
 * plain functions of the database). Everything under /api/v1; all but health and login need a token.
 * With `updatesDir`, the app's update feed under /updates/ (no token: installers are not secret).
 */
export async function buildServer({ database, logger = false, clock, lifetimes, tls, metrics: exposeMetrics, updatesDir }: ServerOptions): Promise<FastifyInstance> {
  // A weak token would make the endpoint as good as public: refuse to start rather than serve it.
  if (exposeMetrics) MetricsToken.parse(exposeMetrics.token);
  // Fastify types an https instance differently; every route here works the same on both.
  const app = Fastify({ logger, bodyLimit: 1024 * 1024, return503OnClosing: true, ...(tls ? { https: tls } : {}) }) as unknown as FastifyInstance;
  app.setErrorHandler(errorHandler);
  // PostgreSQL text cannot hold NUL and no technician types one: refuse it at the door, for every route.
  app.addHook('preValidation', async (request) => {
    if (containsNul(request.body) || containsNul(request.query) || containsNul(request.params)) {
      throw new HttpError(400, 'VALIDATION_FAILED', 'The request contains a NUL character, which is not allowed in text.');
    }
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: { code: 'NOT_FOUND', message: `No such endpoint: ${request.method} ${request.url.split('?')[0]}` } }),
  );
  // Counted always (a few map updates per request); served only when asked for.
  const metrics = new ServerMetrics({ processMetrics: Boolean(exposeMetrics) });
  app.addHook('onResponse', async (request, reply) => {
    metrics.request(request.routeOptions.url, request.method, reply.statusCode, reply.elapsedTime / 1000);
  });
  if (exposeMetrics) metricsRoute(app, metrics, exposeMetrics.token);
  const ctx = serviceContext(database, { clock, lifetimes });
  const loginThrottle = new LoginThrottle(database.db, ctx.clock);

  await app.register(
    async (api) => {
      api.get('/health', async () => ({ status: 'ok' }));
      authRoutes(api, ctx, loginThrottle);
      api.register(async (secured) => {
        secured.addHook('preHandler', async (request: FastifyRequest) => {
          request.user = await authenticate(ctx, bearerToken(request));
        });
        syncRoutes(secured, ctx, metrics);
        workOrderRoutes(secured, ctx);
        workRequestRoutes(secured, ctx);
        adminRoutes(secured, ctx);
        userRoutes(secured, ctx);
      });
    },
    { prefix: API_PREFIX },
  );
  if (updatesDir) await registerUpdateFeed(app, updatesDir);
  return app;
}

function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (!value || typeof value !== 'object' || depth > 64) return false;
  return Object.entries(value).some(([key, inner]) => key.includes('\u0000') || containsNul(inner, depth + 1));
}
