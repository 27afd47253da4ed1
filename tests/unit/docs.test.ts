import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVE_OPTIONS } from '../../server/cli/serve';
import { ASSET_COLUMNS } from '../../server/import/assetRows';
import { USER_COLUMNS } from '../../server/import/userRows';
import { WORK_ORDER_COLUMNS } from '../../server/import/workOrderRows';
import { USER_COMMANDS } from '../../server/cli/userCommands';
import { ServerMetrics } from '../../server/metrics/serverMetrics';
import { choiceWords, PICK_TITLE } from '../../shared/domain/conflictWords';
import { ERROR_CODES, MUTATION_TYPES, REJECTION_CODES } from '../../shared/sync/protocol';
import { HOURS_FORMAT_MESSAGE, parseHours, QUICK_HOURS } from '../../shared/domain/hoursText';
import { DIAGNOSTICS_FILES } from '../../main/core/diagnostics/diagnosticsZip';
import { OUTBOX_STATES } from '../../main/core/journal/outbox';
import { LOG_ARCHIVES_KEPT, LOG_MAX_BYTES } from '../../main/core/logRotation';
import { DEFAULT_LOCK_AFTER_MINUTES, machineConfigPath } from '../../main/core/machineConfig';
import { MAX_WRONG_PINS } from '../../main/core/auth/quickSwitch';
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
    'GET /users/assignable',
    'GET /admin/users',
    'POST /admin/users',
    'PATCH /admin/users/:username',
    'GET /metrics',
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
  it.each(['backup --to', 'restore --from', 'renew-feed-epoch', 'npm run server -- compact', 'pg_dump', 'pg_restore', 'import assets', 'import users', 'import work-orders', 'export hours', 'export work-orders', 'export assets'])('documents %s', (command) => {
    expect(operations).toContain(command);
  });
  it.each(new ServerMetrics().registry.getMetricsAsArray().map((metric) => metric.name))('documents the metrics series %s', (series) => {
    expect(operations).toContain(`\`${series}\``);
  });

  /** The Windows service's configuration names the exact command line the service runs: a real entry point and real options. */
  it('gives the Windows service a command line that starts this server with its real options', () => {
    const section = /## As a Windows service\n([\s\S]*?)\n## /.exec(operations)?.[1] ?? '';
    expect(section).toContain('<executable>C:\\Program Files\\nodejs\\node.exe</executable>');
    const commandLine = /<arguments>(.*)<\/arguments>/.exec(section)?.[1] ?? '';
    expect(commandLine).toMatch(/^--import tsx server\\cli\.ts /);
    expect(existsSync('server/cli.ts')).toBe(true);
    const options = [...commandLine.matchAll(/ --([a-z-]+)/g)].map((m) => m[1]);
    expect(options).toEqual(['port', 'host', 'data', 'tls-cert', 'tls-key']);
    for (const option of options) expect(SERVE_OPTIONS).toContain(option);
    expect(section).toContain('shopfloor-server.exe install');
    expect(section).toContain('New-NetFirewallRule');
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

/** The README tells technicians what the Hours field takes: it must say what the app does. */
describe('README.md: hours with gloves', () => {
  const readme = readFileSync('README.md', 'utf8');
  it.each(QUICK_HOURS)('names the quick button +%s h', (step) => {
    expect(readme).toContain(`**+${step} h**`);
  });
  it('quotes the sentence a wrong entry gets', () => {
    expect(readme).toContain(`"${HOURS_FORMAT_MESSAGE}"`);
  });
  it.each(['1.5', '1,5', '1:30'])('gives %s as an example, and it means 1.5 h', (example) => {
    expect(readme).toContain(`\`${example}\``);
    expect(parseHours(example)).toEqual({ ok: true, hours: 1.5 });
  });
});

/** README, the lock screen: what a technician reads must be what the app does. */
describe('README: the lock screen', () => {
  const readme = readFileSync('README.md', 'utf8');
  it.each(['**Lock**', '**PIN**', '**scanning their badge**', '**Sign in with\n  password**', 'More → Settings → Quick\n  switch', '4 to 6 digits'])('names %s', (word) => {
    expect(readme).toContain(word);
  });
  it(`says how many wrong PINs close quick switch (${MAX_WRONG_PINS})`, () => {
    const words = ['', '', '', '', '', 'Five'];
    expect(readme).toContain(`${words[MAX_WRONG_PINS]} wrong PINs in a row`);
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
  it('says how IT sets when the app locks by itself, with the default the app uses', () => {
    expect(section).toContain('`lockAfterMinutes`');
    expect(section).toContain('SHOPFLOOR_LOCK_AFTER_MINUTES');
    expect(section).toContain(`(${DEFAULT_LOCK_AFTER_MINUTES} by\ndefault`);
  });
  it('says MSI installs are updated by IT, not by the app', () => {
    expect(section).toContain('MSI installs are updated by IT, not by the app');
  });
  it(`names the default policy (${DEFAULT_UPDATE_POLICY})`, () => {
    expect(section).toContain(`\`${DEFAULT_UPDATE_POLICY}\` (the default)`);
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
