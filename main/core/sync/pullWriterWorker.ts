/**
 * The pull writer's thread (see pullWriter.ts): its own connection to the
 * journal. Pages that queued up while it was writing are written together in
 * one transaction (up to MAX_RECORDS): fewer, bigger transactions are what
 * make SQLite fast, and here they stall nothing. The cursor is committed with
 * the records of the last page, so a crash still misses nothing.
 * On a first full pull the list and search indexes are dropped with the first
 * records and built here once the pull has caught up ('restore'): a long
 * transaction that stalls nothing on this thread.
 */
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { z } from 'zod';
import { Change } from '../../../shared/sync/protocol';
import { openDatabase } from '../db/connection';
import { restoreDeferredIndexes } from '../db/deferredIndexes';
import { applyPulledPage } from './applyPull';

export type PullWriterRequest =
  | { kind: 'apply'; id: number; body: string; from: string | null; cursor: string; now: string; deferIndexes: boolean }
  | { kind: 'restore'; id: number }
  | { kind: 'close' };
export type PullWriterReply = { id: number; changed: string[] } | { id: number; error: string };

const MAX_RECORDS = 5_000;
const Changes = z.array(Change);

const { journalPath, closed } = workerData as { journalPath: string; closed: Int32Array };
const db = openDatabase(journalPath);
const port = parentPort!;
const queue: PullWriterRequest[] = [];

port.on('message', (first: PullWriterRequest) => {
  queue.push(first);
  for (let more = receiveMessageOnPort(port); more; more = receiveMessageOnPort(port)) queue.push(more.message as PullWriterRequest);
  drain();
});

function drain(): void {
  while (queue.length) {
    if (queue[0]!.kind === 'close') {
      db.close();
      Atomics.store(closed, 0, 1);
      Atomics.notify(closed, 0);
      port.close();
      return;
    }
    if (queue[0]!.kind === 'restore') {
      const { id } = queue.shift() as Extract<PullWriterRequest, { kind: 'restore' }>;
      try {
        restoreDeferredIndexes(db);
        port.postMessage({ id, changed: [] } satisfies PullWriterReply);
      } catch (error) {
        port.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies PullWriterReply);
      }
      continue;
    }
    const batch: { request: Extract<PullWriterRequest, { kind: 'apply' }>; changes: Change[] }[] = [];
    let records = 0;
    let refused: string | null = null;
    // Only pages that follow one another go in one transaction: a page asked after another cursor starts its own.
    while (queue[0]?.kind === 'apply' && records < MAX_RECORDS && (batch.length === 0 || queue[0].from === batch.at(-1)!.request.cursor)) {
      const request = queue.shift() as Extract<PullWriterRequest, { kind: 'apply' }>;
      // The trust boundary: every pulled change is checked before it is written.
      const checked = Changes.safeParse((JSON.parse(request.body) as { changes?: unknown }).changes);
      if (!checked.success) {
        refused = 'The server answered the pull with something unexpected.';
        batch.push({ request, changes: [] });
        break;
      }
      batch.push({ request, changes: checked.data });
      records += checked.data.length;
    }
    const last = batch.at(-1)!.request;
    try {
      if (refused) throw new Error(refused);
      const changed = applyPulledPage(db, batch.flatMap((b) => b.changes), last.cursor, last.now, {
        after: batch[0]!.request.from,
        deferIndexes: batch.some(({ request }) => request.deferIndexes),
      });
      batch.forEach(({ request }) => port.postMessage({ id: request.id, changed: request === last ? changed : [] } satisfies PullWriterReply));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      batch.forEach(({ request }) => port.postMessage({ id: request.id, error: message } satisfies PullWriterReply));
    }
  }
}
