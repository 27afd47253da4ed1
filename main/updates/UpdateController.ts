import type { Logger } from '../core/logger';
import { decideUpdate, type JournalState, type UpdateAction, type UpdatePolicy, type UpdaterSettings, type UpdaterState } from '../core/updates/updatePolicy';

/** The part of electron-updater's autoUpdater we use; tests pass a fake (it is Electron's API). */
export interface UpdaterPort {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: NonNullable<UpdaterSettings['feed']>): void;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'download-progress' | 'update-available', listener: (info: { version?: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface UpdateControllerDeps {
  updater: UpdaterPort;
  policy: UpdatePolicy;
  settings: UpdaterSettings;
  /** What the journal holds and whether the sync worker runs (core: sync status + worker snapshot). */
  journal(): Promise<JournalState>;
  /** One sync cycle, or the running one; resolves when it ends. */
  syncNow(): Promise<unknown>;
  /** `notify`: a new version is ready; resolves true when the technician says "Install now". */
  tell(version: string): Promise<boolean>;
  /** Changes could not all be sent: the technician decides. */
  ask(action: Extract<UpdateAction, { do: 'ask' }>): Promise<'install' | 'later'>;
  logger: Logger;
  /** How often to look for a new version (default 4 hours). */
  checkEveryMs?: number;
}

/**
 * Wires electron-updater to the core's decision (core/updates/updatePolicy.ts): it downloads per
 * the policy, and quitAndInstall happens only when decideUpdate says `install` or the technician,
 * asked, says so. electron-updater's own install-on-quit stays off.
 */
export class UpdateController {
  private updater: UpdaterState = { state: 'none' };
  private deciding: Promise<void> | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly deps: UpdateControllerDeps) {}

  start(): void {
    const { updater, settings, logger } = this.deps;
    if (!settings.enabled || !settings.feed) {
      logger.info('updates: not checking', { reason: settings.reason });
      return;
    }
    updater.autoDownload = settings.autoDownload;
    updater.autoInstallOnAppQuit = settings.autoInstallOnAppQuit;
    updater.setFeedURL(settings.feed);
    updater.on('update-available', (info) => {
      this.updater = { state: 'downloading', version: info.version ?? '?' };
      logger.info('updates: new version found, downloading', { version: info.version });
    });
    updater.on('update-downloaded', (info) => {
      this.updater = { state: 'downloaded', version: info.version };
      logger.info('updates: downloaded', { version: info.version });
      void this.decide('policy');
    });
    // The server being unreachable is the normal offline case: log it, never bother the technician.
    updater.on('error', (error) => logger.warn('updates: check or download failed', { message: error.message }));
    const check = () => void updater.checkForUpdates().catch((error: Error) => logger.warn('updates: check failed', { message: error.message }));
    check();
    this.timer = setInterval(check, this.deps.checkEveryMs ?? 4 * 60 * 60 * 1000);
    this.timer.unref?.();
  }

  /** The technician chose "Install now" (tray, dialog): the same gate as `auto`. */
  installNow(): Promise<void> {
    return this.decide('technician');
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private decide(requestedBy: 'policy' | 'technician'): Promise<void> {
    // One decision at a time: a second download event or click joins the running one.
    this.deciding ??= this.run(requestedBy).finally(() => (this.deciding = null));
    return this.deciding;
  }

  private async run(requestedBy: 'policy' | 'technician'): Promise<void> {
    const { logger } = this.deps;
    let syncedForThisInstall = false;
    for (;;) {
      const action = decideUpdate({ policy: this.deps.policy, updater: this.updater, journal: await this.deps.journal(), requestedBy, syncedForThisInstall });
      logger.info('updates: decision', { requestedBy, ...action });
      switch (action.do) {
        case 'nothing':
          return;
        case 'tell':
          if (await this.deps.tell(action.version)) {
            requestedBy = 'technician';
            continue;
          }
          return;
        case 'install':
          this.deps.updater.quitAndInstall(false, true);
          return;
        case 'wait-for-sync':
        case 'sync-first':
          // syncNow joins a running cycle, or starts one: either way we decide again when it ends.
          await this.deps.syncNow();
          syncedForThisInstall = true;
          continue;
        case 'ask':
          if ((await this.deps.ask(action)) === 'install') this.deps.updater.quitAndInstall(false, true);
          return;
      }
    }
  }
}
