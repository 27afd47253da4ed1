import type { WebContents } from 'electron';
import type { Logger } from '../core/logger';

type Hardenable = Pick<WebContents, 'on' | 'setWindowOpenHandler' | 'getURL'>;

/**
 * Checklist #11-14 for every webContents: it never leaves the app (navigation,
 * frame navigation and redirects are cancelled), never opens a window, and
 * never attaches a <webview>. Reloads of the app's own URL stay possible.
 */
export function hardenWebContents(contents: Hardenable, logger: Logger): void {
  const block = (what: string) => (event: { preventDefault(): void }, url: string) => {
    if (url === contents.getURL()) return;
    event.preventDefault();
    logger.warn(`blocked ${what}`, url);
  };
  contents.on('will-navigate', block('navigation'));
  contents.on('will-frame-navigate', (event) => block('frame navigation')(event, event.url));
  contents.on('will-redirect', block('redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logger.warn('blocked a <webview>');
  });
  contents.setWindowOpenHandler(({ url }) => {
    logger.warn('blocked a new window', url);
    return { action: 'deny' };
  });
}
