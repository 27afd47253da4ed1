import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { ServerSchema } from './schema';

export type DialectName = 'sqlite' | 'postgres';

export interface ServerDatabase {
  db: Kysely<ServerSchema>;
  dialect: DialectName;
  /** Where the data lives, for logs (never a password). */
  describe: string;
  /** PostgreSQL: the schema in use when not `public`. */
  schema?: string;
  destroy(): Promise<void>;
}

export interface DatabaseOptions {
  /** SQLite: the folder that holds the server's file. */
  dataDir?: string;
  /** PostgreSQL: postgres://… (several instances may share it). */
  databaseUrl?: string;
  /** PostgreSQL: a schema to use instead of `public` (tests use one each). */
  schema?: string;
}

export const SQLITE_FILE_NAME = 'shopfloor-server.db';

// int8 (bigserial counters) as numbers: safe far beyond any feed we will see.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** The one dialect switch: SQLite by default, PostgreSQL when a URL is given. */
export async function openServerDatabase(options: DatabaseOptions): Promise<ServerDatabase> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.schema);
  if (!options.dataDir) throw new Error('Give the server a data folder (--data) or DATABASE_URL.');
  return openSqlite(options.dataDir);
}

function openSqlite(dataDir: string): ServerDatabase {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, SQLITE_FILE_NAME);
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  // Statement journals in memory instead of a temp file per write statement (foreign keys are on), and a
  // larger page cache: both matter for bulk pushes and pulls.
  database.pragma('temp_store = MEMORY');
  database.pragma('cache_size = -65536');
  const db = new Kysely<ServerSchema>({ dialect: new SqliteDialect({ database }) });
  return { db, dialect: 'sqlite', describe: `SQLite ${file}`, destroy: () => db.destroy() };
}

async function openPostgres(databaseUrl: string, schema?: string): Promise<ServerDatabase> {
  if (schema && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`Invalid schema name "${schema}"`);
  const settings = [
    // A forgotten open transaction would hold the change feed back (SYNC.md): cut it off.
    '-c idle_in_transaction_session_timeout=60000',
    ...(schema ? [`-c search_path=${schema}`] : []),
  ].join(' ');
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, options: settings });
  const db = new Kysely<ServerSchema>({ dialect: new PostgresDialect({ pool }) });
  if (schema) await sql`CREATE SCHEMA IF NOT EXISTS ${sql.id(schema)}`.execute(db);
  const url = new URL(databaseUrl);
  url.password = '';
  return {
    db,
    dialect: 'postgres',
    describe: `PostgreSQL ${url.host}${url.pathname}${schema ? ` (schema ${schema})` : ''}`,
    schema,
    destroy: () => db.destroy(),
  };
}
