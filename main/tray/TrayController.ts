import path from 'node:path';
import { Menu, nativeImage, Tray, type MenuItemConstructorOptions } from 'electron';
import type { SyncStatus } from '../../shared/domain/syncStatus';
import { computeTrayView, type TrayIconKey, type TrayView } from './trayView';

export interface TrayActions {
  open(): void;
  syncNow(): void;
  quit(): void;
}

/**
 * Applies computeTrayView to Electron's Tray. Thin on purpose: all decisions
 * are in the pure view function. Linux app indicators ignore clicks, so
 * "Open" is also in the menu.
 */
export class TrayController {
  private readonly tray: Tray;
  private readonly icons = new Map<TrayIconKey, Electron.NativeImage>();
  private last: string | null = null;
  /** What the tray shows now (read by the Electron e2e hook). */
  view: TrayView | null = null;

  constructor(
    private readonly iconDir: string,
    private readonly actions: TrayActions,
  ) {
    this.tray = new Tray(this.icon('offline'));
    this.tray.on('click', () => actions.open());
  }

  update(status: SyncStatus): void {
    const view = computeTrayView(status);
    const key = JSON.stringify(view);
    if (key === this.last) return;
    this.last = key;
    this.view = view;
    this.apply(view);
  }

  destroy(): void {
    this.tray.destroy();
  }

  private apply(view: TrayView): void {
    this.tray.setImage(this.icon(view.icon));
    this.tray.setToolTip(view.tooltip);
    const template: MenuItemConstructorOptions[] = view.menu.map((item) => {
      if (item.kind === 'separator') return { type: 'separator' };
      if (item.kind === 'status') return { label: item.label, enabled: false };
      return { label: item.label, enabled: item.enabled, click: () => this.actions[item.id]() };
    });
    this.tray.setContextMenu(Menu.buildFromTemplate(template));
  }

  private icon(key: TrayIconKey): Electron.NativeImage {
    let image = this.icons.get(key);
    if (!image) {
      image = nativeImage.createFromPath(path.join(this.iconDir, `${key}.png`));
      this.icons.set(key, image);
    }
    return image;
  }
}
