import type { Change, MutationResult } from '../../../shared/sync/protocol';
import type { PullWriter } from './pullWriter';
import type { Db } from '../db/connection';
import type { SecretStore } from '../auth/secretStore';
import { replaceKnownUsers } from '../db/people';
import { forgetSession, needsRenewal, readSession, saveSession, type ServerSession } from '../auth/tokens';
import type { Logger } from '../logger';
import { markInFlight, pendingAfter, returnInFlightToPending, returnToPending, stateOf, UNSENT_STATES, type OutboxEntry } from '../journal/outbox';
import { nextBatch, toMutation } from './pushBatch';
import { STATION_USER } from '../journal/workRequests';
import { applyPulledPage } from './applyPull';
import { indexesDeferred, restoreDeferredIndexes } from '../db/deferredIndexes';
import { applyPushResults } from './applyResults';
import { clientId, readPullCursor } from './pullCursor';
import { finishResync, startResync } from './resync';
import { lastSuccessfulSync, recordCycle } from './syncHistory';
import { backoffDelay, SyncClient, SyncRequestError } from './syncClient';

export type Connection = 'online' | 'unreachable' | 'not_configured';

/** A pulled page, with `from`: the cursor it was asked after. */
type FetchedPage = { from: string | null } & (
  | { body: string; count: number; cursor: string; hasMore: boolean }
  | { changes: Change[]; count: number; cursor: string; hasMore: boolean }
);

/** Pulled records applied per local transaction: at 50 the longest stall stays under 50 ms (100: ~75 ms; 500: ~160 ms). */
const APPLY_CHUNK = 50;
/** Pulled pages that may wait for the pull writer while more are fetched. */
const PAGES_QUEUED = 10;

/** The server's answers to one pushed batch (by change id), and why the request failed if it did. */
interface Answers {
  batch: OutboxEntry[];
  user: string;
  results: Map<string, MutationResult>;
  error: unknown;
}

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
  /** Writes pulled pages on a worker thread; without one they are written here in small transactions. */
  pullWriter?: PullWriter | null;
}

export interface WorkerSnapshot {
  connection: Connection;
  lastSyncedAt: string | null;
  syncing: boolean;
  received: number;
  signedOutUsers: string[];
}

export interface CycleReport {
  sent: number;
  received: number;
  outcome: 'ok' | 'offline' | 'failed' | 'not_configured' | 'signed_out';
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
  private connection: Connection;
  private lastSyncedAt: string | null = null;
  private syncing = false;
  /** Changes received so far in the running cycle: a long first sync shows progress. */
  private received = 0;
  /** Users whose token the server refused: their changes wait until they sign in again. */
  private readonly signedOutUsers = new Set<string>();
  /** The last pull started the feed over (a restored server): changes are sent again before the cycle ends. */
  private resynced = false;
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
    returnInFlightToPending(deps.db);
    this.lastSyncedAt = lastSuccessfulSync(deps.db);
  }

  /** What the status bar and tray are computed from: a copy, never the worker's own fields. */
  snapshot(): WorkerSnapshot {
    return {
      connection: this.connection,
      lastSyncedAt: this.lastSyncedAt,
      syncing: this.syncing,
      received: this.received,
      signedOutUsers: [...this.signedOutUsers],
    };
  }

  /** The user signed in again: their waiting changes may go with their new token. */
  userSignedIn(username: string): void {
    this.signedOutUsers.delete(username);
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
        let sent = await this.pushAll(client);
        const pulled = await this.pullAll(client);
        if (pulled !== 'signed_out') await this.refreshKnownUsers(client);
        // After a resync, what the restored server may have lost was queued again: send it in this cycle.
        if (this.resynced) {
          this.resynced = false;
          sent += await this.pushAll(client);
        }
        report =
          pulled === 'signed_out'
            ? { sent, received: 0, outcome: 'signed_out', message: 'The server no longer accepts this sign-in: sign in again to receive changes.' }
            : { sent, received: pulled, outcome: 'ok', message: '' };
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
    recordCycle(this.deps.db, { startedAt: started, finishedAt: finished, ...report });
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

  /**
   * Pending changes in order, in batches of one user each, with that user's
   * token. One request at a time is on its way to the server; while it is,
   * the answers to the batch before it are applied here (the server and the
   * workstation work side by side, not one after the other). Answers are
   * applied in batch order, each batch's once, in one local transaction.
   */
  private async pushAll(client: SyncClient): Promise<number> {
    const { db } = this.deps;
    const id = clientId(db);
    let sent = 0;
    // Everything up to `after` was sent in this cycle or waits; `waiting` are the changes that wait.
    let after = 0;
    const waiting = new Set<string>();
    // Answered by the server, not applied here yet.
    let answered: Answers | null = null;
    let flight: Promise<Answers> | null = null;
    let failed: Answers | null = null;
    try {
      for (;;) {
        const next = nextBatch(
          {
            pendingAfter: (seq, limit) => pendingAfter(db, seq, limit),
            notOnServer: (mutationId) => (UNSENT_STATES as readonly string[]).includes(stateOf(db, mutationId) ?? ''),
            hasToken: (user) => this.tokenHolder(user) !== null,
          },
          after,
          waiting,
          answered?.batch,
        );
        after = next.lastSeq;
        const { batch } = next;
        if (batch.length) {
          const user = this.tokenHolder(batch[0]!.userId)!;
          // In flight before it leaves: a local edit meanwhile is never folded into a change already sent.
          markInFlight(db, batch);
          flight = this.request(client, user, id, batch);
          // Let fetch start the request before applying (a synchronous transaction) holds this thread. A large
          // body may still finish leaving after the apply (docs/benchmarks.md, issue 14: more turns made the
          // overlap real but, with both processes on a busy 2-core machine, no faster).
          await new Promise((resolve) => setImmediate(resolve));
        }
        const applied = answered !== null;
        if (answered) {
          sent += this.apply(answered);
          answered = null;
        }
        if (!flight) {
          // Nothing chosen: edits that waited for the answers just applied may go now.
          if (applied) continue;
          return sent;
        }
        const answers = await flight;
        flight = null;
        if (answers.error === null) {
          answered = answers;
          continue;
        }
        // Whatever the server did not answer goes back to waiting; what it answered stays answered.
        failed = answers;
        sent += this.apply(answers);
        returnToPending(db, answers.batch);
        failed = null;
        if (answers.error instanceof SyncRequestError && answers.error.kind === 'unauthorized') {
          this.signedOut(answers.user);
          answers.batch.forEach((e) => waiting.add(e.id));
          continue;
        }
        throw answers.error;
      }
    } catch (error) {
      // Applying failed (or a request did): nothing is left marked as sent. A batch answered but not
      // applied is sent again later, and the server answers `duplicate` with its first answer.
      const unsettled = [flight ? await flight : null, answered, failed];
      for (const answers of unsettled) if (answers) returnToPending(db, answers.batch);
      throw error;
    }
  }

  /** Sends a batch; resolves (never rejects) with the answers it got and, if it failed, why. */
  private async request(client: SyncClient, user: string, id: string, batch: OutboxEntry[]): Promise<Answers> {
    const results = new Map<string, MutationResult>();
    try {
      await this.authorized(client, user, (token) => this.send(client, token, id, batch, results));
      return { batch, user, results, error: null };
    } catch (error) {
      return { batch, user, results, error };
    }
  }

  /** Applies the answers a batch got, in its order, in one local transaction. */
  private apply({ batch, results }: Answers): number {
    const done = batch.filter((e) => results.has(e.id));
    if (!done.length) return 0;
    const touched = applyPushResults(
      this.deps.db,
      done,
      done.map((e) => results.get(e.id)!),
      this.deps.now(),
    );
    this.deps.onChange([...touched]);
    return done.length;
  }

  /**
   * Whose token sends a user's changes: their own. Work requests reported
   * without an account (the station's) go with the token this PC holds: the
   * signed-in user's, else that of the last user to sign in here whose sign-in
   * the server still accepts. Null: nobody's, the changes wait.
   */
  private tokenHolder(user: string): string | null {
    const { secrets } = this.deps;
    if (user !== STATION_USER) return readSession(secrets, user) ? user : null;
    const current = this.deps.currentUser();
    if (current && readSession(secrets, current) && !this.signedOutUsers.has(current)) return current;
    const accounts = this.deps.db
      .prepare<[], { username: string }>('SELECT username FROM local_accounts ORDER BY last_sign_in DESC')
      .all();
    return accounts.find((a) => readSession(secrets, a.username) && !this.signedOutUsers.has(a.username))?.username ?? null;
  }

  /**
   * Pushes a batch and keeps the answers (in `results`, by change id; the
   * worker applies them). If the server refuses the request as a whole (a
   * 4xx, not an answer per change: say one change a newer server no longer
   * accepts, or a body too large), the batch is split until the change it
   * objects to is alone; that one goes to the refused list with the server's
   * message and the rest go through. Retrying it unchanged would block this
   * technician's queue forever.
   */
  private async send(client: SyncClient, token: string, id: string, batch: OutboxEntry[], results: Map<string, MutationResult>): Promise<void> {
    let answers: MutationResult[];
    try {
      answers = await client.push(token, id, batch.map(toMutation));
    } catch (error) {
      if (!(error instanceof SyncRequestError && error.kind === 'refused')) throw error;
      if (batch.length > 1) {
        const half = Math.ceil(batch.length / 2);
        await this.send(client, token, id, batch.slice(0, half), results);
        await this.send(client, token, id, batch.slice(half), results);
        return;
      }
      this.deps.logger.warn('the server refused a change as a request', { id: batch[0]!.id, message: error.message });
      answers = [{ id: batch[0]!.id, status: 'rejected', code: error.code ?? 'VALIDATION_FAILED', message: `The server refused this change: ${error.message}` }];
    }
    // A change answered twice (a renewed token sent the batch again) keeps one answer: the server's `duplicate` is its first.
    batch.forEach((e, i) => results.set(e.id, answers[i]!));
  }

  /**
   * Runs a request with the user's access token: renewed first when it is
   * about to expire, and once more if the server says it expired. A refused
   * renewal means the user must sign in again (SyncRequestError unauthorized);
   * their unsent work stays.
   */
  private async authorized<T>(client: SyncClient, user: string, request: (token: string) => Promise<T>): Promise<T> {
    let session = readSession(this.deps.secrets, user);
    if (!session) throw new SyncRequestError('unauthorized', `${user} must sign in again.`);
    if (needsRenewal(session, this.deps.now())) session = await this.renew(client, user, session.token);
    try {
      return await request(session.token);
    } catch (error) {
      if (!(error instanceof SyncRequestError && error.kind === 'expired')) throw error;
      return request((await this.renew(client, user, session.token)).token);
    }
  }

  /** Renewals in progress, per user: pages fetched side by side must not use one refresh token twice (that ends the sign-in). */
  private readonly renewing = new Map<string, Promise<ServerSession>>();

  private renew(client: SyncClient, user: string, staleToken: string): Promise<ServerSession> {
    const current = readSession(this.deps.secrets, user);
    if (current && current.token !== staleToken) return Promise.resolve(current); // renewed meanwhile
    let renewal = this.renewing.get(user);
    if (!renewal) {
      renewal = (async () => {
        if (!current?.refreshToken) throw new SyncRequestError('unauthorized', `${user}'s sign-in expired.`);
        const renewed = await client.refresh(current.refreshToken);
        saveSession(this.deps.secrets, user, renewed);
        return renewed;
      })().finally(() => this.renewing.delete(user));
      this.renewing.set(user, renewal);
    }
    return renewal;
  }

  /** The server refused the user's sign-in: their changes wait until they sign in again (status bar and tray say so). */
  private signedOut(user: string): void {
    forgetSession(this.deps.secrets, user);
    this.signedOutUsers.add(user);
  }

  /**
   * The people work may be assigned to, for the picker while offline. A server
   * without the list (an older version) or a failed answer keeps the last one:
   * the sync itself went well.
   */
  private async refreshKnownUsers(client: SyncClient): Promise<void> {
    const user = this.deps.currentUser();
    if (!user || !readSession(this.deps.secrets, user)) return;
    try {
      const users = await this.authorized(client, user, (token) => client.assignableUsers(token));
      if (!this.closed) replaceKnownUsers(this.deps.db, users);
    } catch (error) {
      this.deps.logger.warn('could not refresh the list of people', error instanceof Error ? error.message : String(error));
    }
  }

  /** Pulls with the signed-in user's token until caught up; 'signed_out' if the server no longer accepts it. */
  private async pullAll(client: SyncClient): Promise<number | 'signed_out'> {
    // Nobody signed in (the sign-in screen): the PC still hears back about the requests reported here, with the token it holds.
    const user = this.deps.currentUser() ?? this.tokenHolder(STATION_USER);
    if (user && this.signedOutUsers.has(user)) return 'signed_out';
    try {
      return await this.pullAllAs(client, user);
    } catch (error) {
      if (!(user && error instanceof SyncRequestError && error.kind === 'unauthorized')) throw error;
      this.signedOut(user);
      return 'signed_out';
    }
  }

  private async pullAllAs(client: SyncClient, user: string | null): Promise<number> {
    const { db, secrets, now } = this.deps;
    if (!user || !readSession(secrets, user)) return 0;
    let received = 0;
    // With the pull writer, pages go to its thread as text: it checks every change and writes them there,
    // up to PAGES_QUEUED pages wait for it while the next ones are fetched, and it takes whatever queued
    // up in one transaction. Without it, pages are checked and written here, in small transactions.
    const writing: Promise<void>[] = [];
    const writer = this.deps.pullWriter && !this.deps.pullWriter.broken ? this.deps.pullWriter : null;
    const pageSize = this.deps.pageSize ?? 500;
    const fetchPage = (cursor: string | null): Promise<FetchedPage> => {
      const request = this.authorized<FetchedPage>(client, user, (token): Promise<FetchedPage> =>
        writer
          ? client.pullUnchecked(token, cursor, pageSize).then((p) => ({ ...p, from: cursor }))
          : client.pull(token, cursor, pageSize).then((p) => ({ ...p, count: p.changes.length, from: cursor })),
      );
      request.catch(() => undefined); // awaited below; never an unhandled rejection if this cycle ends first
      return request;
    };
    let resyncing = false;
    // A pull from the start of the feed (a new workstation, a resync) writes every record: on the thread, the list
    // and search indexes are dropped with its first records and built once it has caught up (db/deferredIndexes.ts).
    // The main-thread path keeps them: building them at the end there would stall the window.
    let deferIndexes = writer !== null && readPullCursor(db) === null;
    let next = fetchPage(readPullCursor(db));
    const counted = (changes: number, changed: string[]) => {
      received += changes;
      this.received = received;
      this.deps.onChange(changed);
    };
    try {
      for (;;) {
        let page;
        try {
          page = await next;
        } catch (error) {
          if (error instanceof SyncRequestError && error.kind === 'resync') {
            // A restored server: take its records as they now are and send again what it may have lost.
            await Promise.all(writing.splice(0));
            startResync(db);
            resyncing = true;
            deferIndexes = writer !== null;
            next = fetchPage(readPullCursor(db));
            continue;
          }
          throw error;
        }
        // The next page is on its way while this one is written: the server and the network work meanwhile.
        // (The local cursor still moves only with the records it covers.)
        if (page.hasMore) next = fetchPage(page.cursor);
        if (writer && 'body' in page) {
          const size = page.count;
          const write = writer.apply(page.body, page.from, page.cursor, now(), deferIndexes).then((changed) => counted(size, changed));
          write.catch(() => undefined); // awaited below
          writing.push(write);
          if (writing.length >= PAGES_QUEUED) await writing.shift();
        } else if ('changes' in page) {
          // Small transactions with a breath between them, so the main process (and the UI) never stalls.
          const changed: string[] = [];
          for (let i = 0; i < page.changes.length || i === 0; i += APPLY_CHUNK) {
            const last = i + APPLY_CHUNK >= page.changes.length;
            changed.push(...applyPulledPage(db, page.changes.slice(i, i + APPLY_CHUNK), last ? page.cursor : null, now()));
            await new Promise((resolve) => setImmediate(resolve));
          }
          counted(page.changes.length, changed);
        }
        if (!page.hasMore) {
          await Promise.all(writing.splice(0));
          // Caught up: build what this pull (or one the network cut short earlier) deferred. On the thread it
          // stalls nothing; here only if the thread broke half-way through a first pull.
          if (indexesDeferred(db)) {
            if (writer && !writer.broken) await writer.restoreIndexes();
            else restoreDeferredIndexes(db);
          }
          if (resyncing) {
            this.deps.onChange(finishResync(db));
            this.resynced = true;
          }
          return received;
        }
      }
    } finally {
      // Never leave the cycle while pages are still being written (a failed fetch, say).
      await Promise.allSettled(writing);
    }
  }
}
