import { createApi, fakeBaseQuery } from '@reduxjs/toolkit/query/react';
import type { LinkBadgeInput, LogHoursInput, NewWorkOrderInput, SetPinInput, SignInInput, SwitchUserInput, WorkOrderChanges } from '../../../shared/domain/inputs';
import type { DiagnosticsInfo, DiagnosticsSaved } from '../../../shared/domain/diagnostics';
import type { KioskState } from '../../../shared/domain/kiosk';
import type { PdfSaved } from '../../../shared/domain/printing';
import type { SyncStatus } from '../../../shared/domain/syncStatus';
import type { ConflictDecision, DiscardedChange, RefusedChange, SyncHistoryEntry, WorkOrderConflict } from '../../../shared/domain/sync';
import type {
  AssetDetail,
  AssetPage,
  AssetQueryInput,
  HoursEntry,
  LookupResult,
  LockSettings,
  QuickSwitchAccount,
  SessionState,
  Settings,
  StoppedTimer,
  Timer,
} from '../../../shared/domain/views';
import type { WorkOrder, WorkOrderPage, WorkOrderQueryInput } from '../../../shared/domain/workOrder';
import type { EventPayloadOf, ShopfloorApi } from '../../../shared/ipc/contract';
import type { IpcError, Result } from '../../../shared/ipc/result';
import type { AssignableUser } from '../../../shared/sync/protocol';
import type { DeclineWorkRequestInput, NewWorkRequestInput, WorkRequest, WorkRequestList, WorkRequestQueryInput } from '../../../shared/domain/workRequest';

const NO_BRIDGE: IpcError = { code: 'INTERNAL', message: 'This page must be opened inside the Shopfloor app.' };

/**
 * Calls one bridge method and turns its Result into RTK Query's `{data}` or
 * `{error}`; a queryFn never throws.
 */
async function call<T>(request: (api: ShopfloorApi) => Promise<Result<T>>): Promise<{ data: T } | { error: IpcError }> {
  if (!window.shopfloor) return { error: NO_BRIDGE };
  const result = await request(window.shopfloor);
  return result.ok ? { data: result.value } : { error: result.error };
}

/**
 * Keeps a cached value live: main pushes every new value of it as an event
 * (the session, the sync status), and the cache entry is patched in place.
 */
function liveFrom<E extends 'sessionChanged' | 'syncStatusChanged'>(event: E) {
  return async (
    _arg: void,
    api: {
      updateCachedData(recipe: () => EventPayloadOf<E>): void;
      cacheDataLoaded: Promise<unknown>;
      cacheEntryRemoved: Promise<unknown>;
    },
  ) => {
    if (!window.shopfloor) return;
    await api.cacheDataLoaded.catch(() => undefined);
    const unsubscribe = window.shopfloor.on(event, (value) => api.updateCachedData(() => value));
    await api.cacheEntryRemoved;
    unsubscribe();
  };
}

/** The RTK Query cache is the read model; main's change events invalidate its tags. */
export const shopfloorApi = createApi({
  reducerPath: 'shopfloorApi',
  baseQuery: fakeBaseQuery<IpcError>(),
  tagTypes: ['WorkOrder', 'Hours', 'Asset', 'Session', 'SyncStatus', 'Timer', 'Conflicts', 'Refused', 'History', 'Settings', 'People', 'Diagnostics', 'Requests', 'QuickSwitch'],
  endpoints: (build) => ({
    getSession: build.query<SessionState, void>({
      queryFn: () => call((api) => api.getSession()),
      providesTags: ['Session'],
      onCacheEntryAdded: liveFrom('sessionChanged'),
    }),
    signIn: build.mutation<SessionState, SignInInput>({
      queryFn: (input) => call((api) => api.signIn(input)),
      invalidatesTags: ['Session', 'WorkOrder', 'Timer', 'QuickSwitch'],
    }),
    signOut: build.mutation<{ pendingChanges: number }, void>({
      queryFn: () => call((api) => api.signOut()),
      invalidatesTags: ['Session', 'Timer'],
    }),
    lock: build.mutation<SessionState, void>({
      queryFn: () => call((api) => api.lock()),
      invalidatesTags: ['Session'],
    }),
    switchUser: build.mutation<SessionState, SwitchUserInput>({
      queryFn: (input) => call((api) => api.switchUser(input)),
      // A wrong PIN changes who is locked out, so the list is read again either way.
      invalidatesTags: ['Session', 'WorkOrder', 'Timer', 'QuickSwitch'],
    }),
    getLockSettings: build.query<LockSettings, void>({
      queryFn: () => call((api) => api.getLockSettings()),
    }),
    listQuickSwitch: build.query<QuickSwitchAccount[], void>({
      queryFn: () => call((api) => api.listQuickSwitch()),
      providesTags: ['QuickSwitch'],
    }),
    setPin: build.mutation<QuickSwitchAccount, SetPinInput>({
      queryFn: (input) => call((api) => api.setPin(input)),
      invalidatesTags: ['QuickSwitch'],
    }),
    clearPin: build.mutation<QuickSwitchAccount, void>({
      queryFn: () => call((api) => api.clearPin()),
      invalidatesTags: ['QuickSwitch'],
    }),
    linkBadge: build.mutation<QuickSwitchAccount, LinkBadgeInput>({
      queryFn: (input) => call((api) => api.linkBadge(input)),
      invalidatesTags: ['QuickSwitch'],
    }),
    unlinkBadge: build.mutation<QuickSwitchAccount, void>({
      queryFn: () => call((api) => api.unlinkBadge()),
      invalidatesTags: ['QuickSwitch'],
    }),
    listWorkOrders: build.query<WorkOrderPage, WorkOrderQueryInput>({
      queryFn: (query) => call((api) => api.listWorkOrders(query)),
      providesTags: ['WorkOrder'],
    }),
    getWorkOrder: build.query<WorkOrder, string>({
      queryFn: (id) => call((api) => api.getWorkOrder({ id })),
      providesTags: (_result, _error, id) => [{ type: 'WorkOrder', id }],
    }),
    createWorkOrder: build.mutation<WorkOrder, NewWorkOrderInput>({
      queryFn: (input) => call((api) => api.createWorkOrder(input)),
      invalidatesTags: ['WorkOrder', 'Asset', 'SyncStatus'],
    }),
    updateWorkOrder: build.mutation<WorkOrder, { id: string; changes: WorkOrderChanges }>({
      queryFn: (input) => call((api) => api.updateWorkOrder(input)),
      invalidatesTags: ['WorkOrder', 'Asset', 'SyncStatus'],
    }),
    listHours: build.query<HoursEntry[], string>({
      queryFn: (workOrderId) => call((api) => api.listHours({ workOrderId })),
      providesTags: ['Hours'],
    }),
    logHours: build.mutation<HoursEntry, LogHoursInput>({
      queryFn: (input) => call((api) => api.logHours(input)),
      invalidatesTags: ['Hours', 'WorkOrder', 'SyncStatus'],
    }),
    getTimer: build.query<Timer | null, void>({
      queryFn: () => call((api) => api.getTimer()),
      providesTags: ['Timer'],
    }),
    startTimer: build.mutation<Timer, string>({
      queryFn: (workOrderId) => call((api) => api.startTimer({ workOrderId })),
      invalidatesTags: ['Timer'],
    }),
    stopTimer: build.mutation<StoppedTimer, void>({
      queryFn: () => call((api) => api.stopTimer()),
      invalidatesTags: ['Timer'],
    }),
    listAssets: build.query<AssetPage, AssetQueryInput>({
      queryFn: (query) => call((api) => api.listAssets(query)),
      providesTags: ['Asset'],
    }),
    getAsset: build.query<AssetDetail, string>({
      queryFn: (id) => call((api) => api.getAsset({ id })),
      providesTags: ['Asset', 'WorkOrder'],
    }),
    lookupCode: build.mutation<LookupResult, string>({
      queryFn: (code) => call((api) => api.lookupCode({ code })),
    }),
    getSyncStatus: build.query<SyncStatus, void>({
      queryFn: () => call((api) => api.getSyncStatus()),
      providesTags: ['SyncStatus'],
      onCacheEntryAdded: liveFrom('syncStatusChanged'),
    }),
    syncNow: build.mutation<SyncStatus, void>({
      queryFn: () => call((api) => api.syncNow()),
      invalidatesTags: ['WorkOrder', 'Conflicts', 'Refused', 'History'],
    }),
    listConflicts: build.query<WorkOrderConflict[], void>({
      queryFn: () => call((api) => api.listConflicts()),
      providesTags: ['Conflicts'],
    }),
    /** The conflict card's decision: no dialog, the same resolution. */
    resolveConflict: build.mutation<{ choice: ConflictDecision['choice'] }, ConflictDecision>({
      queryFn: (decision) => call((api) => api.resolveConflict(decision)),
      invalidatesTags: ['Conflicts', 'WorkOrder'],
    }),
    listDiscarded: build.query<DiscardedChange[], void>({
      queryFn: () => call((api) => api.listDiscarded()),
      providesTags: ['Conflicts'],
    }),
    listRefused: build.query<RefusedChange[], void>({
      queryFn: () => call((api) => api.listRefused()),
      providesTags: ['Refused'],
    }),
    acknowledgeRefused: build.mutation<{ ok: true }, string>({
      queryFn: (id) => call((api) => api.acknowledgeRefused({ id })),
      invalidatesTags: ['Refused'],
    }),
    exportRefused: build.mutation<{ csv: string }, void>({
      queryFn: () => call((api) => api.exportRefused()),
    }),
    getSettings: build.query<Settings, void>({
      queryFn: () => call((api) => api.getSettings()),
      providesTags: ['Settings'],
    }),
    testConnection: build.mutation<{ ok: boolean; message: string }, string>({
      queryFn: (url) => call((api) => api.testConnection({ url })),
    }),
    setServerUrl: build.mutation<Settings, string>({
      queryFn: (url) => call((api) => api.setServerUrl({ url })),
      invalidatesTags: ['Settings', 'Session'],
    }),
    setStartWithComputer: build.mutation<Settings, boolean>({
      queryFn: (on) => call((api) => api.setStartWithComputer({ on })),
      invalidatesTags: ['Settings'],
    }),
    getDiagnosticsInfo: build.query<DiagnosticsInfo, void>({
      queryFn: () => call((api) => api.getDiagnosticsInfo()),
      providesTags: ['Diagnostics'],
    }),
    saveDiagnostics: build.mutation<DiagnosticsSaved, void>({
      queryFn: () => call((api) => api.saveDiagnostics()),
      invalidatesTags: ['Diagnostics'],
    }),
    syncHistory: build.query<SyncHistoryEntry[], void>({
      queryFn: () => call((api) => api.syncHistory()),
      providesTags: ['History'],
    }),
    createWorkRequest: build.mutation<WorkRequest, NewWorkRequestInput>({
      queryFn: (input) => call((api) => api.createWorkRequest(input)),
      invalidatesTags: ['Requests', 'SyncStatus'],
    }),
    listWorkRequests: build.query<WorkRequestList, WorkRequestQueryInput>({
      queryFn: (query) => call((api) => api.listWorkRequests(query)),
      providesTags: ['Requests'],
    }),
    acceptWorkRequest: build.mutation<WorkRequest, string>({
      queryFn: (id) => call((api) => api.acceptWorkRequest({ id })),
      invalidatesTags: ['Requests'],
    }),
    declineWorkRequest: build.mutation<WorkRequest, DeclineWorkRequestInput>({
      queryFn: (input) => call((api) => api.declineWorkRequest(input)),
      invalidatesTags: ['Requests'],
    }),
    listAssignees: build.query<AssignableUser[], void>({
      queryFn: () => call((api) => api.listAssignees()),
      providesTags: ['People'],
    }),
    printWorkOrder: build.mutation<{ printed: boolean }, string>({
      queryFn: (id) => call((api) => api.printWorkOrder({ id })),
    }),
    saveWorkOrderPdf: build.mutation<PdfSaved, string>({
      queryFn: (id) => call((api) => api.saveWorkOrderPdf({ id })),
    }),
    getKiosk: build.query<KioskState, void>({
      queryFn: () => call((api) => api.getKiosk()),
    }),
    exitKiosk: build.mutation<{ exiting: true }, SignInInput>({
      queryFn: (input) => call((api) => api.exitKiosk(input)),
    }),
  }),
});

export const {
  useListAssigneesQuery,
  usePrintWorkOrderMutation,
  useSaveWorkOrderPdfMutation,
  useGetKioskQuery,
  useExitKioskMutation,
  useGetSettingsQuery,
  useTestConnectionMutation,
  useSetServerUrlMutation,
  useSetStartWithComputerMutation,
  useSyncNowMutation,
  useListConflictsQuery,
  useResolveConflictMutation,
  useListDiscardedQuery,
  useListRefusedQuery,
  useAcknowledgeRefusedMutation,
  useExportRefusedMutation,
  useSyncHistoryQuery,
  useGetDiagnosticsInfoQuery,
  useSaveDiagnosticsMutation,
  useGetSessionQuery,
  useLockMutation,
  useSwitchUserMutation,
  useGetLockSettingsQuery,
  useListQuickSwitchQuery,
  useSetPinMutation,
  useClearPinMutation,
  useLinkBadgeMutation,
  useUnlinkBadgeMutation,
  useSignInMutation,
  useSignOutMutation,
  useListWorkOrdersQuery,
  useGetWorkOrderQuery,
  useCreateWorkOrderMutation,
  useUpdateWorkOrderMutation,
  useListHoursQuery,
  useLogHoursMutation,
  useGetTimerQuery,
  useStartTimerMutation,
  useStopTimerMutation,
  useListAssetsQuery,
  useGetAssetQuery,
  useLookupCodeMutation,
  useGetSyncStatusQuery,
  useCreateWorkRequestMutation,
  useListWorkRequestsQuery,
  useAcceptWorkRequestMutation,
  useDeclineWorkRequestMutation,
} = shopfloorApi;
