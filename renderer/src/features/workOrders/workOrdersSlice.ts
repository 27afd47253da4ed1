import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { WorkOrderStatus } from '../../../../shared/domain/labels';

/** What the technician chose on the list screen; the rows themselves live in the RTK Query cache. */
export interface WorkOrdersUiState {
  search: string;
  status: WorkOrderStatus | null;
  selectedId: string | null;
}

const initialState: WorkOrdersUiState = { search: '', status: null, selectedId: null };

export const workOrdersSlice = createSlice({
  name: 'workOrders',
  initialState,
  reducers: {
    searchChanged(state, action: PayloadAction<string>) {
      state.search = action.payload;
    },
    statusFilterChanged(state, action: PayloadAction<WorkOrderStatus | null>) {
      state.status = action.payload;
    },
    workOrderSelected(state, action: PayloadAction<string | null>) {
      state.selectedId = action.payload;
    },
  },
  selectors: {
    selectFilter: (state) => ({ search: state.search.trim(), status: state.status }),
    selectSelectedId: (state) => state.selectedId,
  },
});

export const { searchChanged, statusFilterChanged, workOrderSelected } = workOrdersSlice.actions;
export const { selectSelectedId } = workOrdersSlice.selectors;
