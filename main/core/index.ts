import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { EventName } from '../../shared/ipc/channels';
import type { EventPayloadOf, Handlers } from '../../shared/ipc/contract';
import { generateDemoData } from '../../shared/demo/demoData';
import { openDatabase, type Db } from './db/connection';
import { migrate } from './db/migrations';
import { countWorkOrders, insertAssetsAndWorkOrders } from './db/workOrders';
import type { Logger } from './logger';
import { createNodeLogger } from './nodeLogger';
import { createHandlers } from './service';

export type { Logger } from './logger';

export const JOURNAL_FILE_NAME = 'shopfloor.db';

export interface CoreOptions {
  /** The workstation profile's folder; the journal lives here. */
  dataDir: string;
  logger?: Logger;
  /** Load the demo plant into an empty journal (until a sync server provides data). */
  seedDemoData?: boolean;
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
  let closed = false;
  return {
    handlers: createHandlers(db),
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

function seedDemo(db: Db, logger: Logger): void {
  const { assets, workOrders } = generateDemoData();
  insertAssetsAndWorkOrders(db, assets, workOrders);
  logger.info(`loaded demo data: ${assets.length} assets, ${workOrders.length} work orders`);
}
