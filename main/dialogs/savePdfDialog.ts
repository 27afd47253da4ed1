import path from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';

/** "Save as PDF…": the native save dialog on the main window, suggested in Documents. Null when cancelled. */
export async function choosePdfPath(parent: BrowserWindow | undefined, suggestedName: string): Promise<string | null> {
  const options = {
    title: 'Save the work order as PDF',
    defaultPath: path.join(app.getPath('documents'), suggestedName),
    buttonLabel: 'Save',
    filters: [{ name: 'PDF document', extensions: ['pdf'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[],
  };
  const answer = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  if (answer.canceled || !answer.filePath) return null;
  return answer.filePath.toLowerCase().endsWith('.pdf') ? answer.filePath : `${answer.filePath}.pdf`;
}
