import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../logger';
import type { PullWriterReply, PullWriterRequest } from './pullWriterWorker';

/**
 * Writes pulled pages on a worker thread, on its own connection to the
 * journal, so a first sync of 100,000+ records never freezes the window:
 * the main thread only fetches pages and hears which work orders changed.
 * Big transactions (a whole page) are what make pulling fast in SQLite; on
 * the main thread they would stall it, here they cost nothing visible.
 *
 * A technician's own writes must not wait on SQLite's lock while a page is
 * being written (that wait would block the main thread): the core awaits
 * `idle()` before each of them, so they queue behind the page instead.
 */
export interface PullWriter {
  /**
   * `body`: the page as the server sent it (JSON text); its changes are checked on the thread before anything is written.
   * `from`: the cursor the page was asked after. The page is written only if the journal's cursor still stands
   * there: pages are sent without waiting for the ones before them, and if one of those was refused, the pages
   * behind it must not move the cursor past its records (they would never be pulled again). They are refused too,
   * and the next sync asks again from where the last written page left off.
   * `deferIndexes`: a first full pull, written without the list and search indexes until `restoreIndexes`.
   */
  apply(body: string, from: string | null, cursor: string, now: string, deferIndexes?: boolean): Promise<string[]>;
  /** Builds the indexes a first pull deferred (db/deferredIndexes.ts), on the thread; local writes wait for it like for a page. */
  restoreIndexes(): Promise<void>;
  /** The thread failed or stopped answering: the sync worker writes pages itself from then on. */
  readonly broken: boolean;
  /** Resolves when no page is being written. */
  idle(): Promise<void>;
  /** Waits (briefly, blocking) until the thread has closed its connection, so the journal can be moved or deleted. */
  close(): void;
}

/** A page takes well under a second; a thread that does not answer in a minute is stuck. */
const PAGE_TIMEOUT_MS = 60_000;
const CLOSE_WAIT_MS = 5_000;
/** Building the deferred indexes reads every work order: seconds for 100,000, so allow it far longer than a page. */
const RESTORE_TIMEOUT_MS = 600_000;

/**
 * The worker's code: the built file next to the bundled main, or (tests, benchmarks) the TypeScript
 * source loaded through tsx's require hook, since a worker does not inherit the --import loader.
 */
function workerScript(): { code: string; eval: boolean } | null {
  const built = path.join(__dirname, 'pullWriterWorker.js');
  if (existsSync(built)) return { code: built, eval: false };
  const source = path.join(__dirname, 'pullWriterWorker.ts');
  if (existsSync(source)) return { code: `require('tsx/cjs'); require(${JSON.stringify(source)});`, eval: true };
  return null;
}

/** The thread starts with the first page. If it cannot, `broken` is set and pages are written on the main thread. */
export function createPullWriter(journalPath: string, logger: Logger): PullWriter {
  let worker: Worker | null = null;
  let broken = false;
  let nextId = 0;
  let busy: Promise<unknown> = Promise.resolve();
  // Set to 1 by the thread once its connection is closed.
  const closed = new Int32Array(new SharedArrayBuffer(4));
  const waiting = new Map<number, { resolve(changed: string[]): void; reject(error: Error): void }>();
  const failAll = (error: Error) => {
    broken = true;
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };

  const start = (): Worker | null => {
    const script = workerScript();
    if (!script) {
      logger.warn('pulled pages are written on the main thread: the pull writer script is missing');
      broken = true;
      return null;
    }
    try {
      const thread = new Worker(script.code, { eval: script.eval, workerData: { journalPath, closed } });
      thread.unref();
      thread.on('message', (reply: PullWriterReply) => {
        const request = waiting.get(reply.id);
        waiting.delete(reply.id);
        if ('error' in reply) request?.reject(new Error(reply.error));
        else request?.resolve(reply.changed);
      });
      thread.on('error', (error) => {
        logger.error('the pull writer failed; pulled pages are written on the main thread from now on', { error: String(error) });
        failAll(error);
      });
      thread.on('exit', () => failAll(new Error('The pull writer stopped.')));
      return thread;
    } catch (error) {
      logger.warn('pulled pages are written on the main thread: the pull writer did not start', { error: String(error) });
      broken = true;
      return null;
    }
  };

  const send = (request: (id: number) => Exclude<PullWriterRequest, { kind: 'close' }>, timeoutMs = PAGE_TIMEOUT_MS): Promise<string[]> => {
    // Once broken (failed, stopped, or stopped answering), nothing more is posted: a page sent to a dead thread
    // would only wait for its timeout. The sync worker writes on the main thread from its next cycle.
    if (broken) return Promise.reject(new Error('The pull writer is not running.'));
    worker ??= start();
    const thread = worker;
    if (!thread) return Promise.reject(new Error('The pull writer is not running.'));
    const id = ++nextId;
    const done = new Promise<string[]>((resolve, reject) => {
      const timer = setTimeout(() => failAll(new Error('The pull writer stopped answering.')), timeoutMs);
      timer.unref();
      waiting.set(id, {
        resolve: (changed) => {
          clearTimeout(timer);
          resolve(changed);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      thread.postMessage(request(id) satisfies PullWriterRequest);
    });
    busy = done.catch(() => undefined);
    return done;
  };

  return {
    get broken() {
      return broken;
    },
    apply(body, from, cursor, now, deferIndexes = false) {
      return send((id) => ({ kind: 'apply', id, body, from, cursor, now, deferIndexes }));
    },
    restoreIndexes() {
      return send((id) => ({ kind: 'restore', id }), RESTORE_TIMEOUT_MS).then(() => undefined);
    },
    idle: () => busy.then(() => undefined),
    close() {
      if (!worker || broken) return;
      // The thread finishes the page it is writing, closes its connection and says so; it is never killed mid-transaction.
      worker.postMessage({ kind: 'close' } satisfies PullWriterRequest);
      Atomics.wait(closed, 0, 0, CLOSE_WAIT_MS);
    },
  };
}
