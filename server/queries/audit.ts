import type { Kysely } from 'kysely';
import type { ServerSchema } from '../db/schema';

/** A work order's audit trail, oldest first. */
export function auditRowsForWorkOrder(db: Kysely<ServerSchema>, workOrderId: string) {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity', '=', 'workOrder')
    .where('entity_id', '=', workOrderId)
    .orderBy('id')
    .execute();
}
