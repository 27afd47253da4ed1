import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { EventName } from '../../shared/ipc/channels';
import type { EventPayloadOf, Handlers } from '../../shared/ipc/contract';
import { DEMO_USERS, generateDemoData } from '../../shared/demo/demoData';
import { openDatabase, type Db } from './db/connection';
import { migrate } from './db/migrations';
import { countWorkOrders, insertAssetsAndWorkOrders } from './db/workOrders';
import { memorySecretStore, type SecretStore } from './auth/secretStore';
import { provisionLocalAccount } from './auth/session';
import type { Logger } from './logger';
import { createNodeLogger } from './nodeLogger';
import { createHandlers } from './service';

export type { Logger } from './logger';

export const JOURNAL_FILE_NAME = 'shopfloor.db';

export interface CoreOptions {
  /** The workstation profile's folder; the journal lives here. */
  dataDir: string;
  logger?: Logger;
  /**
   * Load the demo plant into an empty journal, with the demo accounts (alice,
   * bob, sam; password "shopfloor-demo") able to sign in offline.
   */
  seedDemoData?: boolean;
  /** The sync server, e.g. http://127.0.0.1:8080; none = journal only. */
  serverUrl?: string;
  /** Where server tokens are kept; the shell passes one backed by safeStorage. */
  secretStore?: SecretStore;
  /** The clock, injectable for tests. */
  now?: () => string;
}

export type CoreEventListener = <E extends EventName>(event: E, payload: EventPayloadOf<E>) => void;

export interface Core {
  readonly handlers: Handlers;
  readonly journalPath: string;
  /** Events for the renderer (sync status, changed records). Returns an unsubscribe. */
  subscribe(listener: CoreEventListener): () => void;
  close(): void;
}

/**
 * The Electron-free heart of the app: opens (and migrates) the journal and
 * returns the contract's handlers. Runs the same under plain Node, in tests,
 * in the Playwright harness and inside Electron's main process.
 */
export function createCore(options: CoreOptions): Core {
  mkdirSync(options.dataDir, { recursive: true });
  const logger = options.logger ?? createNodeLogger(options.dataDir);
  const journalPath = path.join(options.dataDir, JOURNAL_FILE_NAME);
  const db = openDatabase(journalPath);
  try {
    const { from, to } = migrate(db);
    if (from !== to) logger.info(`journal migrated from schema ${from} to ${to}`, { journalPath });
    if ((options.seedDemoData ?? true) && countWorkOrders(db) === 0) seedDemo(db, logger);
  } catch (error) {
    db.close();
    throw error;
  }

  const listeners = new Set<CoreEventListener>();
  const emit: CoreEventListener = (event, payload) => listeners.forEach((listener) => listener(event, payload));
  let closed = false;
  return {
    handlers: createHandlers({
      db,
      secrets: options.secretStore ?? memorySecretStore(),
      serverUrl: options.serverUrl,
      now: options.now ?? (() => new Date().toISOString()),
      emit,
    }),
    journalPath,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      if (closed) return;
      closed = true;
      listeners.clear();
      db.close();
    },
  };
}

export const DEMO_PASSWORD = 'shopfloor-demo';

function seedDemo(db: Db, logger: Logger): void {
  const now = new Date().toISOString();
  const { assets, workOrders } = generateDemoData();
  insertAssetsAndWorkOrders(db, assets, workOrders, now);
  for (const username of DEMO_USERS) {
    provisionLocalAccount(db, { username, role: username === 'sam' ? 'supervisor' : 'technician' }, DEMO_PASSWORD, now);
  }
  logger.info(`loaded demo data: ${assets.length} assets, ${workOrders.length} work orders`);
}
