import path from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';

/** The save dialog's options, pure: suggested in Documents, as a .zip. */
export function saveDiagnosticsDialogOptions(documentsDir: string, suggestedName: string) {
  return {
    title: 'Save diagnostics for IT',
    defaultPath: path.join(documentsDir, suggestedName),
    buttonLabel: 'Save',
    filters: [{ name: 'Zip archive', extensions: ['zip'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[],
  };
}

/**
 * "Save diagnostics…": the native save dialog, on the main window. Answers the
 * chosen path, or null when the technician cancelled. The core writes the zip.
 */
export async function chooseDiagnosticsPath(parent: BrowserWindow | undefined, suggestedName: string): Promise<string | null> {
  const options = saveDiagnosticsDialogOptions(app.getPath('documents'), suggestedName);
  const answer = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  if (answer.canceled || !answer.filePath) return null;
  return answer.filePath.toLowerCase().endsWith('.zip') ? answer.filePath : `${answer.filePath}.zip`;
}
