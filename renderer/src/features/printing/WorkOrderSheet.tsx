import { createPortal } from 'react-dom';
import { hoursTotal } from '../../../../shared/domain/localState';
import { PRIORITY_LABELS, STATUS_LABELS, type WorkOrder } from '../../../../shared/domain/workOrder';
import { sheetBarcodeValue } from '../../../../shared/domain/printing';
import { useListHoursQuery } from '../../api/shopfloorApi';
import { formatDate, formatDateTime } from '../workOrders/format';
import { Barcode } from './Barcode';

const NOTE_LINES = 8;
const hoursText = (n: number) => n.toLocaleString(undefined, { maximumFractionDigits: 2 });

/**
 * The paper work order: what a technician takes to the machine. Hidden on screen; under print media
 * it is the only thing on the page (styles.css), so the OS print dialog and "Save as PDF…" both
 * print exactly this. The barcode encodes the work-order number, which the scanner jump opens.
 */
export function WorkOrderSheet({ workOrder }: { workOrder: WorkOrder }) {
  const { data: entries = [] } = useListHoursQuery(workOrder.id);
  // Refused hours never reached the server: they are not on the paper either.
  const counted = entries.filter((e) => e.localState !== 'refused');
  const barcode = sheetBarcodeValue(workOrder);
  return createPortal(
    <article className="print-sheet" aria-label="Printed work order">
      <header className="sheet-header">
        <div>
          <p className="sheet-kicker">Work order</p>
          <h1 className="sheet-number">{workOrder.number ?? 'New work order (number assigned when synced)'}</h1>
          <h2 className="sheet-title">{workOrder.title}</h2>
        </div>
        {barcode ? <Barcode value={barcode} label={`Barcode of ${barcode}`} /> : <p className="sheet-no-barcode">No barcode until the server assigns a number.</p>}
      </header>
      <dl className="sheet-fields">
        <dt>Asset</dt>
        <dd>{workOrder.assetTag ? `${workOrder.assetTag} · ${workOrder.assetName}` : 'No asset'}</dd>
        <dt>Status</dt>
        <dd>{STATUS_LABELS[workOrder.status]}</dd>
        <dt>Priority</dt>
        <dd>{PRIORITY_LABELS[workOrder.priority]}</dd>
        <dt>Due</dt>
        <dd>{formatDate(workOrder.dueAt)}</dd>
        <dt>Printed</dt>
        <dd>{formatDateTime(new Date().toISOString())}</dd>
      </dl>
      <section>
        <h3>Description</h3>
        <p className="sheet-description">{workOrder.description || 'No description.'}</p>
      </section>
      <section>
        <h3>Hours so far</h3>
        {counted.length === 0 ? (
          <p>No hours logged yet.</p>
        ) : (
          <table className="sheet-hours">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Who</th>
                <th scope="col">Hours</th>
                <th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
              {counted.map((e) => (
                <tr key={e.id}>
                  <td>{formatDate(`${e.workDate}T12:00:00Z`)}</td>
                  <td>{e.userId}</td>
                  <td>{hoursText(e.hours)}</td>
                  <td>{e.note}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  Total
                </th>
                <td>{hoursText(hoursTotal(entries))} h</td>
                <td />
              </tr>
            </tfoot>
          </table>
        )}
      </section>
      <section>
        <h3>Notes</h3>
        {Array.from({ length: NOTE_LINES }, (_, i) => (
          <div key={i} className="sheet-line" />
        ))}
      </section>
      <footer className="sheet-sign">
        <div>
          <div className="sheet-line" />
          Signature
        </div>
        <div>
          <div className="sheet-line" />
          Date
        </div>
      </footer>
    </article>,
    document.body,
  );
}
