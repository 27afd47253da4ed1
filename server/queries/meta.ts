import type { Kysely } from 'kysely';
import type { ServerSchema } from '../db/schema';

/** The feed's identity: a restored or reset database has a new one and cursors into the old one are refused. */
export async function readFeedEpoch(db: Kysely<ServerSchema>): Promise<string> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', 'feed_epoch').executeTakeFirstOrThrow();
  return row.value;
}

export async function writeFeedEpoch(db: Kysely<ServerSchema>, epoch: string): Promise<void> {
  await db.updateTable('meta').set({ value: epoch }).where('key', '=', 'feed_epoch').execute();
}
