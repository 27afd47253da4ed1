import type { BrowserWindow } from 'electron';
import { autoUpdater } from 'electron-updater';
import type { Core } from '../core';
import type { Logger } from '../core/logger';
import type { MachineConfig } from '../core/machineConfig';
import { updaterSettings } from '../core/updates/updatePolicy';
import { askToInstall, showUpdateReady } from '../dialogs/updateDialogs';
import type { answerProxyChallenge, ProxyLoginCallback } from '../proxy/registerProxyLogin';
import { UpdateController } from './UpdateController';

/**
 * The only place electron-updater is loaded (lint keeps it out of main/core, server and the renderer).
 * Not started in development builds: electron-updater only updates an installed app.
 */
export function startUpdates(
  core: Core,
  config: MachineConfig,
  window: () => BrowserWindow | undefined,
  logger: Logger,
  demoServer: boolean,
  proxyLogin?: ReturnType<typeof answerProxyChallenge>,
): UpdateController {
  // Update downloads are main-process requests: their proxy challenges come as electron-updater's 'login'.
  // electron-updater hands over the request's own Electron callback (its type says both arguments; called without them it cancels).
  if (proxyLogin) autoUpdater.on('login', (info, callback) => proxyLogin(info, callback as ProxyLoginCallback));
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
