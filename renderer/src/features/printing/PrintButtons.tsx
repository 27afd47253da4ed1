import type { WorkOrder } from '../../../../shared/domain/workOrder';
import { disabledBecause } from '../../components/disabledBecause';
import { useSaveWorkOrderPdfMutation, usePrintWorkOrderMutation } from '../../api/shopfloorApi';

/** "Print…" (the OS print dialog) and "Save as PDF…" (a save dialog): both print the sheet of this work order. */
export function PrintButtons({ workOrder }: { workOrder: WorkOrder }) {
  const [print, printing] = usePrintWorkOrderMutation();
  const [savePdf, saving] = useSaveWorkOrderPdfMutation();
  const busy = printing.isLoading || saving.isLoading;
  const waitReason = busy && (printing.isLoading ? 'The print dialog is open.' : 'The PDF is being saved.');
  const error = (printing.error ?? saving.error) as { message?: string } | undefined;
  return (
    <div className="print-buttons">
      <button type="button" {...disabledBecause(waitReason)} onClick={() => void print(workOrder.id)}>
        Print…
      </button>
      <button type="button" {...disabledBecause(waitReason)} onClick={() => void savePdf(workOrder.id)}>
        Save as PDF…
      </button>
      <p role="status" className="muted print-outcome">
        {saving.data?.saved && `Saved the PDF to ${saving.data.path}.`}
        {printing.data?.printed && 'Sent to the printer.'}
      </p>
      {error?.message && (
        <p role="alert" className="error">
          {error.message}
        </p>
      )}
    </div>
  );
}
