import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MUTATION_TYPES } from '../../shared/sync/protocol';
import type { RunningServer } from '../../server';
import { ApiClient, DIALECTS, makeTestDatabase, startTestServer, type TestDatabase } from '../helpers/testServer';

/**
 * Thousands of random and malformed requests to every endpoint, through
 * Fastify's whole pipeline (parsing, hooks, routes, database): the answer is
 * a 2xx or a 4xx in our error shape, never a 5xx, and the server lives on.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);

const ENDPOINTS = [
  ['GET', '/api/v1/health'],
  ['POST', '/api/v1/auth/login'],
  ['POST', '/api/v1/sync/push'],
  ['GET', '/api/v1/sync/pull'],
  ['GET', '/api/v1/work-orders/:id'],
  ['PATCH', '/api/v1/work-orders/:id'],
  ['GET', '/api/v1/work-orders/:id/history'],
  ['GET', '/api/v1/work-requests/:id'],
  ['GET', '/api/v1/work-requests/:id/history'],
] as const;

const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('', ' ', '\u0000', '../../etc/passwd', "'; DROP TABLE users; --", 'WO-10001'));
const number = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 1e308, Number.MAX_SAFE_INTEGER, 2 ** 31, 0.5));
const jsonish = fc.oneof(fc.json(), fc.jsonValue().map((v) => JSON.stringify(v)), text);

const mutation = fc.record(
  {
    id: fc.oneof(fc.uuid(), text),
    seq: number,
    type: fc.oneof(fc.constantFrom(...MUTATION_TYPES), text),
    entityId: fc.oneof(fc.uuid(), text),
    baseVersion: fc.oneof(number, fc.constant(null)),
    payload: fc.oneof(
      fc.jsonValue(),
      fc.record(
        {
          title: text,
          description: text,
          status: fc.oneof(fc.constantFrom('open', 'in_progress', 'completed', 'cancelled'), text),
          priority: text,
          workOrderId: fc.oneof(fc.uuid(), text),
          hours: number,
          workDate: fc.oneof(fc.constantFrom('2026-11-27', '2026-02-30'), text),
          performedAt: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), text),
          assetId: fc.oneof(fc.constant(null), text),
          dueAt: fc.oneof(fc.constant(null), text),
          // Work requests' fields.
          urgency: fc.oneof(fc.constantFrom('low', 'urgent'), text),
          machineStopped: fc.oneof(fc.boolean(), text),
          requestedBy: text,
          reportedAt: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), text),
          reason: text,
        },
        { requiredKeys: [] },
      ),
    ),
    createdAt: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), text),
  },
  { requiredKeys: [] },
);

const body = fc.oneof(
  jsonish,
  fc.record({ clientId: fc.oneof(fc.uuid(), text), mutations: fc.oneof(fc.array(mutation, { maxLength: 5 }), fc.jsonValue()) }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
  fc.record({ username: text, password: text }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
);

const request = fc.record({
  endpoint: fc.constantFrom(...ENDPOINTS),
  id: fc.oneof(fc.uuid(), text),
  query: fc.dictionary(fc.constantFrom('cursor', 'limit', 'x'), text, { maxKeys: 3 }),
  body: fc.option(body, { nil: undefined }),
  contentType: fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', undefined),
  ifMatch: fc.option(fc.oneof(text, fc.nat().map(String)), { nil: undefined }),
  auth: fc.constantFrom('valid', 'none', 'garbage'),
});

describe.each(DIALECTS)('server fuzzing on %s', (dialect) => {
  let database: TestDatabase;
  let server: RunningServer;
  let token: string;

  beforeAll(async () => {
    database = makeTestDatabase(dialect);
    server = await startTestServer(database, { seed: 'demo' });
    token = (await new ApiClient(server.url).login('alice')).token;
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });

  it(`answers ${RUNS} random requests with 2xx or 4xx in the error shape, never 5xx`, async () => {
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const [method, template] = r.endpoint;
        const path = template.replace(':id', encodeURIComponent(r.id));
        const query = new URLSearchParams(r.query).toString();
        const headers: Record<string, string> = {};
        if (r.contentType && r.body !== undefined) headers['content-type'] = r.contentType;
        if (r.ifMatch !== undefined) headers['if-match'] = r.ifMatch.replace(/[^\x20-\x7e]/g, '');
        if (r.auth === 'valid') headers.authorization = `Bearer ${token}`;
        if (r.auth === 'garbage') headers.authorization = 'Bearer zzzzzzzzzzzzzzzzzzzzzzzzzzzzzz';
        const response = await server.app.inject({
          method,
          url: query ? `${path}?${query}` : path,
          headers,
          payload: method === 'GET' ? undefined : r.body,
        });
        expect(response.statusCode, `${method} ${path} → ${response.body}`).toBeLessThan(500);
        if (response.statusCode >= 400) {
          expect(response.json()).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
        }
      }),
      { numRuns: dialect === 'sqlite' ? RUNS : Math.ceil(RUNS / 3) },
    );
    // Still serving after all that.
    expect((await server.app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
  }, 120_000);
});
