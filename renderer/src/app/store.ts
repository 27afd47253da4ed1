import { combineSlices, configureStore } from '@reduxjs/toolkit';
import { shopfloorApi } from '../api/shopfloorApi';
import { workOrdersSlice } from '../features/workOrders/workOrdersSlice';
import { navigationSlice } from './navigationSlice';
import { loadPreferences, preferencesSlice } from '../features/preferences/preferencesSlice';

const rootReducer = combineSlices(shopfloorApi, workOrdersSlice, navigationSlice, preferencesSlice);
export type RootState = ReturnType<typeof rootReducer>;

/** A fresh store per app start (and per test). */
export function makeStore(preloadedState?: Partial<RootState>) {
  return configureStore({
    reducer: rootReducer,
    preloadedState: { preferences: loadPreferences(), ...preloadedState },
    middleware: (getDefault) => getDefault().concat(shopfloorApi.middleware),
  });
}

export type AppStore = ReturnType<typeof makeStore>;
export type AppDispatch = AppStore['dispatch'];
