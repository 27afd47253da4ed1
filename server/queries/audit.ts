import type { Kysely } from 'kysely';
import type { ServerSchema } from '../db/schema';

/** A work order's audit trail, oldest first. */
export function auditRowsForWorkOrder(db: Kysely<ServerSchema>, workOrderId: string) {
  return auditRows(db, 'workOrder', workOrderId);
}

/** One record's audit trail, oldest first. */
export function auditRows(db: Kysely<ServerSchema>, entity: 'workOrder' | 'workRequest', id: string) {
  return db.selectFrom('audit_log').selectAll().where('entity', '=', entity).where('entity_id', '=', id).orderBy('id').execute();
}
