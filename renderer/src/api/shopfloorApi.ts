import { createApi, fakeBaseQuery } from '@reduxjs/toolkit/query/react';
import type { SyncStatus } from '../../../shared/domain/syncStatus';
import type { WorkOrder, WorkOrderPage, WorkOrderQueryInput } from '../../../shared/domain/workOrder';
import type { IpcError, Result } from '../../../shared/ipc/result';

/** The preload's API, or a clear error when the page runs outside the app. */
function bridge() {
  if (!window.shopfloor) throw new Error('bridge missing');
  return window.shopfloor;
}

const NO_BRIDGE: IpcError = {
  code: 'INTERNAL',
  message: 'This page must be opened inside the Shopfloor app.',
};

/** A Result becomes RTK Query's `{data}` or `{error}`; a queryFn never throws. */
async function call<T>(request: () => Promise<Result<T>>): Promise<{ data: T } | { error: IpcError }> {
  if (!window.shopfloor) return { error: NO_BRIDGE };
  const result = await request();
  return result.ok ? { data: result.value } : { error: result.error };
}

export const shopfloorApi = createApi({
  reducerPath: 'shopfloorApi',
  baseQuery: fakeBaseQuery<IpcError>(),
  tagTypes: ['WorkOrder', 'SyncStatus'],
  endpoints: (build) => ({
    listWorkOrders: build.query<WorkOrderPage, WorkOrderQueryInput>({
      queryFn: (query) => call(() => bridge().listWorkOrders(query)),
      providesTags: ['WorkOrder'],
    }),
    getWorkOrder: build.query<WorkOrder, string>({
      queryFn: (id) => call(() => bridge().getWorkOrder({ id })),
      providesTags: (_result, _error, id) => [{ type: 'WorkOrder', id }],
    }),
    getSyncStatus: build.query<SyncStatus, void>({
      queryFn: () => call(() => bridge().getSyncStatus()),
      providesTags: ['SyncStatus'],
      // Live: main pushes every change of sync state; patch the cached value.
      async onCacheEntryAdded(_arg, { updateCachedData, cacheDataLoaded, cacheEntryRemoved }) {
        if (!window.shopfloor) return;
        await cacheDataLoaded.catch(() => undefined);
        const unsubscribe = window.shopfloor.on('syncStatusChanged', (status) => updateCachedData(() => status));
        await cacheEntryRemoved;
        unsubscribe();
      },
    }),
  }),
});

export const { useListWorkOrdersQuery, useGetWorkOrderQuery, useGetSyncStatusQuery } = shopfloorApi;
