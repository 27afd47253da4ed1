import type { Kysely } from 'kysely';
import type { ServerSchema, UsersTable } from '../db/schema';

type Db = Kysely<ServerSchema>;

/** User names are stored lower-case; callers pass them as typed. */
export function findUserByUsername(db: Db, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username.toLowerCase()).executeTakeFirst();
}

export function listUsers(db: Db) {
  return db.selectFrom('users').selectAll().orderBy('username').execute();
}

export function countUsers(db: Db) {
  return db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

/** Enabled admins other than `exceptId`: the last one may not be demoted or disabled. */
export function countOtherEnabledAdmins(db: Db, exceptId: string) {
  return db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .where('id', '!=', exceptId)
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

export function insertUser(db: Db, row: UsersTable) {
  return db.insertInto('users').values(row).onConflict((oc) => oc.column('username').doNothing()).executeTakeFirst();
}

export function updateUser(db: Db, id: string, changes: Partial<Pick<UsersTable, 'role' | 'password_hash' | 'disabled_at'>>) {
  return db.updateTable('users').set(changes).where('id', '=', id).execute();
}
