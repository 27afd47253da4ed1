import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { DEMO_USERS, generateDemoData } from '../shared/demo/demoData';
import { hashPassword } from './auth/passwords';
import { workOrderRow } from './domain/records';
import type { ServerDatabase } from './db/database';
import type { ServerSchema } from './db/schema';

export const DEMO_PASSWORD = 'shopfloor-demo';

export const SEEDS = {
  users: { assets: 0, workOrders: 0 },
  demo: { assets: 200, workOrders: 1000 },
  /** Benchmark sizes: about 15,000 and 75,000 records in the feed with their hours. */
  medium: { assets: 2_000, workOrders: 10_000 },
  big: { assets: 10_000, workOrders: 50_000 },
  large: { assets: 20_000, workOrders: 100_000 },
} as const;
export type SeedName = keyof typeof SEEDS;

const MANUFACTURERS = ['Haas', 'DMG Mori', 'Atlas Copco', 'Bosch Rexroth', 'Siemens', 'Linde', 'Grundfos', 'KUKA'];
const BATCH = 500;

export class SeedRefusedError extends Error {}

/**
 * Fills an empty server: the demo users (alice and bob, technicians; sam,
 * supervisor; password "shopfloor-demo"), assets, work orders and some hours,
 * every record in the change feed so the first pull delivers it. An existing
 * database is refused unless `reset` is set.
 */
export async function seedDatabase(database: ServerDatabase, name: SeedName, { reset = false } = {}): Promise<void> {
  const { db } = database;
  const existing = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (existing && !reset) {
    throw new SeedRefusedError('This server already has data. Seeding would mix demo data into it; pass --reset to wipe it first.');
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const { assets, workOrders } = generateDemoData({ ...SEEDS[name], now: new Date().toISOString() });
  const now = new Date().toISOString();

  await db.transaction().execute(async (tx) => {
    if (reset) await wipe(tx);
    await tx
      .insertInto('users')
      .values(
        DEMO_USERS.map((id) => ({
          id,
          username: id,
          role: id === 'sam' ? ('supervisor' as const) : ('technician' as const),
          password_hash: passwordHash,
          created_at: now,
        })),
      )
      .execute();

    for (let i = 0; i < assets.length; i += BATCH) {
      const rows = assets.slice(i, i + BATCH).map((a, j) => ({
        id: a.id,
        tag: a.tag,
        name: a.name,
        location: a.location,
        category: a.name.replace(/ \d+$/, ''),
        manufacturer: MANUFACTURERS[(i + j) % MANUFACTURERS.length]!,
        model: `${a.tag.slice(0, 3)}-${100 + ((i + j) % 7) * 50}`,
        serial_number: `SN${String(1_000_000 + i + j)}`,
        parent_id: null,
        status: 'in_service' as const,
        version: 1,
        updated_at: now,
      }));
      await tx.insertInto('assets').values(rows).execute();
      await tx.insertInto('change_log').values(rows.map((r) => ({ entity: 'asset', entity_id: r.id, version: 1 }) as never)).execute();
    }

    for (let i = 0; i < workOrders.length; i += BATCH) {
      const rows = workOrders.slice(i, i + BATCH).map(workOrderRow);
      await tx.insertInto('work_orders').values(rows).execute();
      await tx.insertInto('change_log').values(rows.map((r) => ({ entity: 'workOrder', entity_id: r.id, version: r.version }) as never)).execute();

      // Work in progress and finished work has hours on it.
      const hours = rows
        .filter((r, j) => (r.status === 'in_progress' || r.status === 'completed') && j % 2 === 0)
        .map((r, j) => ({
          id: randomUUID(),
          work_order_id: r.id,
          user_id: r.assignee_id ?? 'alice',
          hours: [0.5, 1, 1.5, 2, 3, 4][j % 6]!,
          work_date: r.updated_at.slice(0, 10),
          note: 'Logged during the demo set-up.',
          performed_at: r.updated_at,
          received_at: r.updated_at,
          version: 1,
        }));
      if (hours.length) {
        await tx.insertInto('hours_entries').values(hours).execute();
        await tx.insertInto('change_log').values(hours.map((h) => ({ entity: 'hoursEntry', entity_id: h.id, version: 1 }) as never)).execute();
      }
    }
    await tx
      .updateTable('counters')
      .set({ value: 10000 + workOrders.length })
      .where('name', '=', 'work_order_number')
      .execute();
  });
}

async function wipe(tx: Kysely<ServerSchema>): Promise<void> {
  for (const table of ['tokens', 'login_failures', 'hours_entries', 'work_requests', 'audit_log', 'change_log', 'mutation_outcomes', 'client_state', 'work_orders', 'assets', 'users'] as const) {
    await tx.deleteFrom(table).execute();
  }
  await tx.updateTable('counters').set({ value: 10000 }).execute();
  // Clients holding cursors into the old feed must start over.
  await tx.updateTable('meta').set({ value: randomUUID() }).where('key', '=', 'feed_epoch').execute();
}
