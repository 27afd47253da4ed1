import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { EventName } from '../../shared/ipc/channels';
import type { EventPayloadOf, Handlers } from '../../shared/ipc/contract';
export type { ChooseConflict } from './service';
import { DEMO_USERS, generateDemoData } from '../../shared/demo/demoData';
import { openDatabase, type Db } from './db/connection';
import { migrate } from './db/migrations';
import { countWorkOrders, insertAssetsAndWorkOrders } from './db/workOrders';
import { memorySecretStore, type SecretStore } from './auth/secretStore';
import { provisionLocalAccount } from './auth/session';
import type { Logger } from './logger';
import { createNodeLogger } from './nodeLogger';
import { createHandlers, type ChooseConflict } from './service';
import type { LocalUser } from './auth/session';
import { syncStatus } from './sync/status';
import { SyncClient } from './sync/syncClient';
import { SyncWorker } from './sync/worker';

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
  /** Start syncing at once and on every trigger (default true). Tests may drive cycles by hand. */
  autoSync?: boolean;
  /** Decides a Work Order Conflict: the shell shows a native dialog; tests answer directly. */
  chooseConflict?: ChooseConflict;
  /** The server is the embedded demo one: the status says so. */
  demoServer?: boolean;
}

export type CoreEventListener = <E extends EventName>(event: E, payload: EventPayloadOf<E>) => void;

export interface Core {
  readonly handlers: Handlers;
  /** The sync worker, for the shell (network events, tray) and tests. */
  readonly sync: SyncWorker;
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
  const now = options.now ?? (() => new Date().toISOString());
  const secrets = options.secretStore ?? memorySecretStore();
  const session: { user: (LocalUser & { offline: boolean }) | null } = { user: null };
  let ready = false;
  const worker = new SyncWorker({
    db,
    client: options.serverUrl ? new SyncClient(options.serverUrl) : null,
    secrets,
    logger,
    now,
    currentUser: () => session.user?.username ?? null,
    onChange: (ids) => {
      if (ids.length) emit('workOrdersChanged', { ids });
      if (ready) emit('syncStatusChanged', syncStatus(db, worker, options.demoServer));
    },
  });
  const handlers = createHandlers({
    db,
    secrets,
    serverUrl: options.serverUrl,
    now,
    emit,
    worker,
    session,
    chooseConflict: options.chooseConflict ?? (async () => 'later'),
    demoServer: options.demoServer,
  });
  ready = true;
  if (options.autoSync ?? true) worker.start();
  let closed = false;
  return {
    handlers,
    sync: worker,
    journalPath,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      if (closed) return;
      closed = true;
      listeners.clear();
      worker.stop();
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
