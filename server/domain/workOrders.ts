import type { Kysely, Transaction } from 'kysely';
import type { HoursEntryRecord, UserSummary } from '../../shared/domain/records';
import { FINAL_STATUSES, hoursRefusal, transitionRefusal } from '../../shared/domain/rules';
import type { EditableWorkOrderFields, WorkOrderRecord } from '../../shared/domain/workOrder';
import type { HoursEntryCreatePayload, RejectionCode, WorkOrderCreatePayload } from '../../shared/sync/protocol';
import type { ServerSchema } from '../db/schema';
import { hoursEntryRecord, workOrderRecord, workOrderRow } from './records';
import { recordWrite } from './writes';

type Tx = Transaction<ServerSchema> | Kysely<ServerSchema>;

export type WriteOutcome<R> =
  | { kind: 'applied'; record: R }
  | { kind: 'conflict'; record: WorkOrderRecord }
  | { kind: 'rejected'; code: RejectionCode; message: string; dependsOn?: string };

export interface WriteContext {
  user: UserSummary;
  /** The sync mutation that caused the write, or null for an online PATCH. */
  mutationId: string | null;
  now: string;
}

const rejected = (code: RejectionCode, message: string, dependsOn?: string) =>
  ({ kind: 'rejected', code, message, ...(dependsOn ? { dependsOn } : {}) }) as const;

export async function findWorkOrder(tx: Tx, id: string): Promise<WorkOrderRecord | undefined> {
  const row = await tx.selectFrom('work_orders').selectAll().where('id', '=', id).executeTakeFirst();
  return row && workOrderRecord(row);
}

/**
 * A record that does not exist may be one whose offline create was refused:
 * then anything built on it is refused too, naming that create (never lost,
 * never a bare "not found").
 */
async function missingWorkOrder(tx: Tx, id: string) {
  const refusedCreate = await tx
    .selectFrom('mutation_outcomes')
    .select(['mutation_id', 'result_json'])
    .where('entity_id', '=', id)
    .where('type', '=', 'workOrder.create')
    .where('status', '=', 'rejected')
    .executeTakeFirst();
  if (refusedCreate) {
    const reason = (JSON.parse(refusedCreate.result_json) as { message?: string }).message ?? '';
    return rejected(
      'DEPENDENCY_REJECTED',
      `This depends on a new work order that was refused (${reason.replace(/\.$/, '')}), so it was refused too.`,
      refusedCreate.mutation_id,
    );
  }
  return rejected('NOT_FOUND', 'This work order does not exist on the server.');
}

async function assetMissing(tx: Tx, assetId: string | null | undefined): Promise<boolean> {
  if (!assetId) return false;
  return !(await tx.selectFrom('assets').select('id').where('id', '=', assetId).executeTakeFirst());
}

async function nextWorkOrderNumber(tx: Tx): Promise<string> {
  // One row, updated in the writer's transaction: numbers are unique across instances.
  const { value } = await tx
    .updateTable('counters')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('name', '=', 'work_order_number')
    .returning('value')
    .executeTakeFirstOrThrow();
  return `WO-${value}`;
}

export async function createWorkOrder(
  tx: Tx,
  id: string,
  payload: WorkOrderCreatePayload,
  ctx: WriteContext,
): Promise<WriteOutcome<WorkOrderRecord>> {
  if (await findWorkOrder(tx, id)) return rejected('ALREADY_EXISTS', 'A work order with this id already exists.');
  if (payload.status === 'completed' || payload.status === 'cancelled') {
    return rejected('INVALID_TRANSITION', 'A new work order starts open, in progress or on hold.');
  }
  if (await assetMissing(tx, payload.assetId)) return rejected('NOT_FOUND', 'The chosen asset does not exist.');
  const record: WorkOrderRecord = {
    id,
    number: await nextWorkOrderNumber(tx),
    title: payload.title,
    description: payload.description,
    status: payload.status,
    priority: payload.priority,
    assetId: payload.assetId,
    assigneeId: payload.assigneeId,
    dueAt: payload.dueAt,
    completedAt: null,
    completionNotes: null,
    version: 1,
    createdAt: ctx.now,
    createdBy: ctx.user.id,
    updatedAt: ctx.now,
    updatedBy: ctx.user.id,
  };
  await tx.insertInto('work_orders').values(workOrderRow(record)).execute();
  await recordWrite(tx, {
    entity: 'workOrder',
    entityId: id,
    version: 1,
    action: 'create',
    userId: ctx.user.id,
    mutationId: ctx.mutationId,
    at: ctx.now,
    before: null,
    after: record,
  });
  return { kind: 'applied', record };
}

/**
 * Update (changed fields) and overwrite (the whole editable record) are the
 * same write: only if the record is still at `baseVersion`, else a conflict
 * carrying the server's record. Rules are checked against the current record.
 */
export async function changeWorkOrder(
  tx: Tx,
  id: string,
  baseVersion: number,
  fields: Partial<EditableWorkOrderFields>,
  action: 'update' | 'overwrite',
  ctx: WriteContext,
): Promise<WriteOutcome<WorkOrderRecord>> {
  const current = await findWorkOrder(tx, id);
  if (!current) return missingWorkOrder(tx, id);
  if (current.version !== baseVersion) return { kind: 'conflict', record: current };

  const status = fields.status ?? current.status;
  const refusal = transitionRefusal(current.status, status, ctx.user.role);
  if (refusal) return rejected('INVALID_TRANSITION', refusal);
  // Completed and cancelled work orders are final: only reopening changes them.
  if (FINAL_STATUSES.includes(current.status) && status === current.status) {
    return rejected('WORK_ORDER_CLOSED', `${current.number} is ${current.status}; it can no longer be changed.`);
  }
  if (fields.assetId !== undefined && (await assetMissing(tx, fields.assetId))) {
    return rejected('NOT_FOUND', 'The chosen asset does not exist.');
  }

  const next: WorkOrderRecord = {
    ...current,
    ...fields,
    completedAt:
      status === 'completed' ? (current.status === 'completed' ? current.completedAt : ctx.now) : null,
    version: current.version + 1,
    updatedAt: ctx.now,
    updatedBy: ctx.user.id,
  };
  const { numUpdatedRows } = await tx
    .updateTable('work_orders')
    .set(workOrderRow(next))
    .where('id', '=', id)
    .where('version', '=', baseVersion)
    .executeTakeFirst();
  if (Number(numUpdatedRows) !== 1) {
    // Another instance got in between our read and write: report what it wrote.
    return { kind: 'conflict', record: (await findWorkOrder(tx, id))! };
  }
  await recordWrite(tx, {
    entity: 'workOrder',
    entityId: id,
    version: next.version,
    action,
    userId: ctx.user.id,
    mutationId: ctx.mutationId,
    at: ctx.now,
    before: current,
    after: next,
  });
  return { kind: 'applied', record: next };
}

export async function logHours(
  tx: Tx,
  id: string,
  payload: HoursEntryCreatePayload,
  ctx: WriteContext,
): Promise<WriteOutcome<HoursEntryRecord>> {
  if (await tx.selectFrom('hours_entries').select('id').where('id', '=', id).executeTakeFirst()) {
    return rejected('ALREADY_EXISTS', 'These hours were already logged.');
  }
  const workOrder = await findWorkOrder(tx, payload.workOrderId);
  if (!workOrder) return missingWorkOrder(tx, payload.workOrderId);
  const refusal = hoursRefusal(workOrder.status);
  if (refusal) {
    return rejected('WORK_ORDER_CLOSED', `${refusal.replace(/\.$/, '')} (${workOrder.number}, by ${workOrder.updatedBy}).`);
  }
  const row = {
    id,
    work_order_id: payload.workOrderId,
    user_id: ctx.user.id,
    hours: payload.hours,
    work_date: payload.workDate,
    note: payload.note,
    performed_at: payload.performedAt,
    received_at: ctx.now,
    version: 1,
  };
  await tx.insertInto('hours_entries').values(row).execute();
  const record = hoursEntryRecord(row);
  await recordWrite(tx, {
    entity: 'hoursEntry',
    entityId: id,
    version: 1,
    action: 'create',
    userId: ctx.user.id,
    mutationId: ctx.mutationId,
    at: ctx.now,
    before: null,
    after: record,
  });
  return { kind: 'applied', record };
}
