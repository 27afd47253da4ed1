import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { machineConfigPath, readMachineConfig } from '../../main/core/machineConfig';
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
    expect(readMachineConfig(configFile(null), {})).toEqual({ updatePolicy: 'notify', updatePolicySource: 'default', updatesUrl: undefined, lockAfterMinutes: 10, problems: [] });
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
