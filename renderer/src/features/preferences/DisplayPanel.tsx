import type { ReactNode } from 'react';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { densityChosen, scanSoundToggled, TEXT_SIZES, textSizeChosen, themeChosen, type Density, type Theme } from './preferencesSlice';

const THEMES: { value: Theme; label: string }[] = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];
const DENSITIES: { value: Density; label: string }[] = [
  { value: 'comfortable', label: 'Comfortable' },
  { value: 'compact', label: 'Compact' },
];

/** Theme, text size, list rows and the scan sound: remembered on this computer. */
export function DisplayPanel() {
  const dispatch = useAppDispatch();
  const preferences = useAppSelector((state) => state.preferences);
  return (
    <section aria-labelledby="display-heading" className="edit-form">
      <h2 id="display-heading">Display on this computer</h2>
      <Choice label="Theme">
        {THEMES.map((t) => (
          <button key={t.value} type="button" aria-pressed={preferences.theme === t.value} onClick={() => dispatch(themeChosen(t.value))}>
            {t.label}
          </button>
        ))}
      </Choice>
      <Choice label="Text size">
        {TEXT_SIZES.map((size) => (
          <button key={size} type="button" aria-pressed={preferences.textSize === size} onClick={() => dispatch(textSizeChosen(size))}>
            {size} %
          </button>
        ))}
      </Choice>
      <Choice label="Work-order list">
        {DENSITIES.map((d) => (
          <button key={d.value} type="button" aria-pressed={preferences.density === d.value} onClick={() => dispatch(densityChosen(d.value))}>
            {d.label}
          </button>
        ))}
      </Choice>
      <label className="inline-field">
        <input type="checkbox" checked={preferences.scanSound} onChange={() => dispatch(scanSoundToggled())} />
        Beep when a barcode is scanned
      </label>
    </section>
  );
}

function Choice({ label, children }: { label: string; children: ReactNode }) {
  const id = `choice-${label.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <div className="choice">
      <span className="choice-label" id={id}>
        {label}
      </span>
      <div className="button-row" role="group" aria-labelledby={id}>
        {children}
      </div>
    </div>
  );
}
