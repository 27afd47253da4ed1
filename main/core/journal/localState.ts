import type { HoursLocalState, LocalState, Refusal } from '../../../shared/domain/localState';
import type { MutationResult } from '../../../shared/sync/protocol';
import { settledOutcome } from '../../../shared/sync/protocol';
import { cached, type Db } from '../db/connection';
import { inList, UNSENT_STATES, UNSYNCED_STATES } from './outbox';

/**
 * The one place that decides where each local record stands with the server
 * (shared/domain/localState.ts): every screen, count, total and the tray read
 * it from here, so the screen can never contradict the journal.
 *
 * A work order is, in this order of precedence:
 * - conflict: one of its changes waits for the technician's Overwrite / Discard / Merge;
 * - refused: the server refused its offline create (for good: nothing built on it can be sent), or
 *   refused a change to it or hours on it that the technician has not acknowledged yet;
 * - unsynced: something of it (its fields or hours on it) waits to be sent;
 * - discarded: the technician's last change to it was dropped with "Discard my changes";
 * - synced: the server has everything this PC did to it.
 * An hours entry is refused (the server refused it: it is kept, and not counted), unsynced or synced.
 */

export interface RecordState<S extends LocalState = LocalState> {
  localState: S;
  /** Something of it waits to be sent (the "not yet synced" marker); true also while in conflict. */
  pending: boolean;
  refusal: Refusal | null;
}

const SYNCED: RecordState<'synced'> = { localState: 'synced', pending: false, refusal: null };

interface OutboxStateRow {
  id: string;
  seq: number;
  type: string;
  entity_id: string;
  work_order_id: string;
  state: string;
  result: string | null;
  acknowledged_at: string | null;
}

/** Rows that can decide a state: settled-and-forgotten ones (applied, resolved) never do. */
const DECIDING = inList([...UNSYNCED_STATES, 'rejected', 'discarded']);
/** Parameters per query, well under SQLite's limit. */
const CHUNK = 500;

function refusalOf(row: OutboxStateRow): Refusal {
  const result = row.result ? settledOutcome(JSON.parse(row.result) as MutationResult) : null;
  return {
    changeId: row.id,
    code: result?.status === 'rejected' ? result.code : 'VALIDATION_FAILED',
    message: result?.status === 'rejected' ? result.message : 'The server refused this change.',
    acknowledged: row.acknowledged_at !== null,
  };
}

function rowsFor(db: Db, column: 'work_order_id' | 'entity_id', ids: readonly string[]): OutboxStateRow[] {
  const rows: OutboxStateRow[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const some = ids.slice(i, i + CHUNK);
    rows.push(
      ...db
        .prepare<string[], OutboxStateRow>(
          `SELECT id, seq, type, entity_id, work_order_id, state, result, acknowledged_at FROM outbox
           WHERE ${column} IN (${some.map(() => '?').join(',')}) AND state IN (${DECIDING}) ORDER BY seq`,
        )
        .all(...some),
    );
  }
  return rows;
}

/** The last change this PC made to the work order's own fields was discarded (and nothing came after it). */
function lastChangeDiscarded(db: Db, id: string): boolean {
  const last = cached<[string], { state: string }>(
    db,
    "SELECT state FROM outbox WHERE entity_id = ? AND type LIKE 'workOrder.%' ORDER BY seq DESC LIMIT 1",
  ).get(id);
  return last?.state === 'discarded';
}

function decideWorkOrder(db: Db, id: string, rows: readonly OutboxStateRow[]): RecordState {
  if (!rows.length) return SYNCED;
  const unsent = rows.some((r) => (UNSYNCED_STATES as readonly string[]).includes(r.state));
  if (rows.some((r) => r.state === 'conflict')) return { localState: 'conflict', pending: true, refusal: null };
  const refusedCreate = rows.find((r) => r.state === 'rejected' && r.type === 'workOrder.create' && r.entity_id === id);
  const unread = rows.filter((r) => r.state === 'rejected' && r.acknowledged_at === null);
  const refused = refusedCreate ?? unread.at(-1);
  if (refused) return { localState: 'refused', pending: unsent, refusal: refusalOf(refused) };
  if (unsent) return { localState: 'unsynced', pending: true, refusal: null };
  if (rows.some((r) => r.state === 'discarded') && lastChangeDiscarded(db, id)) return { localState: 'discarded', pending: false, refusal: null };
  return SYNCED;
}

/** The state of each of these work orders (ids not in the journal's outbox are synced). */
export function workOrderStates(db: Db, ids: readonly string[]): Map<string, RecordState> {
  const byWorkOrder = new Map<string, OutboxStateRow[]>();
  for (const row of rowsFor(db, 'work_order_id', ids)) {
    const list = byWorkOrder.get(row.work_order_id) ?? [];
    list.push(row);
    byWorkOrder.set(row.work_order_id, list);
  }
  return new Map(ids.map((id) => [id, decideWorkOrder(db, id, byWorkOrder.get(id) ?? [])]));
}

export function workOrderState(db: Db, id: string): RecordState {
  return workOrderStates(db, [id]).get(id)!;
}

/** The state of each of these hours entries: pulled ones (no outbox row here) are synced. */
export function hoursStates(db: Db, ids: readonly string[]): Map<string, RecordState<HoursLocalState>> {
  const rows = new Map(rowsFor(db, 'entity_id', ids).filter((r) => r.type === 'hoursEntry.create').map((r) => [r.entity_id, r]));
  return new Map(
    ids.map((id): [string, RecordState<HoursLocalState>] => {
      const row = rows.get(id);
      if (row?.state === 'rejected') return [id, { localState: 'refused', pending: false, refusal: refusalOf(row) }];
      if (row && (UNSENT_STATES as readonly string[]).includes(row.state)) return [id, { localState: 'unsynced', pending: true, refusal: null }];
      return [id, SYNCED];
    }),
  );
}

/**
 * The offline create of this work order was refused by the server: nothing
 * built on it can ever be sent, so the journal takes no more changes to it.
 */
export function refusedCreate(db: Db, workOrderId: string): Refusal | null {
  const row = cached<[string], OutboxStateRow>(
    db,
    "SELECT id, seq, type, entity_id, work_order_id, state, result, acknowledged_at FROM outbox WHERE entity_id = ? AND type = 'workOrder.create' AND state = 'rejected'",
  ).get(workOrderId);
  return row ? refusalOf(row) : null;
}

/** What the status bar and the tray count: the same rows the records' states come from. */
export interface JournalCounts {
  /** Changes the server does not have yet (waiting, in flight or in conflict). */
  pendingChanges: number;
  /** Work orders waiting for the technician's decision. */
  conflicts: number;
  /** Refused changes not yet acknowledged with "Okay". */
  refused: number;
  /** When the oldest change still waiting was made: the header turns red when it has waited too long. */
  oldestPendingAt: string | null;
}

/**
 * Asked after every local write and every pushed batch, so it must not grow with
 * the backlog: the oldest is one seek per state in outbox_by_state_created
 * (a min() over an IN list read every waiting row), the count reads only the
 * covering index outbox_by_state.
 */
export const journalCountsSql = (forUser: boolean): string => {
  const mine = forUser ? ' AND user_id = @userId' : '';
  return `SELECT
       (SELECT count(*) FROM outbox WHERE state IN (${inList(UNSYNCED_STATES)})${mine}) AS pendingChanges,
       (SELECT count(DISTINCT work_order_id) FROM outbox WHERE state = 'conflict'${mine}) AS conflicts,
       (SELECT count(*) FROM outbox WHERE state = 'rejected' AND acknowledged_at IS NULL${mine}) AS refused,
       (SELECT min(at) FROM (${UNSYNCED_STATES.map((s) => `SELECT min(created_at) AS at FROM outbox WHERE state = '${s}'${mine}`).join(' UNION ALL ')})) AS oldestPendingAt`;
};

export function journalCounts(db: Db, userId?: string): JournalCounts {
  return cached<{ userId?: string }, JournalCounts>(db, journalCountsSql(userId !== undefined)).get(userId === undefined ? {} : { userId })!;
}

/** Records read from the journal, each with its state: how every read the screens get is completed. */
export function withLocalStates<T extends { id: string }>(db: Db, items: readonly T[]): (T & RecordState)[] {
  const states = workOrderStates(db, items.map((item) => item.id));
  return items.map((item) => ({ ...item, ...states.get(item.id)! }));
}
