import type { WorkRequestRecord } from '../../shared/domain/workRequest';
import { WorkRequestAuditEntry } from '../../shared/sync/protocol';
import { workRequestRecord } from '../domain/records';
import { HttpError } from '../errors';
import { auditRows } from '../queries/audit';
import type { ServiceContext } from './context';

/**
 * Work requests online: read one and its audit trail. Creating and deciding
 * them goes through /sync/push only (workRequest.create / accept / decline),
 * so an offline PC and an online one follow the same rules.
 */
export async function getWorkRequest(ctx: ServiceContext, id: string): Promise<WorkRequestRecord> {
  const row = await ctx.database.db.selectFrom('work_requests').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new HttpError(404, 'NOT_FOUND', 'This work request does not exist.');
  return workRequestRecord(row);
}

export async function workRequestHistory(ctx: ServiceContext, id: string): Promise<{ entries: WorkRequestAuditEntry[] }> {
  await getWorkRequest(ctx, id);
  const rows = await auditRows(ctx.database.db, 'workRequest', id);
  return {
    entries: rows.map((r) =>
      WorkRequestAuditEntry.parse({
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
