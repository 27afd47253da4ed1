import path from 'node:path';
import { app, dialog, protocol, safeStorage, session, type BrowserWindow } from 'electron';
import { EVENT_CHANNELS } from '../shared/ipc/channels';
import { createCore, type Core } from './core';
import { createDispatch } from './ipc/dispatch';
import { registerIpc } from './ipc/register';
import { createElectronLogger } from './logging/electronLogger';
import { createSafeStorageSecretStore } from './secrets/safeStorageSecretStore';
import { APP_ENTRY_URL, APP_SCHEME_PRIVILEGES, registerAppProtocol } from './security/appProtocol';
import { hardenWebContents } from './security/navigation';
import { installPermissionPolicy } from './security/permissions';
import { createMainWindow } from './windows/createMainWindow';

/**
 * The Electron shell: lifecycle and wiring only. Everything that decides
 * anything lives in main/core (tested under plain Node) or in the small
 * security/ipc modules next to this file.
 */
const logger = createElectronLogger();

// Before `ready`: sandbox every renderer (checklist #4), give app:// a real origin (#18).
app.enableSandbox();
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

let core: Core | undefined;
let mainWindow: BrowserWindow | undefined;

if (!app.requestSingleInstanceLock()) {
  // A second launch on a shared PC just brings the running window forward.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, logger));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => core?.close());
  app.whenReady().then(start, fatal);
}

function start(): void {
  const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
  const dataDir = process.env.SHOPFLOOR_DATA_DIR ?? path.join(app.getPath('userData'), 'profile');
  try {
    core = createCore({
      dataDir,
      logger,
      // Until Settings exist (sync issue), IT sets the server per PC; without one the demo journal runs.
      serverUrl: process.env.SHOPFLOOR_SERVER_URL || undefined,
      secretStore: createSafeStorageSecretStore(safeStorage, path.join(dataDir, 'secrets.json'), logger),
    });
  } catch (error) {
    fatal(error);
    return;
  }
  installPermissionPolicy(session.defaultSession);
  registerAppProtocol(protocol, path.join(__dirname, '../renderer'));
  registerIpc({ dispatch: createDispatch(core.handlers, logger), logger, devServerUrl });

  mainWindow = createMainWindow({ preloadPath: path.join(__dirname, '../preload/index.js'), devTools: !app.isPackaged });
  const window = mainWindow;
  core.subscribe((event, payload) => {
    if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNELS[event], payload);
  });
  window.on('closed', () => (mainWindow = undefined));
  void window.loadURL(devServerUrl ?? APP_ENTRY_URL);
  logger.info('shopfloor started', { version: app.getVersion(), dataDir, packaged: app.isPackaged });
}

/** Start-up failed (e.g. journal from a newer version): say so plainly and stop. */
function fatal(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  logger.error('start-up failed', error);
  dialog.showErrorBox('Shopfloor cannot start', message);
  app.exit(1);
}
