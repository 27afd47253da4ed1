import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVE_OPTIONS } from '../../server/cli/serve';
import { ASSET_COLUMNS } from '../../server/import/assetRows';
import { USER_COLUMNS } from '../../server/import/userRows';
import { WORK_ORDER_COLUMNS } from '../../server/import/workOrderRows';
import { USER_COMMANDS } from '../../server/cli/userCommands';
import { ERROR_CODES, MUTATION_TYPES, REJECTION_CODES } from '../../shared/sync/protocol';
import { machineConfigPath } from '../../main/core/machineConfig';
import { DEFAULT_UPDATE_POLICY, UPDATE_POLICIES } from '../../main/core/updates/updatePolicy';

/** docs/sync-protocol.md is how others write clients: it must name every code and type we can send. */
const doc = readFileSync('docs/sync-protocol.md', 'utf8');

describe('docs/sync-protocol.md', () => {
  it.each([...ERROR_CODES, ...REJECTION_CODES])('documents the code %s', (code) => {
    expect(doc).toContain(`\`${code}\``);
  });
  it.each(MUTATION_TYPES)('documents the mutation type %s', (type) => {
    expect(doc).toContain(`\`${type}\``);
  });
  it.each([
    '/health',
    '/auth/login',
    '/auth/refresh',
    '/auth/logout',
    '/sync/push',
    '/sync/pull',
    '/work-orders/:id',
    '/work-orders/:id/history',
    'GET /admin/users',
    'POST /admin/users',
    'PATCH /admin/users/:username',
  ])(
    'documents the endpoint %s',
    (path) => expect(doc).toContain(path),
  );
});

/** docs/operations.md is how an IT person runs the server: every option and command must be in it. */
describe('docs/operations.md', () => {
  const operations = readFileSync('docs/operations.md', 'utf8');
  it.each(SERVE_OPTIONS)('documents the server option --%s', (option) => {
    expect(operations).toContain(`--${option}`);
  });
  it.each(USER_COMMANDS)('documents the command user %s', (command) => {
    expect(operations).toContain(`user ${command}`);
  });
  it.each(['backup --to', 'restore --from', 'renew-feed-epoch', 'pg_dump', 'pg_restore', 'import assets', 'import users', 'import work-orders', 'export hours', 'export work-orders', 'export assets'])('documents %s', (command) => {
    expect(operations).toContain(command);
  });
});

describe('docs/import.md', () => {
  const importDoc = readFileSync('docs/import.md', 'utf8');
  it.each([...ASSET_COLUMNS, ...WORK_ORDER_COLUMNS, ...USER_COLUMNS])('documents the column %s', (column) => {
    expect(importDoc).toContain(`\`${column}\``);
  });
});

/** README, "Updates (for IT)": what IT sets and what it must know about MSI installs. */
describe('README: updates', () => {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('## Updates (for IT)'), readme.indexOf('## What cannot run'));
  it.each([...UPDATE_POLICIES.map((p) => `\`${p}\``), 'SHOPFLOOR_UPDATES', 'SHOPFLOOR_CONFIG', '--updates', 'latest.yml', 'latest-linux.yml', '.blockmap'])('names %s', (word) => {
    expect(section).toContain(word);
  });
  it('says where the machine-wide file lives, as the app looks for it', () => {
    expect(section).toContain('%ProgramData%\\Shopfloor\\');
    expect(machineConfigPath('linux', {})).toBe('/etc/shopfloor/config.json');
    expect(section).toContain('/etc/shopfloor/');
    expect(section).toContain('`config.json`');
  });
  it('says MSI installs are updated by IT, not by the app', () => {
    expect(section).toContain('MSI installs are updated by IT, not by the app');
  });
  it(`names the default policy (${DEFAULT_UPDATE_POLICY})`, () => {
    expect(section).toContain(`\`${DEFAULT_UPDATE_POLICY}\` (the default)`);
  });
});
