import type { Handlers } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/result';
import type { SyncStatus } from '../../shared/domain/syncStatus';
import type { SessionState } from '../../shared/domain/views';
import { getAsset, listAssets, lookupCode } from './db/assets';
import type { Db } from './db/connection';
import { getWorkOrder, listWorkOrders } from './db/workOrders';
import { signIn, type LocalUser } from './auth/session';
import type { SecretStore } from './auth/secretStore';
import { countUnsynced } from './journal/outbox';
import { getTimer, startTimer, stopTimer } from './journal/timer';
import { createWorkOrder, listHours, logHours, updateWorkOrder } from './journal/workOrderActions';
import type { CoreEventListener } from './index';

export interface ServiceDeps {
  db: Db;
  secrets: SecretStore;
  serverUrl: string | undefined;
  now: () => string;
  emit: CoreEventListener;
}

/**
 * The contract's handlers over the journal. Requests arrive parsed by the
 * dispatcher; each handler is a short call into a journal or query function.
 * Who is signed in lives here, in memory: a restart asks again (shared PCs).
 */
export function createHandlers({ db, secrets, serverUrl, now, emit }: ServiceDeps): Handlers {
  let user: (LocalUser & { offline: boolean }) | null = null;

  const session = (): SessionState => ({
    user: user && { username: user.username, role: user.role },
    rememberedAcrossRestarts: secrets.persistent,
    signedInOffline: user?.offline ?? false,
    serverConfigured: serverUrl !== undefined,
  });
  const requireUser = (): LocalUser => {
    if (!user) throw new AppError('NOT_SIGNED_IN', 'Sign in first.');
    return user;
  };
  const syncStatus = (): SyncStatus => ({
    state: 'offline',
    pendingChanges: countUnsynced(db),
    lastSyncedAt: null,
    message: serverUrl
      ? 'Working offline. Your changes are saved on this computer and wait to be sent.'
      : 'No sync server is set up yet. Everything you do is saved on this computer.',
  });
  /** After every local write: the lists refetch, the status bar counts again. */
  const changed = (ids: string[]) => {
    emit('workOrdersChanged', { ids });
    emit('syncStatusChanged', syncStatus());
  };
  const getOrThrow = (id: string) => {
    const workOrder = getWorkOrder(db, id);
    if (!workOrder) throw new AppError('NOT_FOUND', 'This work order is not on this computer. It may have been removed.');
    return workOrder;
  };

  return {
    getSession: session,
    signIn: async (input) => {
      user = await signIn(db, secrets, serverUrl, input, now());
      emit('sessionChanged', session());
      return session();
    },
    signOut: () => {
      // Pending work stays in the outbox, with this user's name on it: nothing is deleted.
      const pendingChanges = user ? countUnsynced(db, user.username) : 0;
      user = null;
      emit('sessionChanged', session());
      return { pendingChanges };
    },
    listWorkOrders: (query) => listWorkOrders(db, query, user?.username ?? null),
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
    getTimer: () => (user ? getTimer(db, user.username) : null),
    startTimer: ({ workOrderId }) => startTimer(db, requireUser().username, workOrderId, now()),
    stopTimer: () => stopTimer(db, requireUser().username, now()),
    listAssets: (query) => listAssets(db, query),
    getAsset: ({ id }) => {
      const detail = getAsset(db, id, user?.username ?? null);
      if (!detail) throw new AppError('NOT_FOUND', 'This asset is not on this computer.');
      return detail;
    },
    lookupCode: ({ code }) => lookupCode(db, code),
    getSyncStatus: syncStatus,
  };
}
