import type { Migration } from './index';

/**
 * Quick switch on a shared PC: a person who signed in here with a password may
 * add a PIN and/or link a badge, kept here as slow salted hashes (the same
 * scrypt as the offline verifier), never as the PIN or the badge code. Wrong
 * PINs in a row are counted here so the count survives a restart.
 */
export const migration0060QuickSwitch: Migration = {
  version: 60,
  name: 'quick-switch',
  up(db) {
    db.exec(`
      CREATE TABLE quick_switch (
        username      TEXT PRIMARY KEY REFERENCES local_accounts (username) ON DELETE CASCADE,
        pin_hash      TEXT,              -- v1:<per-user salt>:<scrypt key>
        badge_hash    TEXT UNIQUE,       -- scrypt key of the badge code under this PC's badge salt
        pin_failures  INTEGER NOT NULL DEFAULT 0
      ) STRICT;
    `);
  },
};
