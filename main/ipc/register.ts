import { ipcMain as electronIpcMain, type IpcMain, type IpcMainInvokeEvent } from 'electron';
import { fail } from '../../shared/ipc/result';
import type { Logger } from '../core/logger';
import { contractChannels, type Dispatch } from './dispatch';
import { isTrustedSender } from './trustedSender';

export interface RegisterIpcOptions {
  /** Electron's, unless a test passes a recording fake. */
  ipcMain?: Pick<IpcMain, 'handle' | 'removeHandler'>;
  dispatch: Dispatch;
  logger: Logger;
  /** Set only in development (`!app.isPackaged`): the Vite dev server's URL. */
  devServerUrl?: string;
}

/**
 * The only module that touches `ipcMain` (lint enforces it). Registers every
 * contract channel with a sender check in front of the shared dispatcher.
 * Returns a function that removes them all again.
 */
export function registerIpc({
  ipcMain = electronIpcMain,
  dispatch,
  logger,
  devServerUrl,
}: RegisterIpcOptions): () => void {
  const channels = contractChannels();
  for (const channel of channels) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) => {
      if (!isTrustedSender(event.senderFrame, devServerUrl)) {
        logger.warn(`ipc ${channel}: refused a call from an untrusted sender`, event.senderFrame?.url ?? null);
        return fail('FORBIDDEN_SENDER', 'This request did not come from the Shopfloor window and was refused.');
      }
      return dispatch(channel, payload);
    });
  }
  return () => channels.forEach((channel) => ipcMain.removeHandler(channel));
}
