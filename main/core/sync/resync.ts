import type { Db } from '../db/connection';
import { UNSYNCED_STATES, inList } from '../journal/outbox';
import { refreshWorkOrderView } from '../journal/workOrderView';
import { resetPullCursor } from './pullCursor';

/**
 * The server's data was restored from a backup (or reset): its feed has a new
 * epoch and what this PC holds may be newer than the server's truth, or gone
 * from it. A resync takes the server's records as they now are, whatever
 * their versions, and loses nothing typed here:
 * - every copy of a server record is marked stale (version -1), so the
 *   pulled records replace it even where the restored version is lower;
 * - changes the server had answered are queued again: the server answers
 *   `duplicate` for those it still has and applies those the restore lost
 *   (mutation ids make this safe), so nothing is applied twice;
 * - the feed starts from the beginning.
 * When the pull is complete, `finishResync` removes what the restored server
 * no longer has, unless something of this PC's still waits on it.
 */
export function startResync(db: Db): void {
  db.transaction(() => {
    db.prepare('UPDATE work_order_base SET version = -1').run();
    db.prepare('UPDATE assets SET version = -1').run();
    db.prepare('UPDATE hours_entries SET version = -1 WHERE received_at IS NOT NULL').run();
    db.prepare('UPDATE work_requests SET version = -1 WHERE version > 0').run();
    db.prepare("UPDATE outbox SET state = 'pending' WHERE state = 'applied'").run();
    resetPullCursor(db);
  }).immediate();
}

/** After the whole feed was pulled again: what is still stale is not on the server any more. Returns the work orders removed. */
export function finishResync(db: Db): string[] {
  return db
    .transaction(() => {
      const gone = (db.prepare(`SELECT id FROM work_order_base WHERE version = -1`).all() as { id: string }[]).map((r) => r.id);
      db.prepare('DELETE FROM work_order_base WHERE version = -1').run();
      // Work orders with nothing of ours waiting go; the others are replayed from this PC's own changes.
      for (const id of gone) refreshWorkOrderView(db, id);
      db.prepare(`DELETE FROM hours_entries WHERE version = -1 AND id NOT IN (SELECT entity_id FROM outbox WHERE state IN (${inList(UNSYNCED_STATES)}))`).run();
      db.prepare(`DELETE FROM work_requests WHERE version = -1 AND id NOT IN (SELECT entity_id FROM outbox WHERE state IN (${inList(UNSYNCED_STATES)}))`).run();
      db.prepare(`DELETE FROM assets WHERE version = -1 AND id NOT IN (SELECT asset_id FROM work_orders WHERE asset_id IS NOT NULL)`).run();
      return gone;
    })
    .immediate();
}
