import type { Migration } from './index';

/**
 * First slice: the server's copy of assets and work orders as the journal
 * keeps them. Timestamps are ISO-8601 UTC text, so they sort as strings.
 */
export const migration0010WorkOrders: Migration = {
  version: 10,
  name: 'work-orders',
  up(db) {
    db.exec(`
      CREATE TABLE assets (
        id            TEXT PRIMARY KEY,
        tag           TEXT NOT NULL UNIQUE,
        name          TEXT NOT NULL,
        location      TEXT NOT NULL DEFAULT '',
        version       INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      CREATE TABLE work_orders (
        id               TEXT PRIMARY KEY,
        number           TEXT NOT NULL,
        title            TEXT NOT NULL,
        description      TEXT NOT NULL DEFAULT '',
        status           TEXT NOT NULL CHECK (status IN ('open','in_progress','on_hold','completed','cancelled')),
        priority         TEXT NOT NULL CHECK (priority IN ('low','medium','high','urgent')),
        asset_id         TEXT REFERENCES assets(id),
        assignee_id      TEXT,
        due_at           TEXT,
        completed_at     TEXT,
        completion_notes TEXT,
        version          INTEGER NOT NULL,
        created_at       TEXT NOT NULL,
        created_by       TEXT NOT NULL,
        updated_at       TEXT NOT NULL,
        updated_by       TEXT NOT NULL
      ) STRICT;

      -- The list's default order, with and without a status filter.
      CREATE INDEX work_orders_by_updated ON work_orders (updated_at DESC, id);
      CREATE INDEX work_orders_by_status_updated ON work_orders (status, updated_at DESC, id);
      CREATE UNIQUE INDEX work_orders_by_number ON work_orders (number);
      CREATE INDEX work_orders_by_asset ON work_orders (asset_id);
    `);
  },
};
