import { randomUUID } from 'node:crypto';
import type { LocalUser } from '../auth/session';
import { assignmentRefusal, hoursRefusal, transitionRefusal } from '../../../shared/domain/rules';
import type { z } from 'zod';
import type { LogHoursInput, NewWorkOrderInput, WorkOrderChanges } from '../../../shared/domain/inputs';
import { AppError } from '../../../shared/ipc/result';
import type { HoursEntry } from '../../../shared/domain/views';
import type { Db } from '../db/connection';
import { readBase } from '../db/workOrders';
import { hoursStates, refusedCreate } from './localState';
import { enqueue } from './outbox';
import type { LocalWorkOrder } from './replay';
import { refreshWorkOrderView } from './workOrderView';

function currentView(db: Db, id: string): LocalWorkOrder {
  const row = db.prepare<[string], { id: string }>('SELECT id FROM work_orders WHERE id = ?').get(id);
  const view = row && refreshWorkOrderView(db, id);
  if (!view) throw new AppError('NOT_FOUND', 'This work order is not on this computer. It may have been removed.');
  return view;
}

/** Work built on a work order the server refused to create could never be sent: say so instead of queueing it. */
function refuseIfCreateRefused(db: Db, id: string): void {
  const refusal = refusedCreate(db, id);
  if (refusal) {
    throw new AppError(
      'VALIDATION_FAILED',
      `The server refused this new work order (${refusal.message.replace(/\.$/, '')}), so nothing more can be added to it. Its details are in More → Refused changes.`,
    );
  }
}

/** A new work order: on disk, in the outbox, before the technician sees "saved". */
export function createWorkOrder(db: Db, user: LocalUser, input: z.output<typeof NewWorkOrderInput>, now: string): LocalWorkOrder {
  const id = randomUUID();
  return db
    .transaction(() => {
      if (input.assetId && !db.prepare('SELECT 1 FROM assets WHERE id = ?').get(input.assetId)) {
        throw new AppError('VALIDATION_FAILED', 'The chosen asset is not on this computer.');
      }
      enqueue(db, {
        type: 'workOrder.create',
        entityId: id,
        workOrderId: id,
        baseVersion: null,
        payload: { ...input, status: 'open', assigneeId: user.username },
        userId: user.username,
        createdAt: now,
      });
      return refreshWorkOrderView(db, id)!;
    })
    .immediate();
}

/** Edit, status change or completion: one pending update per work order, checked against the rules first. */
export function updateWorkOrder(
  db: Db,
  user: LocalUser,
  id: string,
  changes: z.output<typeof WorkOrderChanges>,
  now: string,
): LocalWorkOrder {
  return db
    .transaction(() => {
      const view = currentView(db, id);
      refuseIfCreateRefused(db, id);
      if (changes.status && changes.status !== view.status) {
        const refusal = transitionRefusal(view.status, changes.status, user.role);
        if (refusal) throw new AppError('VALIDATION_FAILED', refusal);
      } else if (view.status === 'completed' || view.status === 'cancelled') {
        throw new AppError('VALIDATION_FAILED', `This work order is ${view.status}; it can no longer be changed.`);
      }
      if (changes.assigneeId !== undefined) {
        // The same rule the server enforces, so "Take this job" on a job someone already took says why at once.
        const refusal = assignmentRefusal(user, view.assigneeId, changes.assigneeId);
        if (refusal) throw new AppError('VALIDATION_FAILED', refusal);
      }
      const changed = Object.fromEntries(
        Object.entries(changes).filter(([key, value]) => view[key as keyof LocalWorkOrder] !== value),
      );
      if (Object.keys(changed).length === 0) return view;
      const base = readBase(db, id);
      enqueue(db, {
        type: 'workOrder.update',
        entityId: id,
        workOrderId: id,
        baseVersion: base?.version ?? null,
        baseRecord: base ?? null,
        payload: changed,
        userId: user.username,
        createdAt: now,
      });
      return refreshWorkOrderView(db, id)!;
    })
    .immediate();
}

export type LocalHoursEntry = HoursEntry;

export function logHours(db: Db, user: LocalUser, input: z.output<typeof LogHoursInput>, now: string): LocalHoursEntry {
  const id = randomUUID();
  return db
    .transaction(() => {
      const view = currentView(db, input.workOrderId);
      refuseIfCreateRefused(db, input.workOrderId);
      const refusal = hoursRefusal(view.status);
      if (refusal) throw new AppError('VALIDATION_FAILED', refusal);
      const entry = { id, workOrderId: input.workOrderId, userId: user.username, hours: input.hours, workDate: input.workDate, note: input.note, performedAt: now };
      db.prepare(
        `INSERT INTO hours_entries (id, work_order_id, user_id, hours, work_date, note, performed_at)
         VALUES (@id, @workOrderId, @userId, @hours, @workDate, @note, @performedAt)`,
      ).run(entry);
      enqueue(db, {
        type: 'hoursEntry.create',
        entityId: id,
        workOrderId: input.workOrderId,
        baseVersion: null,
        payload: { workOrderId: input.workOrderId, hours: input.hours, workDate: input.workDate, note: input.note, performedAt: now },
        userId: user.username,
        createdAt: now,
      });
      return { ...entry, receivedAt: null, localState: 'unsynced' as const, pending: true, refusal: null };
    })
    .immediate();
}

/** Hours logged on a work order, newest day first, each with where it stands with the server. */
export function listHours(db: Db, workOrderId: string): LocalHoursEntry[] {
  const rows = db
    .prepare<[string], { id: string; work_order_id: string; user_id: string; hours: number; work_date: string; note: string; performed_at: string; received_at: string | null }>(
      'SELECT * FROM hours_entries WHERE work_order_id = ? ORDER BY work_date DESC, performed_at DESC',
    )
    .all(workOrderId);
  const states = hoursStates(db, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    workOrderId: r.work_order_id,
    userId: r.user_id,
    hours: r.hours,
    workDate: r.work_date,
    note: r.note,
    performedAt: r.performed_at,
    receivedAt: r.received_at,
    ...states.get(r.id)!,
  }));
}
