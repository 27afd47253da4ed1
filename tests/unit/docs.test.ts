import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVE_OPTIONS } from '../../server/cli/serve';
import { ASSET_COLUMNS } from '../../server/import/assetRows';
import { USER_COLUMNS } from '../../server/import/userRows';
import { WORK_ORDER_COLUMNS } from '../../server/import/workOrderRows';
import { USER_COMMANDS } from '../../server/cli/userCommands';
import { ServerMetrics } from '../../server/metrics/serverMetrics';
import { choiceWords, PICK_TITLE } from '../../shared/domain/conflictWords';
import { ENTITIES, ERROR_CODES, MUTATION_TYPES, REJECTION_CODES } from '../../shared/sync/protocol';
import { HOURS_FORMAT_MESSAGE, parseHours, QUICK_HOURS } from '../../shared/domain/hoursText';
import { DIAGNOSTICS_FILES } from '../../main/core/diagnostics/diagnosticsZip';
import { OUTBOX_STATES } from '../../main/core/journal/outbox';
import { LOG_ARCHIVES_KEPT, LOG_MAX_BYTES } from '../../main/core/logRotation';
import { DEFAULT_LOCK_AFTER_MINUTES, MachineConfigFile, machineConfigPath, readMachineConfig } from '../../main/core/machineConfig';
import { KIOSK_EXIT_REFUSED } from '../../main/core/kiosk/service';
import { MAX_REFUSALS, QUIET_MS } from '../../main/core/net/proxyLogin';
import { readBuilderConfig } from '../packaging/builderConfig';
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
  it.each(ENTITIES)('documents the feed entity %s', (entity) => {
    expect(doc).toContain(`\`${entity}\``);
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
    'GET /work-requests/:id',
    'GET /work-requests/:id/history',
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
  const start = readme.indexOf('### Updates (for IT)');
  const section = readme.slice(start, readme.indexOf('\n## ', start));
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

/** The README in three parts, each reader's first: the technician, IT, the developer. */
describe('README.md: three parts', () => {
  const readme = readFileSync('README.md', 'utf8');
  const at = (heading: string) => readme.indexOf(`\n${heading}\n`);
  const parts = ['## For the technician', '## For IT', '## For developers'];
  it('has them in this order, each once, and nothing else at that level', () => {
    expect(parts.map(at).every((i, n, all) => i > 0 && (n === 0 || i > all[n - 1]!))).toBe(true);
    expect([...readme.matchAll(/^## .*$/gm)].map((m) => m[0])).toEqual(parts);
  });
  it('gives a newcomer the three commands before the parts', () => {
    const top = readme.slice(0, at(parts[0]!));
    for (const command of ['npm install', 'npm start', 'npm test']) expect(top).toContain(command);
  });
  it('keeps each section under its reader', () => {
    const part = (n: number) => readme.slice(at(parts[n]!), n + 1 < parts.length ? at(parts[n + 1]!) : undefined);
    expect(part(1)).toContain('### Updates (for IT)');
    expect(part(1)).toContain('](docs/operations.md#deploying-to-many-pcs)');
    for (const doc of ['docs/operations.md', 'docs/import.md', 'docs/packaging.md']) expect(part(1)).toContain(`](${doc}`);
    expect(part(2)).toContain('### What cannot run');
    expect(part(2)).toContain('### Architecture');
  });
});

/** docs/screenshots/ shows the screens as the tests last pictured them, and the README shows every one. */
describe('docs/screenshots', () => {
  const readme = readFileSync('README.md', 'utf8');
  const chosen = JSON.parse(readFileSync('scripts/readme-screenshots.json', 'utf8')) as Record<string, string>;
  it.each(Object.keys(chosen))('%s is in the folder and in the README', (file) => {
    expect(existsSync(`docs/screenshots/${file}`)).toBe(true);
    expect(readme).toContain(`](docs/screenshots/${file})`);
  });
  it('holds no picture the tests no longer take', () => {
    expect(readdirSync('docs/screenshots').filter((file) => !(file in chosen))).toEqual([]);
  });
  it('names, for each, a screenshot a browser test saves', () => {
    const specs = readdirSync('tests/e2e').filter((f) => f.endsWith('.spec.ts')).map((f) => readFileSync(`tests/e2e/${f}`, 'utf8')).join('\n');
    for (const name of Object.values(chosen)) {
      const stem = name.replace(/-(\d+x\d+)?-?(light|dark)?$/, '').replace(/-(green|blue|amber|red)$/, '');
      expect(specs, name).toContain(stem);
    }
  });
});

/** The Kiosk section is what IT follows to lock a PC down: the settings the app reads and the sentence the exit gives. */
describe('docs/operations.md, Kiosk', () => {
  const operations = readFileSync('docs/operations.md', 'utf8');
  const section = operations.slice(operations.indexOf('## Kiosk'));
  it('names the settings the app reads, as it reads them', () => {
    expect(readMachineConfig('/nonexistent/config.json', { SHOPFLOOR_KIOSK: '1' }).kiosk).toBe(true);
    expect(section).toContain('`SHOPFLOOR_KIOSK=1`');
    expect(section).toContain('{ "kiosk": true }');
    expect(MachineConfigFile.parse(JSON.parse('{ "kiosk": true }'))).toEqual({ kiosk: true });
  });
  it('covers Windows and Linux, and quotes the sentence a refused exit gets', () => {
    for (const words of ['Assigned Access', 'Shell Launcher', 'AutomaticLogin', 'autologin-user', 'Exit kiosk (IT)']) expect(section).toContain(words);
    expect(section.replace(/\s+/g, ' ')).toContain(KIOSK_EXIT_REFUSED);
  });
});

/** docs/operations.md, "Deploying to many PCs": what IT types on 40 PCs must be what the app and its installers do. */
describe('docs/operations.md, Deploying to many PCs', () => {
  const operations = readFileSync('docs/operations.md', 'utf8');
  const section = operations.slice(operations.indexOf('## Deploying to many PCs'));
  const builder = readBuilderConfig();
  /** electron-builder's file name for a target, with the version left as <version>. */
  const fileName = (pattern: string | undefined, ext: string) =>
    (pattern ?? '').replace('${productName}', builder.productName).replace('${version}', '<version>').replace('${ext}', ext);

  it('is the last section (other sections are edited by others: this one is appended)', () => {
    expect(operations.indexOf('## Deploying to many PCs')).toBeGreaterThan(0);
    expect(section.slice(3)).not.toMatch(/^## /m);
  });

  it('installs silently with the NSIS and MSI files electron-builder.yml makes, both per machine', () => {
    expect(builder.win.target).toEqual(expect.arrayContaining(['nsis', 'msi']));
    expect(builder.nsis).toMatchObject({ perMachine: true });
    expect(builder.msi).toMatchObject({ perMachine: true, runAfterFinish: false });
    const nsis = fileName(builder.nsis?.artifactName, 'exe');
    const msi = fileName(builder.msi?.artifactName, 'msi');
    expect(nsis).toBe('Shopfloor-Setup-<version>.exe');
    expect(msi).toBe('Shopfloor-<version>.msi');
    expect(section).toContain(`${nsis} /S /allusers`);
    expect(section).toContain(`msiexec /i ${msi} /qn ALLUSERS=1`);
    expect(section).toContain(`msiexec /x ${msi} /qn`);
    expect(section).toContain(`"C:\\Program Files\\${builder.productName}\\Uninstall ${builder.productName}.exe" /S`);
  });

  it('uses the installer switches electron-builder\'s NSIS script reads', () => {
    const templates = path.resolve('node_modules/app-builder-lib/templates/nsis');
    const scripts = readdirSync(templates).filter((f) => f.endsWith('.nsh')).map((f) => readFileSync(path.join(templates, f), 'utf8')).join('\n');
    expect(scripts).toContain('${GetOptions} $R0 "/allusers"');
    expect(scripts).toContain('${GetOptions} $R0 "--delete-app-data"');
    expect(section).toContain('--delete-app-data');
  });

  it.each(Object.keys(MachineConfigFile.shape))('documents the config file key %s', (key) => {
    expect(section).toContain(`"${key}"`);
  });

  it('says where the configuration file lives, as the app looks for it', () => {
    expect(section).toContain(`\`${machineConfigPath('win32', { ProgramData: 'C:\\ProgramData' })}\``);
    expect(section).toContain(`\`${machineConfigPath('linux', {})}\``);
    expect(section).toContain(`\`${machineConfigPath('darwin', {})}\``);
  });

  /** Every variable the app reads (grepped from main/), so none is a secret switch IT never hears of. */
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
  const variables = [...new Set(sources('main').flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\b(?:process\.env|env)\.([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!)))].sort();
  it('finds the variables the app reads', () => {
    expect(variables).toEqual(expect.arrayContaining(['SHOPFLOOR_SERVER_URL', 'SHOPFLOOR_CONFIG', 'SHOPFLOOR_UPDATES']));
  });
  it.each(variables)('documents the environment variable %s', (name) => {
    expect(section).toContain(`\`${name}\``);
  });

  it('says how the proxy sign-in stops asking, with the numbers the code uses', () => {
    expect(section).toContain('**Proxy sign-in**');
    const flat = section.replace(/\s+/g, ' ');
    expect(flat).toContain(`after ${MAX_REFUSALS} refusals in a row`);
    expect(flat).toContain(`for ${QUIET_MS / 60_000} minutes`);
    expect(flat).toContain('never written to disk and never logged');
  });
});
