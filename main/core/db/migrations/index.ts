import { AppError } from '../../../../shared/ipc/result';
import type { Db } from '../connection';
import { restoreDeferredIndexes } from '../deferredIndexes';
import { migration0010WorkOrders } from './0010-work-orders';
import { migration0020Journal } from './0020-journal';
import { migration0030SearchIndex } from './0030-search-index';
import { migration0040ListSortsAndPeople } from './0040-list-sorts-and-people';
import { migration0050WorkRequests } from './0050-work-requests';
import { migration0060QuickSwitch } from './0060-quick-switch';
import { migration0070OutboxOldest } from './0070-outbox-oldest';

export interface Migration {
  /** Goes up in tens (10, 20, ...) to leave room for hotfix steps in between. */
  version: number;
  name: string;
  up(db: Db): void;
}

/** In order. Never edit a released step: add a new one. */
export const MIGRATIONS: readonly Migration[] = [migration0010WorkOrders, migration0020Journal, migration0030SearchIndex, migration0040ListSortsAndPeople, migration0050WorkRequests, migration0060QuickSwitch, migration0070OutboxOldest];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the journal up to the newest schema, one step per transaction, with
 * the version stored in `PRAGMA user_version` in the same transaction.
 * A journal written by a newer Shopfloor is refused, never downgraded: its
 * pending work must not be touched by code that does not understand it.
 */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): { from: number; to: number } {
  const from = schemaVersion(db);
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  if (from > latest) {
    throw new AppError(
      'DATABASE_TOO_NEW',
      `This computer's Shopfloor data was written by a newer version of Shopfloor (data version ${from}, ` +
        `this version understands up to ${latest}). Install the newer version; nothing has been changed.`,
    );
  }
  // A first pull that never caught up (the app died) left the list and search indexes dropped: they come
  // back before anything reads the journal, and before a step that may change them runs.
  restoreDeferredIndexes(db);
  for (const step of migrations) {
    if (step.version <= from) continue;
    db.transaction(() => {
      step.up(db);
      db.pragma(`user_version = ${step.version}`);
    }).immediate();
  }
  return { from, to: schemaVersion(db) };
}
