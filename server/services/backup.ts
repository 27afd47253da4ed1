import { randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SQLITE_FILE_NAME } from '../db/database';
import { HttpError } from '../errors';

/**
 * Backups of the SQLite server database with SQLite's online backup API:
 * a consistent copy while the server keeps serving. A restore writes the
 * copy back through the same API (so a running server sees it at once) and
 * gives the feed a new epoch: every workstation's cursor points into the
 * feed as it was, so they are told RESYNC_REQUIRED, pull from the start and
 * send their unsent changes again.
 */
export async function backupSqlite(dataDir: string, to: string): Promise<{ file: string; pages: number }> {
  const source = openExisting(path.join(dataDir, SQLITE_FILE_NAME), 'There is no server database in');
  try {
    if (existsSync(to)) throw new HttpError(409, 'VALIDATION_FAILED', `${to} exists already: choose a new file name, so no backup is overwritten.`);
    const { totalPages } = await source.backup(to);
    return { file: path.resolve(to), pages: totalPages };
  } finally {
    source.close();
  }
}

export async function restoreSqlite(dataDir: string, from: string): Promise<{ epoch: string }> {
  const target = path.join(dataDir, SQLITE_FILE_NAME);
  const staged = `${target}.restoring-${process.pid}`;
  const backup = openExisting(from, 'There is no backup at');
  try {
    const meta = backup.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get();
    if (!meta) throw new HttpError(400, 'VALIDATION_FAILED', `${from} is not a Shopfloor server backup.`);
    await backup.backup(staged);
  } finally {
    backup.close();
  }
  try {
    const copy = new Database(staged);
    try {
      const epoch = randomUUID();
      copy.prepare("UPDATE meta SET value = ? WHERE key = 'feed_epoch'").run(epoch);
      // Into the live file page by page under SQLite's locks: a running server reads the restored data next.
      await copy.backup(target);
      return { epoch };
    } finally {
      copy.close();
    }
  } finally {
    for (const file of [staged, `${staged}-wal`, `${staged}-shm`]) rmSync(file, { force: true });
  }
}

function openExisting(file: string, missing: string): Database.Database {
  if (!existsSync(file)) throw new HttpError(404, 'NOT_FOUND', `${missing} ${file}.`);
  return new Database(file, { fileMustExist: true });
}
