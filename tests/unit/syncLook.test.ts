import { describe, expect, it } from 'vitest';
import { LATE_AFTER_HOURS, syncLook } from '../../renderer/src/features/syncStatus/syncLook';
import { syncStatusAt } from '../helpers/syncStatus';

const NOW = Date.parse('2026-11-29T12:00:00Z');
const status = syncStatusAt(NOW);
const hoursAgo = (h: number) => new Date(NOW - h * 3_600_000).toISOString();

describe('the header sync state', () => {
  it('is green when online with nothing waiting', () => {
    expect(syncLook(status({}), NOW)).toMatchObject({ level: 'synced', headline: 'Online · all changes synced', count: 0 });
  });

  it('is grey offline with nothing waiting, amber when changes wait offline', () => {
    expect(syncLook(status({ state: 'offline', connection: 'unreachable' }), NOW)).toMatchObject({ level: 'offline', detail: 'No changes waiting' });
    expect(syncLook(status({ state: 'offline', connection: 'unreachable', pendingChanges: 40, lastSyncedAt: hoursAgo(2) }), NOW)).toMatchObject({
      level: 'waiting',
      count: 40,
      detail: '40 changes wait to sync',
    });
  });

  it(`turns red when changes have waited offline longer than ${LATE_AFTER_HOURS} hours`, () => {
    const offline = { state: 'offline', connection: 'unreachable', pendingChanges: 3 } as const;
    const late = syncLook(status({ ...offline, lastSyncedAt: hoursAgo(72), oldestPendingAt: hoursAgo(70) }), NOW);
    expect(late).toMatchObject({ level: 'late', headline: 'Offline for 3 days', count: 3 });
    expect(syncLook(status({ ...offline, lastSyncedAt: hoursAgo(9), oldestPendingAt: hoursAgo(9) }), NOW).headline).toBe('Offline for 9 hours');
    // Offline since yesterday, but the changes were made an hour ago: they have not waited long yet.
    expect(syncLook(status({ ...offline, lastSyncedAt: hoursAgo(20), oldestPendingAt: hoursAgo(1) }), NOW).level).toBe('waiting');
    expect(syncLook(status({ ...offline, lastSyncedAt: null, oldestPendingAt: hoursAgo(30) }), NOW)).toMatchObject({ level: 'late', headline: 'Changes waiting for 30 hours' });
  });

  it('is red and counts what needs a decision when there are conflicts or refusals', () => {
    expect(syncLook(status({ state: 'attention', conflicts: 1, refused: 2, pendingChanges: 1 }), NOW)).toMatchObject({
      level: 'attention',
      count: 3,
      detail: '1 change waits to sync · 1 conflict · 2 refused',
    });
  });
});
