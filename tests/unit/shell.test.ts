import { existsSync, readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../shared/ipc/channels';
import { createFakeElectron, type FakeElectron } from '../helpers/fakeElectron';
import { memoryLogger } from '../helpers/memoryLogger';
import { makeTempDir } from '../helpers/tempDir';

/**
 * The Electron shell, booted under plain Node against a fake `electron`
 * module (the Electron API is the one seam that cannot run here). The core it
 * wires up is the real one, on a real SQLite file.
 */
let fake: FakeElectron;
// A getter per export, so each test's fresh fake is the one the shell sees after vi.resetModules().
vi.mock('electron', () => {
  const keys = ['app', 'BrowserWindow', 'ipcMain', 'protocol', 'session', 'dialog', 'safeStorage', 'Tray', 'Menu', 'nativeImage', 'net', 'crashReporter', 'powerMonitor'] as const;
  return Object.defineProperties(
    {},
    Object.fromEntries(keys.map((key) => [key, { enumerable: true, get: () => fake.electron[key] }])),
  );
});
vi.mock('electron-log/main', () => ({ default: { initialize: vi.fn(), transports: { file: { getFile: () => ({ path: `${temp.dir}/shell-logs/main.log` }) } }, errorHandler: { startCatching: vi.fn() }, ...memoryLogger() } }));

const temp = makeTempDir();
afterAll(() => temp.remove());

beforeEach(() => {
  vi.resetModules();
  fake = createFakeElectron();
  process.env.SHOPFLOOR_DATA_DIR = temp.dir;
  // The journal-only demo; the embedded demo server has its own test below.
  process.env.SHOPFLOOR_NO_SERVER = '1';
});

// The shell closes the core's journal when Electron says the app will quit.
afterEach(() => fake.electron.app.emit('will-quit'));

describe('the shell at start-up', () => {
  async function boot() {
    await import('../../main/index');
    fake.fireReady();
    // The window opens once the journal is open (and, without a server, the demo server runs): a state, not a time.
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1), { timeout: 30_000 });
    return fake.windows[0]!;
  }

  it('opens its window isolated and sandboxed, with node, webviews, insecure content and DevTools off', async () => {
    const window = await boot();
    expect(window.options.webPreferences).toEqual({
      preload: expect.stringMatching(/preload[\\/]index\.js$/),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: !fake.electron.app.isPackaged,
    });
  });

  it('sandboxes renderers and registers app:// before the app is ready', async () => {
    await boot();
    const ready = fake.calls.indexOf('app.whenReady');
    expect(fake.calls.indexOf('app.enableSandbox')).toBeLessThan(ready);
    expect(fake.calls.indexOf('protocol.registerSchemesAsPrivileged')).toBeLessThan(ready);
    expect(fake.calls.indexOf('app.requestSingleInstanceLock')).toBeLessThan(ready);
  });

  it('registers every contract channel and answers through the real core', async () => {
    await boot();
    expect([...fake.handled.keys()].sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());
    const handler = fake.handled.get(INVOKE_CHANNELS.listWorkOrders)!;
    const fromApp = { senderFrame: { url: 'app://bundle/index.html', parent: null } };
    const result = (await handler(fromApp, { limit: 5 })) as { ok: boolean; value: { items: unknown[]; total: number } };
    expect(result.ok).toBe(true);
    expect(result.value.items).toHaveLength(5);
    expect(result.value.total).toBe(1000);
  });

  it('refuses a sender from another origin and a malformed payload', async () => {
    await boot();
    const handler = fake.handled.get(INVOKE_CHANNELS.listWorkOrders)!;
    expect(await handler({ senderFrame: { url: 'https://evil.example/', parent: null } }, {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    });
    const fromApp = { senderFrame: { url: 'app://bundle/index.html', parent: null } };
    expect(await handler(fromApp, { limit: 'all' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('opens one window with the secure options, serving the UI from app://', async () => {
    const window = await boot();
    const prefs = window.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.js$/);
    expect(window.loadURL).toHaveBeenCalledWith('app://bundle/index.html');
    expect(fake.electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(fake.electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('shows sync state in the tray, and closing the window hides it instead of quitting', async () => {
    const window = await boot();
    const [tray] = fake.trays;
    expect(tray!.setToolTip).toHaveBeenLastCalledWith(expect.stringMatching(/^Shopfloor: No sync server set up/));
    let prevented = false;
    window.emit('close', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(window.hide).toHaveBeenCalled();
    expect(fake.electron.app.quit).not.toHaveBeenCalled();
  });

  it('with no server configured, starts the embedded demo server and syncs the journal from it', async () => {
    delete process.env.SHOPFLOOR_NO_SERVER;
    const demo = makeTempDir('shopfloor-demo-');
    fake.electron.app.getPath.mockReturnValue(demo.dir);
    process.env.SHOPFLOOR_DATA_DIR = `${demo.dir}/profile`;
    try {
      await boot();
      const handler = (channel: string) => fake.handled.get(channel)!;
      const fromApp = { senderFrame: { url: 'app://bundle/index.html', parent: null } };
      const signedIn = (await handler(INVOKE_CHANNELS.signIn)(fromApp, { username: 'alice', password: 'shopfloor-demo' })) as { ok: boolean; value: { signedInOffline: boolean } };
      expect(signedIn).toMatchObject({ ok: true, value: { signedInOffline: false } });
      await vi.waitFor(async () => {
        const list = (await handler(INVOKE_CHANNELS.listWorkOrders)(fromApp, { limit: 1 })) as { value: { total: number } };
        expect(list.value.total).toBe(1000);
      }, { timeout: 60_000 });
      const status = (await handler(INVOKE_CHANNELS.getSyncStatus)(fromApp, undefined)) as { value: { message: string } };
      expect(status.value.message).toMatch(/^Demo server on this computer/);
    } finally {
      fake.electron.app.emit('will-quit');
      demo.remove();
    }
  }, 120_000);

  it('starts crash reporting before the app is ready, keeping dumps on this PC unless IT sets an upload address', async () => {
    await boot();
    expect(fake.calls.indexOf('crashReporter.start')).toBeLessThan(fake.calls.indexOf('app.whenReady'));
    expect(fake.electron.crashReporter.start).toHaveBeenCalledWith({ uploadToServer: false });

    fake.electron.app.emit('will-quit');
    vi.resetModules();
    fake = createFakeElectron();
    process.env.SHOPFLOOR_CRASH_REPORT_URL = 'https://crashes.example.com/minidump';
    try {
      await boot();
      expect(fake.electron.crashReporter.start).toHaveBeenCalledWith({ submitURL: 'https://crashes.example.com/minidump', uploadToServer: true, compress: true });
    } finally {
      delete process.env.SHOPFLOOR_CRASH_REPORT_URL;
    }
  });

  it('Save diagnostics asks where with the native save dialog on the window, then writes the zip there', async () => {
    const window = await boot();
    const handler = fake.handled.get(INVOKE_CHANNELS.saveDiagnostics)!;
    const fromApp = { senderFrame: { url: 'app://bundle/index.html', parent: null } };
    expect(await handler(fromApp, undefined)).toEqual({ ok: true, value: { saved: false } });

    const chosen = `${temp.dir}/for-it`;
    fake.electron.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: chosen });
    const result = (await handler(fromApp, undefined)) as { ok: boolean; value: { saved: boolean; path: string } };
    expect(result).toMatchObject({ ok: true, value: { saved: true, path: `${chosen}.zip` } });
    expect(fake.electron.dialog.showSaveDialog).toHaveBeenLastCalledWith(
      window,
      expect.objectContaining({ defaultPath: expect.stringMatching(/^\/nonexistent\/userData[\\/]shopfloor-diagnostics-\d{4}-\d{2}-\d{2}-\d{4}\.zip$/), filters: [{ name: 'Zip archive', extensions: ['zip'] }] }),
    );
    expect(existsSync(`${chosen}.zip`)).toBe(true);
    const versions = JSON.parse(Buffer.from(unzipSync(readFileSync(`${chosen}.zip`))['versions.json']!).toString()) as Record<string, unknown>;
    expect(versions).toMatchObject({ app: '0.0.0-test', node: process.versions.node });
  });

  it('locks Shopfloor when the OS locks the screen or the PC sleeps, and syncs at once on resume or unlock', async () => {
    process.env.SHOPFLOOR_LOCK_AFTER_MINUTES = '3';
    try {
      const window = await boot();
      const handler = (channel: string) => fake.handled.get(channel)!;
      const fromApp = { senderFrame: { url: 'app://bundle/index.html', parent: null } };
      expect(await handler(INVOKE_CHANNELS.getLockSettings)(fromApp, undefined)).toEqual({ ok: true, value: { lockAfterMinutes: 3 } });
      await handler(INVOKE_CHANNELS.signIn)(fromApp, { username: 'alice', password: 'shopfloor-demo' });
      const session = async () => ((await handler(INVOKE_CHANNELS.getSession)(fromApp, undefined)) as { value: { locked: boolean; user: unknown } }).value;

      fake.electron.powerMonitor.emit('lock-screen');
      expect(await session()).toMatchObject({ user: { username: 'alice' }, locked: true });
      expect(window.webContents.send).toHaveBeenLastCalledWith(EVENT_CHANNELS.sessionChanged, expect.objectContaining({ locked: true }));

      // The module registry the shell loaded: the same SyncWorker class it built its worker from.
      const { SyncWorker } = await import('../../main/core/sync/worker');
      const syncNow = vi.spyOn(SyncWorker.prototype, 'syncNow');
      fake.electron.powerMonitor.emit('unlock-screen');
      expect(syncNow).toHaveBeenCalledTimes(1);
      // Unlocking Windows is not switching in: Shopfloor stays locked until someone does.
      expect((await session()).locked).toBe(true);
      fake.electron.powerMonitor.emit('resume');
      expect(syncNow).toHaveBeenCalledTimes(2);

      await handler(INVOKE_CHANNELS.signIn)(fromApp, { username: 'bob', password: 'shopfloor-demo' });
      expect((await session()).locked).toBe(false);
      fake.electron.powerMonitor.emit('suspend');
      expect(await session()).toMatchObject({ user: { username: 'bob' }, locked: true });
    } finally {
      delete process.env.SHOPFLOOR_LOCK_AFTER_MINUTES;
    }
  });

  it('quits a second instance instead of opening another window', async () => {
    fake.electron.app.requestSingleInstanceLock.mockReturnValue(false);
    await import('../../main/index');
    expect(fake.electron.app.quit).toHaveBeenCalled();
    expect(fake.electron.app.whenReady).not.toHaveBeenCalled();
  });
});
