import { openServerDatabase, type ServerDatabase } from '../db/database';
import { migrateServerDatabase } from '../db/migrations';

export const DEFAULT_DATA_DIR = './server-data';

/** The server's database as the running server opens it: --data for SQLite, DATABASE_URL for PostgreSQL. */
export async function openForCommand(dataDir: string | undefined): Promise<ServerDatabase> {
  const database = await openServerDatabase({ dataDir: dataDir ?? DEFAULT_DATA_DIR, databaseUrl: process.env.DATABASE_URL || undefined });
  try {
    await migrateServerDatabase(database.db, database.dialect, database.schema);
  } catch (error) {
    await database.destroy();
    throw error;
  }
  return database;
}

/** Opens the server's database for one command, and closes it whatever the command does. */
export async function withCommandDatabase<T>(dataDir: string | undefined, work: (database: ServerDatabase) => Promise<T>): Promise<T> {
  const database = await openForCommand(dataDir);
  try {
    return await work(database);
  } finally {
    await database.destroy();
  }
}
