import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVE_OPTIONS } from '../../server/cli/serve';
import { ASSET_COLUMNS } from '../../server/import/assetRows';
import { USER_COLUMNS } from '../../server/import/userRows';
import { WORK_ORDER_COLUMNS } from '../../server/import/workOrderRows';
import { USER_COMMANDS } from '../../server/cli/userCommands';
import { ERROR_CODES, MUTATION_TYPES, REJECTION_CODES } from '../../shared/sync/protocol';

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
    'GET /users/assignable',
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
