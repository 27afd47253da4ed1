import { z } from 'zod';

/** "Save as PDF…": saved where the technician chose, or cancelled in the save dialog. */
export const PdfSaved = z.discriminatedUnion('saved', [z.object({ saved: z.literal(true), path: z.string() }), z.object({ saved: z.literal(false) })]);
export type PdfSaved = z.infer<typeof PdfSaved>;

/**
 * What the work-order sheet's barcode encodes: exactly the work-order number, the code the scanner
 * jump looks up (lookupCode matches it, case-insensitively). A work order created offline has no
 * number until the server assigns one, so its sheet has no barcode.
 */
export function sheetBarcodeValue(workOrder: { number: string | null }): string | null {
  return workOrder.number;
}

/** WO-10234.pdf: the number when there is one; no characters Windows refuses in a file name. */
export function suggestedPdfName(workOrder: { number: string | null; title: string }): string {
  const base = workOrder.number ?? `new-work-order-${workOrder.title}`;
  return `${base.replace(/[\\/:*?"<>|\s]+/g, '-').slice(0, 80)}.pdf`;
}
