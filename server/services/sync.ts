import type { UserSummary } from '../../shared/domain/records';
import type { Mutation, MutationResult, PullResponse } from '../../shared/sync/protocol';
import { HttpError } from '../errors';
import { readFeedEpoch } from '../queries/meta';
import { decodeCursor } from '../sync/cursor';
import { pullChanges } from '../sync/pull';
import { pushMutations } from '../sync/push';
import { nowIso, type ServiceContext } from './context';

/** Push: every mutation decided in one transaction (see pushMutations). */
export function push(ctx: ServiceContext, user: UserSummary, clientId: string, mutations: Mutation[]): Promise<MutationResult[]> {
  return pushMutations(ctx.database, user, clientId, mutations, () => nowIso(ctx));
}

/**
 * Pull: a cursor from another copy of the data means "start again", one we never issued is the client's mistake.
 * The epoch is read per pull, not once at start: a restore under a running server changes it.
 */
export async function pull(ctx: ServiceContext, cursor: string | undefined, limit: number): Promise<PullResponse> {
  const epoch = await readFeedEpoch(ctx.database.db);
  const decoded = decodeCursor(cursor, epoch);
  if (!decoded.ok) {
    throw decoded.reason === 'other_epoch'
      ? new HttpError(410, 'RESYNC_REQUIRED', 'The server’s data was restored or reset: pull again from the start (keep unsent changes).')
      : new HttpError(400, 'INVALID_CURSOR', 'The cursor is not one this server gave out.');
  }
  return pullChanges(ctx.database, epoch, decoded.position, limit);
}
