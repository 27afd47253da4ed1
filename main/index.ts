import path from 'node:path';
import { app, dialog, Menu, net, powerMonitor, protocol, safeStorage, session, type BrowserWindow } from 'electron';
import { EVENT_CHANNELS } from '../shared/ipc/channels';
import { PROXY_SIGN_IN_PAGE } from '../shared/ipc/proxySignIn';
import type { RunningServer } from '../server';
import { createCore, type Core } from './core';
import { machineConfigPath, readMachineConfig, type MachineConfig } from './core/machineConfig';
import { windowMode, type WindowMode } from './core/kiosk/kioskWindow';
import { ProxyLoginBroker } from './core/net/proxyLogin';
import { startDemoServer } from './demoServer';
import { startCrashReporting } from './crash/crashReporting';
import { showConflictDialog } from './dialogs/conflictDialog';
import { chooseDiagnosticsPath } from './dialogs/saveDiagnosticsDialog';
import { createDispatch } from './ipc/dispatch';
import { registerIpc } from './ipc/register';
import { createElectronLogger, electronLogDir } from './logging/electronLogger';
import { createElectronFetch } from './net/electronFetch';
import { createProxySignInPrompt } from './proxy/proxySignInPrompt';
import { answerProxyChallenge, registerProxyLogin } from './proxy/registerProxyLogin';
import { createSafeStorageSecretStore } from './secrets/safeStorageSecretStore';
import { APP_ENTRY_URL, APP_SCHEME_PRIVILEGES, registerAppProtocol } from './security/appProtocol';
import { hardenWebContents } from './security/navigation';
import { installPermissionPolicy } from './security/permissions';
import { watchPower } from './power/watchPower';
import { TrayController } from './tray/TrayController';
import { startUpdates } from './updates/startUpdates';
import { createMainWindow } from './windows/createMainWindow';
import { createWindowPrinter } from './printing/windowPrinter';
import { createProxySignInWindow } from './windows/createProxySignInWindow';

/**
 * The Electron shell: lifecycle and wiring only. Everything that decides
 * anything lives in main/core (tested under plain Node) or in the small
 * security/ipc/tray/dialog modules next to this file.
 */
const logger = createElectronLogger();
// First thing after the logger: a crash from here on leaves a dump for "Save diagnostics…".
const crashDumpsDir = startCrashReporting();

// Before `ready`: sandbox every renderer (checklist #4), give app:// a real origin (#18).
app.enableSandbox();
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

let core: Core | undefined;
let mainWindow: BrowserWindow | undefined;
let tray: TrayController | undefined;
let demoServer: RunningServer | undefined;
let quitting = false;
let windowUrl = APP_ENTRY_URL;
let mode: WindowMode = windowMode({ kiosk: false }, false);

if (!app.requestSingleInstanceLock()) {
  // A second launch on a shared PC just brings the running window forward.
  app.quit();
} else {
  app.on('second-instance', showWindow);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, logger));
  // Closing the window keeps Shopfloor syncing in the tray; Quit (tray menu) ends it.
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', () => (quitting = true));
  app.on('will-quit', () => {
    tray?.destroy();
    core?.close();
    void demoServer?.close();
  });
  app.whenReady().then(start).catch(fatal);
}

async function start(): Promise<void> {
  const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL || undefined;
  windowUrl = devServerUrl ?? APP_ENTRY_URL;
  const dataDir = process.env.SHOPFLOOR_DATA_DIR ?? path.join(app.getPath('userData'), 'profile');
  // SHOPFLOOR_NO_SERVER=1: the journal-only demo, with no server at all.
  const journalOnly = process.env.SHOPFLOOR_NO_SERVER === '1';
  // IT's machine-wide file and per-PC environment: the sync server, the update policy (off | notify | auto) and feed, kiosk mode, when to lock.
  const machineConfig: MachineConfig = readMachineConfig(machineConfigPath(process.platform, process.env), process.env);
  machineConfig.problems.forEach((problem) => logger.warn(`machine config: ${problem}`));
  mode = windowMode(machineConfig, !app.isPackaged);
  // A kiosk has no menu, so none of the default menu's shortcuts (close, quit, reload, DevTools).
  if (mode.removeMenu) Menu.setApplicationMenu(null);
  // A proxy that wants a sign-in gets one from the technician, through a small window; the answer stays in memory.
  const proxyBroker = new ProxyLoginBroker(
    createProxySignInPrompt({
      openWindow: (parent) => createProxySignInWindow({ preloadPath: path.join(__dirname, '../preload/proxySignIn.js'), parent, devTools: !app.isPackaged }),
      parent: () => mainWindow,
      pageUrl: devServerUrl ? new URL(PROXY_SIGN_IN_PAGE, devServerUrl).href : APP_ENTRY_URL.replace('index.html', PROXY_SIGN_IN_PAGE),
      logger,
    }),
  );
  registerProxyLogin(app, proxyBroker, logger);
  const proxyLogin = answerProxyChallenge(proxyBroker, logger);
  try {
    core = createCore({
      dataDir,
      logger,
      // IT can fix the shop's server (machine config file or SHOPFLOOR_SERVER_URL); otherwise Settings chooses it.
      serverUrl: machineConfig.serverUrl,
      seedDemoData: journalOnly,
      requireHttps: app.isPackaged,
      loginItem:
        process.platform === 'linux'
          ? undefined
          : { get: () => app.getLoginItemSettings().openAtLogin, set: (on) => app.setLoginItemSettings({ openAtLogin: on }) },
      secretStore: createSafeStorageSecretStore(safeStorage, path.join(dataDir, 'secrets.json'), logger),
      chooseConflict: (conflict) => (mainWindow ? showConflictDialog(mainWindow, conflict) : Promise.resolve('later')),
      chooseDiagnosticsPath: (suggestedName) => chooseDiagnosticsPath(mainWindow, suggestedName),
      printer: createWindowPrinter(() => mainWindow),
      kiosk: {
        active: mode.kiosk,
        exit: () => {
          logger.info('kiosk: exited by an administrator');
          // A non-closable window could hold the quit up on some platforms: give it its close back first.
          if (mainWindow && !mainWindow.isDestroyed()) {
            mainWindow.setKiosk(false);
            mainWindow.setClosable(true);
          }
          app.quit();
        },
      },
      diagnostics: {
        logDir: electronLogDir(),
        crashDumpsDir,
        versions: { app: app.getVersion(), electron: process.versions.electron, chromium: process.versions.chrome },
      },
      // Chromium's network stack: the OS proxy settings (PAC/WPAD included) and the OS certificate store,
      // which Node's fetch ignores (NODE_EXTRA_CA_CERTS is off with our fuses); a proxy sign-in is asked for.
      fetch: createElectronFetch((options) => net.request(options), proxyLogin),
      lockAfterMinutes: machineConfig.lockAfterMinutes,
    });
  } catch (error) {
    fatal(error);
    return;
  }
  const running = core;
  // No server set up yet: the embedded demo server, so sync works out of the box (labelled demo).
  if (!running.serverUrl() && !journalOnly) {
    demoServer = await startDemoServer(app.getPath('userData'), logger);
    running.useServer(demoServer.url, { demo: true });
  }
  installPermissionPolicy(session.defaultSession);
  registerAppProtocol(protocol, path.join(__dirname, '../renderer'));
  registerIpc({ dispatch: createDispatch(running.handlers, logger), logger, devServerUrl });

  // A kiosk has no tray icon: its menu's Quit would be a way out to the desktop.
  if (mode.tray) tray = new TrayController(app.isPackaged ? path.join(process.resourcesPath, 'tray') : path.join(__dirname, '../../build/tray'), {
    open: showWindow,
    syncNow: () => void running.sync.syncNow(),
    quit: () => app.quit(),
  });
  tray?.update(await running.handlers.getSyncStatus());
  running.subscribe((event, payload) => {
    if (event === 'syncStatusChanged') tray?.update(payload as Parameters<TrayController['update']>[0]);
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(EVENT_CHANNELS[event], payload);
  });
  watchNetwork(running);
  watchPower(powerMonitor, running, logger);
  if (process.env.SHOPFLOOR_E2E === '1') {
    // Read-only hooks for tests/electron (the e2e build flavour), like Signal's CI bridge: wait on state, never sleep.
    Object.assign(globalThis, { shopfloorE2E: { trayView: () => tray?.view ?? null, syncNow: () => running.sync.syncNow() } });
  }

  showWindow();
  // electron-updater updates installed apps only; a development run has nothing to replace.
  if (app.isPackaged) startUpdates(running, machineConfig, () => mainWindow, logger, !!demoServer, proxyLogin);
  logger.info('shopfloor started', {
    version: app.getVersion(),
    dataDir,
    server: running.serverUrl() ?? 'none',
    serverSetBy: machineConfig.serverUrlSource ?? 'settings',
    demo: !!demoServer,
    kiosk: mode.kiosk,
  });
}

function openWindow(): BrowserWindow {
  const window = createMainWindow({ preloadPath: path.join(__dirname, '../preload/index.js'), mode });
  window.on('close', (event) => {
    if (quitting) return;
    event.preventDefault();
    // Normally closing keeps Shopfloor syncing in the tray; a kiosk stays on screen.
    if (mode.onClose === 'hide-to-tray') window.hide();
  });
  window.on('closed', () => (mainWindow = undefined));
  void window.loadURL(windowUrl);
  return window;
}

function showWindow(): void {
  if (!core) return;
  mainWindow ??= openWindow();
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

/** The OS's word is only a hint: when it says the network is back, sync at once instead of waiting for the backoff. */
function watchNetwork(running: Core): void {
  let online = net.isOnline();
  setInterval(() => {
    const now = net.isOnline();
    if (now && !online) running.sync.networkOnline();
    online = now;
  }, 5_000).unref();
}

/** Start-up failed (e.g. journal from a newer version): say so plainly and stop. */
function fatal(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  logger.error('start-up failed', error);
  dialog.showErrorBox('Shopfloor cannot start', message);
  app.exit(1);
}
