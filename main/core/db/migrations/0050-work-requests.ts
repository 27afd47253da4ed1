import type { Migration } from './index';

/**
 * Work requests: operators' reports from the sign-in screen and what a
 * supervisor decided. One table holds the server's copy (version > 0) and
 * requests made here and not yet received by the server (version 0); what
 * waits to be sent is in the outbox like every other change.
 */
export const migration0050WorkRequests: Migration = {
  version: 50,
  name: 'work-requests',
  up(db) {
    db.exec(`
      CREATE TABLE work_requests (
        id                TEXT PRIMARY KEY,
        asset_id          TEXT NOT NULL,
        description       TEXT NOT NULL,
        urgency           TEXT NOT NULL CHECK (urgency IN ('low','medium','high','urgent')),
        machine_stopped   INTEGER NOT NULL CHECK (machine_stopped IN (0, 1)),
        requested_by      TEXT NOT NULL,
        client_id         TEXT NOT NULL,
        carried_by        TEXT NOT NULL DEFAULT '',
        status            TEXT NOT NULL CHECK (status IN ('new','accepted','declined')),
        decided_by        TEXT,
        decided_at        TEXT,
        decline_reason    TEXT,
        work_order_id     TEXT,
        work_order_number TEXT,
        reported_at       TEXT NOT NULL,
        received_at       TEXT,            -- null until the server has it
        updated_at        TEXT NOT NULL,
        version           INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX work_requests_by_status ON work_requests (status, reported_at DESC);
      CREATE INDEX work_requests_by_client ON work_requests (client_id, reported_at DESC);
    `);
  },
};
