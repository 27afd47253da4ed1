import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVE_OPTIONS } from '../../server/cli/serve';
import { ASSET_COLUMNS } from '../../server/import/assetRows';
import { USER_COLUMNS } from '../../server/import/userRows';
import { WORK_ORDER_COLUMNS } from '../../server/import/workOrderRows';
import { USER_COMMANDS } from '../../server/cli/userCommands';
import { choiceWords, PICK_TITLE } from '../../shared/domain/conflictWords';
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

/** The README is what a technician's supervisor reads: the conflict choices it names are the app's own words. */
describe('README.md', () => {
  const readme = readFileSync('README.md', 'utf8');
  const conflict = { workOrderId: 'w', number: 'WO-1', title: 't', changedBy: 'bob', changedAt: '', serverVersion: 1, madeBy: 'alice', fields: [], canMerge: true };
  const titles = [...choiceWords(conflict, String, 'you').map((w) => w.title), PICK_TITLE].map((t) => t.replace('’', "'"));
  it.each(titles)('names the conflict choice %s', (choice) => {
    expect(readme).toContain(`**${choice}**`);
  });
  it('shows only screenshots that exist', () => {
    const images = [...readme.matchAll(/\]\((docs\/screenshots\/[^)]+)\)/g)].map((m) => m[1]!);
    expect(images).toContain('docs/screenshots/conflict-pick.png');
    expect(images.filter((image) => !existsSync(image))).toEqual([]);
  });
});
