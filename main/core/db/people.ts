import type { AssignableUser } from '../../../shared/sync/protocol';
import type { Db } from './connection';

/**
 * The people work can be assigned to, as the server last listed them. Kept
 * so the assignee picker works offline; replaced whole on every list.
 */
export function replaceKnownUsers(db: Db, users: AssignableUser[]): void {
  const insert = db.prepare('INSERT INTO known_users (username, role) VALUES (@username, @role)');
  db.transaction(() => {
    db.prepare('DELETE FROM known_users').run();
    for (const user of users) insert.run(user);
  }).immediate();
}

export function listKnownUsers(db: Db): AssignableUser[] {
  return db.prepare<[], AssignableUser>('SELECT username, role FROM known_users ORDER BY username').all();
}
