import { existsSync, readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeFileSync } from 'node:fs';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../shared/ipc/channels';
import { PROXY_SIGN_IN_CHANNEL } from '../../shared/ipc/proxySignIn';
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

  it('Print… opens the OS print dialog on the window; Save as PDF… renders with printToPDF and writes where the save dialog says', async () => {
    const window = await boot();
    const fromApp = { senderFrame: { url: 'app://bundle/index.html', parent: null } };
    const list = (await fake.handled.get(INVOKE_CHANNELS.listWorkOrders)!(fromApp, { limit: 1 })) as { value: { items: { id: string; number: string }[] } };
    const wo = list.value.items[0]!;

    expect(await fake.handled.get(INVOKE_CHANNELS.printWorkOrder)!(fromApp, { id: wo.id })).toEqual({ ok: true, value: { printed: true } });
    expect(window.webContents.print).toHaveBeenCalledWith(expect.objectContaining({ silent: false }), expect.any(Function));
    window.webContents.print.mockImplementationOnce((_options, callback) => callback(false, 'cancelled'));
    expect(await fake.handled.get(INVOKE_CHANNELS.printWorkOrder)!(fromApp, { id: wo.id })).toEqual({ ok: true, value: { printed: false } });

    const savePdf = fake.handled.get(INVOKE_CHANNELS.saveWorkOrderPdf)!;
    expect(await savePdf(fromApp, { id: wo.id })).toEqual({ ok: true, value: { saved: false } });
    expect(window.webContents.printToPDF).not.toHaveBeenCalled();
    const chosen = `${temp.dir}/${wo.number}-sheet`;
    fake.electron.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: chosen });
    expect(await savePdf(fromApp, { id: wo.id })).toEqual({ ok: true, value: { saved: true, path: `${chosen}.pdf` } });
    expect(fake.electron.dialog.showSaveDialog).toHaveBeenLastCalledWith(
      window,
      expect.objectContaining({ defaultPath: expect.stringMatching(new RegExp(`[\\\\/]${wo.number}\\.pdf$`)), filters: [{ name: 'PDF document', extensions: ['pdf'] }] }),
    );
    expect(window.webContents.printToPDF).toHaveBeenCalledWith(expect.objectContaining({ pageSize: 'A4', preferCSSPageSize: true }));
    expect(readFileSync(`${chosen}.pdf`, 'latin1')).toBe('%PDF-1.4 fake\n');
    expect(await savePdf(fromApp, { id: 'no-such-work-order' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
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

describe('the shell as a kiosk (SHOPFLOOR_KIOSK=1)', () => {
  beforeEach(() => {
    process.env.SHOPFLOOR_KIOSK = '1';
  });
  afterEach(() => {
    delete process.env.SHOPFLOOR_KIOSK;
  });
  const fromApp = { senderFrame: { url: 'app://bundle/index.html', parent: null } };

  async function bootKiosk() {
    await import('../../main/index');
    fake.fireReady();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1), { timeout: 30_000 });
    return fake.windows[0]!;
  }

  it('opens full screen with no menu, no tray, no DevTools, and a close (Alt+F4) does nothing', async () => {
    const window = await bootKiosk();
    expect(window.options).toMatchObject({ kiosk: true, fullscreen: true, frame: false, closable: false, minimizable: false });
    expect((window.options.webPreferences as Record<string, unknown>).devTools).toBe(false);
    expect(fake.electron.Menu.setApplicationMenu).toHaveBeenCalledWith(null);
    expect(fake.trays).toHaveLength(0);
    let prevented = false;
    window.emit('close', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(window.hide).not.toHaveBeenCalled();
    expect(await fake.handled.get(INVOKE_CHANNELS.getKiosk)!(fromApp, undefined)).toEqual({ ok: true, value: { kiosk: true } });
  });

  it('"Exit kiosk (IT)" takes only an administrator known on this PC, then quits', async () => {
    const window = await bootKiosk();
    // An administrator who signed in here before: the offline verifier a sign-in keeps.
    const { openDatabase } = await import('../../main/core/db/connection');
    const { provisionLocalAccount } = await import('../../main/core/auth/session');
    const { JOURNAL_FILE_NAME } = await import('../../main/core');
    const db = openDatabase(`${temp.dir}/${JOURNAL_FILE_NAME}`);
    provisionLocalAccount(db, { username: 'ida', role: 'admin' }, 'it-department', new Date().toISOString());
    db.close();

    const exit = fake.handled.get(INVOKE_CHANNELS.exitKiosk)!;
    const refused = 'Only an administrator who has signed in on this computer before can exit the kiosk. Check the user name and password.';
    for (const attempt of [
      { username: 'alice', password: 'shopfloor-demo' }, // right password, not an admin
      { username: 'ida', password: 'wrong' },
      { username: 'nobody', password: 'it-department' },
    ]) {
      expect(await exit(fromApp, attempt)).toEqual({ ok: false, error: { code: 'NOT_SIGNED_IN', message: refused } });
    }
    expect(fake.electron.app.quit).not.toHaveBeenCalled();

    expect(await exit(fromApp, { username: 'IDA', password: 'it-department' })).toEqual({ ok: true, value: { exiting: true } });
    await vi.waitFor(() => expect(fake.electron.app.quit).toHaveBeenCalled());
    expect(window.setClosable).toHaveBeenCalledWith(true);
  });
});

describe('the shell when a proxy asks for a sign-in', () => {
  const challenge = { isProxy: true, host: 'proxy.shop.local', port: 3128, realm: 'Shop floor', scheme: 'basic' };
  const promptPage = 'app://bundle/proxy-sign-in.html?proxy=proxy.shop.local%3A3128&realm=Shop+floor';

  async function bootAndChallenge(authInfo: Record<string, unknown> = challenge) {
    await import('../../main/index');
    fake.fireReady();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1), { timeout: 30_000 });
    const event = { preventDefault: vi.fn() };
    const callback = vi.fn();
    const answered = new Promise<unknown[]>((resolve) => callback.mockImplementation((...args: unknown[]) => resolve(args)));
    fake.electron.app.emit('login', event, null, { url: 'https://sync.shop.local/api/v1/health' }, authInfo, callback);
    return { event, callback, answered, main: fake.windows[0]! };
  }
  const fromPrompt = { senderFrame: { url: promptPage, parent: null } };

  it('opens the sign-in window modal to the app, with the secure options and its own preload, and hands over what was typed', async () => {
    const { event, answered, main } = await bootAndChallenge();
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(2));
    const prompt = fake.windows[1]!;
    expect(prompt.options).toMatchObject({ modal: true, parent: main, title: 'Proxy sign-in', show: false });
    expect(prompt.options.webPreferences).toEqual({
      ...(fake.windows[0]!.options.webPreferences as object),
      preload: expect.stringMatching(/preload[\\/]proxySignIn\.js$/),
    });
    expect(prompt.loadURL).toHaveBeenCalledWith(promptPage);

    prompt.webContents.ipc.emit(PROXY_SIGN_IN_CHANNEL, fromPrompt, { username: 'dana', password: 's3cret' });
    expect(await answered).toEqual(['dana', 's3cret']);
    expect(prompt.close).toHaveBeenCalled();
    const log = (await import('electron-log/main')).default as unknown as { entries: unknown[] };
    expect(JSON.stringify(log.entries)).toContain('proxy.shop.local:3128');
    expect(JSON.stringify(log.entries)).not.toContain('s3cret');
  });

  it('stands alone on top when the app is in the tray', async () => {
    await import('../../main/index');
    fake.fireReady();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1), { timeout: 30_000 });
    fake.windows[0]!.isVisible.mockReturnValue(false);
    fake.electron.app.emit('login', { preventDefault: vi.fn() }, null, {}, challenge, vi.fn());
    await vi.waitFor(() => expect(fake.windows).toHaveLength(2));
    expect(fake.windows[1]!.options).toMatchObject({ modal: false, parent: undefined, alwaysOnTop: true });
  });

  it('ignores an answer from another page or a malformed one, and cancels when the window is closed', async () => {
    const { answered, callback } = await bootAndChallenge();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(2));
    const prompt = fake.windows[1]!;
    prompt.webContents.ipc.emit(PROXY_SIGN_IN_CHANNEL, { senderFrame: { url: 'app://bundle/index.html', parent: null } }, { username: 'x', password: 'y' });
    prompt.webContents.ipc.emit(PROXY_SIGN_IN_CHANNEL, { senderFrame: { url: promptPage, parent: {} } }, { username: 'x', password: 'y' });
    prompt.webContents.ipc.emit(PROXY_SIGN_IN_CHANNEL, fromPrompt, { username: 'x', password: 'y', remember: true });
    prompt.webContents.ipc.emit(PROXY_SIGN_IN_CHANNEL, fromPrompt, { username: '', password: 'y' });
    expect(callback).not.toHaveBeenCalled();
    prompt.close();
    expect(await answered).toEqual([]);
  });

  it('Cancel answers the proxy with nothing, and a web server asking for a password is left refused', async () => {
    const { answered } = await bootAndChallenge();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(2));
    fake.windows[1]!.webContents.ipc.emit(PROXY_SIGN_IN_CHANNEL, fromPrompt, null);
    expect(await answered).toEqual([]);

    const server = { preventDefault: vi.fn() };
    fake.electron.app.emit('login', server, null, {}, { ...challenge, isProxy: false }, vi.fn());
    expect(server.preventDefault).not.toHaveBeenCalled();
    expect(fake.windows).toHaveLength(2);
  });

  it('syncs through net.request, where each request can raise its own proxy challenge', async () => {
    await import('../../main/index');
    fake.fireReady();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1), { timeout: 30_000 });
    const fromApp = { senderFrame: { url: 'app://bundle/index.html', parent: null } };
    await fake.handled.get(INVOKE_CHANNELS.testConnection)!(fromApp, { url: 'http://127.0.0.1:9' });
    expect(fake.electron.net.request).toHaveBeenCalledWith(expect.objectContaining({ url: 'http://127.0.0.1:9/api/v1/health', method: 'GET' }));
    expect(fake.electron.net.fetch).not.toHaveBeenCalled();
  });
});

describe('the shell with a machine config file', () => {
  it('uses the sync server the file names, fixed: Settings cannot change it', async () => {
    const file = `${temp.dir}/machine-config.json`;
    writeFileSync(file, JSON.stringify({ serverUrl: 'http://127.0.0.1:9' }));
    process.env.SHOPFLOOR_CONFIG = file;
    try {
      await import('../../main/index');
      fake.fireReady();
      await vi.waitFor(() => expect(fake.windows).toHaveLength(1), { timeout: 30_000 });
      const fromApp = { senderFrame: { url: 'app://bundle/index.html', parent: null } };
      const settings = (await fake.handled.get(INVOKE_CHANNELS.getSettings)!(fromApp, undefined)) as { value: unknown };
      expect(settings.value).toMatchObject({ serverUrl: 'http://127.0.0.1:9', serverFixed: true, demoServer: false });
    } finally {
      delete process.env.SHOPFLOOR_CONFIG;
    }
  });
});
