import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { WorkOrderPriority, WorkOrderSort, WorkOrderStatus } from '../../../../shared/domain/labels';
import type { ListView } from '../../../../shared/domain/workOrder';

/** What the technician chose on the list screen; the rows themselves live in the RTK Query cache. */
export interface WorkOrdersUiState {
  search: string;
  status: WorkOrderStatus | null;
  priority: WorkOrderPriority | null;
  assignedToMe: boolean;
  sort: WorkOrderSort;
  asset: { id: string; tag: string } | null;
  selectedId: string | null;
  /** Counts "Clear filters", so the search box (which keeps its own text while typing) starts empty again. */
  clears: number;
}

const initialState: WorkOrdersUiState = {
  search: '',
  status: null,
  priority: null,
  assignedToMe: false,
  sort: 'updated',
  asset: null,
  selectedId: null,
  clears: 0,
};

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
    priorityFilterChanged(state, action: PayloadAction<WorkOrderPriority | null>) {
      state.priority = action.payload;
    },
    assignedToMeToggled(state) {
      state.assignedToMe = !state.assignedToMe;
    },
    sortChanged(state, action: PayloadAction<WorkOrderSort>) {
      state.sort = action.payload;
    },
    /** The signed-in user's saved filters and sort (from the journal, at sign-in). */
    listViewRestored(state, action: PayloadAction<ListView>) {
      Object.assign(state, action.payload);
    },
    assetFilterChanged(state, action: PayloadAction<{ id: string; tag: string } | null>) {
      state.asset = action.payload;
    },
    /** "Clear filters": back to every work order (the open one stays open only if it is still listed). */
    filtersCleared(state) {
      return { ...initialState, clears: state.clears + 1 };
    },
    workOrderSelected(state, action: PayloadAction<string | null>) {
      state.selectedId = action.payload;
    },
  },
  selectors: {
    selectSelectedId: (state) => state.selectedId,
  },

});

export const {
  searchChanged,
  statusFilterChanged,
  priorityFilterChanged,
  assignedToMeToggled,
  sortChanged,
  listViewRestored,
  assetFilterChanged,
  filtersCleared,
  workOrderSelected,
} = workOrdersSlice.actions;
export const { selectSelectedId } = workOrdersSlice.selectors;

/** What is remembered per user: the filters and sort, not the search text or a scanned asset. */
export const listViewOf = (state: WorkOrdersUiState): ListView => ({
  status: state.status,
  priority: state.priority,
  assignedToMe: state.assignedToMe,
  sort: state.sort,
});
