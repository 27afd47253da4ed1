import { BrowserWindow } from 'electron';

export interface MainWindowOptions {
  preloadPath: string;
  /** DevTools only in development builds (checklist item 17). */
  devTools: boolean;
}

/**
 * Checklist #2-4, #6, #8-10. The only place in the app that builds
 * webPreferences or constructs a BrowserWindow (lint enforces it). The
 * options are one literal on purpose: Electronegativity (npm run
 * security:scan) can then verify them instead of asking for a review.
 */
export function createMainWindow({ preloadPath, devTools }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 600,
    title: 'Shopfloor',
    backgroundColor: '#0f172a',
    show: false,
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
      devTools,
    },
  });
  window.once('ready-to-show', () => window.show());
  return window;
}
