import { shopfloorApi } from '../api/shopfloorApi';
import type { AppStore } from './store';

/**
 * Main pushes "work orders changed" when the journal changes (a local write,
 * later a pull): the RTK Query cache is the read model, so invalidating its
 * tags is all it takes for every visible list and detail to refetch.
 */
export function startBridgeListeners(store: AppStore): () => void {
  const bridge = window.shopfloor;
  if (!bridge) return () => {};
  const offRecords = bridge.on('workOrdersChanged', () => {
    store.dispatch(shopfloorApi.util.invalidateTags(['WorkOrder', 'Hours', 'Asset', 'Requests']));
  });
  // A new sync state can mean new conflicts, refusals, a history entry or a new list of people.
  const offStatus = bridge.on('syncStatusChanged', () => {
    store.dispatch(shopfloorApi.util.invalidateTags(['Conflicts', 'Refused', 'History', 'People', 'Requests']));
  });
  return () => {
    offRecords();
    offStatus();
  };
}
