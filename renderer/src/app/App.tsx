import { useGetSessionQuery, useSignOutMutation } from '../api/shopfloorApi';
import { AssetsScreen } from '../features/assets/AssetsScreen';
import { useScannerJump } from '../features/scanner/useScannerJump';
import { SignInScreen } from '../features/session/SignInScreen';
import { StatusBar } from '../features/syncStatus/StatusBar';
import { NewWorkOrderScreen } from '../features/workOrders/NewWorkOrderScreen';
import { WorkOrdersScreen } from '../features/workOrders/WorkOrdersScreen';
import { useAppDispatch, useAppSelector } from './hooks';
import { navigated, noticeShown, type Route } from './navigationSlice';

export function App() {
  const dispatch = useAppDispatch();
  const notice = useAppSelector((state) => state.navigation.notice);
  const { data: session, error } = useGetSessionQuery();
  if (error) return <p role="alert" className="error">{error.message}</p>;
  if (!session) return null;
  const warning =
    session.user && session.serverConfigured && !session.rememberedAcrossRestarts
      ? 'Your sign-in cannot be stored safely on this computer, so you will be asked again after a restart.'
      : null;
  return (
    <div className="app">
      {session.user ? <SignedIn username={session.user.username} /> : <SignInScreen session={session} />}
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
      <StatusBar />
    </div>
  );
}

function SignedIn({ username }: { username: string }) {
  const dispatch = useAppDispatch();
  const route = useAppSelector((state) => state.navigation.route);
  const [signOut] = useSignOutMutation();
  useScannerJump();

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
        </nav>
        <button type="button" className="primary" onClick={() => dispatch(navigated({ name: 'newWorkOrder' }))}>
          New work order
        </button>
        <span className="user">
          Signed in as <strong>{username}</strong>
        </span>
        <button
          type="button"
          className="nav-link"
          onClick={() =>
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
              )
          }
        >
          Sign out
        </button>
      </header>
      {route.name === 'workOrders' && <WorkOrdersScreen />}
      {route.name === 'newWorkOrder' && <NewWorkOrderScreen />}
      {(route.name === 'assets' || route.name === 'asset') && <AssetsScreen />}
    </>
  );
}
