import type { Handlers } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/result';
import type { SyncStatus } from '../../shared/domain/syncStatus';
import type { Db } from './db/connection';
import { getWorkOrder, listWorkOrders } from './db/workOrders';

/**
 * The contract's handlers over the journal. Requests arrive already parsed
 * by the dispatcher; each handler is a thin call into a query function.
 */
export function createHandlers(db: Db): Handlers {
  return {
    listWorkOrders: (query) => listWorkOrders(db, query),
    getWorkOrder: ({ id }) => {
      const workOrder = getWorkOrder(db, id);
      if (!workOrder) {
        throw new AppError('NOT_FOUND', 'This work order is not on this computer. It may have been removed.');
      }
      return workOrder;
    },
    // Until the sync worker exists, the journal is all there is.
    getSyncStatus: (): SyncStatus => ({
      state: 'offline',
      pendingChanges: 0,
      lastSyncedAt: null,
      message: 'Not connected to a sync server yet. Everything you see is stored on this computer.',
    }),
  };
}
