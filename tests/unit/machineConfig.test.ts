import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { machineConfigPath, readMachineConfig } from '../../main/core/machineConfig';
import { windowMode } from '../../main/core/kiosk/kioskWindow';
import { makeTempDir } from '../helpers/tempDir';

/** What IT sets for a PC: the machine-wide file and the per-PC environment, and which one wins. */
const temps: { remove(): void }[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.remove()));
function configFile(content: string | null): string {
  const temp = makeTempDir('shopfloor-config-');
  temps.push(temp);
  const file = path.join(temp.dir, 'config.json');
  if (content !== null) writeFileSync(file, content);
  return file;
}

describe('the update policy IT sets', () => {
  it('is notify on a PC nobody configured', () => {
    expect(readMachineConfig(configFile(null), {})).toEqual({ updatePolicy: 'notify', updatePolicySource: 'default', updatesUrl: undefined, kiosk: false, lockAfterMinutes: 10, problems: [] });
  });

  it('comes from the machine-wide file, BOM and all (Notepad writes one)', () => {
    const file = configFile('\uFEFF{ "updates": "auto", "updatesUrl": "https://files.shop.local/shopfloor/" }');
    expect(readMachineConfig(file, {})).toMatchObject({ updatePolicy: 'auto', updatePolicySource: 'config file', updatesUrl: 'https://files.shop.local/shopfloor/', problems: [] });
  });

  it('is overridden for one PC by SHOPFLOOR_UPDATES', () => {
    const file = configFile('{ "updates": "auto" }');
    expect(readMachineConfig(file, { SHOPFLOOR_UPDATES: 'Off' })).toMatchObject({ updatePolicy: 'off', updatePolicySource: 'environment' });
  });

  it.each([
    ['not JSON', '{ updates: auto }', /not valid JSON/],
    ['an unknown policy', '{ "updates": "sometimes" }', /updates: /],
    ['a misspelt key', '{ "update": "off" }', /update/],
    ['a feed that is not http(s)', '{ "updatesUrl": "file:///c:/updates" }', /updatesUrl/],
    ['a server address that is not a URL', '{ "serverUrl": "sync.shop.local" }', /serverUrl/],
  ])('ignores a file with %s, says why, and falls back to the default', (_name, content, says) => {
    const result = readMachineConfig(configFile(content), {});
    expect(result.updatePolicy).toBe('notify');
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(says);
  });

  it('ignores an invalid SHOPFLOOR_UPDATES, says so, and keeps the file', () => {
    const result = readMachineConfig(configFile('{ "updates": "off" }'), { SHOPFLOOR_UPDATES: 'yes' });
    expect(result).toMatchObject({ updatePolicy: 'off', updatePolicySource: 'config file' });
    expect(result.problems[0]).toContain('SHOPFLOOR_UPDATES=yes');
  });

  it('lives where only administrators write, unless SHOPFLOOR_CONFIG says otherwise', () => {
    expect(machineConfigPath('win32', { ProgramData: 'C:\\ProgramData' })).toBe('C:\\ProgramData\\Shopfloor\\config.json');
    expect(machineConfigPath('linux', {})).toBe('/etc/shopfloor/config.json');
    expect(machineConfigPath('linux', { SHOPFLOOR_CONFIG: '/opt/shopfloor.json' })).toBe('/opt/shopfloor.json');
  });
});

describe('kiosk mode IT sets', () => {
  it('is off unless the file or SHOPFLOOR_KIOSK turns it on; the environment wins for one PC', () => {
    expect(readMachineConfig(configFile(null), {}).kiosk).toBe(false);
    expect(readMachineConfig(configFile('{ "kiosk": true }'), {}).kiosk).toBe(true);
    expect(readMachineConfig(configFile(null), { SHOPFLOOR_KIOSK: '1' }).kiosk).toBe(true);
    expect(readMachineConfig(configFile('{ "kiosk": true }'), { SHOPFLOOR_KIOSK: '0' }).kiosk).toBe(false);
    expect(readMachineConfig(configFile('{ "kiosk": true }'), { SHOPFLOOR_KIOSK: '' }).kiosk).toBe(true);
  });

  it('ignores a SHOPFLOOR_KIOSK that is not 1 or 0, says so, and keeps the file', () => {
    const result = readMachineConfig(configFile('{ "kiosk": true }'), { SHOPFLOOR_KIOSK: 'maybe' });
    expect(result.kiosk).toBe(true);
    expect(result.problems).toEqual(['SHOPFLOOR_KIOSK=maybe is not 1 or 0: ignored.']);
  });

  it('refuses a kiosk setting that is not true or false (the whole file is ignored, the kiosk stays off)', () => {
    const result = readMachineConfig(configFile('{ "kiosk": "yes" }'), {});
    expect(result.kiosk).toBe(false);
    expect(result.problems[0]).toMatch(/kiosk/);
  });
});

describe('the main window a kiosk gets', () => {
  it('is full screen, frameless, cannot be closed or minimised, with no menu, tray or DevTools, even in development', () => {
    expect(windowMode({ kiosk: true }, true)).toEqual({
      kiosk: true,
      window: { kiosk: true, fullscreen: true, frame: false, closable: false, minimizable: false, autoHideMenuBar: true },
      removeMenu: true,
      onClose: 'refuse',
      tray: false,
      devTools: false,
    });
  });

  it('is the normal window otherwise: closing hides it to the tray, DevTools only in development', () => {
    const normal = windowMode({ kiosk: false }, false);
    expect(normal).toMatchObject({ kiosk: false, removeMenu: false, onClose: 'hide-to-tray', tray: true, devTools: false });
    expect(normal.window).toMatchObject({ kiosk: false, fullscreen: false, frame: true, closable: true, minimizable: true });
    expect(windowMode({ kiosk: false }, true).devTools).toBe(true);
  });
});

describe('the sync server IT sets for every PC', () => {
  it('is none on a PC nobody configured: Settings chooses', () => {
    expect(readMachineConfig(configFile(null), {})).not.toHaveProperty('serverUrl');
  });

  it('comes from the machine-wide file, next to the update policy', () => {
    const file = configFile('{ "serverUrl": "https://sync.shop.local:8443", "updates": "auto" }');
    expect(readMachineConfig(file, {})).toMatchObject({ serverUrl: 'https://sync.shop.local:8443', serverUrlSource: 'config file', updatePolicy: 'auto', problems: [] });
  });

  it('is overridden for one PC by SHOPFLOOR_SERVER_URL', () => {
    const file = configFile('{ "serverUrl": "https://sync.shop.local:8443" }');
    expect(readMachineConfig(file, { SHOPFLOOR_SERVER_URL: 'https://sync-hall2.shop.local' })).toMatchObject({ serverUrl: 'https://sync-hall2.shop.local', serverUrlSource: 'environment' });
  });

  it('is not taken from a file that is ignored for another mistake', () => {
    const result = readMachineConfig(configFile('{ "serverUrl": "https://sync.shop.local", "updates": "sometimes" }'), {});
    expect(result).not.toHaveProperty('serverUrl');
    expect(result.problems).toHaveLength(1);
  });
});

describe('when the app locks by itself, as IT sets it', () => {
  it('is after 10 minutes without input on a PC nobody configured', () => {
    expect(readMachineConfig(configFile(null), {}).lockAfterMinutes).toBe(10);
  });

  it('comes from the file, and SHOPFLOOR_LOCK_AFTER_MINUTES wins for one PC (0 = never by inactivity)', () => {
    const file = configFile('{ "lockAfterMinutes": 3 }');
    expect(readMachineConfig(file, {}).lockAfterMinutes).toBe(3);
    expect(readMachineConfig(file, { SHOPFLOOR_LOCK_AFTER_MINUTES: ' 0 ' }).lockAfterMinutes).toBe(0);
  });

  it.each(['soon', '-5', '2.5', '100000'])('ignores SHOPFLOOR_LOCK_AFTER_MINUTES=%s and says why', (value) => {
    const result = readMachineConfig(configFile('{ "lockAfterMinutes": 3 }'), { SHOPFLOOR_LOCK_AFTER_MINUTES: value });
    expect(result.lockAfterMinutes).toBe(3);
    expect(result.problems).toEqual([expect.stringContaining(`SHOPFLOOR_LOCK_AFTER_MINUTES=${value} is not a whole number of minutes`)]);
  });

  it('ignores a file whose minutes are not a whole number from 0 to 720', () => {
    const result = readMachineConfig(configFile('{ "lockAfterMinutes": 1000 }'), {});
    expect(result.lockAfterMinutes).toBe(10);
    expect(result.problems).toEqual([expect.stringContaining('lockAfterMinutes')]);
  });
});
