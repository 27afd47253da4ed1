import type { z } from 'zod';
import type { Db } from './connection';

/**
 * Per-user settings on this computer (the list's filters and sort), keyed by
 * user name: shared PCs keep each technician's own. Values are JSON, checked
 * with their schema when read, so a damaged or older value falls back to the
 * defaults instead of breaking the screen.
 */
export function readPreference<S extends z.ZodType>(db: Db, username: string, name: string, schema: S): z.output<S> {
  const row = db
    .prepare<[string, string], { value: string }>('SELECT value FROM user_preferences WHERE username = ? AND name = ?')
    .get(username, name);
  let saved: unknown;
  try {
    saved = row ? JSON.parse(row.value) : {};
  } catch {
    saved = {};
  }
  const parsed = schema.safeParse(saved);
  return parsed.success ? parsed.data : schema.parse({});
}

export function writePreference(db: Db, username: string, name: string, value: unknown): void {
  db.prepare(
    `INSERT INTO user_preferences (username, name, value) VALUES (?, ?, ?)
     ON CONFLICT (username, name) DO UPDATE SET value = excluded.value`,
  ).run(username, name, JSON.stringify(value));
}
