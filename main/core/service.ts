import type { Handlers } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/result';
import type { SyncStatus } from '../../shared/domain/syncStatus';
import type { SessionState } from '../../shared/domain/views';
import { getAsset, listAssets, lookupCode } from './db/assets';
import type { Db } from './db/connection';
import { getWorkOrder, listWorkOrders } from './db/workOrders';
import { listKnownUsers } from './db/people';
import { readPreference, writePreference } from './db/preferences';
import { ListView } from '../../shared/domain/workOrder';
import { journalCounts, withLocalStates } from './journal/localState';
import { signIn, type LocalUser } from './auth/session';
import { clearPin, linkBadge, listQuickSwitchAccounts, passwordSignedIn, setPin, switchByBadge, switchByPin, unlinkBadge } from './auth/quickSwitch';
import { readSession } from './auth/tokens';
import type { SecretStore } from './auth/secretStore';
import { getTimer, startTimer, stopTimer } from './journal/timer';
import { createWorkOrder, listHours, logHours, updateWorkOrder } from './journal/workOrderActions';
import { createWorkRequest, decideWorkRequest, listWorkRequests } from './journal/workRequests';
import { DeclineWorkRequestInput, NewWorkRequestInput, WorkRequestQuery } from '../../shared/domain/workRequest';
import type { z } from 'zod';
import type { CoreEventListener } from './index';
import type { ConflictChoice, WorkOrderConflict } from '../../shared/domain/sync';
import { acknowledgeRefused, listConflicts, listDiscarded, listRefused, refusedAsCsv, resolveConflict } from './sync/conflicts';
import { syncStatus as computeSyncStatus } from './sync/status';
import type { FetchFn } from './net/fetchPort';
import type { ServerChoice } from './serverChoice';
import { checkServerUrl, currentSettings, testConnection, type LoginItemPort } from './settings';
import { listSyncHistory } from './sync/syncHistory';
import type { SyncWorker } from './sync/worker';
import { diagnosticsHandlers, type ChooseDiagnosticsPath, type DiagnosticsPlaces } from './diagnostics/service';
import { printingHandlers, type WorkOrderPrinter } from './printing/service';
import { kioskHandlers, type KioskPort } from './kiosk/service';

/** Who is signed in, in memory only, and whether the lock screen is up in front of them. */
export interface SessionHolder {
  user: (LocalUser & { offline: boolean }) | null;
  locked: boolean;
}

/** The native dialog (or a test) decides a conflict; "later" leaves it open. */
export type ChooseConflict = (conflict: WorkOrderConflict) => Promise<ConflictChoice | 'later'>;

export interface ServiceDeps {
  db: Db;
  secrets: SecretStore;
  /** Which server: Settings changes it through `choose`. */
  server: ServerChoice;
  loginItem?: LoginItemPort;
  requireHttps: boolean;
  now: () => string;
  emit: CoreEventListener;
  worker: SyncWorker;
  session: SessionHolder;
  /** IT's setting for this PC: the renderer locks after this many minutes without input (0 = never). */
  lockAfterMinutes: number;
  chooseConflict: ChooseConflict;
  /** The network the core was given. */
  fetch: FetchFn;
  /** The profile folder, and what else "Save diagnostics…" takes and where it writes. */
  dataDir: string;
  diagnostics: DiagnosticsPlaces;
  chooseDiagnosticsPath: ChooseDiagnosticsPath | undefined;
  /** The window's printing (the shell's); none under plain Node. */
  printer: WorkOrderPrinter | undefined;
  /** The shell's kiosk mode; none means not a kiosk. */
  kiosk: KioskPort | undefined;
}

/**
 * The contract's handlers over the journal. Requests arrive parsed by the
 * dispatcher; each handler is a short call into a journal or query function.
 * Who is signed in lives in memory (`session`): a restart asks again (shared PCs).
 */
export function createHandlers(deps: ServiceDeps): Handlers {
  const { db, secrets, server, now, emit, worker, session: state, chooseConflict } = deps;
  const session = (): SessionState => ({
    user: state.user && { username: state.user.username, role: state.user.role },
    rememberedAcrossRestarts: secrets.persistent,
    signedInOffline: state.user?.offline ?? false,
    serverConfigured: server.url !== undefined,
    locked: state.user !== null && state.locked,
  });
  /** Whose name goes on a change: never anyone's while the lock screen is up. */
  const requireUser = (): LocalUser => {
    if (!state.user) throw new AppError('NOT_SIGNED_IN', 'Sign in first.');
    if (state.locked) throw new AppError('NOT_SIGNED_IN', 'Shopfloor is locked. Switch in with your PIN, badge or password first.');
    return state.user;
  };
  const myQuickSwitch = (username: string) => listQuickSwitchAccounts(db).find((a) => a.username === username)!;
  const syncStatus = (): SyncStatus => computeSyncStatus(db, worker.snapshot(), server.demo);
  /** After every local write: the lists refetch, the status bar counts again, the worker pushes soon. */
  const changed = (ids: string[]) => {
    emit('workOrdersChanged', { ids });
    emit('syncStatusChanged', syncStatus());
    worker.localWrite();
  };
  const getOrThrow = (id: string) => {
    const workOrder = getWorkOrder(db, id);
    if (!workOrder) throw new AppError('NOT_FOUND', 'This work order is not on this computer. It may have been removed.');
    return withLocalStates(db, [workOrder])[0]!;
  };

  return {
    getSession: session,
    signIn: async (input) => {
      state.user = await signIn(db, secrets, server.url, input, now(), deps.fetch);
      state.locked = false;
      passwordSignedIn(db, state.user.username);
      worker.userSignedIn(state.user.username);
      emit('sessionChanged', session());
      if (!state.user.offline) void worker.syncNow();
      return session();
    },
    signOut: () => {
      // Pending work stays in the outbox, with this user's name on it: nothing is deleted.
      const pendingChanges = state.user ? journalCounts(db, state.user.username).pendingChanges : 0;
      state.user = null;
      state.locked = false;
      emit('sessionChanged', session());
      return { pendingChanges };
    },
    lock: () => {
      // Nothing else changes: the timer keeps running for its owner, every user's pending work keeps syncing.
      if (state.user && !state.locked) {
        state.locked = true;
        emit('sessionChanged', session());
      }
      return session();
    },
    switchUser: async (input) => {
      const user = input.by === 'pin' ? await switchByPin(db, input.username, input.pin, now()) : await switchByBadge(db, input.code, now());
      // Checked on this PC only, like an offline sign-in; their server sign-in (if still kept here) syncs for them.
      state.user = { ...user, offline: true };
      state.locked = false;
      emit('sessionChanged', session());
      if (readSession(secrets, user.username)) void worker.syncNow();
      return session();
    },
    getLockSettings: () => ({ lockAfterMinutes: deps.lockAfterMinutes }),
    listQuickSwitch: () => listQuickSwitchAccounts(db),
    setPin: async ({ pin, password }) => {
      const { username } = requireUser();
      await setPin(db, username, pin, password);
      return myQuickSwitch(username);
    },
    clearPin: () => {
      const { username } = requireUser();
      clearPin(db, username);
      return myQuickSwitch(username);
    },
    linkBadge: async ({ code, password }) => {
      const { username } = requireUser();
      await linkBadge(db, username, code, password);
      return myQuickSwitch(username);
    },
    unlinkBadge: () => {
      const { username } = requireUser();
      unlinkBadge(db, username);
      return myQuickSwitch(username);
    },
    listWorkOrders: (query) => {
      const page = listWorkOrders(db, query, state.user?.username ?? null);
      return { ...page, items: withLocalStates(db, page.items) };
    },
    getWorkOrder: ({ id }) => getOrThrow(id),
    createWorkOrder: (input) => {
      const created = createWorkOrder(db, requireUser(), input, now());
      changed([created.id]);
      return getOrThrow(created.id);
    },
    updateWorkOrder: ({ id, changes }) => {
      updateWorkOrder(db, requireUser(), id, changes, now());
      changed([id]);
      return getOrThrow(id);
    },
    listHours: ({ workOrderId }) => listHours(db, workOrderId),
    logHours: (input) => {
      const entry = logHours(db, requireUser(), input, now());
      changed([input.workOrderId]);
      return entry;
    },
    getTimer: () => (state.user ? getTimer(db, state.user.username) : null),
    startTimer: ({ workOrderId }) => startTimer(db, requireUser().username, workOrderId, now()),
    stopTimer: () => stopTimer(db, requireUser().username, now()),
    listAssets: (query) => listAssets(db, query),
    getAsset: ({ id }) => {
      const detail = getAsset(db, id, state.user?.username ?? null);
      if (!detail) throw new AppError('NOT_FOUND', 'This asset is not on this computer.');
      return { ...detail, workOrders: withLocalStates(db, detail.workOrders) };
    },
    lookupCode: ({ code }) => lookupCode(db, code),
    getSyncStatus: syncStatus,
    syncNow: async () => {
      await worker.syncNow();
      return syncStatus();
    },
    listConflicts: () => listConflicts(db),
    openConflict: async ({ workOrderId }) => {
      const user = requireUser();
      const conflict = listConflicts(db).find((c) => c.workOrderId === workOrderId);
      if (!conflict) throw new AppError('NOT_FOUND', 'This conflict was already resolved.');
      const choice = await chooseConflict(conflict);
      if (choice === 'later') return { choice };
      resolveConflict(db, user, workOrderId, { choice }, now());
      changed([workOrderId]);
      return { choice };
    },
    resolveConflict: ({ workOrderId, ...decision }) => {
      resolveConflict(db, requireUser(), workOrderId, decision, now());
      changed([workOrderId]);
      return { choice: decision.choice };
    },
    listDiscarded: () => listDiscarded(db),
    listRefused: () => listRefused(db),
    acknowledgeRefused: ({ id }) => {
      acknowledgeRefused(db, id, now());
      emit('syncStatusChanged', syncStatus());
      return { ok: true as const };
    },
    exportRefused: () => ({ csv: refusedAsCsv(db) }),
    getSettings: () => currentSettings(server, deps.loginItem),
    testConnection: ({ url }) => testConnection(checkServerUrl(url, deps.requireHttps), deps.fetch),
    setServerUrl: async ({ url }) => {
      if (server.fixed) throw new AppError('VALIDATION_FAILED', 'This computer’s server is set by your IT department.');
      const origin = checkServerUrl(url, deps.requireHttps);
      const test = await testConnection(origin, deps.fetch);
      if (!test.ok) throw new AppError('VALIDATION_FAILED', test.message);
      server.choose(origin);
      emit('sessionChanged', session());
      emit('syncStatusChanged', syncStatus());
      return currentSettings(server, deps.loginItem);
    },
    setStartWithComputer: ({ on }) => {
      if (!deps.loginItem) throw new AppError('VALIDATION_FAILED', 'Starting with the computer is not available here.');
      deps.loginItem.set(on);
      return currentSettings(server, deps.loginItem);
    },
    syncHistory: () => listSyncHistory(db),
    getListView: () => (state.user ? readPreference(db, state.user.username, 'listView', ListView) : ListView.parse({})),
    saveListView: (view) => {
      writePreference(db, requireUser().username, 'listView', view);
      return view;
    },
    listAssignees: () => listKnownUsers(db),
    // Parsed again here (the dispatcher did so already): what reaches the journal is checked whoever calls.
    createWorkRequest: (input) => {
      const request = createWorkRequest(db, checked(NewWorkRequestInput, input), now());
      changed([request.id]);
      return request;
    },
    listWorkRequests: (query) => listWorkRequests(db, checked(WorkRequestQuery, query)),
    acceptWorkRequest: ({ id }) => {
      const request = decideWorkRequest(db, requireUser(), id, { kind: 'accept' }, now());
      changed([id]);
      return request;
    },
    declineWorkRequest: (input) => {
      const { id, reason } = checked(DeclineWorkRequestInput, input);
      const request = decideWorkRequest(db, requireUser(), id, { kind: 'decline', reason }, now());
      changed([id]);
      return request;
    },
    ...diagnosticsHandlers({
      dataDir: deps.dataDir,
      places: deps.diagnostics,
      secrets,
      choosePath: deps.chooseDiagnosticsPath,
      settings: () => currentSettings(server, deps.loginItem),
      now,
    }),
    ...printingHandlers({ printer: deps.printer, getWorkOrder: getOrThrow }),
    ...kioskHandlers(db, deps.kiosk),
  };
}

/** The schema's output, or the first problem as the sentence the person reads. */
function checked<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', parsed.error.issues[0]?.message ?? 'This is not valid.');
  return parsed.data;
}
