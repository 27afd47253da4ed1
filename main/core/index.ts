import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { EventName } from '../../shared/ipc/channels';
import { JOURNAL_WRITES, type EventPayloadOf, type Handlers } from '../../shared/ipc/contract';
export type { ChooseConflict } from './service';
import { DEMO_USERS, generateDemoData } from '../../shared/demo/demoData';
import { JOURNAL_FILE_NAME, openDatabase, type Db } from './db/connection';
import { migrate } from './db/migrations';
import { countWorkOrders, insertAssetsAndWorkOrders } from './db/workOrders';
import { memorySecretStore, type SecretStore } from './auth/secretStore';
import { provisionLocalAccount } from './auth/session';
import type { Logger } from './logger';
import { createNodeLogger } from './nodeLogger';
import { createHandlers, type ChooseConflict, type SessionHolder } from './service';
import { DEFAULT_LOCK_AFTER_MINUTES } from './machineConfig';
import { syncStatus } from './sync/status';
import type { FetchFn } from './net/fetchPort';
import { createNodeFetch, type NodeNetworkOptions } from './net/nodeFetch';
import { SyncClient } from './sync/syncClient';
import type { LoginItemPort } from './settings';
import { ServerChoice } from './serverChoice';
import { SyncWorker } from './sync/worker';
import { createPullWriter, type PullWriter } from './sync/pullWriter';
import type { ChooseDiagnosticsPath, DiagnosticsPlaces } from './diagnostics/service';
import type { WorkOrderPrinter } from './printing/service';
import type { KioskPort } from './kiosk/service';
export type { WorkOrderPrinter } from './printing/service';
export type { KioskPort } from './kiosk/service';

export type { Logger } from './logger';

export { JOURNAL_FILE_NAME } from './db/connection';

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
  /** Write pulled pages on the main thread in small transactions instead of the pull writer's thread (benchmarks compare). */
  pullOnMainThread?: boolean;
  /** Start syncing at once and on every trigger (default true). Tests may drive cycles by hand. */
  autoSync?: boolean;
  /** Decides a Work Order Conflict: the shell shows a native dialog; tests answer directly. */
  chooseConflict?: ChooseConflict;
  /** Packaged builds: the server must be https (loopback excepted). */
  requireHttps?: boolean;
  /** "Start with the computer" (Electron's login items in the shell). */
  loginItem?: LoginItemPort;
  /**
   * The network: the shell passes Electron's net.fetch (OS proxy, PAC, certificate store). Without it the
   * core uses undici with the explicit `network` options (tests, benchmarks).
   */
  fetch?: FetchFn;
  network?: NodeNetworkOptions;
  /** Records per pulled page (default 500); small pages make crash tests bite mid-pull. */
  pullPageSize?: number;
  /**
   * "Save diagnostics…" asks this where to save the zip: the shell's native save dialog; a test answers
   * directly. Without it the zip cannot be saved (the technician is told).
   */
  chooseDiagnosticsPath?: ChooseDiagnosticsPath;
  /** Lock after this many minutes without input (IT's machine config; 0 = never by inactivity). Default 10. */
  lockAfterMinutes?: number;
  /** What the diagnostics zip takes beyond the profile folder: the shell's log and crash folders, versions. */
  diagnostics?: DiagnosticsPlaces;
  /** "Print…" and "Save as PDF…": the shell's webContents printing; a browser test passes the page's PDF engine. */
  printer?: WorkOrderPrinter;
  /** Kiosk mode as the shell started it; "Exit kiosk (IT)" calls its exit. */
  kiosk?: KioskPort;
}

export type CoreEventListener = <E extends EventName>(event: E, payload: EventPayloadOf<E>) => void;

export interface Core {
  readonly handlers: Handlers;
  /** The sync worker, for the shell (network events, tray) and tests. */
  readonly sync: SyncWorker;
  /** Which server is in use; null when none is set up (journal only). */
  serverUrl(): string | undefined;
  /** Connect to a server chosen by the shell (the embedded demo server) or a test, without saving it. */
  useServer(url: string, options: { demo: boolean }): void;
  readonly journalPath: string;
  /** The OS locked the screen or the PC is suspending: the lock screen goes up (the shell's powerMonitor calls this). */
  lock(): void;
  /** The PC resumed or the OS screen was unlocked: sync at once, without waiting for the next trigger. */
  wake(): void;
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
  const session: SessionHolder = { user: null, locked: false };
  // IT's environment setting wins; else what Settings saved; else none (the shell may add the demo server).
  const fetch = options.fetch ?? createNodeFetch(options.network);
  const server = new ServerChoice(db, options.serverUrl, (url) => worker.setClient(new SyncClient(url, fetch)));
  let ready = false;
  const pullWriter = options.pullOnMainThread ? null : createPullWriter(journalPath, logger);
  const worker = new SyncWorker({
    db,
    pullWriter,
    client: server.url ? new SyncClient(server.url, fetch) : null,
    secrets,
    logger,
    now,
    currentUser: () => session.user?.username ?? null,
    pageSize: options.pullPageSize,
    onChange: (ids) => {
      if (ids.length) emit('workOrdersChanged', { ids });
      if (ready) emit('syncStatusChanged', syncStatus(db, worker.snapshot(), server.demo));
    },
  });
  const handlers = queueWritesBehindPull(pullWriter, createHandlers({
    db,
    secrets,
    server,
    loginItem: options.loginItem,
    requireHttps: options.requireHttps ?? false,
    now,
    emit,
    worker,
    session,
    lockAfterMinutes: options.lockAfterMinutes ?? DEFAULT_LOCK_AFTER_MINUTES,
    fetch,
    chooseConflict: options.chooseConflict ?? (async () => 'later'),
    dataDir: options.dataDir,
    diagnostics: options.diagnostics ?? {},
    chooseDiagnosticsPath: options.chooseDiagnosticsPath,
    printer: options.printer,
    kiosk: options.kiosk,
  }));
  ready = true;
  if (options.autoSync ?? true) worker.start();
  let closed = false;
  return {
    handlers,
    sync: worker,
    serverUrl: () => server.url,
    useServer(url, { demo }) {
      server.use(url, { demo });
    },
    journalPath,
    lock() {
      void handlers.lock();
    },
    wake() {
      void worker.syncNow();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      if (closed) return;
      closed = true;
      listeners.clear();
      worker.shutdown();
      pullWriter?.close();
      db.close();
    },
  };
}

export const DEMO_PASSWORD = 'shopfloor-demo';

export { DEFAULT_LOCK_AFTER_MINUTES };

function seedDemo(db: Db, logger: Logger): void {
  const now = new Date().toISOString();
  const { assets, workOrders } = generateDemoData();
  insertAssetsAndWorkOrders(db, assets, workOrders, now);
  for (const username of DEMO_USERS) {
    provisionLocalAccount(db, { username, role: username === 'sam' ? 'supervisor' : 'technician' }, DEMO_PASSWORD, now);
  }
  logger.info(`loaded demo data: ${assets.length} assets, ${workOrders.length} work orders`);
}

/** The handlers the contract declares as journal writes wait (asynchronously) while the pull writer writes a page. */
function queueWritesBehindPull(pullWriter: PullWriter | null, handlers: Handlers): Handlers {
  if (!pullWriter) return handlers;
  const queued = { ...handlers };
  for (const name of JOURNAL_WRITES) {
    const inner = handlers[name] as (input: unknown) => unknown;
    (queued as Record<string, unknown>)[name] = async (input: unknown) => {
      await pullWriter.idle();
      return inner(input);
    };
  }
  return queued;
}
