import { PUSH_MAX_BYTES, PUSH_MAX_MUTATIONS, type Mutation } from '../../../shared/sync/protocol';
import type { OutboxEntry } from '../journal/outbox';

/** What choosing a batch needs to know of the journal and the tokens: injected, so the choice is tested on plain lists. */
export interface BatchSource {
  /** Pending changes after outbox position `seq`, oldest first. */
  pendingAfter(seq: number, limit: number): OutboxEntry[];
  /** The change is still waiting to be sent or has no answer yet (the server may not have it). */
  notOnServer(mutationId: string): boolean;
  hasToken(user: string): boolean;
}

/** Outbox rows read per page while choosing. */
const PAGE = 500;

/**
 * The next batch after outbox position `after`: consecutive pending changes
 * of one user who has a token, at most PUSH_MAX_MUTATIONS and about
 * PUSH_MAX_BYTES. Changes of users without a token wait (added to
 * `waiting`), and so does anything that depends on a change that waits or
 * is not on the server yet. Reads the outbox page by page from `after`, so a
 * large backlog costs one pass, not one pass per batch.
 */
export function nextBatch(source: BatchSource, after: number, waiting: Set<string>): { batch: OutboxEntry[]; lastSeq: number } {
  const batch: OutboxEntry[] = [];
  const inBatch = new Set<string>();
  let bytes = 0;
  let lastSeq = after;
  for (;;) {
    const page = source.pendingAfter(lastSeq, PAGE);
    if (!page.length) return { batch, lastSeq };
    for (const entry of page) {
      const dep = entry.dependsOn;
      // An edit of a new work order is made against the version its create gets: it goes once the create is applied (and the edit rebased), not beside it.
      const needsApplied = entry.baseVersion === null && (entry.type === 'workOrder.update' || entry.type === 'workOrder.overwrite');
      const waits =
        !source.hasToken(entry.userId) || (dep !== null && (waiting.has(dep) || ((needsApplied || !inBatch.has(dep)) && source.notOnServer(dep))));
      if (waits) {
        waiting.add(entry.id);
        lastSeq = entry.seq;
        continue;
      }
      const size = JSON.stringify(entry.payload).length + 300;
      if (batch.length && (batch[0]!.userId !== entry.userId || batch.length >= PUSH_MAX_MUTATIONS || bytes + size > PUSH_MAX_BYTES)) {
        return { batch, lastSeq };
      }
      batch.push(entry);
      inBatch.add(entry.id);
      bytes += size;
      lastSeq = entry.seq;
    }
  }
}

/** An outbox entry as the protocol sends it. */
export const toMutation = (e: OutboxEntry): Mutation => ({
  id: e.id,
  seq: e.seq,
  type: e.type,
  entityId: e.entityId,
  baseVersion: e.baseVersion,
  payload: e.payload,
  createdAt: e.createdAt,
});
