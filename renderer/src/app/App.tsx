import { useGetSessionQuery, useGetSyncStatusQuery, useListWorkRequestsQuery, useLockMutation, useSignOutMutation } from '../api/shopfloorApi';
import { RequestsScreen } from '../features/requests/RequestsScreen';
import { MoreScreen } from '../features/more/MoreScreen';
import { AssetsScreen } from '../features/assets/AssetsScreen';
import { useScannerJump } from '../features/scanner/useScannerJump';
import { ScanToast } from '../features/scanner/ScanToast';
import { LockScreen } from '../features/lock/LockScreen';
import { useInactivityLock } from '../features/lock/useInactivityLock';
import { SyncIndicator } from '../features/syncStatus/SyncIndicator';
import { TimerChip } from '../features/hours/TimerChip';
import { usePreferencesOnPage } from '../features/preferences/usePreferencesOnPage';
import { NewWorkOrderScreen } from '../features/workOrders/NewWorkOrderScreen';
import { WorkOrdersScreen } from '../features/workOrders/WorkOrdersScreen';
import { useRememberedListView } from '../features/workOrders/useRememberedListView';
import { useAppDispatch, useAppSelector } from './hooks';
import { navigated, noticeShown, type Route } from './navigationSlice';

export function App() {
  const dispatch = useAppDispatch();
  const notice = useAppSelector((state) => state.navigation.notice);
  const { data: session, error } = useGetSessionQuery();
  usePreferencesOnPage();
  if (error) return <p role="alert" className="error">{error.message}</p>;
  if (!session) return null;
  const warning =
    session.user && session.serverConfigured && !session.rememberedAcrossRestarts
      ? 'Your sign-in cannot be stored safely on this computer, so you will be asked again after a restart.'
      : null;
  return (
    <div className="app">
      {session.user && !session.locked ? (
        <SignedIn username={session.user.username} supervises={session.user.role !== 'technician'} />
      ) : (
        <LockScreen session={session} />
      )}
      {(notice ?? warning) && (
        <div className="notice" role="status">
          <span>{notice ?? warning}</span>
          {notice && (
            <button type="button" onClick={() => dispatch(noticeShown(null))}>
              Dismiss
            </button>
          )}
        </div>
      )}
    </div>
  );
}

function SignedIn({ username, supervises }: { username: string; supervises: boolean }) {
  const dispatch = useAppDispatch();
  const route = useAppSelector((state) => state.navigation.route);
  const [signOut] = useSignOutMutation();
  const [lock] = useLockMutation();
  const { data: status } = useGetSyncStatusQuery();
  const attention = (status?.conflicts ?? 0) + (status?.refused ?? 0);
  const { data: requests } = useListWorkRequestsQuery({ scope: 'all', limit: 200 }, { skip: !supervises });
  const newRequests = requests?.newCount ?? 0;
  useScannerJump();
  useRememberedListView(username);
  useInactivityLock();

  const link = (to: Route, label: string, active: boolean) => (
    <button type="button" className="nav-link" aria-current={active ? 'page' : undefined} onClick={() => dispatch(navigated(to))}>
      {label}
    </button>
  );
  return (
    <>
      <header className="app-header">
        <span className="app-name">Shopfloor</span>
        <nav aria-label="Main">
          {link({ name: 'workOrders' }, 'Work orders', route.name === 'workOrders')}
          {link({ name: 'assets' }, 'Assets', route.name === 'assets' || route.name === 'asset')}
          {supervises && (
            <button type="button" className="nav-link requests-link" aria-current={route.name === 'requests' ? 'page' : undefined} onClick={() => dispatch(navigated({ name: 'requests' }))}>
              Requests
              {newRequests > 0 && (
                <span className="count-badge" aria-label={`${newRequests} new`}>
                  {newRequests}
                </span>
              )}
            </button>
          )}
          <button
            type="button"
            className="nav-link"
            aria-current={route.name === 'more' ? 'page' : undefined}
            onClick={() => dispatch(navigated({ name: 'more', tab: status?.conflicts ? 'conflicts' : status?.refused ? 'refused' : 'history' }))}
          >
            More
            {attention > 0 && (
              <span className="count-badge" aria-label={`${attention} to look at`}>
                {attention}
              </span>
            )}
          </button>
        </nav>
        <SyncIndicator />
        <TimerChip />
        <button type="button" className="primary new-work-order" onClick={() => dispatch(navigated({ name: 'newWorkOrder' }))}>
          New<span className="wide-words"> work order</span>
        </button>
        <span className="user" title={`Signed in as ${username}`}>
          <span className="visually-hidden">Signed in as </span>
          <strong>{username}</strong>
        </span>
        <button type="button" className="nav-link lock" onClick={() => void lock()} title="Lock: the next person switches in with their PIN or badge">
          Lock
        </button>
        <button
          type="button"
          className="nav-link sign-out"
          onClick={() => {
            const waiting = status?.pendingChanges ?? 0;
            if (waiting && !window.confirm(`${waiting} ${waiting === 1 ? 'change has' : 'changes have'} not reached the server yet. They stay on this computer and are sent later. Sign out?`)) return;
            void signOut()
              .unwrap()
              .then(({ pendingChanges }) =>
                dispatch(
                  noticeShown(
                    pendingChanges
                      ? `${username} signed out. Their ${pendingChanges} unsent ${pendingChanges === 1 ? 'change stays' : 'changes stay'} on this computer and will be sent.`
                      : null,
                  ),
                ),
              );
          }}
        >
          Sign out
        </button>
      </header>
      <ScanToast />
      {route.name === 'workOrders' && <WorkOrdersScreen />}
      {route.name === 'newWorkOrder' && <NewWorkOrderScreen />}
      {(route.name === 'assets' || route.name === 'asset') && <AssetsScreen />}
      {route.name === 'more' && <MoreScreen />}
      {route.name === 'requests' && <RequestsScreen />}
    </>
  );
}
