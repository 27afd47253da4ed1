import { dialog, type BrowserWindow } from 'electron';
import { askSentence, type UpdateAction } from '../core/updates/updatePolicy';

/** `notify`: a new version is downloaded. "Later" is the default: nothing restarts by accident. */
export function readyDialogOptions(version: string) {
  return {
    type: 'info' as const,
    title: 'Update ready',
    message: `Shopfloor ${version} is ready to install.`,
    detail: 'Shopfloor closes for a moment and opens again. Your changes are sent to the server first.',
    buttons: ['Install now', 'Later'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
}

/** Changes could not all be sent: install anyway (they stay on the PC) or later. "Later" is the default. */
export function askDialogOptions(action: Extract<UpdateAction, { do: 'ask' }>) {
  const { message, detail } = askSentence(action);
  return {
    type: 'warning' as const,
    title: 'Update ready',
    message,
    detail,
    buttons: ['Install now', 'Later'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
}

export async function showUpdateReady(parent: BrowserWindow | undefined, version: string): Promise<boolean> {
  const options = readyDialogOptions(version);
  const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
  return response === 0;
}

export async function askToInstall(parent: BrowserWindow | undefined, action: Extract<UpdateAction, { do: 'ask' }>): Promise<'install' | 'later'> {
  const options = askDialogOptions(action);
  const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
  return response === 0 ? 'install' : 'later';
}
