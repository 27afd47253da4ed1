import type { BrowserWindow } from 'electron';
import { proxySignInQuery } from '../../shared/ipc/proxySignIn';
import type { Logger } from '../core/logger';
import type { PromptContext, ProxyCredentials } from '../core/net/proxyLogin';
import { takeProxySignInAnswer } from '../ipc/proxySignInAnswer';

export interface ProxySignInPromptOptions {
  /** main/windows/createProxySignInWindow, with the preload path and DevTools setting bound. */
  openWindow(parent: BrowserWindow | undefined): BrowserWindow;
  /** The main window, if there is one: the prompt is modal to it while it is on screen. */
  parent(): BrowserWindow | undefined;
  /** app://bundle/proxy-sign-in.html (or the dev server's page in development). */
  pageUrl: string;
  logger: Logger;
}

/**
 * The broker's prompt (main/core/net/proxyLogin.ts): opens the sign-in window for one challenge
 * and resolves with what was typed, or null for Cancel or a closed window. The broker asks one
 * prompt at a time per proxy, so at most one such window is open per proxy.
 */
export function createProxySignInPrompt({ openWindow, parent, pageUrl, logger }: ProxySignInPromptOptions) {
  return async (context: PromptContext): Promise<ProxyCredentials | null> => {
    const main = parent();
    const window = openWindow(main && !main.isDestroyed() && main.isVisible() ? main : undefined);
    const answer = takeProxySignInAnswer(window.webContents, pageUrl, logger);
    logger.info('proxy sign-in asked', { proxy: context.proxy, refused: context.refused });
    void window.loadURL(`${pageUrl}${proxySignInQuery(context)}`);
    const given = await answer;
    if (!window.isDestroyed()) window.close();
    return given;
  };
}
