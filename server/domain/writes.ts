import type { Kysely, Transaction } from 'kysely';
import type { Entity } from '../../shared/sync/protocol';
import type { ServerSchema } from '../db/schema';

type Tx = Transaction<ServerSchema> | Kysely<ServerSchema>;

/**
 * Every write goes through here, in the writer's transaction: the feed entry
 * (so pulls see it, in commit order) and the audit trail (who, when, which
 * mutation, before and after).
 */
export async function recordWrite(
  tx: Tx,
  write: {
    entity: Entity;
    entityId: string;
    version: number;
    action: string;
    userId: string;
    mutationId: string | null;
    at: string;
    before: unknown;
    after: unknown;
  },
): Promise<void> {
  await tx
    .insertInto('change_log')
    .values({ entity: write.entity, entity_id: write.entityId, version: write.version } as never)
    .execute();
  await tx
    .insertInto('audit_log')
    .values({
      entity: write.entity,
      entity_id: write.entityId,
      action: write.action,
      mutation_id: write.mutationId,
      user_id: write.userId,
      at: write.at,
      before_json: write.before === null ? null : JSON.stringify(write.before),
      after_json: write.after === null ? null : JSON.stringify(write.after),
    })
    .execute();
}
