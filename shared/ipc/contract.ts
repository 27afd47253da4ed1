import { z } from 'zod';
import { LogHoursInput, NewWorkOrderInput, SignInInput, UpdateWorkOrderInput } from '../domain/inputs';
import { SyncStatus } from '../domain/syncStatus';
import { DiscardedChange, RefusedChange, SyncHistoryEntry, WorkOrderConflict } from '../domain/sync';
import {
  AssetDetail,
  AssetPage,
  ConnectionTest,
  ServerUrlInput,
  Settings,
  AssetQuery,
  HoursEntry,
  LookupResult,
  SessionState,
  SignOutResult,
  StoppedTimer,
  Timer,
} from '../domain/views';
import { WorkOrder, WorkOrderPage, WorkOrderQuery } from '../domain/workOrder';
import { EVENT_CHANNELS, INVOKE_CHANNELS, type EventName, type InvokeMethod } from './channels';
import type { Result } from './result';

/**
 * The IPC contract, declared once. The main process parses every request with
 * `request` before a handler runs; the renderer's types come from here too.
 */
const Id = z.string().min(1).max(64);

export const contract = {
  getSession: { channel: INVOKE_CHANNELS.getSession, request: z.undefined(), response: SessionState },
  signIn: { channel: INVOKE_CHANNELS.signIn, request: SignInInput, response: SessionState },
  signOut: { channel: INVOKE_CHANNELS.signOut, request: z.undefined(), response: SignOutResult },
  listWorkOrders: {
    channel: INVOKE_CHANNELS.listWorkOrders,
    request: WorkOrderQuery,
    response: WorkOrderPage,
  },
  getWorkOrder: { channel: INVOKE_CHANNELS.getWorkOrder, request: z.object({ id: Id }), response: WorkOrder },
  createWorkOrder: { channel: INVOKE_CHANNELS.createWorkOrder, request: NewWorkOrderInput, response: WorkOrder },
  updateWorkOrder: { channel: INVOKE_CHANNELS.updateWorkOrder, request: UpdateWorkOrderInput, response: WorkOrder },
  listHours: { channel: INVOKE_CHANNELS.listHours, request: z.object({ workOrderId: Id }), response: z.array(HoursEntry) },
  logHours: { channel: INVOKE_CHANNELS.logHours, request: LogHoursInput, response: HoursEntry },
  getTimer: { channel: INVOKE_CHANNELS.getTimer, request: z.undefined(), response: Timer.nullable() },
  startTimer: { channel: INVOKE_CHANNELS.startTimer, request: z.object({ workOrderId: Id }), response: Timer },
  stopTimer: { channel: INVOKE_CHANNELS.stopTimer, request: z.undefined(), response: StoppedTimer },
  listAssets: { channel: INVOKE_CHANNELS.listAssets, request: AssetQuery, response: AssetPage },
  getAsset: { channel: INVOKE_CHANNELS.getAsset, request: z.object({ id: Id }), response: AssetDetail },
  lookupCode: { channel: INVOKE_CHANNELS.lookupCode, request: z.object({ code: z.string().trim().min(1).max(64) }), response: LookupResult },
  getSyncStatus: { channel: INVOKE_CHANNELS.getSyncStatus, request: z.undefined(), response: SyncStatus },
  syncNow: { channel: INVOKE_CHANNELS.syncNow, request: z.undefined(), response: SyncStatus },
  listConflicts: { channel: INVOKE_CHANNELS.listConflicts, request: z.undefined(), response: z.array(WorkOrderConflict) },
  /** Shows the native conflict dialog; answers what the technician chose. */
  openConflict: {
    channel: INVOKE_CHANNELS.openConflict,
    request: z.object({ workOrderId: Id }),
    response: z.object({ choice: z.enum(['overwrite', 'discard', 'merge', 'later']) }),
  },
  listDiscarded: { channel: INVOKE_CHANNELS.listDiscarded, request: z.undefined(), response: z.array(DiscardedChange) },
  listRefused: { channel: INVOKE_CHANNELS.listRefused, request: z.undefined(), response: z.array(RefusedChange) },
  acknowledgeRefused: { channel: INVOKE_CHANNELS.acknowledgeRefused, request: z.object({ id: Id }), response: z.object({ ok: z.literal(true) }) },
  exportRefused: { channel: INVOKE_CHANNELS.exportRefused, request: z.undefined(), response: z.object({ csv: z.string() }) },
  syncHistory: { channel: INVOKE_CHANNELS.syncHistory, request: z.undefined(), response: z.array(SyncHistoryEntry) },
  getSettings: { channel: INVOKE_CHANNELS.getSettings, request: z.undefined(), response: Settings },
  testConnection: { channel: INVOKE_CHANNELS.testConnection, request: ServerUrlInput, response: ConnectionTest },
  setServerUrl: { channel: INVOKE_CHANNELS.setServerUrl, request: ServerUrlInput, response: Settings },
  setStartWithComputer: { channel: INVOKE_CHANNELS.setStartWithComputer, request: z.object({ on: z.boolean() }), response: Settings },
} as const satisfies Record<InvokeMethod, ChannelSpec>;

export const events = {
  syncStatusChanged: { channel: EVENT_CHANNELS.syncStatusChanged, payload: SyncStatus },
  /** Work orders changed in the journal: the renderer refetches what it shows. */
  workOrdersChanged: { channel: EVENT_CHANNELS.workOrdersChanged, payload: z.object({ ids: z.array(z.string()) }) },
  sessionChanged: { channel: EVENT_CHANNELS.sessionChanged, payload: SessionState },
} as const satisfies Record<EventName, EventSpec>;

interface ChannelSpec {
  channel: string;
  request: z.ZodType;
  response: z.ZodType;
}
interface EventSpec {
  channel: string;
  payload: z.ZodType;
}

export type Contract = typeof contract;
export type Events = typeof events;
export type RequestOf<M extends InvokeMethod> = z.input<Contract[M]['request']>;
export type ParsedRequestOf<M extends InvokeMethod> = z.output<Contract[M]['request']>;
export type ResponseOf<M extends InvokeMethod> = z.output<Contract[M]['response']>;
export type EventPayloadOf<E extends EventName> = z.output<Events[E]['payload']>;

/** What the core implements: one function per channel, taking the parsed request. */
export type Handlers = {
  [M in InvokeMethod]: ParsedRequestOf<M> extends undefined
    ? (request?: undefined) => ResponseOf<M> | Promise<ResponseOf<M>>
    : (request: ParsedRequestOf<M>) => ResponseOf<M> | Promise<ResponseOf<M>>;
};

/** `window.shopfloor` as the renderer sees it. */
export type ShopfloorApi = {
  [M in InvokeMethod]: RequestOf<M> extends undefined
    ? () => Promise<Result<ResponseOf<M>>>
    : (request: RequestOf<M>) => Promise<Result<ResponseOf<M>>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayloadOf<E>) => void): () => void;
};
