import { settledOutcome, type MutationResult } from '../../../shared/sync/protocol';
import type { WorkOrderRecord } from '../../../shared/domain/workOrder';
import { cached, type Db } from '../db/connection';
import { hasUnsynced, rebasePendingEdits, settle, type OutboxEntry } from '../journal/outbox';
import { adoptServerRecord, updateWorkOrderView } from '../journal/workOrderView';

/**
 * Applies the server's answers to one pushed batch, in one local transaction.
 * A retried mutation's `duplicate` is handled as its first outcome.
 * Returns the ids of the work orders whose view changed.
 */
export function applyPushResults(db: Db, batch: OutboxEntry[], results: MutationResult[], now: string): Set<string> {
  const touched = new Set<string>();
  const received = cached(db, 'UPDATE hours_entries SET received_at = coalesce(received_at, ?), version = max(version, 1) WHERE id = ?');
  const requestReceived = cached(db, 'UPDATE work_requests SET received_at = coalesce(received_at, ?) WHERE id = ?');
  db.transaction(() => {
    const adopted = new Map<string, WorkOrderRecord>();
    batch.forEach((entry, i) => {
      const outcome = settledOutcome(results[i]!);
      touched.add(entry.workOrderId);
      if (outcome.status !== 'applied') {
        settle(db, entry.id, outcome.status, outcome);
        return;
      }
      // An applied change keeps the short answer: its record is already the server copy (a backlog of thousands stays small).
      settle(db, entry.id, 'applied', { id: outcome.id, status: 'applied', version: outcome.version });
      // Later unsent edits of the record follow it, if it is the newest we know (a duplicate re-sent after a
      // restore answers with the record as it was then: edits made since are not rebased onto that).
      if (outcome.record && adoptServerRecord(db, outcome.record, now)) {
        adopted.set(outcome.record.id, outcome.record);
        rebasePendingEdits(db, entry.entityId, outcome.record.version);
      }
      if (entry.type === 'hoursEntry.create') received.run(now, entry.entityId);
      if (entry.type === 'workRequest.create') requestReceived.run(now, entry.entityId);
    });
    for (const id of touched) updateWorkOrderView(db, id, adopted.get(id), hasUnsynced(db, id));
  }).immediate();
  return touched;
}
