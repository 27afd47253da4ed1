import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { UserSummary } from '../shared/domain/records';
import { EDITABLE_WORK_ORDER_FIELDS } from '../shared/domain/workOrder';
import {
  API_PREFIX,
  AuditEntry,
  LoginRequest,
  MAX_VERSION,
  PullQuery,
  PushRequest,
  WorkOrderUpdatePayload,
  type LoginResponse,
} from '../shared/sync/protocol';
import { LoginThrottle } from './auth/loginThrottle';
import { verifyPassword } from './auth/passwords';
import { issueToken, userForToken } from './auth/tokens';
import type { ServerDatabase } from './db/database';
import { findWorkOrder, WriteSession } from './domain/writeSession';
import { errorHandler, HttpError, parseOr400 } from './errors';
import { decodeCursor } from './sync/cursor';
import { pullChanges } from './sync/pull';
import { pushMutations } from './sync/push';

export interface ServerOptions {
  database: ServerDatabase;
  /** Fastify's pino logger options, or false for none (tests). */
  logger?: boolean | object;
  loginThrottle?: LoginThrottle;
}

declare module 'fastify' {
  interface FastifyRequest {
    user?: UserSummary;
  }
}

const IdParams = z.object({ id: z.string().min(1).max(64) });

/** Routes → services → Kysely queries. Everything under /api/v1; all but health and login need a token. */
export async function buildServer({ database, logger = false, loginThrottle = new LoginThrottle() }: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger, bodyLimit: 1024 * 1024, return503OnClosing: true });
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
  const epoch = (await database.db.selectFrom('meta').select('value').where('key', '=', 'feed_epoch').executeTakeFirstOrThrow()).value;
  const now = () => new Date().toISOString();

  const authenticated = async (request: FastifyRequest) => {
    const header = request.headers.authorization;
    const token = typeof header === 'string' && /^Bearer /i.test(header) ? header.slice(7).trim() : '';
    const user = token ? await userForToken(database, token) : undefined;
    if (!user) throw new HttpError(401, 'UNAUTHORIZED', 'Sign in again: the server did not accept your session.');
    request.user = user;
  };

  await app.register(
    async (api) => {
      api.get('/health', async () => ({ status: 'ok' }));

      api.post('/auth/login', async (request, reply) => {
        const { username, password } = parseOr400(LoginRequest, request.body);
        const key = `${username.toLowerCase()}|${request.ip}`;
        const wait = loginThrottle.retryAfter(key);
        if (wait > 0) {
          reply.header('retry-after', String(wait));
          throw new HttpError(429, 'TOO_MANY_ATTEMPTS', `Too many failed sign-ins. Try again in ${Math.ceil(wait / 60)} minutes.`);
        }
        const user = await database.db.selectFrom('users').selectAll().where('username', '=', username.toLowerCase()).executeTakeFirst();
        // Verify against a hash even for unknown users, so timing does not tell who exists.
        const valid = await verifyPassword(password, user?.password_hash ?? UNKNOWN_USER_HASH);
        if (!user || !valid) {
          loginThrottle.failed(key);
          throw new HttpError(401, 'UNAUTHORIZED', 'Wrong user name or password.');
        }
        loginThrottle.succeeded(key);
        const body: LoginResponse = {
          token: await issueToken(database, user.id, now()),
          user: { id: user.id, username: user.username, role: user.role },
        };
        return body;
      });

      api.register(async (secured) => {
        secured.addHook('preHandler', authenticated);

        secured.post('/sync/push', async (request) => {
          const { clientId, mutations } = parseOr400(PushRequest, request.body);
          return { results: await pushMutations(database, request.user!, clientId, mutations) };
        });

        secured.get('/sync/pull', async (request) => {
          const { cursor, limit } = parseOr400(PullQuery, request.query);
          const decoded = decodeCursor(cursor, epoch);
          if (!decoded.ok) {
            throw decoded.reason === 'other_epoch'
              ? new HttpError(410, 'RESYNC_REQUIRED', 'The server’s data was restored or reset: pull again from the start (keep unsent changes).')
              : new HttpError(400, 'INVALID_CURSOR', 'The cursor is not one this server gave out.');
          }
          return pullChanges(database, epoch, decoded.position, limit);
        });

        secured.get('/work-orders/:id', async (request) => {
          const { id } = parseOr400(IdParams, request.params);
          const workOrder = await findWorkOrder(database.db, id);
          if (!workOrder) throw new HttpError(404, 'NOT_FOUND', 'This work order does not exist.');
          return workOrder;
        });

        secured.patch('/work-orders/:id', async (request) => {
          const { id } = parseOr400(IdParams, request.params);
          const ifMatch = request.headers['if-match'];
          if (ifMatch === undefined) {
            throw new HttpError(428, 'PRECONDITION_REQUIRED', 'Say which version you edited: send If-Match: <version>.');
          }
          const baseVersion = parseOr400(z.coerce.number().int().nonnegative().max(MAX_VERSION), String(ifMatch).replace(/"/g, ''));
          const fields = parseOr400(WorkOrderUpdatePayload, request.body);
          const unknown = Object.keys(request.body as object).filter((k) => !(EDITABLE_WORK_ORDER_FIELDS as string[]).includes(k));
          if (unknown.length) throw new HttpError(400, 'VALIDATION_FAILED', `These fields cannot be changed: ${unknown.join(', ')}.`);
          const outcome = await database.db.transaction().execute(async (tx) => {
            const session = await WriteSession.open(tx, database.dialect, { workOrderIds: [id], assetIds: fields.assetId ? [fields.assetId] : [] });
            const result = session.changeWorkOrder(id, baseVersion, fields, 'update', { user: request.user!, mutationId: null, now: now() });
            await session.flush();
            return result;
          });
          switch (outcome.kind) {
            case 'applied':
              return outcome.record;
            case 'conflict':
              throw new HttpError(412, 'PRECONDITION_FAILED', `${outcome.record.updatedBy} changed this work order first.`, { record: outcome.record });
            case 'rejected':
              throw new HttpError(outcome.code === 'NOT_FOUND' || outcome.code === 'DEPENDENCY_REJECTED' ? 404 : 422, outcome.code, outcome.message);
          }
        });

        secured.get('/work-orders/:id/history', async (request) => {
          const { id } = parseOr400(IdParams, request.params);
          if (!(await findWorkOrder(database.db, id))) throw new HttpError(404, 'NOT_FOUND', 'This work order does not exist.');
          const rows = await database.db
            .selectFrom('audit_log')
            .selectAll()
            .where('entity', '=', 'workOrder')
            .where('entity_id', '=', id)
            .orderBy('id')
            .execute();
          return {
            entries: rows.map((r) =>
              AuditEntry.parse({
                id: Number(r.id),
                at: r.at,
                userId: r.user_id,
                mutationId: r.mutation_id,
                action: r.action,
                before: r.before_json && JSON.parse(r.before_json),
                after: r.after_json && JSON.parse(r.after_json),
              }),
            ),
          };
        });
      });
    },
    { prefix: API_PREFIX },
  );
  return app;
}

function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (!value || typeof value !== 'object' || depth > 64) return false;
  return Object.entries(value).some(([key, inner]) => key.includes('\u0000') || containsNul(inner, depth + 1));
}

/** A real scrypt hash of a random password: checked when the user name is unknown. */
const UNKNOWN_USER_HASH =
  'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$yZ5QkGgTaYJ5p0cPpAHG4HcX5cBxFOPo0cEyvtTEOnk';
