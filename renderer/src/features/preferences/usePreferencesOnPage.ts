import { useEffect } from 'react';
import { useAppSelector } from '../../app/hooks';
import { savePreferences } from './preferencesSlice';

/** Puts the chosen theme and text size on <html> (the style sheet reads them) and remembers every choice. */
export function usePreferencesOnPage(): void {
  const preferences = useAppSelector((state) => state.preferences);
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = preferences.theme;
    root.dataset.density = preferences.density;
    root.dataset.textSize = String(preferences.textSize);
    root.style.setProperty('--text-scale', String(preferences.textSize / 100));
    root.style.colorScheme = preferences.theme;
    savePreferences(preferences);
  }, [preferences]);
}
