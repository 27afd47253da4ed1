import { createSlice, type PayloadAction } from '@reduxjs/toolkit';

/** Which screen is showing. Small enough that a router library would be more than the problem. */
export type Route =
  | { name: 'workOrders' }
  | { name: 'newWorkOrder'; assetId?: string }
  | { name: 'assets' }
  | { name: 'asset'; id: string }
  /** Operators' work requests (supervisors). */
  | { name: 'requests' }
  /** `workOrderId`: the one conflict to show (reached from that work order's "Decide"). */
  | { name: 'more'; tab: MoreTab; workOrderId?: string };

export type MoreTab = 'conflicts' | 'refused' | 'history' | 'settings';

export const navigationSlice = createSlice({
  name: 'navigation',
  initialState: {
    route: { name: 'workOrders' } as Route,
    notice: null as string | null,
    /** The last code a scanner typed that opened something (a new object each scan, so the same code twice shows twice). */
    scanned: null as { code: string } | null,
  },
  reducers: {
    navigated(state, action: PayloadAction<Route>) {
      state.route = action.payload;
      state.notice = null;
    },
    /** A one-line message shown at the top (e.g. "Saved on this computer"). */
    noticeShown(state, action: PayloadAction<string | null>) {
      state.notice = action.payload;
    },
    scanConfirmed(state, action: PayloadAction<string | null>) {
      state.scanned = action.payload === null ? null : { code: action.payload };
    },
  },
});

export const { navigated, noticeShown, scanConfirmed } = navigationSlice.actions;
