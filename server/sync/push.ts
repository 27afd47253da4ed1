import type { UserSummary } from '../../shared/domain/records';
import {
  MUTATION_PAYLOADS,
  type Mutation,
  type MutationResult,
  type OutcomeStatus,
} from '../../shared/sync/protocol';
import type { ServerDatabase } from '../db/database';
import type { ServerSchema } from '../db/schema';
import type { Kysely } from 'kysely';
import { changeWorkOrder, createWorkOrder, logHours, type WriteContext, type WriteOutcome } from '../domain/workOrders';

/**
 * Processes a push, one mutation per transaction, in order. In the same
 * transaction as the mutation's effects we store its outcome, so a retry
 * (lost response, another instance, a restart) gets `duplicate` with the
 * first answer and nothing is applied twice (SYNC.md pitfalls 4-5). A
 * conflict or refusal is an answer, not an error: the next mutation runs.
 */
export async function pushMutations(
  database: ServerDatabase,
  user: UserSummary,
  clientId: string,
  mutations: Mutation[],
  now: () => string = () => new Date().toISOString(),
): Promise<MutationResult[]> {
  const results: MutationResult[] = [];
  for (const mutation of mutations) results.push(await processOne(database, user, clientId, mutation, now()));
  return results;
}

async function processOne(
  { db, dialect }: ServerDatabase,
  user: UserSummary,
  clientId: string,
  mutation: Mutation,
  now: string,
): Promise<MutationResult> {
  return db.transaction().execute(async (tx) => {
    // Serialise this client's pushes across instances: a retry racing its original waits here.
    await tx
      .insertInto('client_state')
      .values({ client_id: clientId, last_seq: 0, updated_at: now })
      .onConflict((oc) => oc.column('client_id').doNothing())
      .execute();
    let lock = tx.selectFrom('client_state').select('last_seq').where('client_id', '=', clientId);
    if (dialect === 'postgres') lock = lock.forUpdate();
    const { last_seq } = await lock.executeTakeFirstOrThrow();

    const prior = await tx
      .selectFrom('mutation_outcomes')
      .select(['client_id', 'status', 'result_json'])
      .where('mutation_id', '=', mutation.id)
      .executeTakeFirst();
    if (prior) {
      if (prior.client_id !== clientId) {
        return { id: mutation.id, status: 'rejected', code: 'ALREADY_EXISTS', message: 'This change id was already used by another workstation.' };
      }
      const first = JSON.parse(prior.result_json) as MutationResult;
      return { ...first, id: mutation.id, status: 'duplicate', original: prior.status };
    }

    const result = await decide(tx, mutation, { user, mutationId: mutation.id, now });
    await tx
      .insertInto('mutation_outcomes')
      .values({
        mutation_id: mutation.id,
        client_id: clientId,
        seq: mutation.seq,
        type: mutation.type,
        entity_id: mutation.entityId,
        status: result.status as OutcomeStatus,
        result_json: JSON.stringify(result),
        at: now,
      })
      .execute();
    await tx
      .updateTable('client_state')
      .set({ last_seq: Math.max(Number(last_seq), mutation.seq), updated_at: now })
      .where('client_id', '=', clientId)
      .execute();
    return result;
  });
}

async function decide(tx: Kysely<ServerSchema>, mutation: Mutation, ctx: WriteContext): Promise<MutationResult> {
  const parsed = MUTATION_PAYLOADS[mutation.type].safeParse(mutation.payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
    return { id: mutation.id, status: 'rejected', code: 'VALIDATION_FAILED', message: `${where}${issue.message}` };
  }
  const needsBase = mutation.type === 'workOrder.update' || mutation.type === 'workOrder.overwrite';
  if (needsBase && mutation.baseVersion === null) {
    return {
      id: mutation.id,
      status: 'rejected',
      code: 'VALIDATION_FAILED',
      message: 'baseVersion: an update must say which version it was made against.',
    };
  }

  let outcome: WriteOutcome<unknown>;
  switch (mutation.type) {
    case 'workOrder.create':
      outcome = await createWorkOrder(tx, mutation.entityId, parsed.data as never, ctx);
      break;
    case 'workOrder.update':
    case 'workOrder.overwrite':
      outcome = await changeWorkOrder(
        tx,
        mutation.entityId,
        mutation.baseVersion!,
        parsed.data as never,
        mutation.type === 'workOrder.update' ? 'update' : 'overwrite',
        ctx,
      );
      break;
    case 'hoursEntry.create':
      outcome = await logHours(tx, mutation.entityId, parsed.data as never, ctx);
      break;
  }

  switch (outcome.kind) {
    case 'applied': {
      const record = outcome.record as { version: number };
      const isWorkOrder = mutation.type !== 'hoursEntry.create';
      return { id: mutation.id, status: 'applied', version: record.version, ...(isWorkOrder ? { record: record as never } : {}) };
    }
    case 'conflict':
      return {
        id: mutation.id,
        status: 'conflict',
        version: outcome.record.version,
        record: outcome.record,
        message: `${outcome.record.updatedBy} changed this work order at ${outcome.record.updatedAt}.`,
      };
    case 'rejected':
      return {
        id: mutation.id,
        status: 'rejected',
        code: outcome.code,
        message: outcome.message,
        ...(outcome.dependsOn ? { dependsOn: outcome.dependsOn } : {}),
      };
  }
}
