import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVE_OPTIONS } from '../../server/cli/serve';
import { ASSET_COLUMNS } from '../../server/import/assetRows';
import { USER_COLUMNS } from '../../server/import/userRows';
import { WORK_ORDER_COLUMNS } from '../../server/import/workOrderRows';
import { USER_COMMANDS } from '../../server/cli/userCommands';
import { ERROR_CODES, MUTATION_TYPES, REJECTION_CODES } from '../../shared/sync/protocol';
import { DIAGNOSTICS_FILES } from '../../main/core/diagnostics/diagnosticsZip';
import { OUTBOX_STATES } from '../../main/core/journal/outbox';
import { LOG_ARCHIVES_KEPT, LOG_MAX_BYTES } from '../../main/core/logRotation';

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

/** The Diagnostics section is what IT reads before opening a zip: every file, state and setting in it. */
describe('docs/operations.md, Diagnostics', () => {
  const operations = readFileSync('docs/operations.md', 'utf8');
  const section = operations.slice(operations.indexOf('## Diagnostics'));
  it.each(DIAGNOSTICS_FILES)('names the file %s', (file) => {
    expect(section).toContain(`\`${file}\``);
  });
  it.each(OUTBOX_STATES)('names the outbox state %s', (state) => {
    expect(section).toContain(`\`${state}\``);
  });
  it('says how logs roll over and where crash reports go, with the numbers the code uses', () => {
    expect(section).toContain(`At ${LOG_MAX_BYTES / 1024 / 1024} MB`);
    expect(section).toContain(`\`main.${LOG_ARCHIVES_KEPT}.log\``);
    expect(section).toContain(`at most ${(LOG_MAX_BYTES / 1024 / 1024) * (LOG_ARCHIVES_KEPT + 1)} MB`);
    expect(section).toContain('`SHOPFLOOR_CRASH_REPORT_URL`');
    expect(section).toContain('[redacted n chars]');
  });
});

describe('docs/import.md', () => {
  const importDoc = readFileSync('docs/import.md', 'utf8');
  it.each([...ASSET_COLUMNS, ...WORK_ORDER_COLUMNS, ...USER_COLUMNS])('documents the column %s', (column) => {
    expect(importDoc).toContain(`\`${column}\``);
  });
});
