import type { BrowserWindow } from 'electron';
import type { WorkOrderPrinter } from '../core';
import { choosePdfPath } from '../dialogs/savePdfDialog';

/**
 * The core's printer, backed by the main window. The renderer keeps the open work order's sheet in
 * the page (shown only under print media), so printing the window prints the sheet: the OS print
 * dialog through webContents.print, and Chromium's PDF engine through webContents.printToPDF.
 */
export function createWindowPrinter(window: () => BrowserWindow | undefined): WorkOrderPrinter {
  const contents = () => {
    const current = window();
    if (!current || current.isDestroyed()) throw new Error('the Shopfloor window is closed');
    return current.webContents;
  };
  return {
    print: () =>
      new Promise((resolve) => {
        // `failureReason` "cancelled" is the technician closing the dialog: not an error.
        contents().print({ silent: false, printBackground: true }, (success) => resolve(success));
      }),
    renderPdf: () => contents().printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true }),
    choosePdfPath: (suggestedName) => choosePdfPath(window(), suggestedName),
  };
}
