import { describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS } from '../../shared/ipc/channels';
import type { Handlers } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/result';
import { createDispatch } from '../../main/ipc/dispatch';
import { memoryLogger } from '../helpers/memoryLogger';

const page = { items: [], total: 0, offset: 0 };
const status = {
  state: 'offline',
  connection: 'not_configured',
  pendingChanges: 0,
  conflicts: 0,
  refused: 0,
  oldestPendingAt: null,
  lastSyncedAt: null,
  message: 'Offline.',
} as const;

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const unused = () => {
    throw new Error('not used in this test');
  };
  return {
    getSession: unused,
    signIn: unused,
    signOut: unused,
    lock: unused,
    switchUser: unused,
    getLockSettings: unused,
    listQuickSwitch: unused,
    setPin: unused,
    clearPin: unused,
    linkBadge: unused,
    unlinkBadge: unused,
    createWorkOrder: unused,
    updateWorkOrder: unused,
    listHours: unused,
    logHours: unused,
    getTimer: unused,
    startTimer: unused,
    stopTimer: unused,
    listAssets: unused,
    getAsset: unused,
    lookupCode: unused,
    syncNow: unused,
    getListView: unused,
    saveListView: unused,
    listAssignees: unused,
    listConflicts: unused,
    openConflict: unused,
    resolveConflict: unused,
    listDiscarded: unused,
    listRefused: unused,
    acknowledgeRefused: unused,
    exportRefused: unused,
    syncHistory: unused,
    getSettings: unused,
    testConnection: unused,
    setServerUrl: unused,
    setStartWithComputer: unused,
    getDiagnosticsInfo: unused,
    saveDiagnostics: unused,
    printWorkOrder: unused,
    saveWorkOrderPdf: unused,
    getKiosk: unused,
    exitKiosk: unused,
    createWorkRequest: unused,
    listWorkRequests: unused,
    acceptWorkRequest: unused,
    declineWorkRequest: unused,
    listWorkOrders: vi.fn(() => page),
    getWorkOrder: vi.fn(() => {
      throw new AppError('NOT_FOUND', 'This work order is not on this computer.');
    }),
    getSyncStatus: vi.fn(() => status),
    ...overrides,
  };
}

describe('the IPC dispatcher', () => {
  it('parses the request and fills defaults before the handler runs', async () => {
    const h = handlers();
    const result = await createDispatch(h, memoryLogger())(INVOKE_CHANNELS.listWorkOrders, { search: '  pump ' });
    expect(result).toEqual({ ok: true, value: page });
    expect(h.listWorkOrders).toHaveBeenCalledWith({
      search: 'pump',
      status: null,
      priority: null,
      assetId: null,
      assignedToMe: false,
      sort: 'updated',
      offset: 0,
      limit: 100,
    });
  });

  it.each([
    ['a string', 'drop table'],
    ['a negative offset', { offset: -1 }],
    ['a page too large', { limit: 100_000 }],
    ['an unknown status', { status: 'done' }],
    ['a search too long', { search: 'x'.repeat(201) }],
  ])('never lets a malformed payload (%s) reach the handler', async (_name, payload) => {
    const h = handlers();
    const log = memoryLogger();
    const result = await createDispatch(h, log)(INVOKE_CHANNELS.listWorkOrders, payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(h.listWorkOrders).not.toHaveBeenCalled();
    expect(log.entries.some((e) => e.level === 'warn')).toBe(true);
  });

  it('refuses a channel outside the contract', async () => {
    const result = await createDispatch(handlers(), memoryLogger())('fs:readFile', '/etc/passwd');
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('passes an AppError through as its code and sentence', async () => {
    const result = await createDispatch(handlers(), memoryLogger())(INVOKE_CHANNELS.getWorkOrder, { id: 'x' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'This work order is not on this computer.' },
    });
  });

  it('turns an unexpected failure into a sentence without the stack, and logs it', async () => {
    const log = memoryLogger();
    const boom = new Error('SQLITE_CORRUPT at /home/alice/secret/path');
    const h = handlers({
      getSyncStatus: () => {
        throw boom;
      },
    });
    const result = await createDispatch(h, log)(INVOKE_CHANNELS.getSyncStatus, undefined);
    expect(result.ok).toBe(false);
    const text = JSON.stringify(result);
    expect(text).not.toContain('SQLITE_CORRUPT');
    expect(text).not.toContain('at ');
    expect(log.entries).toContainEqual(expect.objectContaining({ level: 'error', details: [boom] }));
  });

  it('strips anything the contract does not declare from a response', async () => {
    const h = handlers({ getSyncStatus: () => ({ ...status, token: 'abc' }) as typeof status });
    const result = await createDispatch(h, memoryLogger())(INVOKE_CHANNELS.getSyncStatus, undefined);
    expect(result).toEqual({ ok: true, value: status });
  });
});
