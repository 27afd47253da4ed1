import type { BrowserWindow } from 'electron';
import { autoUpdater } from 'electron-updater';
import type { Core } from '../core';
import type { Logger } from '../core/logger';
import type { MachineConfig } from '../core/machineConfig';
import { updaterSettings } from '../core/updates/updatePolicy';
import { askToInstall, showUpdateReady } from '../dialogs/updateDialogs';
import { UpdateController } from './UpdateController';

/**
 * The only place electron-updater is loaded (lint keeps it out of main/core, server and the renderer).
 * Not started in development builds: electron-updater only updates an installed app.
 */
export function startUpdates(core: Core, config: MachineConfig, window: () => BrowserWindow | undefined, logger: Logger, demoServer: boolean): UpdateController {
  const status = () => core.handlers.getSyncStatus();
  const controller = new UpdateController({
    updater: autoUpdater as unknown as ConstructorParameters<typeof UpdateController>[0]['updater'],
    policy: config.updatePolicy,
    settings: updaterSettings(config.updatePolicy, { serverUrl: core.serverUrl(), updatesUrl: config.updatesUrl, demoServer }),
    journal: async () => {
      const s = await status();
      // pendingChanges counts a change in conflict too (one per work order in conflict): unsent is what a sync can send.
      return { unsent: Math.max(0, s.pendingChanges - s.conflicts), conflicts: s.conflicts, syncRunning: core.sync.snapshot().syncing };
    },
    syncNow: () => core.sync.syncNow(),
    tell: (version) => showUpdateReady(window(), version),
    ask: (action) => askToInstall(window(), action),
    logger,
  });
  logger.info('updates: policy', { policy: config.updatePolicy, source: config.updatePolicySource });
  controller.start();
  return controller;
}
