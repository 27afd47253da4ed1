import { describe, expect, it } from 'vitest';
import { computeTrayView } from '../../main/tray/trayView';
import { syncStatusAt } from '../helpers/syncStatus';

const now = new Date('2026-11-27T10:00:00.000Z');
const status = syncStatusAt(now, 5);

describe('computeTrayView', () => {
  it('synced: green icon, "Synced", when it last synced', () => {
    const view = computeTrayView(status({}), now);
    expect(view.icon).toBe('synced');
    expect(view.tooltip).toBe('Shopfloor: Synced; nothing waiting; last sync 5 min ago');
    expect(view.menu.find((i) => i.kind === 'action' && i.id === 'syncNow')).toMatchObject({ enabled: true });
  });

  it('syncing: "Sync now" is disabled while a cycle runs', () => {
    const view = computeTrayView(status({ state: 'syncing', pendingChanges: 3 }), now);
    expect(view.icon).toBe('syncing');
    expect(view.tooltip).toBe('Shopfloor: Syncing…; 3 changes wait; last sync 5 min ago');
    expect(view.menu.find((i) => i.kind === 'action' && i.id === 'syncNow')).toMatchObject({ enabled: false });
  });

  it('offline: says the server is not reachable and how much waits', () => {
    const view = computeTrayView(status({ state: 'offline', connection: 'unreachable', pendingChanges: 1, lastSyncedAt: null }), now);
    expect(view.icon).toBe('offline');
    expect(view.tooltip).toBe('Shopfloor: Offline: server not reachable; 1 change waits; never synced');
    expect(view.menu).toContainEqual({ kind: 'status', label: 'Offline: server not reachable · 1 change waits' });
  });

  it('offline without a server: "Sync now" makes no sense', () => {
    const view = computeTrayView(status({ state: 'offline', connection: 'not_configured' }), now);
    expect(view.tooltip).toMatch(/No sync server set up/);
    expect(view.menu.find((i) => i.kind === 'action' && i.id === 'syncNow')).toMatchObject({ enabled: false });
  });

  it('needs attention: counts conflicts and refused changes', () => {
    const view = computeTrayView(status({ state: 'attention', conflicts: 2, refused: 1, lastSyncedAt: '2026-11-25T10:00:00.000Z' }), now);
    expect(view.icon).toBe('attention');
    expect(view.tooltip).toBe('Shopfloor: Needs attention: 2 conflicts, 1 refused change; nothing waiting; last sync 2 days ago');
  });

  it('always offers Open, Sync now, the status line and Quit', () => {
    const view = computeTrayView(status({}), now);
    expect(view.menu.map((i) => (i.kind === 'action' ? i.id : i.kind))).toEqual(['open', 'syncNow', 'separator', 'status', 'separator', 'quit']);
  });
});
