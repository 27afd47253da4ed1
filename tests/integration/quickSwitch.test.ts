import { openDatabase } from '../../main/core/db/connection';
import { memorySecretStore } from '../../main/core/auth/secretStore';
import { MAX_WRONG_PINS } from '../../main/core/auth/quickSwitch';
import { DEMO_PASSWORD } from '../../server/seed';
import { LinkBadgeInput, LogHoursInput, NewWorkOrderInput, SetPinInput, SwitchUserInput } from '../../shared/domain/inputs';
import { describe, expect, test } from '../helpers/fixtures';
import { ApiClient } from '../helpers/testServer';
import { startTcpProxy } from '../helpers/tcpProxy';

/**
 * A shift shares one PC: whoever signed in here once with a password may add a PIN or link a
 * badge, and switch to themselves from the lock screen with it, offline too. The real core on a
 * real journal, against a real sync server on loopback.
 */
const pin = (username: string, value: string) => SwitchUserInput.parse({ by: 'pin', username, pin: value });
const badge = (code: string) => SwitchUserInput.parse({ by: 'badge', code });
const password = { username: '', password: DEMO_PASSWORD };

describe('quick switch on a shared PC', () => {
  test('a PIN and a badge switch people in offline; neither is kept as typed', async ({ server, openCore }) => {
    const core = openCore({ seedDemoData: false, serverUrl: server.url, autoSync: false });
    const { handlers } = core;
    await handlers.signIn({ ...password, username: 'alice' });
    expect(await handlers.setPin(SetPinInput.parse({ pin: '4711', password: DEMO_PASSWORD }))).toEqual({ username: 'alice', hasPin: true, hasBadge: false, lockedOut: false });
    await handlers.signIn({ ...password, username: 'bob' });
    await handlers.linkBadge(LinkBadgeInput.parse({ code: 'EMP-00042', password: DEMO_PASSWORD }));
    await core.sync.idle();

    await server.close();
    expect(await handlers.lock()).toMatchObject({ user: { username: 'bob' }, locked: true });
    expect(await handlers.switchUser(pin('Alice', '4711'))).toMatchObject({ user: { username: 'alice' }, locked: false, signedInOffline: true });
    await handlers.lock();
    expect(await handlers.switchUser(badge(' EMP-00042 '))).toMatchObject({ user: { username: 'bob' }, locked: false });

    await expect(handlers.switchUser(badge('EMP-99999'))).rejects.toThrow(/not linked to anyone/);
    await expect(handlers.switchUser(pin('bob', '4711'))).rejects.toThrow(/bob has no PIN/);

    const db = openDatabase(core.journalPath);
    const rows = db.prepare('SELECT username, pin_hash, badge_hash FROM quick_switch ORDER BY username').all() as { pin_hash: string | null; badge_hash: string | null }[];
    db.close();
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(`${row.pin_hash}${row.badge_hash}`).not.toMatch(/4711|EMP-00042/);
    }
    expect(rows[0]!.pin_hash).toMatch(/^v1:/);
  });

  test('setting a PIN or linking a badge asks for the password; a badge belongs to one person', async ({ server, openCore }) => {
    const { handlers } = openCore({ seedDemoData: false, serverUrl: server.url, autoSync: false });
    await handlers.signIn({ ...password, username: 'alice' });
    await expect(handlers.setPin(SetPinInput.parse({ pin: '4711', password: 'not-it' }))).rejects.toThrow(/not your password/);
    expect(() => SetPinInput.parse({ pin: '12a4', password: DEMO_PASSWORD })).toThrow(/4 to 6 digits/);
    await handlers.linkBadge(LinkBadgeInput.parse({ code: 'EMP-1', password: DEMO_PASSWORD }));
    await handlers.signIn({ ...password, username: 'bob' });
    await expect(handlers.linkBadge(LinkBadgeInput.parse({ code: 'EMP-1', password: DEMO_PASSWORD }))).rejects.toThrow('This badge is already linked to alice on this computer.');
    await handlers.lock();
    await expect(handlers.setPin(SetPinInput.parse({ pin: '4711', password: DEMO_PASSWORD }))).rejects.toThrow(/locked/);
  });

  test(`${MAX_WRONG_PINS} wrong PINs in a row require the password, across a restart; the password opens quick switch again`, async ({ server, openCore }) => {
    const secrets = memorySecretStore();
    const first = openCore({ seedDemoData: false, serverUrl: server.url, autoSync: false, secretStore: secrets });
    await first.handlers.signIn({ ...password, username: 'alice' });
    await first.handlers.setPin(SetPinInput.parse({ pin: '4711', password: DEMO_PASSWORD }));
    await first.handlers.linkBadge(LinkBadgeInput.parse({ code: 'EMP-7', password: DEMO_PASSWORD }));
    await first.handlers.lock();
    await expect(first.handlers.switchUser(pin('alice', '0000'))).rejects.toThrow('Wrong PIN. 4 tries left before your password is needed.');
    await expect(first.handlers.switchUser(pin('alice', '0000'))).rejects.toThrow('3 tries left');
    await first.sync.idle();
    first.close();

    // The count is in the journal: restarting the app gives no fresh tries.
    const core = openCore({ dataDir: first.dataDir, seedDemoData: false, serverUrl: server.url, autoSync: false, secretStore: secrets });
    const { handlers } = core;
    await expect(handlers.switchUser(pin('alice', '0000'))).rejects.toThrow('2 tries left');
    await expect(handlers.switchUser(pin('alice', '0000'))).rejects.toThrow('1 try left');
    await expect(handlers.switchUser(pin('alice', '0000'))).rejects.toMatchObject({ code: 'PASSWORD_REQUIRED' });
    // Now even the right PIN, and the badge, are refused.
    await expect(handlers.switchUser(pin('alice', '4711'))).rejects.toMatchObject({ code: 'PASSWORD_REQUIRED', message: /Sign in with your password/ });
    await expect(handlers.switchUser(badge('EMP-7'))).rejects.toMatchObject({ code: 'PASSWORD_REQUIRED' });
    expect(await handlers.listQuickSwitch()).toEqual([{ username: 'alice', hasPin: true, hasBadge: true, lockedOut: true }]);
    expect((await handlers.getSession()).user).toBeNull();

    await handlers.signIn({ ...password, username: 'alice' });
    await handlers.lock();
    expect(await handlers.switchUser(pin('alice', '4711'))).toMatchObject({ user: { username: 'alice' } });
  });

  test('a right PIN starts the count again: only wrong PINs in a row count', async ({ server, openCore }) => {
    const { handlers } = openCore({ seedDemoData: false, serverUrl: server.url, autoSync: false });
    await handlers.signIn({ ...password, username: 'alice' });
    await handlers.setPin(SetPinInput.parse({ pin: '4711', password: DEMO_PASSWORD }));
    for (let i = 0; i < MAX_WRONG_PINS - 1; i++) await expect(handlers.switchUser(pin('alice', '0000'))).rejects.toThrow(/Wrong PIN/);
    await handlers.switchUser(pin('alice', '4711'));
    await expect(handlers.switchUser(pin('alice', '0000'))).rejects.toThrow('4 tries left');
  });

  test('while locked nothing is done in anyone’s name; a running timer keeps running for its owner', async ({ server, openCore }) => {
    const { handlers } = openCore({ seedDemoData: false, serverUrl: server.url, autoSync: false });
    await handlers.signIn({ ...password, username: 'bob' });
    await handlers.setPin(SetPinInput.parse({ pin: '2222', password: DEMO_PASSWORD }));
    await handlers.signIn({ ...password, username: 'alice' });
    await handlers.setPin(SetPinInput.parse({ pin: '1111', password: DEMO_PASSWORD }));
    const wo = await handlers.createWorkOrder(NewWorkOrderInput.parse({ title: 'Conveyor belt slipping' }));
    const timer = await handlers.startTimer({ workOrderId: wo.id });

    await handlers.lock();
    await expect(handlers.createWorkOrder(NewWorkOrderInput.parse({ title: 'Nobody’s' }))).rejects.toThrow(/locked/);
    await expect(handlers.stopTimer()).rejects.toThrow(/locked/);

    await handlers.switchUser(pin('bob', '2222'));
    expect(await handlers.getTimer()).toBeNull();
    await handlers.lock();
    await handlers.switchUser(pin('alice', '1111'));
    expect(await handlers.getTimer()).toEqual(timer);
  });

  test('each person’s work is theirs on the server, and everyone’s unsent work syncs with the lock screen up', async ({ server, openCore }) => {
    const proxy = await startTcpProxy(server.url);
    const core = openCore({ seedDemoData: false, serverUrl: proxy.url, autoSync: false });
    const { handlers } = core;
    await handlers.signIn({ ...password, username: 'alice' });
    await handlers.setPin(SetPinInput.parse({ pin: '1111', password: DEMO_PASSWORD }));
    await handlers.signIn({ ...password, username: 'bob' });
    await handlers.linkBadge(LinkBadgeInput.parse({ code: 'EMP-BOB', password: DEMO_PASSWORD }));
    await core.sync.idle();

    proxy.cut();
    const bobs = await handlers.createWorkOrder(NewWorkOrderInput.parse({ title: 'Bob: hydraulic hose' }));
    await handlers.lock();
    await handlers.switchUser(pin('alice', '1111'));
    const alices = await handlers.createWorkOrder(NewWorkOrderInput.parse({ title: 'Alice: guard rail loose' }));
    await handlers.logHours(LogHoursInput.parse({ workOrderId: bobs.id, hours: 1.5, workDate: '2026-11-20', note: 'helped bob' }));
    await handlers.lock();
    await core.sync.idle();
    expect((await handlers.getSyncStatus()).pendingChanges).toBe(3);

    // Nobody switches in: the cable comes back and both people's work goes, each with their own sign-in.
    proxy.restore();
    await core.sync.syncNow();
    expect((await handlers.getSyncStatus()).pendingChanges).toBe(0);
    expect((await handlers.getSession()).locked).toBe(true);

    const api = await new ApiClient(server.url).login('sam');
    const { changes } = await api.pullAll();
    const record = (id: string) => changes.find((c) => c.id === id)?.record as Record<string, unknown>;
    expect(record(bobs.id)).toMatchObject({ title: 'Bob: hydraulic hose', createdBy: 'bob' });
    expect(record(alices.id)).toMatchObject({ title: 'Alice: guard rail loose', createdBy: 'alice' });
    const hours = changes.find((c) => c.entity === 'hoursEntry' && c.record.workOrderId === bobs.id);
    expect(hours?.record).toMatchObject({ userId: expect.stringMatching(/alice/), hours: 1.5 });
    await proxy.close();
  });
});
