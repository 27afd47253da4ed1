import type { Kysely } from 'kysely';
import type { ServerSchema } from '../db/schema';

/** User names are stored lower-case; callers pass them as typed. */
export function findUserByUsername(db: Kysely<ServerSchema>, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username.toLowerCase()).executeTakeFirst();
}
