import type { IpcMainEvent, WebContents } from 'electron';
import { z } from 'zod';
import { PROXY_SIGN_IN_CHANNEL, type ProxySignInAnswer } from '../../shared/ipc/proxySignIn';
import type { Logger } from '../core/logger';

/** What the window may send: the two fields (within sane lengths), or null for Cancel. */
export const ProxySignInAnswerSchema = z
  .object({ username: z.string().min(1).max(256), password: z.string().max(1024) })
  .strict()
  .nullable();

/**
 * The one answer of a proxy sign-in window, taken from that window's own webContents (not from
 * ipcMain: the main window cannot send it), from its top frame on the prompt page only, checked
 * with zod. Resolves with the credentials, null for Cancel, or null when the window goes away
 * first. A malformed message is refused and the window keeps waiting.
 */
export function takeProxySignInAnswer(
  contents: Pick<WebContents, 'ipc' | 'once'>,
  pageUrl: string,
  logger: Logger,
): Promise<ProxySignInAnswer> {
  return new Promise((resolve) => {
    const listener = (event: IpcMainEvent, payload: unknown) => {
      const frame = event.senderFrame;
      if (!frame || frame.parent || !frame.url.startsWith(pageUrl)) {
        logger.warn('proxy sign-in: refused an answer from another page', frame?.url ?? null);
        return;
      }
      const parsed = ProxySignInAnswerSchema.safeParse(payload);
      // The payload may hold a password: the log names the problem, never the value.
      if (!parsed.success) return logger.warn('proxy sign-in: refused a malformed answer', parsed.error.issues.map((i) => i.path.join('.')));
      contents.ipc.removeListener(PROXY_SIGN_IN_CHANNEL, listener);
      resolve(parsed.data);
    };
    contents.ipc.on(PROXY_SIGN_IN_CHANNEL, listener);
    contents.once('destroyed', () => {
      contents.ipc.removeListener(PROXY_SIGN_IN_CHANNEL, listener);
      resolve(null);
    });
  });
}
