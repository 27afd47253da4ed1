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
 *
 * `unapplied` is the batch the server has answered whose answers are not
 * applied here yet (they are applied while this batch is on its way). Its
 * changes are on the server, so what depends on them may go; but an edit of
 * a work order it touches (an edit of a new one waiting for its create, or
 * any edit the answers may rebase) is sent as those answers make it: the
 * batch ends before that edit and the next one, chosen after the apply,
 * starts with it. So batches go in the same order as if each were chosen
 * after the last one's answers were applied.
 */
export function nextBatch(
  source: BatchSource,
  after: number,
  waiting: Set<string>,
  unapplied: readonly OutboxEntry[] = [],
): { batch: OutboxEntry[]; lastSeq: number } {
  const answered = new Set(unapplied.map((e) => e.id));
  const touched = new Set(unapplied.map((e) => e.entityId));
  const notOnServer = (id: string) => !answered.has(id) && source.notOnServer(id);
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
      const isEdit = entry.type === 'workOrder.update' || entry.type === 'workOrder.overwrite';
      const needsApplied = entry.baseVersion === null && isEdit;
      const waits =
        !source.hasToken(entry.userId) || (dep !== null && (waiting.has(dep) || ((needsApplied || !inBatch.has(dep)) && notOnServer(dep))));
      if (waits) {
        waiting.add(entry.id);
        lastSeq = entry.seq;
        continue;
      }
      // Answers not applied yet may rebase this edit (or are its create's): it goes after the apply.
      if ((needsApplied && dep !== null && answered.has(dep)) || (isEdit && touched.has(entry.entityId))) return { batch, lastSeq };
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
