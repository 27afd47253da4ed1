import { sql, type Kysely } from 'kysely';
import type { Entity } from '../../shared/sync/protocol';
import type { DialectName } from '../db/database';
import type { ServerSchema } from '../db/schema';

/**
 * Deletes every feed row of `entity` that a later row of the same record
 * follows, in feed order: (txid, seq) on PostgreSQL, seq on SQLite (see
 * server/sync/pull.ts). A pull returns each record as it is now, so a reader
 * whose cursor lies before a removed row still meets the record at its later
 * row and gets the same (current) version it would have got; a cursor on or
 * past a removed row compares by position, never by row, so it keeps working.
 * Rows of transactions not yet committed are invisible here and never count
 * as "later". A removed position is never handed out again (SQLite's
 * AUTOINCREMENT, PostgreSQL's sequence), so nothing new can land behind a cursor.
 * Returns how many rows went.
 */
export async function removeSupersededChanges(db: Kysely<ServerSchema>, dialect: DialectName, entity: Entity): Promise<number> {
  const order = dialect === 'postgres' ? sql`txid DESC, seq DESC` : sql`seq DESC`;
  const result = await sql`
    DELETE FROM change_log
    WHERE entity = ${entity}
      AND seq IN (
        SELECT seq FROM (
          SELECT seq, row_number() OVER (PARTITION BY entity_id ORDER BY ${order}) AS later
          FROM change_log
          WHERE entity = ${entity}
        ) ranked
        WHERE later > 1
      )`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** How many rows the change feed holds. */
export async function countFeedRows(db: Kysely<ServerSchema>): Promise<number> {
  const row = await db.selectFrom('change_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
