import { useEffect } from 'react';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { scanConfirmed } from '../../app/navigationSlice';
import { Icon } from '../../components/Icon';

const SHOWN_MS = 3000;

/** "Scanned CNV-001": the technician sees the scanner was heard, then it goes away by itself. */
export function ScanToast() {
  const dispatch = useAppDispatch();
  const scanned = useAppSelector((state) => state.navigation.scanned);
  useEffect(() => {
    if (!scanned) return;
    const timer = setTimeout(() => dispatch(scanConfirmed(null)), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [scanned, dispatch]);
  if (!scanned) return null;
  return (
    <div className="scan-toast" role="status" aria-label="Scan">
      <Icon name="check" /> Scanned {scanned.code}: opened
    </div>
  );
}
