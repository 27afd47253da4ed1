import { EventEmitter } from 'node:events';
import http from 'node:http';
import { vi } from 'vitest';

/**
 * A stand-in for the `electron` module, for the one seam we cannot run here:
 * the Electron API itself. It records what the shell asks of Electron so
 * tests can check the order and the options. Nothing of ours is faked.
 */
export function createFakeElectron() {
  const calls: string[] = [];
  let resolveReady!: () => void;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));

  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    enableSandbox: vi.fn(() => calls.push('app.enableSandbox')),
    requestSingleInstanceLock: vi.fn(() => {
      calls.push('app.requestSingleInstanceLock');
      return true;
    }),
    whenReady: vi.fn(() => {
      calls.push('app.whenReady');
      return ready;
    }),
    getPath: vi.fn(() => '/nonexistent/userData'),
    getVersion: vi.fn(() => '0.0.0-test'),
    quit: vi.fn(),
    exit: vi.fn(),
  });

  const windows: FakeBrowserWindow[] = [];
  class FakeBrowserWindow extends EventEmitter {
    // `ipc` is the window's own IpcMain (webContents.ipc): only that window's page can send on it.
    readonly webContents = Object.assign(new EventEmitter(), {
      send: vi.fn(),
      ipc: new EventEmitter(),
      // The OS print dialog: the technician prints unless a test answers otherwise.
      print: vi.fn((_options: unknown, callback: (success: boolean, failureReason: string) => void) => callback(true, '')),
      printToPDF: vi.fn(async (_options: unknown) => Buffer.from('%PDF-1.4 fake\n')),
    });
    readonly loadURL = vi.fn(async (_url: string) => undefined);
    private destroyed = false;
    constructor(readonly options: Record<string, unknown>) {
      super();
      calls.push('new BrowserWindow');
      windows.push(this);
    }
    isDestroyed = () => this.destroyed;
    isMinimized = () => false;
    isVisible = vi.fn(() => true);
    setMenu = vi.fn();
    /** As Electron does: 'closed', then the page's webContents is destroyed. */
    close = vi.fn(() => {
      if (this.destroyed) return;
      this.destroyed = true;
      this.emit('closed');
      this.webContents.emit('destroyed');
    });
    show = vi.fn();
    hide = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    setKiosk = vi.fn();
    setClosable = vi.fn();
  }

  const trays: FakeTray[] = [];
  class FakeTray extends EventEmitter {
    readonly setImage = vi.fn();
    readonly setToolTip = vi.fn();
    readonly setContextMenu = vi.fn();
    readonly destroy = vi.fn();
    constructor() {
      super();
      trays.push(this);
    }
  }

  const handled = new Map<string, (...args: unknown[]) => unknown>();
  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain: {
      handle: vi.fn((channel: string, handler: (...args: unknown[]) => unknown) => handled.set(channel, handler)),
      removeHandler: vi.fn((channel: string) => handled.delete(channel)),
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => calls.push('protocol.registerSchemesAsPrivileged')),
      handle: vi.fn(),
    },
    session: {
      defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() },
    },
    dialog: {
      showErrorBox: vi.fn(),
      // The technician cancels unless a test answers with a path.
      showSaveDialog: vi.fn(async (..._args: unknown[]): Promise<{ canceled: boolean; filePath?: string }> => ({ canceled: true })),
    },
    // The OS's power and session events: tests emit 'lock-screen', 'suspend', 'resume', 'unlock-screen'.
    powerMonitor: new EventEmitter(),
    crashReporter: { start: vi.fn((..._args: unknown[]) => void calls.push('crashReporter.start')) },
    Tray: FakeTray,
    Menu: { buildFromTemplate: vi.fn((template: unknown[]) => ({ template })), setApplicationMenu: vi.fn() },
    nativeImage: { createFromPath: vi.fn((file: string) => ({ file })) },
    // Electron's net.fetch goes through Chromium's network stack; here, Node's fetch on loopback stands in.
    net: {
      isOnline: vi.fn(() => true),
      fetch: vi.fn((url: string, init?: RequestInit) => fetch(url, init)),
      // Electron's ClientRequest and Node's share what the shell uses (setHeader, write, end, abort, 'response'); Node's never raises 'login'.
      request: vi.fn((options: { url?: string; method?: string }) => http.request(options.url!, { method: options.method })),
    },
    safeStorage: {
      isEncryptionAvailable: vi.fn(() => false),
      getSelectedStorageBackend: vi.fn(() => 'basic_text'),
      encryptString: vi.fn(),
      decryptString: vi.fn(),
    },
  };
  return { electron, calls, windows, trays, handled, fireReady: resolveReady };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
