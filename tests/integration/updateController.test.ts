import { EventEmitter } from 'node:events';
import { vi } from 'vitest';
import type { Core } from '../../main/core';
import { silentLogger } from '../../main/core/logger';
import { updaterSettings, type UpdatePolicy } from '../../main/core/updates/updatePolicy';
import { UpdateController, type UpdaterPort } from '../../main/updates/UpdateController';
import { DEMO_PASSWORD } from '../../server/seed';
import { NewWorkOrderInput } from '../../shared/domain/inputs';
import { describe, expect, test } from '../helpers/fixtures';

/**
 * The shell's update wiring on a real core and a real server; only electron-updater (Electron's
 * API) is a stand-in. What must hold: no install while a change is unsent, sync first, else ask.
 */
class FakeUpdater extends EventEmitter implements UpdaterPort {
  autoDownload = true;
  autoInstallOnAppQuit = true;
  readonly setFeedURL = vi.fn();
  readonly checkForUpdates = vi.fn(async () => null);
  readonly quitAndInstall = vi.fn();
}

function controllerFor(core: Core, policy: UpdatePolicy, answers: { tell?: boolean; ask?: 'install' | 'later' } = {}) {
  const updater = new FakeUpdater();
  const tell = vi.fn(async () => answers.tell ?? false);
  const ask = vi.fn(async () => answers.ask ?? 'later');
  const controller = new UpdateController({
    updater,
    policy,
    settings: updaterSettings(policy, { serverUrl: core.serverUrl(), demoServer: false }),
    journal: async () => {
      const s = await core.handlers.getSyncStatus();
      // pendingChanges counts a change in conflict too (one per work order in conflict): unsent is what a sync can send.
      return { unsent: Math.max(0, s.pendingChanges - s.conflicts), conflicts: s.conflicts, syncRunning: core.sync.snapshot().syncing };
    },
    syncNow: () => core.sync.syncNow(),
    tell,
    ask,
    logger: silentLogger,
  });
  controller.start();
  return { controller, updater, tell, ask };
}

/** The updater finished a download; resolves when the controller has decided. */
async function downloaded(controller: UpdateController, updater: FakeUpdater) {
  updater.emit('update-available', { version: '0.2.0' });
  updater.emit('update-downloaded', { version: '0.2.0' });
  // The download event starts the decision; joining it waits for its end.
  await (controller as unknown as { deciding: Promise<void> | null }).deciding;
}

describe('updates wired to the journal', () => {
  async function stationWithUnsentChange(openCore: (o?: object) => Core, serverUrl: string) {
    const core = openCore({ seedDemoData: false, serverUrl, autoSync: false });
    await core.handlers.signIn({ username: 'alice', password: DEMO_PASSWORD });
    await core.sync.syncNow();
    const created = await core.handlers.createWorkOrder(NewWorkOrderInput.parse({ title: 'Coolant pump noisy' }));
    expect((await core.handlers.getSyncStatus()).pendingChanges).toBe(1);
    return { core, created };
  }

  test('auto: sets the feed on the sync server, never installs on quit by itself', async ({ openCore, server }) => {
    const core = openCore({ seedDemoData: false, serverUrl: server.url, autoSync: false });
    const { updater } = controllerFor(core, 'auto');
    expect(updater.setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: `${server.url}/updates/`, useMultipleRangeRequest: false });
    expect(updater.autoInstallOnAppQuit).toBe(false);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
  });

  test('auto: an unsent change is sent first, then the update installs', async ({ openCore, server }) => {
    const { core, created } = await stationWithUnsentChange(openCore, server.url);
    const { controller, updater, ask } = controllerFor(core, 'auto');
    await downloaded(controller, updater);
    const onServer = await server.database.db.selectFrom('work_orders').select('title').where('id', '=', created.id).executeTakeFirst();
    expect(onServer?.title).toBe('Coolant pump noisy');
    expect((await core.handlers.getSyncStatus()).pendingChanges).toBe(0);
    expect(updater.quitAndInstall).toHaveBeenCalledTimes(1);
    expect(ask).not.toHaveBeenCalled();
  });

  test('auto: when the server cannot be reached the technician is asked, and "Later" installs nothing', async ({ openCore, server }) => {
    const { core } = await stationWithUnsentChange(openCore, server.url);
    await server.close();
    const { controller, updater, ask } = controllerFor(core, 'auto', { ask: 'later' });
    await downloaded(controller, updater);
    expect(ask).toHaveBeenCalledWith({ do: 'ask', version: '0.2.0', unsent: 1, conflicts: 0 });
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    expect((await core.handlers.getSyncStatus()).pendingChanges).toBe(1);
  });

  test('notify: tells the technician; "Install now" goes through the same gate', async ({ openCore, server }) => {
    const { core } = await stationWithUnsentChange(openCore, server.url);
    const later = controllerFor(core, 'notify', { tell: false });
    await downloaded(later.controller, later.updater);
    expect(later.tell).toHaveBeenCalledWith('0.2.0');
    expect(later.updater.quitAndInstall).not.toHaveBeenCalled();
    expect((await core.handlers.getSyncStatus()).pendingChanges).toBe(1);

    const now = controllerFor(core, 'notify', { tell: true });
    await downloaded(now.controller, now.updater);
    expect((await core.handlers.getSyncStatus()).pendingChanges).toBe(0);
    expect(now.updater.quitAndInstall).toHaveBeenCalledTimes(1);
  });

  test('off: the updater is never asked anything', async ({ openCore, server }) => {
    const core = openCore({ seedDemoData: false, serverUrl: server.url, autoSync: false });
    const { updater } = controllerFor(core, 'off');
    expect(updater.setFeedURL).not.toHaveBeenCalled();
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
    expect(updater.listenerCount('update-downloaded')).toBe(0);
  });
});
