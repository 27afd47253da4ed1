import { useAppDispatch, useAppSelector } from '../../app/hooks';
import { navigated, type MoreTab } from '../../app/navigationSlice';
import { useGetSessionQuery, useListConflictsQuery, useListRefusedQuery } from '../../api/shopfloorApi';
import { QuickSwitchPanel } from '../lock/QuickSwitchPanel';
import { ConflictsPanel } from './ConflictsPanel';
import { RefusedPanel } from './RefusedPanel';
import { SettingsPanel } from './SettingsPanel';
import { DisplayPanel } from '../preferences/DisplayPanel';
import { DiagnosticsPanel } from './DiagnosticsPanel';
import { SyncHistoryPanel } from './SyncHistoryPanel';

/** "More": Work Order Conflicts, refused changes (and their history), the sync history, settings. */
export function MoreScreen() {
  const dispatch = useAppDispatch();
  const route = useAppSelector((state) => state.navigation.route);
  const tab: MoreTab = route.name === 'more' ? route.tab : 'conflicts';
  const { data: conflicts = [] } = useListConflictsQuery();
  const { data: refused = [] } = useListRefusedQuery();
  const { data: session } = useGetSessionQuery();
  const unread = refused.filter((r) => !r.acknowledgedAt).length;
  const tabs: { id: MoreTab; label: string; count?: number }[] = [
    { id: 'conflicts', label: 'Conflicts', count: conflicts.length },
    { id: 'refused', label: 'Refused changes', count: unread },
    { id: 'history', label: 'Sync history' },
    { id: 'settings', label: 'Settings' },
  ];
  return (
    <main className="form-screen more">
      <h1>More</h1>
      <div className="button-row" role="tablist" aria-label="More">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            onClick={() => dispatch(navigated({ name: 'more', tab: t.id }))}
          >
            {t.label}
            {t.count ? <span className="count-badge">{t.count}</span> : null}
          </button>
        ))}
      </div>
      <section id={`panel-${tab}`} role="tabpanel" aria-label={tabs.find((t) => t.id === tab)!.label}>
        {tab === 'conflicts' && <ConflictsPanel conflicts={conflicts} only={route.name === 'more' ? route.workOrderId : undefined} />}
        {tab === 'refused' && <RefusedPanel refused={refused} />}
        {tab === 'history' && <SyncHistoryPanel />}
        {tab === 'settings' && (
          <>
            <SettingsPanel />
            {session?.user && <QuickSwitchPanel username={session.user.username} />}
            <DisplayPanel />
            <DiagnosticsPanel />
          </>
        )}
      </section>
    </main>
  );
}
