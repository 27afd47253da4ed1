/**
 * How the shell runs the main window, decided from IT's machine config. Pure, so it is tested under
 * plain Node; main/windows/createMainWindow.ts and main/index.ts only apply it.
 *
 * A kiosk is full screen with no frame, no menu (so no Ctrl+W, Ctrl+Q, Ctrl+R or DevTools shortcuts
 * from the default menu), cannot be minimised or closed (Alt+F4 does nothing), has no tray icon (its
 * menu has Quit) and no DevTools. The only way out is the sign-in screen's "Exit kiosk (IT)", which
 * asks for an administrator's password. What the OS offers around the app (Ctrl+Alt+Del, switching
 * users, other programs) is the OS's to lock: docs/operations.md, "Kiosk".
 */
export interface WindowMode {
  kiosk: boolean;
  /** BrowserWindow options the mode decides. */
  window: { kiosk: boolean; fullscreen: boolean; frame: boolean; closable: boolean; minimizable: boolean; autoHideMenuBar: boolean };
  /** Remove the application menu (and with it every menu accelerator). */
  removeMenu: boolean;
  /** Closing the window hides it to the tray (normal) or is refused (kiosk). */
  onClose: 'hide-to-tray' | 'refuse';
  tray: boolean;
  devTools: boolean;
}

export function windowMode(config: { kiosk: boolean }, development: boolean): WindowMode {
  if (config.kiosk) {
    return {
      kiosk: true,
      window: { kiosk: true, fullscreen: true, frame: false, closable: false, minimizable: false, autoHideMenuBar: true },
      removeMenu: true,
      onClose: 'refuse',
      tray: false,
      devTools: false,
    };
  }
  return {
    kiosk: false,
    window: { kiosk: false, fullscreen: false, frame: true, closable: true, minimizable: true, autoHideMenuBar: false },
    removeMenu: false,
    onClose: 'hide-to-tray',
    tray: true,
    // DevTools only in development builds (checklist item 17).
    devTools: development,
  };
}
