import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { WorkOrderRecord } from '../../shared/domain/workOrder';
import {
  API_PREFIX,
  PushResponse,
  type Mutation,
  type MutationResult,
  type OutcomeStatus,
  type PullResponse,
  type RejectionCode,
} from '../../shared/sync/protocol';

/** One push answer as tests read it: any status's fields may be looked at (the answer itself was checked by PushResponse). */
export type PushAnswer = MutationResult & {
  version?: number;
  record?: WorkOrderRecord;
  code?: RejectionCode;
  message?: string;
  original?: OutcomeStatus;
  dependsOn?: string;
};
import { startServer, type RunningServer, type StartOptions } from '../../server';
import { DEMO_PASSWORD } from '../../server/seed';
import { makeTempDir } from './tempDir';

/**
 * Real sync servers on loopback for tests: SQLite in a temp folder always,
 * PostgreSQL (a fresh schema per server group) when TEST_DATABASE_URL is set.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
export const POSTGRES_SKIP_REASON =
  'TEST_DATABASE_URL is not set: PostgreSQL server tests skipped (.ci/run sets it; locally e.g. postgres://postgres@127.0.0.1:5432/test).';

export type TestDialect = 'sqlite' | 'postgres';
export const DIALECTS: TestDialect[] = TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
if (!TEST_DATABASE_URL) console.log(`[server tests] ${POSTGRES_SKIP_REASON}`);

export interface TestDatabase {
  dialect: TestDialect;
  /** Options that open this database; pass to several startServer calls for several instances. */
  options: StartOptions;
  drop(): Promise<void>;
}

export function makeTestDatabase(dialect: TestDialect): TestDatabase {
  if (dialect === 'sqlite') {
    const temp = makeTempDir('shopfloor-server-');
    return { dialect, options: { dataDir: temp.dir }, drop: async () => temp.remove() };
  }
  const schema = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  return {
    dialect,
    options: { databaseUrl: TEST_DATABASE_URL, schema },
    drop: async () => {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}

/** A thin HTTP client for tests: real fetch over loopback. */
export class ApiClient {
  token = '';
  constructor(readonly baseUrl: string) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${this.baseUrl}${API_PREFIX}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  }

  async login(username: string, password = DEMO_PASSWORD) {
    const response = await this.request('POST', '/auth/login', { username, password });
    if (response.status !== 200) throw new Error(`login ${username}: ${JSON.stringify(response.body)}`);
    this.token = response.body.token;
    return this;
  }

  /** Pushes, checks the answer against the wire protocol, and returns the answers for assertions. */
  async push(clientId: string, mutations: Mutation[]): Promise<PushAnswer[]> {
    const response = await this.request('POST', '/sync/push', { clientId, mutations });
    if (response.status !== 200) throw new Error(`push: ${response.status} ${JSON.stringify(response.body)}`);
    return PushResponse.parse(response.body).results;
  }

  async pull(cursor?: string, limit = 1000): Promise<PullResponse> {
    const query = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
    const response = await this.request('GET', `/sync/pull?${query}`);
    if (response.status !== 200) throw new Error(`pull: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  /** Pulls until caught up; returns every change and the final cursor. */
  async pullAll(cursor?: string, limit = 1000) {
    const changes: PullResponse['changes'] = [];
    for (;;) {
      const page = await this.pull(cursor, limit);
      changes.push(...page.changes);
      cursor = page.cursor;
      if (!page.hasMore) return { changes, cursor };
    }
  }
}

/** Builds mutations the way a client would: fresh ids, increasing seq. */
export class MutationFactory {
  readonly clientId = randomUUID();
  private seq = 0;

  make(type: Mutation['type'], entityId: string, payload: unknown, baseVersion: number | null = null): Mutation {
    return { id: randomUUID(), seq: ++this.seq, type, entityId, baseVersion, payload, createdAt: new Date().toISOString() };
  }
  createWorkOrder(payload: Record<string, unknown> = {}, id: string = randomUUID()) {
    return this.make('workOrder.create', id, { title: 'Check the pump', ...payload });
  }
  update(id: string, baseVersion: number, payload: Record<string, unknown>) {
    return this.make('workOrder.update', id, payload, baseVersion);
  }
  overwrite(id: string, baseVersion: number, payload: Record<string, unknown>) {
    return this.make('workOrder.overwrite', id, payload, baseVersion);
  }
  hours(workOrderId: string, hours = 1.5, id: string = randomUUID()) {
    return this.make('hoursEntry.create', id, {
      workOrderId,
      hours,
      workDate: '2026-11-27',
      note: 'Replaced the seal',
      performedAt: '2026-11-27T10:00:00.000Z',
    });
  }
}

export async function startTestServer(database: TestDatabase, extra: StartOptions = {}): Promise<RunningServer> {
  return startServer({ ...database.options, ...extra });
}
