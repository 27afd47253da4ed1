import type { UserSummary } from '../../shared/domain/records';
import type { WorkOrderRecord } from '../../shared/domain/workOrder';
import { AuditEntry, type WorkOrderUpdatePayload } from '../../shared/sync/protocol';
import { findWorkOrder, WriteSession } from '../domain/writeSession';
import { HttpError } from '../errors';
import { auditRowsForWorkOrder } from '../queries/audit';
import { nowIso, type ServiceContext } from './context';

export async function getWorkOrder(ctx: ServiceContext, id: string): Promise<WorkOrderRecord> {
  const workOrder = await findWorkOrder(ctx.database.db, id);
  if (!workOrder) throw new HttpError(404, 'NOT_FOUND', 'This work order does not exist.');
  return workOrder;
}

/** An online edit: the same rules and audit trail as a pushed update, in its own transaction. */
export async function updateWorkOrder(
  ctx: ServiceContext,
  user: UserSummary,
  id: string,
  baseVersion: number,
  fields: WorkOrderUpdatePayload,
): Promise<WorkOrderRecord> {
  const { db, dialect } = ctx.database;
  const outcome = await db.transaction().execute(async (tx) => {
    const session = await WriteSession.open(tx, dialect, {
      workOrderIds: [id],
      assetIds: fields.assetId ? [fields.assetId] : [],
      userIds: fields.assigneeId ? [fields.assigneeId] : [],
    });
    const result = session.changeWorkOrder(id, baseVersion, fields, 'update', { user, mutationId: null, now: nowIso(ctx) });
    await session.flush();
    return result;
  });
  switch (outcome.kind) {
    case 'applied':
      return outcome.record;
    case 'conflict':
      throw new HttpError(412, 'PRECONDITION_FAILED', `${outcome.record.updatedBy} changed this work order first.`, { record: outcome.record });
    case 'rejected':
      throw new HttpError(outcome.code === 'NOT_FOUND' || outcome.code === 'DEPENDENCY_REJECTED' ? 404 : 422, outcome.code, outcome.message);
  }
}

export async function workOrderHistory(ctx: ServiceContext, id: string): Promise<{ entries: AuditEntry[] }> {
  await getWorkOrder(ctx, id);
  const rows = await auditRowsForWorkOrder(ctx.database.db, id);
  return {
    entries: rows.map((r) =>
      AuditEntry.parse({
        id: Number(r.id),
        at: r.at,
        userId: r.user_id,
        mutationId: r.mutation_id,
        action: r.action,
        before: r.before_json && JSON.parse(r.before_json),
        after: r.after_json && JSON.parse(r.after_json),
      }),
    ),
  };
}
