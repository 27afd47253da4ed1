import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { unzipSync } from 'fflate';
import { DEMO_PASSWORD } from '../../main/core';
import { memorySecretStore } from '../../main/core/auth/secretStore';
import { saveSession } from '../../main/core/auth/tokens';
import { openDatabase } from '../../main/core/db/connection';
import { LATEST_SCHEMA_VERSION } from '../../main/core/db/migrations';
import { DIAGNOSTICS_FILES } from '../../main/core/diagnostics/diagnosticsZip';
import { recordCycle } from '../../main/core/sync/syncHistory';
import { describe, expect, test } from '../helpers/fixtures';

/**
 * Settings → "Save diagnostics…" end to end under Node: a real core on a real
 * journal, real log and crash folders, the zip written by the real module and
 * read back with the same zip library. The secrets are random per run, so a
 * hit can only come from the data this test put in.
 */
const TOKEN = `acc${randomBytes(12).toString('hex')}`;
const REFRESH = `ref${randomBytes(12).toString('hex')}`;
const PASSWORD = `pw-${randomBytes(6).toString('hex')}`;
const DESCRIPTION = `Bearing on line ${randomBytes(4).toString('hex')} squeals "loudly"\nwhen cold`;
const NOTE = `Swapped the seal ${randomBytes(4).toString('hex')}, ask Maria`;
const FORBIDDEN = { TOKEN, REFRESH, PASSWORD, DESCRIPTION, 'the description, first line': DESCRIPTION.split('\n')[0]!, NOTE };

function setUp(tempFolder: (prefix?: string) => string) {
  const logDir = tempFolder('shopfloor-logs-');
  const crashDumpsDir = tempFolder('shopfloor-crashes-');
  const saveDir = tempFolder('shopfloor-save-');
  const answer: { path: string | null } = { path: path.join(saveDir, 'diagnostics.zip') };
  return { logDir, crashDumpsDir, saveDir, answer };
}

describe('Save diagnostics…', () => {
  test('writes one zip with what IT needs and none of the tokens, passwords or notes', async ({ openCore, tempFolder }) => {
    const { logDir, crashDumpsDir, answer } = setUp(tempFolder);
    const secrets = memorySecretStore();
    const core = openCore({
      autoSync: false,
      secretStore: secrets,
      chooseDiagnosticsPath: async () => answer.path,
      diagnostics: { logDir, crashDumpsDir, versions: { app: '9.8.7-test', electron: '45.5.0', chromium: '142.0.0.0' } },
    });

    // The secret store holds a sign-in; the journal and its settings carry them too, as a careless line might.
    saveSession(secrets, 'alice', { token: TOKEN, refreshToken: REFRESH, expiresAt: '2030-01-01T00:00:00.000Z' });
    await core.handlers.signIn({ username: 'alice', password: DEMO_PASSWORD });
    const created = await core.handlers.createWorkOrder({ title: 'Squealing bearing', description: DESCRIPTION, priority: 'high', assetId: null, dueAt: null });
    await core.handlers.logHours({ workOrderId: created.id, hours: 1.5, workDate: '2025-01-02', note: NOTE });
    const db = openDatabase(core.journalPath);
    try {
      db.prepare("INSERT INTO local_meta (key, value) VALUES ('proxy_password', ?)").run(PASSWORD);
      db.prepare("INSERT INTO local_meta (key, value) VALUES ('last_refresh_token', ?)").run(REFRESH);
      recordCycle(db, {
        startedAt: '2025-01-02T10:00:00.000Z',
        finishedAt: '2025-01-02T10:00:01.000Z',
        sent: 0,
        received: 0,
        outcome: 'failed',
        message: `The server answered 502 to Authorization: Bearer ${TOKEN}`,
      });
    } finally {
      db.close();
    }
    // The shell's log, current and archived, with the ways secrets and notes reach a log.
    writeFileSync(
      path.join(logDir, 'main.log'),
      [
        `[2025-01-02 10:00:00.000] [info] shopfloor started { version: '9.8.7-test' }`,
        `[2025-01-02 10:00:01.000] [warn] sign-in refused { username: 'alice', password: '${PASSWORD}' }`,
        `[2025-01-02 10:00:02.000] [info] push ${JSON.stringify({ type: 'create_work_order', payload: { title: 'Squealing bearing', description: DESCRIPTION } })}`,
        `[2025-01-02 10:00:03.000] [info] hours { note: '${NOTE.replace(/'/g, "\\'")}' }`,
        `[2025-01-02 10:00:04.000] [info] request headers authorization=Bearer ${TOKEN}`,
        `[2025-01-02 10:00:05.000] [info] renewed with ${REFRESH}`,
      ].join('\n'),
    );
    writeFileSync(path.join(logDir, 'main.1.log'), `[2025-01-01 09:00:00.000] [info] token=${TOKEN} password=${PASSWORD}\n`);
    // A crash dump (binary) holding the token as Chromium keeps strings: UTF-16.
    mkdirSync(path.join(crashDumpsDir, 'completed'), { recursive: true });
    const dump = path.join(crashDumpsDir, 'completed', 'b1e5c0de.dmp');
    writeFileSync(dump, Buffer.concat([Buffer.from('MDMP\x93\xa7', 'latin1'), Buffer.from(TOKEN, 'utf16le'), randomBytes(64)]));

    expect(await core.handlers.getDiagnosticsInfo()).toEqual({ latestCrashAt: statSync(dump).mtime.toISOString() });
    const saved = await core.handlers.saveDiagnostics();
    expect(saved).toMatchObject({ saved: true, path: answer.path, crashDumps: 1 });

    const files = unzipSync(readFileSync(answer.path!));
    const names = Object.keys(files).sort();
    expect(names).toEqual(
      [...DIAGNOSTICS_FILES, 'logs/main.log', 'logs/main.1.log', 'crash-dumps/completed/b1e5c0de.dmp'].sort(),
    );
    expect(saved.saved && saved.files).toBe(names.length);

    // None of the secrets or free text anywhere, in any encoding a file could hold them.
    for (const [name, bytes] of Object.entries(files)) {
      const buffer = Buffer.from(bytes);
      for (const [what, value] of Object.entries(FORBIDDEN)) {
        for (const encoding of ['utf8', 'utf16le'] as const) {
          expect(buffer.indexOf(Buffer.from(value, encoding)), `${what} (${encoding}) in ${name}`).toBe(-1);
        }
        expect(buffer.indexOf(Buffer.from(JSON.stringify(value).slice(1, -1))), `${what} (JSON-escaped) in ${name}`).toBe(-1);
      }
    }

    const text = (name: string) => Buffer.from(files[name]!).toString('utf8');
    const json = (name: string) => JSON.parse(text(name)) as Record<string, unknown>;
    expect(text('journal/integrity-check.txt')).toBe('ok\n');
    expect(json('journal/outbox-counts.json')).toEqual({ pending: 2, in_flight: 0, conflict: 0, rejected: 0, applied: 0, discarded: 0, resolved: 0 });
    expect(json('journal/sync-history.json')).toEqual([expect.objectContaining({ outcome: 'failed', message: 'The server answered 502 to Authorization: Bearer [redacted]' })]);
    expect(json('journal/server-errors.json')).toMatchObject({ failedSyncs: [{ outcome: 'failed' }], refusedChanges: [] });
    expect(json('versions.json')).toMatchObject({
      app: '9.8.7-test',
      electron: '45.5.0',
      chromium: '142.0.0.0',
      node: process.versions.node,
      journalSchema: LATEST_SCHEMA_VERSION,
      schemaThisVersionUnderstands: LATEST_SCHEMA_VERSION,
      sqlite: expect.stringMatching(/^3\.\d+\.\d+$/),
    });
    expect(json('settings.json')).toMatchObject({
      settings: { serverUrl: null, serverFixed: false },
      journal: { client_id: expect.any(String), proxy_password: '[redacted]', last_refresh_token: '[redacted]' },
    });
    // What IT reads in the log is still there, with the marker saying how much was taken out.
    const log = text('logs/main.log');
    expect(log).toContain('shopfloor started');
    expect(log).toContain(`"description":"[redacted ${DESCRIPTION.length} chars]"`);
    expect(log).toContain(`note: '[redacted ${NOTE.length} chars]'`);
    expect(log).toContain('"title":"Squealing bearing"');
    expect(text('README.txt')).toContain('1 crash dump(s)');
    // The dump is still a dump: same size, header intact.
    expect(files['crash-dumps/completed/b1e5c0de.dmp']!.length).toBe(statSync(dump).size);
    expect(Buffer.from(files['crash-dumps/completed/b1e5c0de.dmp']!).subarray(0, 4).toString('latin1')).toBe('MDMP');
  });

  test('cancelling the save dialog writes nothing; an unwritable place is said in a sentence', async ({ openCore, tempFolder }) => {
    const { saveDir, answer } = setUp(tempFolder);
    const core = openCore({ autoSync: false, chooseDiagnosticsPath: async () => answer.path });
    expect(await core.handlers.getDiagnosticsInfo()).toEqual({ latestCrashAt: null });

    answer.path = null;
    expect(await core.handlers.saveDiagnostics()).toEqual({ saved: false });

    answer.path = path.join(saveDir, 'no-such-folder', 'diagnostics.zip');
    await expect(core.handlers.saveDiagnostics()).rejects.toThrow(
      `The diagnostics could not be saved to ${answer.path}: that folder does not exist. Choose another folder.`,
    );
    expect(existsSync(path.dirname(answer.path))).toBe(false);
  });

  test('without a crash folder or shell logs, the zip still has the journal and the core’s own log', async ({ openCore, tempFolder }) => {
    const { answer } = setUp(tempFolder);
    const core = openCore({ autoSync: false, chooseDiagnosticsPath: async () => answer.path });
    mkdirSync(path.join(core.dataDir, 'logs'), { recursive: true });
    writeFileSync(path.join(core.dataDir, 'logs', 'core.log'), 'journal migrated from schema 0 to 30\n');
    const saved = await core.handlers.saveDiagnostics();
    expect(saved).toMatchObject({ saved: true, crashDumps: 0 });
    const files = unzipSync(readFileSync(answer.path!));
    expect(Object.keys(files).sort()).toEqual([...DIAGNOSTICS_FILES, 'logs/core.log'].sort());
    expect(Buffer.from(files['README.txt']!).toString()).toContain('none: the app has not crashed');
  });
});
