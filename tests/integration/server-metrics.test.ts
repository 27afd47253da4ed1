import { randomUUID } from 'node:crypto';
import type { PullResponse } from '../../shared/sync/protocol';
import { describe, expect, test } from '../helpers/fixtures';
import { parsePrometheusText } from '../helpers/prometheusText';
import { ApiClient, DIALECTS, MutationFactory } from '../helpers/testServer';

/**
 * GET /metrics as the shop's Prometheus reads it: real work over real HTTP, then the scraped
 * text parsed and its numbers checked against what the test did.
 */
const TOKEN = 'metrics-token-for-tests-0123456789';

async function scrape(url: string, token = TOKEN) {
  const response = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parsePrometheusText(await response.text());
}

/** Pulls page by page until caught up; counts the pages and the records of each entity the workstation got. */
async function pullEverything(client: ApiClient, cursor?: string) {
  const received: Record<string, number> = {};
  let pages = 0;
  for (;;) {
    const page: PullResponse = await client.pull(cursor, 100);
    pages++;
    for (const change of page.changes) received[change.entity] = (received[change.entity] ?? 0) + 1;
    cursor = page.cursor;
    if (!page.hasMore) return { received, pages, cursor };
  }
}

describe.each(DIALECTS)('GET /metrics on %s', (dialect) => {
  test('counts sign-ins, pushes by outcome, records pulled, and latency by route', async ({ startServer }) => {
    const server = await startServer({ dialect, seed: 'demo', metrics: { token: TOKEN } });
    const bob = await new ApiClient(server.url).login('bob');
    const alice = await new ApiClient(server.url).login('alice');

    const first = await pullEverything(bob);
    const m = new MutationFactory();
    const create = m.createWorkOrder({ title: 'Noisy bearing on line 2' });
    const [created] = await bob.push(m.clientId, [create]);
    expect(created!.status).toBe('applied');
    const workOrder = created!.record!;
    // alice changes it first; bob's change made against the same version is a conflict.
    const a = new MutationFactory();
    expect((await alice.push(a.clientId, [a.update(workOrder.id, workOrder.version, { description: 'Alice was here' })]))[0]!.status).toBe('applied');
    const stale = m.update(workOrder.id, workOrder.version, { status: 'on_hold' });
    const tooMany = m.hours(workOrder.id, 30);
    expect((await bob.push(m.clientId, [stale, tooMany])).map((r) => r.status)).toEqual(['conflict', 'rejected']);
    // A retry after a lost answer: nothing applied twice, answered as duplicates.
    expect((await bob.push(m.clientId, [create, stale])).map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    const second = await pullEverything(bob, first.cursor);
    expect(second.received).toEqual({ workOrder: 1 });

    const metrics = await scrape(server.url);
    const mutations = (status: string, type: string) => metrics.value('shopfloor_sync_mutations_total', { status, type });
    expect(mutations('applied', 'workOrder.create')).toBe(1);
    expect(mutations('applied', 'workOrder.update')).toBe(1);
    expect(mutations('conflict', 'workOrder.update')).toBe(1);
    expect(mutations('rejected', 'hoursEntry.create')).toBe(1);
    expect(mutations('duplicate', 'workOrder.create')).toBe(1);
    expect(mutations('duplicate', 'workOrder.update')).toBe(1);
    expect(metrics.all('shopfloor_sync_mutations_total').reduce((sum, s) => sum + s.value, 0)).toBe(6);

    // Every record the workstation received, once, by entity: the demo data, then bob's new work order.
    expect(first.received.workOrder).toBeGreaterThan(0);
    for (const entity of ['workOrder', 'asset', 'hoursEntry']) {
      const expected = (first.received[entity] ?? 0) + (second.received[entity] ?? 0);
      expect(metrics.value('shopfloor_sync_records_pulled_total', { entity }) ?? 0).toBe(expected);
    }

    const requests = (route: string, method: string, status_code: string) =>
      metrics.value('shopfloor_http_requests_total', { route, method, status_code });
    expect(requests('/api/v1/auth/login', 'POST', '200')).toBe(2);
    expect(requests('/api/v1/sync/push', 'POST', '200')).toBe(4);
    expect(requests('/api/v1/sync/pull', 'GET', '200')).toBe(first.pages + second.pages);

    expect(metrics.types.get('shopfloor_http_request_duration_seconds')).toBe('histogram');
    const latency = { route: '/api/v1/sync/push', method: 'POST' };
    expect(metrics.value('shopfloor_http_request_duration_seconds_count', latency)).toBe(4);
    expect(metrics.value('shopfloor_http_request_duration_seconds_bucket', { ...latency, le: '+Inf' })).toBe(4);
    expect(metrics.value('shopfloor_http_request_duration_seconds_sum', latency)).toBeGreaterThan(0);
    // Node's process series come along in the same registry.
    expect(metrics.value('process_cpu_seconds_total')).toBeGreaterThan(0);
  });

  test('labels requests by route pattern, so record ids and unknown paths never become series', async ({ startServer }) => {
    const server = await startServer({ dialect, seed: 'users', metrics: { token: TOKEN } });
    const bob = await new ApiClient(server.url).login('bob');
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    for (const id of ids) expect((await bob.request('GET', `/work-orders/${id}`)).status).toBe(404);
    expect((await bob.request('GET', `/no-such-page/${ids[0]}`)).status).toBe(404);

    const response = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    const text = await response.text();
    for (const id of ids) expect(text).not.toContain(id);
    const metrics = parsePrometheusText(text);
    expect(metrics.value('shopfloor_http_requests_total', { route: '/api/v1/work-orders/:id', method: 'GET', status_code: '404' })).toBe(3);
    expect(metrics.value('shopfloor_http_requests_total', { route: 'unmatched', method: 'GET', status_code: '404' })).toBe(1);
  });

  test('refuses /metrics without the metrics token, even to a signed-in supervisor', async ({ startServer }) => {
    const server = await startServer({ dialect, seed: 'users', metrics: { token: TOKEN } });
    const sam = await new ApiClient(server.url).login('sam');
    for (const authorization of [undefined, `Bearer ${TOKEN.slice(0, -1)}`, `Bearer ${TOKEN}x`, `Basic ${TOKEN}`, `Bearer ${sam.token}`]) {
      const response = await fetch(`${server.url}/metrics`, { headers: authorization ? { authorization } : {} });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await response.json()).toMatchObject({ error: { code: 'UNAUTHORIZED', message: expect.stringContaining('metrics token') } });
    }
    // And the metrics token is no access token: it opens nothing under /api/v1.
    const withMetricsToken = new ApiClient(server.url);
    withMetricsToken.token = TOKEN;
    expect(await withMetricsToken.request('GET', '/sync/pull')).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHORIZED' } } });
    // The refusals were counted, under the route's own pattern.
    expect((await scrape(server.url)).value('shopfloor_http_requests_total', { route: '/metrics', method: 'GET', status_code: '401' })).toBe(5);
  });

  test('serves no /metrics unless it was turned on', async ({ startServer }) => {
    const server = await startServer({ dialect, seed: 'users' });
    const response = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  test('keeps the counts of each server apart: two servers in one process share nothing', async ({ startServer }) => {
    const busy = await startServer({ dialect, seed: 'users', metrics: { token: TOKEN } });
    const idle = await startServer({ dialect, seed: 'users', metrics: { token: TOKEN } });
    const bob = await new ApiClient(busy.url).login('bob');
    const m = new MutationFactory();
    await bob.push(m.clientId, [m.createWorkOrder(), m.createWorkOrder()]);

    expect((await scrape(busy.url)).value('shopfloor_sync_mutations_total', { status: 'applied', type: 'workOrder.create' })).toBe(2);
    const quiet = await scrape(idle.url);
    expect(quiet.all('shopfloor_sync_mutations_total')).toEqual([]);
    expect(quiet.all('shopfloor_http_requests_total', { route: '/api/v1/auth/login' })).toEqual([]);
  });
});
