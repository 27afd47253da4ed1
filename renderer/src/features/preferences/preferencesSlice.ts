import { createSlice, type PayloadAction } from '@reduxjs/toolkit';

/**
 * How this PC shows the app: theme, text size, list density, the scan sound.
 * A screen setting of the workstation, not of a record, so it lives in the
 * browser storage of the window (kept across restarts), not in the journal.
 */
export type Theme = 'light' | 'dark';
export type TextSize = 100 | 125 | 150;
export type Density = 'comfortable' | 'compact';

export interface Preferences {
  theme: Theme;
  textSize: TextSize;
  density: Density;
  scanSound: boolean;
}

export const TEXT_SIZES: readonly TextSize[] = [100, 125, 150];
const STORAGE_KEY = 'shopfloor.preferences';
const DEFAULTS: Preferences = { theme: 'light', textSize: 100, density: 'comfortable', scanSound: true };

/** What was saved, each value checked: a damaged or old entry falls back to the default, never breaks the app. */
export function loadPreferences(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): Preferences {
  let saved: Partial<Record<keyof Preferences, unknown>>;
  try {
    saved = JSON.parse(storage?.getItem(STORAGE_KEY) ?? '{}') ?? {};
  } catch {
    saved = {};
  }
  return {
    theme: saved.theme === 'dark' ? 'dark' : 'light',
    textSize: TEXT_SIZES.includes(saved.textSize as TextSize) ? (saved.textSize as TextSize) : DEFAULTS.textSize,
    density: saved.density === 'compact' ? 'compact' : 'comfortable',
    scanSound: saved.scanSound !== false,
  };
}

export function savePreferences(preferences: Preferences, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(preferences));
  } catch {
    // Storage full or unavailable: the choice still holds until the window closes.
  }
}

export const preferencesSlice = createSlice({
  name: 'preferences',
  initialState: DEFAULTS,
  reducers: {
    themeChosen(state, action: PayloadAction<Theme>) {
      state.theme = action.payload;
    },
    textSizeChosen(state, action: PayloadAction<TextSize>) {
      state.textSize = action.payload;
    },
    densityChosen(state, action: PayloadAction<Density>) {
      state.density = action.payload;
    },
    scanSoundToggled(state) {
      state.scanSound = !state.scanSound;
    },
  },
});

export const { themeChosen, textSizeChosen, densityChosen, scanSoundToggled } = preferencesSlice.actions;

/** List row heights grow with the text, so a row never clips its own words. */
export const rowHeight = (p: Pick<Preferences, 'density' | 'textSize'>): number =>
  Math.round((p.density === 'compact' ? 40 : 72) * (p.textSize / 100));
