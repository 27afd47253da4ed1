import type { Migration } from './index';

/**
 * The supervisor's list: an index per sort order, so each stays a walk of
 * the first page's rows with 100,000 work orders (each ends in `id`, the
 * tie-breaker that keeps paging stable); per-user preferences (the list's
 * filters and sort, restored at the next sign-in); and the people the server
 * said may be given work, for the assignee picker while offline.
 *
 * The ORDER BY terms in db/workOrders.ts must be written exactly as these
 * index expressions, or SQLite sorts instead (tested with EXPLAIN QUERY PLAN).
 */
export const migration0040ListSortsAndPeople: Migration = {
  version: 40,
  name: 'list-sorts-and-people',
  up(db) {
    db.exec(`
      CREATE INDEX work_orders_by_due ON work_orders (due_at IS NULL, due_at, id);
      CREATE INDEX work_orders_by_priority ON work_orders (
        (CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END), updated_at DESC, id);
      CREATE INDEX work_orders_by_number_order ON work_orders (length(number), number, id);

      CREATE TABLE user_preferences (
        username TEXT NOT NULL,
        name     TEXT NOT NULL,
        value    TEXT NOT NULL,         -- JSON, checked with its zod schema when read
        PRIMARY KEY (username, name)
      ) STRICT;

      -- Active accounts as the server last listed them (GET /users/assignable).
      CREATE TABLE known_users (
        username TEXT PRIMARY KEY,
        role     TEXT NOT NULL
      ) STRICT;
    `);
  },
};
