import { randomUUID } from 'node:crypto';
import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from './database';
import type { ServerSchema } from './schema';

/**
 * Server migrations, the same steps on both dialects (one place per
 * difference). Kysely's Migrator takes a lock, so several instances starting
 * at once against one PostgreSQL migrate it once.
 */
function migrations(dialect: DialectName): Record<string, Migration> {
  const pg = dialect === 'postgres';
  const autoId = pg ? sql`bigserial primary key` : sql`integer primary key autoincrement`;
  return {
    '0010-initial': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('users')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('username', 'text', (c) => c.notNull().unique())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('password_hash', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('tokens')
          .addColumn('token_hash', 'text', (c) => c.primaryKey())
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('assets')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('tag', 'text', (c) => c.notNull().unique())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('location', 'text', (c) => c.notNull())
          .addColumn('category', 'text', (c) => c.notNull())
          .addColumn('manufacturer', 'text', (c) => c.notNull())
          .addColumn('model', 'text', (c) => c.notNull())
          .addColumn('serial_number', 'text', (c) => c.notNull())
          .addColumn('parent_id', 'text')
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('version', 'integer', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('work_orders')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('number', 'text', (c) => c.notNull().unique())
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('description', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('priority', 'text', (c) => c.notNull())
          .addColumn('asset_id', 'text', (c) => c.references('assets.id'))
          .addColumn('assignee_id', 'text')
          .addColumn('due_at', 'text')
          .addColumn('completed_at', 'text')
          .addColumn('completion_notes', 'text')
          .addColumn('version', 'integer', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addColumn('updated_by', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('hours_entries')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('work_order_id', 'text', (c) => c.notNull().references('work_orders.id'))
          .addColumn('user_id', 'text', (c) => c.notNull())
          .addColumn('hours', pg ? 'double precision' : 'real', (c) => c.notNull())
          .addColumn('work_date', 'text', (c) => c.notNull())
          .addColumn('note', 'text', (c) => c.notNull())
          .addColumn('performed_at', 'text', (c) => c.notNull())
          .addColumn('received_at', 'text', (c) => c.notNull())
          .addColumn('version', 'integer', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('hours_by_work_order').on('hours_entries').column('work_order_id').execute();
        await db.schema
          .createTable('audit_log')
          .addColumn('id', autoId as never)
          .addColumn('entity', 'text', (c) => c.notNull())
          .addColumn('entity_id', 'text', (c) => c.notNull())
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('mutation_id', 'text')
          .addColumn('user_id', 'text', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('before_json', 'text')
          .addColumn('after_json', 'text')
          .execute();
        await db.schema.createIndex('audit_by_entity').on('audit_log').columns(['entity', 'entity_id', 'id']).execute();
        // The feed: see ChangeLogTable. txid is meaningful on PostgreSQL only.
        await db.schema
          .createTable('change_log')
          .addColumn('seq', autoId as never)
          .addColumn('txid', pg ? sql`xid8` : 'text', (c) =>
            c.notNull().defaultTo(pg ? sql`pg_current_xact_id()` : '0'),
          )
          .addColumn('entity', 'text', (c) => c.notNull())
          .addColumn('entity_id', 'text', (c) => c.notNull())
          .addColumn('version', 'integer', (c) => c.notNull())
          .execute();
        if (pg) await db.schema.createIndex('change_log_by_txid_seq').on('change_log').columns(['txid', 'seq']).execute();
        await db.schema
          .createTable('client_state')
          .addColumn('client_id', 'text', (c) => c.primaryKey())
          .addColumn('last_seq', 'bigint', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('mutation_outcomes')
          .addColumn('mutation_id', 'text', (c) => c.primaryKey())
          .addColumn('client_id', 'text', (c) => c.notNull())
          .addColumn('seq', 'bigint', (c) => c.notNull())
          .addColumn('type', 'text', (c) => c.notNull())
          .addColumn('entity_id', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('result_json', 'text', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .execute();
        // "Was the create of this record refused?" (DEPENDENCY_REJECTED) is a lookup by entity.
        await db.schema.createIndex('outcomes_by_entity').on('mutation_outcomes').columns(['entity_id', 'type']).execute();
        await db.schema
          .createTable('counters')
          .addColumn('name', 'text', (c) => c.primaryKey())
          .addColumn('value', 'bigint', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('meta')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('value', 'text', (c) => c.notNull())
          .execute();
        const typed = db as unknown as Kysely<ServerSchema>;
        await typed.insertInto('counters').values({ name: 'work_order_number', value: 10000 }).execute();
        // Identifies this feed: a restored or reseeded database gets a new one and clients resync.
        await typed.insertInto('meta').values({ key: 'feed_epoch', value: randomUUID() }).execute();
      },
    },
    '0020-accounts-and-expiring-tokens': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('users').addColumn('disabled_at', 'text').execute();
        // Tokens issued before this version never expired: they now live one more default access lifetime.
        const until = new Date(Date.now() + 12 * 3600_000).toISOString();
        await db.schema.alterTable('tokens').addColumn('kind', 'text', (c) => c.notNull().defaultTo('access')).execute();
        await db.schema.alterTable('tokens').addColumn('expires_at', 'text', (c) => c.notNull().defaultTo(until)).execute();
        await db.schema.alterTable('tokens').addColumn('family_id', 'text', (c) => c.notNull().defaultTo('')).execute();
        await db.schema.alterTable('tokens').addColumn('revoked_at', 'text').execute();
        await db.schema.alterTable('tokens').addColumn('used_at', 'text').execute();
        await sql`UPDATE tokens SET family_id = token_hash`.execute(db);
        await db.schema.createIndex('tokens_by_family').on('tokens').column('family_id').execute();
        await db.schema.createIndex('tokens_by_user').on('tokens').column('user_id').execute();
        await db.schema
          .createTable('login_failures')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('failures', 'integer', (c) => c.notNull())
          .addColumn('since', 'text', (c) => c.notNull())
          .execute();
      },
    },
    '0030-work-order-external-id': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('work_orders').addColumn('external_id', 'text').execute();
        await db.schema.createIndex('work_orders_by_external_id').unique().on('work_orders').column('external_id').execute();
      },
    },
    '0040-work-requests': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('work_requests')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('asset_id', 'text', (c) => c.notNull().references('assets.id'))
          .addColumn('description', 'text', (c) => c.notNull())
          .addColumn('urgency', 'text', (c) => c.notNull())
          .addColumn('machine_stopped', 'integer', (c) => c.notNull())
          .addColumn('requested_by', 'text', (c) => c.notNull())
          .addColumn('client_id', 'text', (c) => c.notNull())
          .addColumn('carried_by', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('decided_by', 'text')
          .addColumn('decided_at', 'text')
          .addColumn('decline_reason', 'text')
          .addColumn('work_order_id', 'text', (c) => c.references('work_orders.id'))
          .addColumn('work_order_number', 'text')
          .addColumn('reported_at', 'text', (c) => c.notNull())
          .addColumn('received_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addColumn('version', 'integer', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('work_requests_by_status').on('work_requests').columns(['status', 'received_at']).execute();
      },
    },
  };
}

/**
 * `schema`: the PostgreSQL schema in use. Kysely looks for its migration tables in every schema
 * unless told which, and would take another schema's for ours (several servers or test runs
 * sharing one database in separate schemas).
 */
export async function migrateServerDatabase(db: Kysely<ServerSchema>, dialect: DialectName, schema?: string): Promise<void> {
  const migrator = new Migrator({
    db,
    ...(schema ? { migrationTableSchema: schema } : {}),
    provider: { getMigrations: async () => migrations(dialect) },
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Server database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
