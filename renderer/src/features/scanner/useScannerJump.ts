import { useEffect } from 'react';
import { useLookupCodeMutation } from '../../api/shopfloorApi';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { navigated, noticeShown, scanConfirmed } from '../../app/navigationSlice';
import { workOrderSelected } from '../workOrders/workOrdersSlice';
import { beep } from './beep';
import { createScanDetector } from './scanDetector';

type TextField = HTMLInputElement | HTMLTextAreaElement;
const TEXT_INPUT_TYPES = new Set(['text', 'search', '']);

function textField(target: EventTarget | null): TextField | null {
  if (target instanceof HTMLTextAreaElement) return target;
  if (target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.getAttribute('type') ?? '')) return target;
  return null;
}

/** Puts a field back as it was before the scanner typed into it, the way React notices. */
function restore(field: TextField, value: string): void {
  const proto = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * A barcode scanner types like a keyboard: the code, then Enter. From any
 * screen, even with the cursor in a text field (the scanned characters are
 * taken out of it again), open the asset or work order it names (looked up
 * in the journal, so offline too), and confirm it on screen and with a beep.
 */
export function useScannerJump() {
  const dispatch = useAppDispatch();
  const [lookup] = useLookupCodeMutation();
  const sound = useAppSelector((state) => state.preferences.scanSound);

  useEffect(() => {
    const detector = createScanDetector();
    let before: { field: TextField; value: string } | null = null;
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const field = textField(event.target);
      // Other inputs (dates, selects, checkboxes) keep their keys to themselves.
      if (!field && target && (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName))) return;
      if (event.key.length === 1 && detector.startsBurst(event.timeStamp)) before = field ? { field, value: field.value } : null;
      const result = detector.key({ key: event.key, timeStamp: event.timeStamp, inField: !!field });
      if (result.kind !== 'scan') return;
      // The Enter belongs to the scanner: no form submits, no field acts on it.
      event.preventDefault();
      event.stopPropagation();
      if (field && before?.field === field) restore(field, before.value);
      before = null;
      const code = result.code;
      void lookup(code)
        .unwrap()
        .then((found) => {
          if (sound) beep(found.kind !== 'none');
          if (found.kind === 'asset') dispatch(navigated({ name: 'asset', id: found.id }));
          else if (found.kind === 'workOrder') {
            dispatch(navigated({ name: 'workOrders' }));
            dispatch(workOrderSelected(found.id));
          } else return dispatch(noticeShown(`Nothing on this computer has the code “${code}”.`));
          dispatch(scanConfirmed(code));
        });
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [dispatch, lookup, sound]);
}
