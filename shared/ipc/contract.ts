import { z } from 'zod';
import { LinkBadgeInput, LogHoursInput, NewWorkOrderInput, SetPinInput, SignInInput, SwitchUserInput, UpdateWorkOrderInput } from '../domain/inputs';
import { DiagnosticsInfo, DiagnosticsSaved } from '../domain/diagnostics';
import { KioskState } from '../domain/kiosk';
import { PdfSaved } from '../domain/printing';
import { SyncStatus } from '../domain/syncStatus';
import { ConflictDecision, DiscardedChange, RefusedChange, SyncHistoryEntry, WorkOrderConflict } from '../domain/sync';
import {
  AssetDetail,
  AssetPage,
  ConnectionTest,
  ServerUrlInput,
  Settings,
  AssetQuery,
  HoursEntry,
  LookupResult,
  LockSettings,
  QuickSwitchAccount,
  SessionState,
  SignOutResult,
  StoppedTimer,
  Timer,
} from '../domain/views';
import { ListView, WorkOrder, WorkOrderPage, WorkOrderQuery } from '../domain/workOrder';
import { AssignableUser } from '../sync/protocol';
import { DeclineWorkRequestInput, NewWorkRequestInput, WorkRequest, WorkRequestList, WorkRequestQuery } from '../domain/workRequest';
import { EVENT_CHANNELS, INVOKE_CHANNELS, type EventName, type InvokeMethod } from './channels';
import type { Result } from './result';

/**
 * The IPC contract, declared once. The main process parses every request with
 * `request` before a handler runs; the renderer's types come from here too.
 */
const Id = z.string().min(1).max(64);

export const contract = {
  getSession: { channel: INVOKE_CHANNELS.getSession, journal: 'reads', request: z.undefined(), response: SessionState },
  signIn: { channel: INVOKE_CHANNELS.signIn, journal: 'writes', request: SignInInput, response: SessionState },
  signOut: { channel: INVOKE_CHANNELS.signOut, journal: 'writes', request: z.undefined(), response: SignOutResult },
  /** The lock screen: who was signed in stays shown, their timer keeps running, everyone's pending work keeps syncing. */
  lock: { channel: INVOKE_CHANNELS.lock, journal: 'reads', request: z.undefined(), response: SessionState },
  /** From the lock screen, by PIN or badge scan, offline too; five wrong PINs in a row require the password. */
  switchUser: { channel: INVOKE_CHANNELS.switchUser, journal: 'writes', request: SwitchUserInput, response: SessionState },
  getLockSettings: { channel: INVOKE_CHANNELS.getLockSettings, journal: 'reads', request: z.undefined(), response: LockSettings },
  listQuickSwitch: { channel: INVOKE_CHANNELS.listQuickSwitch, journal: 'reads', request: z.undefined(), response: z.array(QuickSwitchAccount) },
  setPin: { channel: INVOKE_CHANNELS.setPin, journal: 'writes', request: SetPinInput, response: QuickSwitchAccount },
  clearPin: { channel: INVOKE_CHANNELS.clearPin, journal: 'writes', request: z.undefined(), response: QuickSwitchAccount },
  linkBadge: { channel: INVOKE_CHANNELS.linkBadge, journal: 'writes', request: LinkBadgeInput, response: QuickSwitchAccount },
  unlinkBadge: { channel: INVOKE_CHANNELS.unlinkBadge, journal: 'writes', request: z.undefined(), response: QuickSwitchAccount },
  listWorkOrders: {
    channel: INVOKE_CHANNELS.listWorkOrders,
    journal: 'reads',
    request: WorkOrderQuery,
    response: WorkOrderPage,
  },
  getWorkOrder: { channel: INVOKE_CHANNELS.getWorkOrder, journal: 'reads', request: z.object({ id: Id }), response: WorkOrder },
  createWorkOrder: { channel: INVOKE_CHANNELS.createWorkOrder, journal: 'writes', request: NewWorkOrderInput, response: WorkOrder },
  updateWorkOrder: { channel: INVOKE_CHANNELS.updateWorkOrder, journal: 'writes', request: UpdateWorkOrderInput, response: WorkOrder },
  listHours: { channel: INVOKE_CHANNELS.listHours, journal: 'reads', request: z.object({ workOrderId: Id }), response: z.array(HoursEntry) },
  logHours: { channel: INVOKE_CHANNELS.logHours, journal: 'writes', request: LogHoursInput, response: HoursEntry },
  getTimer: { channel: INVOKE_CHANNELS.getTimer, journal: 'reads', request: z.undefined(), response: Timer.nullable() },
  startTimer: { channel: INVOKE_CHANNELS.startTimer, journal: 'writes', request: z.object({ workOrderId: Id }), response: Timer },
  stopTimer: { channel: INVOKE_CHANNELS.stopTimer, journal: 'writes', request: z.undefined(), response: StoppedTimer },
  listAssets: { channel: INVOKE_CHANNELS.listAssets, journal: 'reads', request: AssetQuery, response: AssetPage },
  getAsset: { channel: INVOKE_CHANNELS.getAsset, journal: 'reads', request: z.object({ id: Id }), response: AssetDetail },
  lookupCode: { channel: INVOKE_CHANNELS.lookupCode, journal: 'reads', request: z.object({ code: z.string().trim().min(1).max(64) }), response: LookupResult },
  getSyncStatus: { channel: INVOKE_CHANNELS.getSyncStatus, journal: 'reads', request: z.undefined(), response: SyncStatus },
  syncNow: { channel: INVOKE_CHANNELS.syncNow, journal: 'reads', request: z.undefined(), response: SyncStatus },
  listConflicts: { channel: INVOKE_CHANNELS.listConflicts, journal: 'reads', request: z.undefined(), response: z.array(WorkOrderConflict) },
  /** Shows the native conflict dialog; answers what the technician chose. */
  openConflict: {
    channel: INVOKE_CHANNELS.openConflict,
    journal: 'writes',
    request: z.object({ workOrderId: Id }),
    response: z.object({ choice: z.enum(['overwrite', 'discard', 'merge', 'later']) }),
  },
  /** Decides a conflict in the app (the conflict card): no dialog, the same resolution as `openConflict`. */
  resolveConflict: {
    channel: INVOKE_CHANNELS.resolveConflict,
    journal: 'writes',
    request: ConflictDecision,
    response: z.object({ choice: z.enum(['overwrite', 'discard', 'merge', 'fields']) }),
  },
  listDiscarded: { channel: INVOKE_CHANNELS.listDiscarded, journal: 'reads', request: z.undefined(), response: z.array(DiscardedChange) },
  listRefused: { channel: INVOKE_CHANNELS.listRefused, journal: 'reads', request: z.undefined(), response: z.array(RefusedChange) },
  acknowledgeRefused: { channel: INVOKE_CHANNELS.acknowledgeRefused, journal: 'writes', request: z.object({ id: Id }), response: z.object({ ok: z.literal(true) }) },
  exportRefused: { channel: INVOKE_CHANNELS.exportRefused, journal: 'reads', request: z.undefined(), response: z.object({ csv: z.string() }) },
  syncHistory: { channel: INVOKE_CHANNELS.syncHistory, journal: 'reads', request: z.undefined(), response: z.array(SyncHistoryEntry) },
  getSettings: { channel: INVOKE_CHANNELS.getSettings, journal: 'reads', request: z.undefined(), response: Settings },
  testConnection: { channel: INVOKE_CHANNELS.testConnection, journal: 'reads', request: ServerUrlInput, response: ConnectionTest },
  setServerUrl: { channel: INVOKE_CHANNELS.setServerUrl, journal: 'writes', request: ServerUrlInput, response: Settings },
  setStartWithComputer: { channel: INVOKE_CHANNELS.setStartWithComputer, journal: 'writes', request: z.object({ on: z.boolean() }), response: Settings },
  /** The signed-in user's list filters and sort on this computer (defaults when none is signed in). */
  getListView: { channel: INVOKE_CHANNELS.getListView, journal: 'reads', request: z.undefined(), response: ListView },
  saveListView: { channel: INVOKE_CHANNELS.saveListView, journal: 'writes', request: ListView, response: ListView },
  /** Whom work may be assigned to, as the server last listed them (the supervisor's picker). */
  listAssignees: { channel: INVOKE_CHANNELS.listAssignees, journal: 'reads', request: z.undefined(), response: z.array(AssignableUser) },
  /** An operator's report from the sign-in screen: needs no sign-in. */
  createWorkRequest: { channel: INVOKE_CHANNELS.createWorkRequest, journal: 'writes', request: NewWorkRequestInput, response: WorkRequest },
  listWorkRequests: { channel: INVOKE_CHANNELS.listWorkRequests, journal: 'reads', request: WorkRequestQuery, response: WorkRequestList },
  /** A supervisor's decisions; the server decides in the end (the second of two decisions is refused). */
  acceptWorkRequest: { channel: INVOKE_CHANNELS.acceptWorkRequest, journal: 'writes', request: z.object({ id: Id }), response: WorkRequest },
  declineWorkRequest: { channel: INVOKE_CHANNELS.declineWorkRequest, journal: 'writes', request: DeclineWorkRequestInput, response: WorkRequest },
  getDiagnosticsInfo: { channel: INVOKE_CHANNELS.getDiagnosticsInfo, journal: 'reads', request: z.undefined(), response: DiagnosticsInfo },
  /** Asks where to save (the native save dialog), then writes the redacted diagnostics zip there. */
  saveDiagnostics: { channel: INVOKE_CHANNELS.saveDiagnostics, journal: 'reads', request: z.undefined(), response: DiagnosticsSaved },
  /** Prints the open work order's sheet through the OS print dialog; answers whether it went to a printer. */
  printWorkOrder: { channel: INVOKE_CHANNELS.printWorkOrder, journal: 'reads', request: z.object({ id: Id }), response: z.object({ printed: z.boolean() }) },
  /** Renders the open work order's sheet as a PDF and saves it where the technician chooses (native save dialog). */
  saveWorkOrderPdf: { channel: INVOKE_CHANNELS.saveWorkOrderPdf, journal: 'reads', request: z.object({ id: Id }), response: PdfSaved },
  /** Whether this PC runs as a kiosk (set by IT), so the sign-in screen offers the admin exit. */
  getKiosk: { channel: INVOKE_CHANNELS.getKiosk, journal: 'reads', request: z.undefined(), response: KioskState },
  /** The sign-in screen's "Exit kiosk (IT)": an admin's user name and password, checked on this PC; then the app closes. */
  exitKiosk: { channel: INVOKE_CHANNELS.exitKiosk, journal: 'reads', request: SignInInput, response: z.object({ exiting: z.literal(true) }) },
} as const satisfies Record<InvokeMethod, ChannelSpec>;

export const events = {
  syncStatusChanged: { channel: EVENT_CHANNELS.syncStatusChanged, payload: SyncStatus },
  /** Work orders changed in the journal: the renderer refetches what it shows. */
  workOrdersChanged: { channel: EVENT_CHANNELS.workOrdersChanged, payload: z.object({ ids: z.array(z.string()) }) },
  sessionChanged: { channel: EVENT_CHANNELS.sessionChanged, payload: SessionState },
} as const satisfies Record<EventName, EventSpec>;

interface ChannelSpec {
  channel: string;
  /**
   * Whether the handler writes the journal. Every channel says so: while the
   * pull writer's thread writes a page, write handlers wait for it.
   */
  journal: 'reads' | 'writes';
  request: z.ZodType;
  response: z.ZodType;
}
interface EventSpec {
  channel: string;
  payload: z.ZodType;
}

export type Contract = typeof contract;
/** The handlers that write the journal, as the contract declares them. */
export const JOURNAL_WRITES = (Object.keys(contract) as InvokeMethod[]).filter((method) => contract[method].journal === 'writes');
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
