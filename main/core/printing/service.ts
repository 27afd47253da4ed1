import { writeFileSync } from 'node:fs';
import { suggestedPdfName, type PdfSaved } from '../../../shared/domain/printing';
import type { WorkOrder } from '../../../shared/domain/workOrder';
import { AppError } from '../../../shared/ipc/result';
import { whyCannotWrite } from '../files/writeError';

/**
 * The shell's printing, as the core sees it. The window prints the sheet it shows (the renderer's
 * print view of the open work order): Electron's webContents.print / printToPDF in the app, the
 * browser's own PDF engine in the test harness.
 */
export interface WorkOrderPrinter {
  /** The OS print dialog; true when the technician sent it to a printer, false when cancelled. */
  print(): Promise<boolean>;
  /** The sheet as a PDF, rendered with print media. */
  renderPdf(): Promise<Uint8Array>;
  /** The native save dialog; null when cancelled. */
  choosePdfPath(suggestedName: string): Promise<string | null>;
}

export interface PrintingDeps {
  printer: WorkOrderPrinter | undefined;
  /** The work order as the app shows it, or NOT_FOUND. */
  getWorkOrder(id: string): WorkOrder;
}

/** "Print…" and "Save as PDF…" of the open work order. */
export function printingHandlers(deps: PrintingDeps) {
  const printer = (): WorkOrderPrinter => {
    if (!deps.printer) throw new AppError('VALIDATION_FAILED', 'Printing is not available here.');
    return deps.printer;
  };
  return {
    printWorkOrder: async ({ id }: { id: string }): Promise<{ printed: boolean }> => {
      deps.getWorkOrder(id);
      return { printed: await printer().print() };
    },
    saveWorkOrderPdf: async ({ id }: { id: string }): Promise<PdfSaved> => {
      const workOrder = deps.getWorkOrder(id);
      const destination = await printer().choosePdfPath(suggestedPdfName(workOrder));
      if (!destination) return { saved: false };
      const pdf = await printer().renderPdf();
      try {
        writeFileSync(destination, pdf);
      } catch (error) {
        throw new AppError('VALIDATION_FAILED', `The PDF could not be saved to ${destination}: ${whyCannotWrite(error)}. Choose another folder or name.`);
      }
      return { saved: true, path: destination };
    },
  };
}
