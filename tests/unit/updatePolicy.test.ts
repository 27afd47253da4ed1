import { describe, expect, it } from 'vitest';
import { askSentence, decideUpdate, updaterSettings, UPDATE_POLICIES, type JournalState, type UpdateSituation } from '../../main/core/updates/updatePolicy';

const ready = { state: 'downloaded', version: '0.2.0' } as const;
const clean: JournalState = { unsent: 0, conflicts: 0, syncRunning: false };
const situation = (over: Partial<UpdateSituation>): UpdateSituation => ({
  policy: 'auto',
  updater: ready,
  journal: clean,
  requestedBy: 'policy',
  syncedForThisInstall: false,
  ...over,
});

describe('decideUpdate: an update never installs while changes are unsent or a sync runs', () => {
  it.each(UPDATE_POLICIES)('does nothing until an update is downloaded (%s)', (policy) => {
    for (const updater of [{ state: 'none' } as const, { state: 'downloading', version: '0.2.0' } as const]) {
      for (const requestedBy of ['policy', 'technician'] as const) {
        expect(decideUpdate(situation({ policy, updater, requestedBy }))).toEqual({ do: 'nothing' });
      }
    }
  });

  it('off: nothing, whoever asks and whatever the journal says', () => {
    for (const requestedBy of ['policy', 'technician'] as const) {
      for (const journal of [clean, { unsent: 3, conflicts: 1, syncRunning: true }]) {
        expect(decideUpdate(situation({ policy: 'off', requestedBy, journal }))).toEqual({ do: 'nothing' });
      }
    }
  });

  it('notify: tells the technician and installs nothing by itself, even with an empty journal', () => {
    expect(decideUpdate(situation({ policy: 'notify' }))).toEqual({ do: 'tell', version: '0.2.0' });
    expect(decideUpdate(situation({ policy: 'notify', journal: { unsent: 2, conflicts: 0, syncRunning: true } }))).toEqual({ do: 'tell', version: '0.2.0' });
  });

  // The same gate for `auto` and for the technician's "Install now" under `notify` (or `auto`).
  describe.each([
    ['auto, by itself', { policy: 'auto', requestedBy: 'policy' }],
    ['notify, the technician pressed Install now', { policy: 'notify', requestedBy: 'technician' }],
    ['auto, the technician pressed Install now', { policy: 'auto', requestedBy: 'technician' }],
  ] as const)('%s', (_name, who) => {
    it('installs when everything is on the server and no sync runs', () => {
      expect(decideUpdate(situation({ ...who }))).toEqual({ do: 'install', version: '0.2.0' });
    });
    it('waits for a running sync, even with nothing unsent (it may be receiving)', () => {
      expect(decideUpdate(situation({ ...who, journal: { ...clean, syncRunning: true } }))).toEqual({ do: 'wait-for-sync' });
      expect(decideUpdate(situation({ ...who, journal: { unsent: 4, conflicts: 1, syncRunning: true }, syncedForThisInstall: true }))).toEqual({ do: 'wait-for-sync' });
    });
    it('syncs first when changes are unsent', () => {
      expect(decideUpdate(situation({ ...who, journal: { ...clean, unsent: 4 } }))).toEqual({ do: 'sync-first' });
      expect(decideUpdate(situation({ ...who, journal: { unsent: 4, conflicts: 2, syncRunning: false } }))).toEqual({ do: 'sync-first' });
    });
    it('installs after a sync that sent everything', () => {
      expect(decideUpdate(situation({ ...who, syncedForThisInstall: true }))).toEqual({ do: 'install', version: '0.2.0' });
    });
    it('asks when the sync could not send everything (offline, signed out)', () => {
      expect(decideUpdate(situation({ ...who, journal: { ...clean, unsent: 4 }, syncedForThisInstall: true }))).toEqual({ do: 'ask', version: '0.2.0', unsent: 4, conflicts: 0 });
    });
    it('asks at once when only conflicts wait: no sync can decide them', () => {
      expect(decideUpdate(situation({ ...who, journal: { ...clean, conflicts: 2 } }))).toEqual({ do: 'ask', version: '0.2.0', unsent: 0, conflicts: 2 });
    });
  });

  it('asks in words a technician understands', () => {
    const { message, detail } = askSentence({ do: 'ask', version: '0.2.0', unsent: 1, conflicts: 2 });
    expect(message).toBe('Shopfloor 0.2.0 is ready to install.');
    expect(detail).toContain('1 change not yet on the server and 2 conflicts to decide');
    expect(detail).toContain('stay saved on this computer');
  });
});

describe('updaterSettings: how electron-updater is set up', () => {
  it('off: no feed, no check, no download', () => {
    expect(updaterSettings('off', { serverUrl: 'https://sync.shop.local:8443', demoServer: false })).toMatchObject({ enabled: false, autoDownload: false, feed: null });
  });
  it.each(['notify', 'auto'] as const)('%s: downloads in the background from <server>/updates/, never installs on quit by itself', (policy) => {
    expect(updaterSettings(policy, { serverUrl: 'https://sync.shop.local:8443/', demoServer: false })).toEqual({
      enabled: true,
      autoDownload: true,
      autoInstallOnAppQuit: false,
      feed: { provider: 'generic', url: 'https://sync.shop.local:8443/updates/', useMultipleRangeRequest: false },
    });
  });
  it('uses the address IT gives instead of the sync server', () => {
    expect(updaterSettings('auto', { serverUrl: 'https://sync.shop.local', updatesUrl: 'https://files.shop.local/shopfloor', demoServer: false }).feed?.url).toBe('https://files.shop.local/shopfloor/');
  });
  it('has no feed without a real server: none set up, or the demo server inside the app', () => {
    expect(updaterSettings('auto', { demoServer: false })).toMatchObject({ enabled: false, reason: expect.stringContaining('No sync server') });
    expect(updaterSettings('auto', { serverUrl: 'http://127.0.0.1:4000', demoServer: true }).enabled).toBe(false);
  });
});
