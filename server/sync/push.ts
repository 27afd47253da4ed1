import type { UserSummary } from '../../shared/domain/records';
import {
  MUTATION_PAYLOADS,
  type Mutation,
  type MutationOutcome,
  type MutationResult,
} from '../../shared/sync/protocol';
import type { ServerDatabase } from '../db/database';
import { chunks, WriteSession, type WriteContext, type WriteOutcome } from '../domain/writeSession';

type Parsed = { ok: true; data: Record<string, unknown> } | { ok: false; result: Extract<MutationResult, { status: 'rejected' }> };

/**
 * Processes a push in one transaction: the client's row is locked (a retry
 * racing its original on another instance waits here), earlier outcomes are
 * looked up, every mutation is decided in order by a WriteSession, and the
 * effects plus one outcome row per mutation are written together. A retry
 * (lost response, another instance, a restart) therefore gets `duplicate`
 * with the first answer and nothing is applied twice (SYNC.md pitfalls 4-5).
 * A conflict or refusal is an answer, not an error: the next mutation runs.
 * If anything fails, nothing of the push is kept and the client sends it again.
 */
export async function pushMutations(
  database: ServerDatabase,
  user: UserSummary,
  clientId: string,
  mutations: Mutation[],
  now: () => string = () => new Date().toISOString(),
): Promise<MutationResult[]> {
  const { db, dialect } = database;
  const at = now();
  return db.transaction().execute(async (tx) => {
    await tx
      .insertInto('client_state')
      .values({ client_id: clientId, last_seq: 0, updated_at: at })
      .onConflict((oc) => oc.column('client_id').doNothing())
      .execute();
    let lock = tx.selectFrom('client_state').select('last_seq').where('client_id', '=', clientId);
    if (dialect === 'postgres') lock = lock.forUpdate();
    const { last_seq } = await lock.executeTakeFirstOrThrow();

    const priors = new Map<string, { client_id: string; result: MutationOutcome }>();
    for (const some of chunks(mutations)) {
      const rows = await tx
        .selectFrom('mutation_outcomes')
        .select(['mutation_id', 'client_id', 'result_json'])
        .where('mutation_id', 'in', some.map((m) => m.id))
        .execute();
      for (const r of rows) priors.set(r.mutation_id, { client_id: r.client_id, result: JSON.parse(r.result_json) as MutationOutcome });
    }

    const parsed = mutations.map(parse);
    const session = await WriteSession.open(tx, dialect, needsOf(mutations, parsed));
    const results: MutationResult[] = [];
    const outcomes: { mutation: Mutation; result: MutationOutcome }[] = [];
    for (const [i, mutation] of mutations.entries()) {
      const prior = priors.get(mutation.id);
      if (prior) {
        results.push(
          prior.client_id !== clientId
            ? { id: mutation.id, status: 'rejected', code: 'ALREADY_EXISTS', message: 'This change id was already used by another workstation.' }
            : duplicateOf(prior.result, mutation.id),
        );
        continue;
      }
      const p = parsed[i]!;
      const result = p.ok ? decide(session, mutation, p.data, { user, mutationId: mutation.id, now: at, clientId }) : p.result;
      if (!p.ok && mutation.type === 'workOrder.create') session.noteRefusedCreate(mutation.entityId, mutation.id, p.result.message);
      priors.set(mutation.id, { client_id: clientId, result });
      outcomes.push({ mutation, result });
      results.push(result);
    }
    await session.flush();

    // Serialised only now: new work orders got their numbers in flush.
    for (const some of chunks(outcomes)) {
      await tx
        .insertInto('mutation_outcomes')
        .values(
          some.map(({ mutation, result }) => ({
            mutation_id: mutation.id,
            client_id: clientId,
            seq: mutation.seq,
            type: mutation.type,
            entity_id: mutation.entityId,
            status: result.status,
            result_json: JSON.stringify(result),
            at,
          })),
        )
        .execute();
    }
    const maxSeq = Math.max(Number(last_seq), ...outcomes.map((o) => o.mutation.seq));
    await tx.updateTable('client_state').set({ last_seq: maxSeq, updated_at: at }).where('client_id', '=', clientId).execute();
    return results;
  });
}

function parse(mutation: Mutation): Parsed {
  const parsed = MUTATION_PAYLOADS[mutation.type].safeParse(mutation.payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
    return { ok: false, result: { id: mutation.id, status: 'rejected', code: 'VALIDATION_FAILED', message: `${where}${issue.message}` } };
  }
  const needsBase = mutation.type === 'workOrder.update' || mutation.type === 'workOrder.overwrite';
  if (needsBase && mutation.baseVersion === null) {
    return {
      ok: false,
      result: { id: mutation.id, status: 'rejected', code: 'VALIDATION_FAILED', message: 'baseVersion: an update must say which version it was made against.' },
    };
  }
  return { ok: true, data: parsed.data as Record<string, unknown> };
}

/** Which records the push will read, so the session loads them in a few queries. */
function needsOf(mutations: Mutation[], parsed: Parsed[]) {
  const workOrderIds: string[] = [];
  const hoursIds: string[] = [];
  const assetIds: string[] = [];
  const userIds: string[] = [];
  const requestIds: string[] = [];
  mutations.forEach((m, i) => {
    const p = parsed[i]!;
    if (!p.ok) return;
    if (m.type.startsWith('workRequest.')) {
      requestIds.push(m.entityId);
      if (typeof p.data.assetId === 'string') assetIds.push(p.data.assetId);
      if (typeof p.data.workOrderId === 'string') workOrderIds.push(p.data.workOrderId);
    } else if (m.type === 'hoursEntry.create') {
      hoursIds.push(m.entityId);
      workOrderIds.push(p.data.workOrderId as string);
    } else {
      workOrderIds.push(m.entityId);
      if (typeof p.data.assetId === 'string') assetIds.push(p.data.assetId);
      if (typeof p.data.assigneeId === 'string') userIds.push(p.data.assigneeId);
    }
  });
  return { workOrderIds, hoursIds, assetIds, userIds, requestIds };
}

function decide(session: WriteSession, mutation: Mutation, data: Record<string, unknown>, ctx: WriteContext): MutationOutcome {
  let outcome: WriteOutcome<unknown>;
  switch (mutation.type) {
    case 'workOrder.create':
      outcome = session.createWorkOrder(mutation.entityId, data as never, ctx);
      break;
    case 'workOrder.update':
    case 'workOrder.overwrite':
      outcome = session.changeWorkOrder(
        mutation.entityId,
        mutation.baseVersion!,
        data as never,
        mutation.type === 'workOrder.update' ? 'update' : 'overwrite',
        ctx,
      );
      break;
    case 'hoursEntry.create':
      outcome = session.logHours(mutation.entityId, data as never, ctx);
      break;
    case 'workRequest.create':
      outcome = session.createRequest(mutation.entityId, data as never, ctx);
      break;
    case 'workRequest.accept':
      outcome = session.decideRequest(mutation.entityId, { kind: 'accept', workOrderId: data.workOrderId as string }, ctx);
      break;
    case 'workRequest.decline':
      outcome = session.decideRequest(mutation.entityId, { kind: 'decline', reason: data.reason as string }, ctx);
      break;
  }

  switch (outcome.kind) {
    case 'applied': {
      const record = outcome.record as { version: number };
      // Work-order mutations answer with the work order; an Accept with the work order the request became.
      if (outcome.workOrder) return { id: mutation.id, status: 'applied', version: record.version, record: outcome.workOrder };
      const isWorkOrder = mutation.type.startsWith('workOrder.');
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

/** A retry gets the first answer again, marked as a duplicate of what it was. */
function duplicateOf(first: MutationOutcome, id: string): MutationResult {
  return { ...first, id, status: 'duplicate', original: first.status } as MutationResult;
}
