import type { Mutation } from '../../../shared/sync/protocol';
import { PUSH_MAX_MUTATIONS } from '../../../shared/sync/protocol';
import type { Db } from '../db/connection';
import type { SecretStore } from '../auth/secretStore';
import { tokenKey } from '../auth/session';
import type { Logger } from '../logger';
import { listOutbox, type OutboxEntry } from '../journal/outbox';
import { applyPulledPage, clientId, readCursor } from './applyPull';
import { applyPushResults } from './applyResults';
import { backoffDelay, SyncClient, SyncRequestError } from './syncClient';

export type Connection = 'online' | 'unreachable' | 'not_configured';

/** Pulled records applied per local transaction. */
const APPLY_CHUNK = 100;

export interface SyncWorkerDeps {
  db: Db;
  client: SyncClient | null;
  secrets: SecretStore;
  logger: Logger;
  now: () => string;
  /** The signed-in user, whose token pulls (any user's pending changes go with their own token). */
  currentUser: () => string | null;
  /** Something changed: records (ids) or just the sync state. */
  onChange: (workOrderIds: string[]) => void;
  random?: () => number;
  /** How long after a local write the worker pushes (ms). */
  writeDelayMs?: number;
  /** How often it pulls when nothing else happens (ms). */
  pullEveryMs?: number;
  pageSize?: number;
}

export interface CycleReport {
  sent: number;
  received: number;
  outcome: 'ok' | 'offline' | 'failed' | 'not_configured';
  message: string;
}

/**
 * The sync worker: one cycle at a time (push pending changes in order, then
 * pull until caught up), triggered at start-up, shortly after a local write,
 * periodically, on "Sync now" and when the network returns. A failed cycle
 * always re-arms its retry with backoff, and work written during a cycle
 * triggers another one (SYNC.md pitfall 8).
 */
export class SyncWorker {
  connection: Connection;
  lastSyncedAt: string | null = null;
  syncing = false;
  /** Changes received so far in the running cycle: a long first sync shows progress. */
  received = 0;
  /** Users whose token the server refused: their changes wait until they sign in again. */
  readonly signedOutUsers = new Set<string>();
  private running: Promise<CycleReport> | null = null;
  /** The cycle asked for while one was running: it starts when that one ends, and only once. */
  private next: Promise<CycleReport> | null = null;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Until start(), nothing runs by itself (tests drive cycles with syncNow). */
  private stopped = true;
  /** The journal is closing: a cycle in progress stops touching it and nothing new starts. */
  private closed = false;

  private client: SyncClient | null;

  constructor(private readonly deps: SyncWorkerDeps) {
    this.client = deps.client;
    this.connection = deps.client ? 'unreachable' : 'not_configured';
    // A push interrupted by a crash is sent again: the server answers `duplicate` if it had it.
    deps.db.prepare("UPDATE outbox SET state = 'pending' WHERE state = 'in_flight'").run();
    this.lastSyncedAt =
      (deps.db.prepare("SELECT max(finished_at) AS at FROM sync_history WHERE outcome = 'ok'").get() as { at: string | null }).at ?? null;
  }

  start(): void {
    this.stopped = false;
    void this.syncNow();
  }

  /** Another server (Settings): the outbox and its ids stay; the feed starts over. */
  setClient(client: SyncClient | null): void {
    this.client = client;
    this.connection = client ? 'unreachable' : 'not_configured';
    this.attempt = 0;
    if (!this.stopped) void this.syncNow();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Before the journal closes (app quit): a running cycle ends at its next step without writing. */
  shutdown(): void {
    this.closed = true;
    this.stop();
  }

  /** A local write: push shortly, so several quick edits go in one cycle. */
  localWrite(): void {
    this.schedule(this.deps.writeDelayMs ?? 1000);
  }

  /** The OS says the network is back: do not wait for the backoff. */
  networkOnline(): void {
    this.attempt = 0;
    void this.syncNow();
  }

  /**
   * Runs a cycle now, or right after the one in progress (which may have
   * started before the caller's change was written). Resolves with its report.
   */
  syncNow(): Promise<CycleReport> {
    if (this.running) {
      this.next ??= this.running.then(() => {
        this.next = null;
        return this.syncNow();
      });
      return this.next;
    }
    this.running = this.cycle().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Resolves when no cycle is running or queued: for tests and shutdown. */
  async idle(): Promise<void> {
    while (this.running || this.next) await (this.next ?? this.running);
  }

  private schedule(ms: number): void {
    if (this.stopped || !this.client) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.syncNow();
    }, ms);
    this.timer.unref?.();
  }

  private async cycle(): Promise<CycleReport> {
    const { logger } = this.deps;
    const client = this.client;
    if (this.closed) return { sent: 0, received: 0, outcome: 'failed', message: 'Shopfloor is closing.' };
    if (!client) return { sent: 0, received: 0, outcome: 'not_configured', message: 'No sync server is set up.' };
    const started = this.deps.now();
    this.syncing = true;
    this.received = 0;
    this.deps.onChange([]);
    let report: CycleReport;
    try {
      if (!(await client.healthy())) {
        this.connection = 'unreachable';
        report = { sent: 0, received: 0, outcome: 'offline', message: 'The sync server could not be reached.' };
      } else {
        this.connection = 'online';
        const sent = await this.pushAll(client);
        const received = await this.pullAll(client);
        report = { sent, received, outcome: 'ok', message: '' };
      }
    } catch (error) {
      if (this.closed) return { sent: 0, received: 0, outcome: 'failed', message: 'Shopfloor is closing.' };
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof SyncRequestError && error.kind === 'unreachable') this.connection = 'unreachable';
      else logger.error('sync cycle failed', error);
      report = { sent: 0, received: 0, outcome: error instanceof SyncRequestError && error.kind === 'unreachable' ? 'offline' : 'failed', message };
    }
    if (this.closed) return report;
    const finished = this.deps.now();
    this.deps.db
      .prepare('INSERT INTO sync_history (started_at, finished_at, sent, received, outcome, message) VALUES (?, ?, ?, ?, ?, ?)')
      .run(started, finished, report.sent, report.received, report.outcome, report.message);
    this.syncing = false;
    if (report.outcome === 'ok') {
      this.lastSyncedAt = finished;
      this.attempt = 0;
      this.schedule(this.deps.pullEveryMs ?? 60_000);
    } else {
      this.schedule(backoffDelay(this.attempt++, this.deps.random));
    }
    this.deps.onChange([]);
    return report;
  }

  /** Pending changes in order, in batches of one user each, with that user's token. */
  private async pushAll(client: SyncClient): Promise<number> {
    const { db, secrets, now } = this.deps;
    const id = clientId(db);
    let sent = 0;
    const skipped = new Set<string>();
    for (;;) {
      const pending = listOutbox(db, ['pending']).filter((e) => !skipped.has(e.id));
      const batch = nextBatch(pending, (user) => secrets.get(tokenKey(user)), skipped, this.waitingOn(db));
      if (!batch) return sent;
      const token = secrets.get(tokenKey(batch[0]!.userId))!;
      const mark = db.prepare('UPDATE outbox SET state = ? WHERE id = ?');
      db.transaction(() => batch.forEach((e) => mark.run('in_flight', e.id))).immediate();
      try {
        const results = await client.push(token, id, batch.map(toMutation));
        const touched = applyPushResults(db, batch, results, now());
        sent += batch.length;
        this.deps.onChange([...touched]);
      } catch (error) {
        db.transaction(() => batch.forEach((e) => mark.run('pending', e.id))).immediate();
        if (error instanceof SyncRequestError && error.kind === 'unauthorized') {
          const user = batch[0]!.userId;
          secrets.delete(tokenKey(user));
          this.signedOutUsers.add(user);
          continue;
        }
        throw error;
      }
    }
  }

  /** Mutation ids that are not on the server yet: a change depending on one must wait for it. */
  private waitingOn(db: Db): Set<string> {
    return new Set(listOutbox(db, ['pending', 'in_flight']).map((e) => e.id));
  }

  private async pullAll(client: SyncClient): Promise<number> {
    const { db, secrets, now } = this.deps;
    const user = this.deps.currentUser();
    const token = user ? secrets.get(tokenKey(user)) : undefined;
    if (!token) return 0;
    let received = 0;
    for (;;) {
      let page;
      try {
        page = await client.pull(token, readCursor(db), this.deps.pageSize ?? 500);
      } catch (error) {
        if (error instanceof SyncRequestError && error.kind === 'resync') {
          // A restored server: start the feed again; the outbox is kept and re-sent as needed.
          db.prepare("DELETE FROM local_meta WHERE key = 'pull_cursor'").run();
          continue;
        }
        throw error;
      }
      // Small transactions with a breath between them, so the main process (and the UI) never stalls.
      const changed: string[] = [];
      for (let i = 0; i < page.changes.length || i === 0; i += APPLY_CHUNK) {
        const last = i + APPLY_CHUNK >= page.changes.length;
        changed.push(...applyPulledPage(db, page.changes.slice(i, i + APPLY_CHUNK), last ? page.cursor : null, now()));
        await new Promise((resolve) => setImmediate(resolve));
      }
      received += page.changes.length;
      this.received = received;
      this.deps.onChange(changed);
      if (!page.hasMore) return received;
    }
  }
}

/**
 * The next batch: consecutive pending changes of one user who has a token,
 * at most PUSH_MAX_MUTATIONS. Changes of users without a token wait, and so
 * does anything that depends on a change still waiting.
 */
function nextBatch(
  pending: OutboxEntry[],
  tokenOf: (user: string) => string | undefined,
  skipped: Set<string>,
  notOnServer: Set<string>,
): OutboxEntry[] | null {
  const batch: OutboxEntry[] = [];
  const blocked = new Set<string>();
  for (const entry of pending) {
    const waits = !tokenOf(entry.userId) || (entry.dependsOn !== null && (blocked.has(entry.dependsOn) || (notOnServer.has(entry.dependsOn) && !batch.some((b) => b.id === entry.dependsOn))));
    if (waits) {
      blocked.add(entry.id);
      skipped.add(entry.id);
      continue;
    }
    if (batch.length && (batch[0]!.userId !== entry.userId || batch.length >= PUSH_MAX_MUTATIONS)) break;
    batch.push(entry);
  }
  return batch.length ? batch : null;
}

const toMutation = (e: OutboxEntry): Mutation => ({
  id: e.id,
  seq: e.seq,
  type: e.type,
  entityId: e.entityId,
  baseVersion: e.baseVersion,
  payload: e.payload,
  createdAt: e.createdAt,
});
