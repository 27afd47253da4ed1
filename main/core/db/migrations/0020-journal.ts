import type { Migration } from './index';

/**
 * The offline journal. `work_orders` becomes what the technician sees (the
 * server's copy with pending changes applied); `work_order_base` keeps the
 * server's last known copy apart, which makes the diff, Overwrite, Discard
 * and Merge exact; `outbox` holds every change not yet acknowledged by the
 * server. Existing rows are carried over: every demo/pulled work order is
 * also its own base.
 */
export const migration0020Journal: Migration = {
  version: 20,
  name: 'journal',
  up(db) {
    db.exec(`
      -- number becomes nullable: a work order created offline has none until the server assigns it.
      CREATE TABLE work_orders_new (
        id               TEXT PRIMARY KEY,
        number           TEXT UNIQUE,
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
      INSERT INTO work_orders_new SELECT * FROM work_orders;
      DROP TABLE work_orders;
      ALTER TABLE work_orders_new RENAME TO work_orders;
      CREATE INDEX work_orders_by_updated ON work_orders (updated_at DESC, id);
      CREATE INDEX work_orders_by_status_updated ON work_orders (status, updated_at DESC, id);
      CREATE INDEX work_orders_by_asset ON work_orders (asset_id);
      CREATE INDEX work_orders_by_assignee ON work_orders (assignee_id, priority, updated_at DESC);

      CREATE TABLE work_order_base (
        id        TEXT PRIMARY KEY,
        version   INTEGER NOT NULL,
        record    TEXT NOT NULL,       -- the server's record, JSON
        synced_at TEXT NOT NULL        -- when this copy came from the server
      ) STRICT;
      INSERT INTO work_order_base (id, version, record, synced_at)
        SELECT id, version, json_object(
          'id', id, 'number', number, 'title', title, 'description', description, 'status', status,
          'priority', priority, 'assetId', asset_id, 'assigneeId', assignee_id, 'dueAt', due_at,
          'completedAt', completed_at, 'completionNotes', completion_notes, 'version', version,
          'createdAt', created_at, 'createdBy', created_by, 'updatedAt', updated_at, 'updatedBy', updated_by),
          updated_at
        FROM work_orders;

      ALTER TABLE assets ADD COLUMN category TEXT NOT NULL DEFAULT '';
      ALTER TABLE assets ADD COLUMN manufacturer TEXT NOT NULL DEFAULT '';
      ALTER TABLE assets ADD COLUMN model TEXT NOT NULL DEFAULT '';
      ALTER TABLE assets ADD COLUMN serial_number TEXT NOT NULL DEFAULT '';
      ALTER TABLE assets ADD COLUMN status TEXT NOT NULL DEFAULT 'in_service';

      CREATE TABLE hours_entries (
        id            TEXT PRIMARY KEY,
        work_order_id TEXT NOT NULL,
        user_id       TEXT NOT NULL,
        hours         REAL NOT NULL,
        work_date     TEXT NOT NULL,
        note          TEXT NOT NULL DEFAULT '',
        performed_at  TEXT NOT NULL,
        received_at   TEXT,             -- null until the server has it
        version       INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX hours_by_work_order ON hours_entries (work_order_id, work_date);

      -- Every change a technician made that the server has not confirmed.
      -- seq is the per-client sequence the protocol sends; one user action is one row.
      CREATE TABLE outbox (
        seq           INTEGER PRIMARY KEY AUTOINCREMENT,
        id            TEXT NOT NULL UNIQUE,          -- mutation UUID: the server's idempotency key
        type          TEXT NOT NULL,
        entity_id     TEXT NOT NULL,
        work_order_id TEXT NOT NULL,                 -- the work order it concerns (for markers)
        base_version  INTEGER,
        base_record   TEXT,                          -- the server's record the change was made against (JSON): the conflict's "before"
        payload       TEXT NOT NULL,                 -- JSON, exactly as the protocol sends it
        user_id       TEXT NOT NULL,
        created_at    TEXT NOT NULL,                 -- device time
        -- discarded: the technician chose Discard; resolved: replaced by their Overwrite or Merge.
        state         TEXT NOT NULL CHECK (state IN ('pending','in_flight','conflict','rejected','applied','discarded','resolved')),
        depends_on    TEXT,                          -- mutation id of the offline create it needs
        result        TEXT,                          -- the server's answer, JSON
        acknowledged_at TEXT                         -- a refused change the technician has seen ("Okay")
      ) STRICT;
      CREATE INDEX outbox_by_work_order ON outbox (work_order_id, state);
      CREATE INDEX outbox_by_entity ON outbox (entity_id, state);
      CREATE INDEX outbox_by_state ON outbox (state, seq);
      CREATE INDEX outbox_by_user ON outbox (user_id, state);

      -- Accounts that signed in on this PC: a slow-hash verifier, never the password.
      CREATE TABLE local_accounts (
        username      TEXT PRIMARY KEY,
        role          TEXT NOT NULL,
        verifier      TEXT NOT NULL,
        last_sign_in  TEXT NOT NULL
      ) STRICT;

      -- The labour timer lives here so it survives closing the app, a crash and a restart.
      CREATE TABLE timers (
        user_id       TEXT PRIMARY KEY,
        work_order_id TEXT NOT NULL,
        started_at    TEXT NOT NULL
      ) STRICT;

      -- One row per sync cycle, for the "Sync history" screen.
      CREATE TABLE sync_history (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        started_at  TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        sent        INTEGER NOT NULL,
        received    INTEGER NOT NULL,
        outcome     TEXT NOT NULL,      -- ok | offline | failed | signed_out
        message     TEXT NOT NULL DEFAULT ''
      ) STRICT;

      CREATE TABLE local_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
      INSERT INTO local_meta (key, value) VALUES ('client_id', lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-a' || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))));
    `);
  },
};
