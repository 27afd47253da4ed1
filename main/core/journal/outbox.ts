import { randomUUID } from 'node:crypto';
import type { MutationType } from '../../../shared/sync/protocol';
import type { WorkOrderRecord } from '../../../shared/domain/workOrder';
import { cached, type Db } from '../db/connection';

export const OUTBOX_STATES = ['pending', 'in_flight', 'conflict', 'rejected', 'applied', 'discarded', 'resolved'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];
/** States in which the server does not have the change yet: the "not yet synced" marker. */
export const UNSYNCED_STATES: readonly OutboxState[] = ['pending', 'in_flight', 'conflict'];

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
    const foldable = last && last.state === 'pending' && last.user_id === mutation.userId && last.type.startsWith('workOrder.');
    if (foldable) {
      const payload = { ...(JSON.parse(last.payload) as Record<string, unknown>), ...mutation.payload };
      db.prepare('UPDATE outbox SET payload = ? WHERE seq = ?').run(JSON.stringify(payload), last.seq);
      return fromRow({ ...last, payload: JSON.stringify(payload) });
    }
  }
  const dependsOn =
    mutation.type === 'workOrder.create'
      ? null
      : (db
          .prepare<[string], { id: string }>(
            "SELECT id FROM outbox WHERE entity_id = ? AND type = 'workOrder.create' AND state IN ('pending','in_flight','conflict','rejected')",
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

/** The work-order mutations not yet confirmed by the server, oldest first: what replay() applies. */
export function unsyncedForWorkOrder(db: Db, workOrderId: string): OutboxEntry[] {
  return cached<[string], OutboxRow>(
    db,
    `SELECT * FROM outbox WHERE entity_id = ? AND type LIKE 'workOrder.%' AND state IN ('pending','in_flight','conflict') ORDER BY seq`,
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

/** How many changes the server does not have yet, for everyone or for one user. */
export function countUnsynced(db: Db, userId?: string): number {
  const sql = `SELECT count(*) AS n FROM outbox WHERE state IN ('pending','in_flight','conflict')${userId ? ' AND user_id = ?' : ''}`;
  const row = (userId ? db.prepare(sql).get(userId) : db.prepare(sql).get()) as { n: number };
  return row.n;
}
