import { useEffect, useRef } from 'react';
import { shallowEqual } from 'react-redux';
import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { listViewOf, listViewRestored } from './workOrdersSlice';

/**
 * The list's filters and sort, per user, kept in this computer's journal: the
 * signed-in user's are restored at sign-in (and after a restart), and every
 * change is saved. Nothing is saved before the restore, so the defaults never
 * overwrite what the user left.
 */
export function useRememberedListView(username: string): void {
  const dispatch = useAppDispatch();
  const view = useAppSelector((state) => listViewOf(state.workOrders), shallowEqual);
  const restoredFor = useRef<string | null>(null);

  useEffect(() => {
    let current = true;
    restoredFor.current = null;
    void window.shopfloor?.getListView().then((result) => {
      if (!current) return;
      if (result.ok) dispatch(listViewRestored(result.value));
      restoredFor.current = username;
    });
    return () => {
      current = false;
    };
  }, [username, dispatch]);

  useEffect(() => {
    if (restoredFor.current !== username) return;
    void window.shopfloor?.saveListView(view);
  }, [view, username]);
}
