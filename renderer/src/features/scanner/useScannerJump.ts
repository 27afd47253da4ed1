import { useEffect } from 'react';
import { useLookupCodeMutation } from '../../api/shopfloorApi';
import { useAppDispatch } from '../../app/hooks';
import { navigated, noticeShown } from '../../app/navigationSlice';
import { workOrderSelected } from '../workOrders/workOrdersSlice';

/** A scanner types fast: keys further apart than this start a new code. */
const MAX_KEY_GAP_MS = 80;
const MIN_CODE_LENGTH = 3;

/**
 * A barcode scanner types like a keyboard: the code, then Enter. When that
 * happens outside a text field, from any screen, open the asset or work order
 * it names (looked up in the journal, so offline too).
 */
export function useScannerJump() {
  const dispatch = useAppDispatch();
  const [lookup] = useLookupCodeMutation();

  useEffect(() => {
    let buffer = '';
    let last = 0;
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      const now = event.timeStamp;
      if (now - last > MAX_KEY_GAP_MS) buffer = '';
      last = now;
      if (event.key === 'Enter') {
        const code = buffer;
        buffer = '';
        if (code.length < MIN_CODE_LENGTH) return;
        event.preventDefault();
        void lookup(code)
          .unwrap()
          .then((found) => {
            if (found.kind === 'asset') dispatch(navigated({ name: 'asset', id: found.id }));
            else if (found.kind === 'workOrder') {
              dispatch(navigated({ name: 'workOrders' }));
              dispatch(workOrderSelected(found.id));
            } else dispatch(noticeShown(`Nothing on this computer has the code “${code}”.`));
          });
      } else if (event.key.length === 1) {
        buffer += event.key;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [dispatch, lookup]);
}
