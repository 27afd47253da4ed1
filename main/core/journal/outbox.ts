import { randomUUID } from 'node:crypto';
import type { MutationType } from '../../../shared/sync/protocol';
import type { WorkOrderRecord, WorkOrderStatus } from '../../../shared/domain/workOrder';
import { FINAL_STATUSES } from '../../../shared/domain/rules';
import { cached, type Db } from '../db/connection';

export const OUTBOX_STATES = ['pending', 'in_flight', 'conflict', 'rejected', 'applied', 'discarded', 'resolved'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];
/** Waiting to be sent, or sent and not yet answered. */
export const UNSENT_STATES = ['pending', 'in_flight'] as const satisfies readonly OutboxState[];
/** States in which the server does not have the change yet: the "not yet synced" marker. */
export const UNSYNCED_STATES = [...UNSENT_STATES, 'conflict'] as const satisfies readonly OutboxState[];
/** States replay() applies on top of the server's record: what the technician sees of their own work. */
const REPLAYED = UNSYNCED_STATES;

/** A SQL list of our own state names (constants, never user input): `'pending','in_flight'`. */
export const inList = (states: readonly string[]): string => states.map((s) => `'${s}'`).join(',');

export interface OutboxEntry {
  seq: number;
  id: string;
  type: MutationType;
  entityId: string;
  workOrderId: string;
  baseVersion: number | null;
  baseRecord: WorkOrderRecord | null;
  payload: Record<string, unknown>;
  userId: string;
  createdAt: string;
  state: OutboxState;
  dependsOn: string | null;
  result: unknown;
}

interface OutboxRow {
  seq: number;
  id: string;
  type: MutationType;
  entity_id: string;
  work_order_id: string;
  base_version: number | null;
  base_record: string | null;
  payload: string;
  user_id: string;
  created_at: string;
  state: OutboxState;
  depends_on: string | null;
  result: string | null;
}

const fromRow = (r: OutboxRow): OutboxEntry => ({
  seq: r.seq,
  id: r.id,
  type: r.type,
  entityId: r.entity_id,
  workOrderId: r.work_order_id,
  baseVersion: r.base_version,
  baseRecord: r.base_record === null ? null : (JSON.parse(r.base_record) as WorkOrderRecord),
  payload: JSON.parse(r.payload) as Record<string, unknown>,
  userId: r.user_id,
  createdAt: r.created_at,
  state: r.state,
  dependsOn: r.depends_on,
  result: r.result === null ? null : JSON.parse(r.result),
});

export interface NewMutation {
  type: MutationType;
  entityId: string;
  workOrderId: string;
  baseVersion: number | null;
  /** For edits of a server record: that record, as the technician saw it. */
  baseRecord?: WorkOrderRecord | null;
  payload: Record<string, unknown>;
  userId: string;
  createdAt: string;
}

/**
 * Adds a change to the outbox, in the caller's transaction. An edit of a
 * work order that already has a pending (not yet sent) create, update or
 * overwrite by the same user is folded into it: one mutation per record,
 * keeping the first base version, so the server sees what the technician
 * meant without a chain of intermediate states.
 */
export function enqueue(db: Db, mutation: NewMutation): OutboxEntry {
  if (mutation.type === 'workOrder.update') {
    const last = db
      .prepare<[string], OutboxRow>('SELECT * FROM outbox WHERE entity_id = ? ORDER BY seq DESC LIMIT 1')
      .get(mutation.entityId);
    // A new work order starts open, in progress or on hold (the server's rule): completing or cancelling
    // it before it was sent goes as its own change after the create, never folded into it.
    const closesNewOne = last?.type === 'workOrder.create' && FINAL_STATUSES.includes(mutation.payload.status as WorkOrderStatus);
    const foldable = last && last.state === 'pending' && last.user_id === mutation.userId && last.type.startsWith('workOrder.') && !closesNewOne;
    if (foldable) {
      const payload = { ...(JSON.parse(last.payload) as Record<string, unknown>), ...mutation.payload };
      db.prepare('UPDATE outbox SET payload = ? WHERE seq = ?').run(JSON.stringify(payload), last.seq);
      return fromRow({ ...last, payload: JSON.stringify(payload) });
    }
  }
  // A decision on a request reported here and not yet sent goes after that report.
  const dependsOn = mutation.type.startsWith('workRequest.')
    ? mutation.type === 'workRequest.create'
      ? null
      : (db
          .prepare<[string], { id: string }>(
            `SELECT id FROM outbox WHERE entity_id = ? AND type = 'workRequest.create' AND state IN (${inList([...UNSYNCED_STATES, 'rejected'])})`,
          )
          .get(mutation.entityId)?.id ?? null)
    : mutation.type === 'workOrder.create'
      ? null
      : (db
          .prepare<[string], { id: string }>(
            `SELECT id FROM outbox WHERE entity_id = ? AND type = 'workOrder.create' AND state IN (${inList([...UNSYNCED_STATES, 'rejected'])})`,
          )
          .get(mutation.workOrderId)?.id ?? null);
  const id = randomUUID();
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO outbox (id, type, entity_id, work_order_id, base_version, base_record, payload, user_id, created_at, state, depends_on)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)`,
    )
    .run(
      id,
      mutation.type,
      mutation.entityId,
      mutation.workOrderId,
      mutation.baseVersion,
      mutation.baseRecord ? JSON.stringify(mutation.baseRecord) : null,
      JSON.stringify(mutation.payload),
      mutation.userId,
      mutation.createdAt,
      dependsOn,
    );
  return { ...mutation, baseRecord: mutation.baseRecord ?? null, seq: Number(lastInsertRowid), id, state: 'pending', dependsOn, result: null };
}

/**
 * The work-order mutations replay() applies on top of the server's record,
 * oldest first: those the server does not have yet. For a work order the
 * server never had (no record to start from), refused ones too: a new work
 * order whose create was refused stays on screen as the technician typed
 * it, marked refused, instead of vanishing.
 */
export function unsyncedForWorkOrder(db: Db, workOrderId: string, { includeRefused = false } = {}): OutboxEntry[] {
  const states = includeRefused ? [...REPLAYED, 'rejected'] : REPLAYED;
  return cached<[string], OutboxRow>(
    db,
    `SELECT * FROM outbox WHERE entity_id = ? AND type LIKE 'workOrder.%' AND state IN (${inList(states)}) ORDER BY seq`,
  )
    .all(workOrderId)
    .map(fromRow);
}

export function listOutbox(db: Db, states: readonly OutboxState[] = OUTBOX_STATES): OutboxEntry[] {
  const marks = states.map(() => '?').join(',');
  return db
    .prepare<OutboxState[], OutboxRow>(`SELECT * FROM outbox WHERE state IN (${marks}) ORDER BY seq`)
    .all(...states)
    .map(fromRow);
}

/** Pending changes after outbox position `afterSeq`, oldest first: the push reads the backlog page by page. */
export function pendingAfter(db: Db, afterSeq: number, limit: number): OutboxEntry[] {
  return cached<[number, number], OutboxRow>(db, "SELECT * FROM outbox WHERE state = 'pending' AND seq > ? ORDER BY seq LIMIT ?")
    .all(afterSeq, limit)
    .map(fromRow);
}

/** Work orders with changes replay() applies: their view is the server's record plus those changes. */
export function workOrdersWithUnsynced(db: Db): Set<string> {
  return new Set(
    cached<[], { id: string }>(db, `SELECT DISTINCT work_order_id AS id FROM outbox WHERE state IN (${inList(UNSYNCED_STATES)})`)
      .all()
      .map((r) => r.id),
  );
}

export function hasUnsynced(db: Db, workOrderId: string): boolean {
  return !!cached<[string], { n: number }>(
    db,
    `SELECT 1 AS n FROM outbox WHERE work_order_id = ? AND state IN (${inList(UNSYNCED_STATES)}) LIMIT 1`,
  ).get(workOrderId);
}

/** The state of one change, or undefined if it is not in the outbox. */
export function stateOf(db: Db, mutationId: string): OutboxState | undefined {
  return cached<[string], { state: OutboxState }>(db, 'SELECT state FROM outbox WHERE id = ?').get(mutationId)?.state;
}

// ---- state changes: the sync worker and the conflict decisions move changes only through these ----

/** After a crash or quit mid-push: whatever was in flight is sent again (the server answers `duplicate` if it had it). */
export function returnInFlightToPending(db: Db): void {
  db.prepare("UPDATE outbox SET state = 'pending' WHERE state = 'in_flight'").run();
}

/** A batch is being sent. */
export function markInFlight(db: Db, entries: readonly OutboxEntry[]): void {
  const mark = cached(db, "UPDATE outbox SET state = 'in_flight' WHERE id = ?");
  db.transaction(() => entries.forEach((e) => mark.run(e.id))).immediate();
}

/** The server did not answer: the batch waits again (what it did answer stays answered). */
export function returnToPending(db: Db, entries: readonly OutboxEntry[]): void {
  const unmark = cached(db, "UPDATE outbox SET state = 'pending' WHERE id = ? AND state = 'in_flight'");
  db.transaction(() => entries.forEach((e) => unmark.run(e.id))).immediate();
}

/** The server's answer to one change, in the caller's transaction. */
export function settle(db: Db, mutationId: string, state: 'applied' | 'conflict' | 'rejected', result: unknown): void {
  cached(db, 'UPDATE outbox SET state = ?, result = ? WHERE id = ?').run(state, JSON.stringify(result), mutationId);
}

/** Later unsent edits of a record were made against the version an applied change replaced: they follow it. */
export function rebasePendingEdits(db: Db, entityId: string, version: number): void {
  cached(
    db,
    "UPDATE outbox SET base_version = ? WHERE entity_id = ? AND state = 'pending' AND type IN ('workOrder.update','workOrder.overwrite')",
  ).run(version, entityId);
}

/**
 * The technician decided a conflict: the work order's unsent field changes are
 * dropped (`discarded`, still listed) or replaced by their Overwrite / Merge (`resolved`).
 */
export function supersedeWorkOrderChanges(db: Db, workOrderId: string, state: 'discarded' | 'resolved'): void {
  cached(
    db,
    "UPDATE outbox SET state = ? WHERE entity_id = ? AND state IN ('pending','conflict') AND type LIKE 'workOrder.%'",
  ).run(state, workOrderId);
}

/** "Okay" on a refused change: the notification goes, the change stays in the history. False if there is none. */
export function acknowledgeRejected(db: Db, mutationId: string, now: string): boolean {
  return db.prepare("UPDATE outbox SET acknowledged_at = coalesce(acknowledged_at, ?) WHERE id = ? AND state = 'rejected'").run(now, mutationId).changes > 0;
}
