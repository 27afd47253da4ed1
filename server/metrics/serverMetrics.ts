import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { MutationResult, PullResponse } from '../../shared/sync/protocol';

/** The label of requests no route matched: raw URLs (ids, scanners' guesses) would grow the series without end. */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * Request latency buckets in seconds: a health probe answers in a millisecond, a push of 1,000
 * changes on a loaded PostgreSQL may take seconds; the app gives sign-in 15 s.
 */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * The sync server's Prometheus series, in a registry of its own per server instance (never
 * prom-client's global one), so two servers in one process (tests, the app's demo server) keep
 * their own counts. Labels are bounded sets only: route patterns, methods, status codes, the
 * protocol's outcome statuses, mutation types and entities.
 */
export class ServerMetrics {
  readonly registry = new Registry();

  private readonly requests = new Counter({
    name: 'shopfloor_http_requests_total',
    help: 'HTTP requests answered, by route pattern, method and status code.',
    labelNames: ['route', 'method', 'status_code'] as const,
    registers: [this.registry],
  });

  private readonly latency = new Histogram({
    name: 'shopfloor_http_request_duration_seconds',
    help: 'Time from receiving a request to sending its answer, by route pattern and method.',
    labelNames: ['route', 'method'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  private readonly mutations = new Counter({
    name: 'shopfloor_sync_mutations_total',
    help: 'Pushed changes by the server’s answer (applied, conflict, rejected, duplicate) and mutation type.',
    labelNames: ['status', 'type'] as const,
    registers: [this.registry],
  });

  private readonly pulled = new Counter({
    name: 'shopfloor_sync_records_pulled_total',
    help: 'Records sent to workstations by pulls, by entity.',
    labelNames: ['entity'] as const,
    registers: [this.registry],
  });

  /**
   * `processMetrics`: also Node's standard process series (CPU, memory, event-loop delay, GC),
   * unprefixed so stock dashboards read them. Only when the endpoint is served: they start an
   * event-loop-delay sampler and a GC observer for the life of the process.
   */
  constructor({ processMetrics = false }: { processMetrics?: boolean } = {}) {
    if (processMetrics) collectDefaultMetrics({ register: this.registry });
  }

  request(route: string | undefined, method: string, statusCode: number, seconds: number): void {
    const labels = { route: route ?? UNMATCHED_ROUTE, method };
    this.requests.inc({ ...labels, status_code: String(statusCode) });
    this.latency.observe(labels, seconds);
  }

  push(mutations: { type: string }[], results: MutationResult[]): void {
    results.forEach((result, i) => this.mutations.inc({ status: result.status, type: mutations[i]?.type ?? 'unknown' }));
  }

  pull(changes: PullResponse['changes']): void {
    const byEntity = new Map<string, number>();
    for (const change of changes) byEntity.set(change.entity, (byEntity.get(change.entity) ?? 0) + 1);
    for (const [entity, count] of byEntity) this.pulled.inc({ entity }, count);
  }

  /** The Prometheus text exposition of every series. */
  scrape(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
