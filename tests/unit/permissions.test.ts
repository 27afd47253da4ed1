import { describe, expect, it, vi } from 'vitest';
import { installPermissionPolicy, isPermissionAllowed } from '../../main/security/permissions';

describe('permission policy', () => {
  it.each(['media', 'geolocation', 'notifications', 'midi', 'clipboard-read', 'openExternal', 'hid', 'serial', 'usb'])(
    'denies %s',
    (permission) => expect(isPermissionAllowed(permission)).toBe(false),
  );

  it('allows only writing to the clipboard', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write')).toBe(true);
  });

  it('answers both the request and the check handler from the same table', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
    installPermissionPolicy(session);
    const request = session.setPermissionRequestHandler.mock.calls[0]![0];
    const check = session.setPermissionCheckHandler.mock.calls[0]![0];
    const answers: boolean[] = [];
    request(null, 'media', (allowed: boolean) => answers.push(allowed));
    request(null, 'clipboard-sanitized-write', (allowed: boolean) => answers.push(allowed));
    expect(answers).toEqual([false, true]);
    expect(check(null, 'geolocation')).toBe(false);
  });
});
