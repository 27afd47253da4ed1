import { BrowserWindow } from 'electron';
import type { WindowMode } from '../core/kiosk/kioskWindow';

export interface MainWindowOptions {
  preloadPath: string;
  /** Normal or kiosk (core/kiosk/kioskWindow.ts decides; DevTools only in development builds, checklist item 17). */
  mode: WindowMode;
}

/**
 * Checklist #2-4, #6, #8-10. The only place in the app that builds
 * webPreferences or constructs a BrowserWindow (lint enforces it). The
 * options are one literal on purpose: Electronegativity (npm run
 * security:scan) can then verify them instead of asking for a review.
 */
export function createMainWindow({ preloadPath, mode }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 600,
    title: 'Shopfloor',
    backgroundColor: '#0f172a',
    show: false,
    kiosk: mode.window.kiosk,
    fullscreen: mode.window.fullscreen,
    frame: mode.window.frame,
    closable: mode.window.closable,
    minimizable: mode.window.minimizable,
    autoHideMenuBar: mode.window.autoHideMenuBar,
    webPreferences: {
      preload: preloadPath,
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
      // Middle-click must not open anything either (window.open is denied already; this is belt and braces).
      disableBlinkFeatures: 'Auxclick',
      devTools: mode.devTools,
    },
  });
  window.once('ready-to-show', () => window.show());
  return window;
}
