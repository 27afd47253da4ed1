import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { JOURNAL_FILE_NAME } from '../db/connection';
import { nodeLogDir } from '../nodeLogger';
import { findCrashDumps } from './crashDumps';
import { integrityCheck, journalVersions, localMeta, outboxCounts, recentServerErrors, syncHistory } from './journalReport';
import { redact, redactBytes } from './redact';

/**
 * "Save diagnostics…": one zip IT can read, built from folders alone (the
 * journal is opened read-only on its own connection, so it works whatever the
 * app's state, and a damaged journal is reported rather than stopping it).
 * Every text file passes through `redact`, crash dumps through `redactBytes`.
 */
export interface DiagnosticsSources {
  /** The workstation profile: the journal (shopfloor.db) and the core's own logs/ live here. */
  dataDir: string;
  /** The shell's log folder (electron-log's main.log and its archives). */
  logDir?: string;
  /** Electron's crashDumps folder, where the shell has one. */
  crashDumpsDir?: string;
  /** Every value the secret store holds: removed wherever it appears. */
  secrets: readonly string[];
  /** What the caller knows of versions (app, Electron, Chromium); the zip adds Node, SQLite, schema and OS. */
  versions: Record<string, string | undefined>;
  /** The app's Settings as the Settings screen shows them. */
  settings: object;
  now: string;
}

/** The files every diagnostics zip has (logs and crash dumps come in addition, as found). */
export const DIAGNOSTICS_FILES = [
  'README.txt',
  'versions.json',
  'settings.json',
  'journal/integrity-check.txt',
  'journal/outbox-counts.json',
  'journal/sync-history.json',
  'journal/server-errors.json',
] as const;

export interface SavedDiagnostics {
  path: string;
  files: string[];
  crashDumps: number;
}

export function buildDiagnosticsZip(sources: DiagnosticsSources): { zip: Uint8Array; files: string[]; crashDumps: number } {
  const entries: Zippable = {};
  const mtime = new Date(sources.now);
  const text = (name: string, content: string) => (entries[name] = [strToU8(redact(content, sources.secrets)), { mtime }]);
  const json = (name: string, value: unknown) => text(name, `${JSON.stringify(value, null, 2)}\n`);

  const journal = readJournal(path.join(sources.dataDir, JOURNAL_FILE_NAME));
  json('versions.json', {
    ...sources.versions,
    node: process.versions.node,
    ...journal.versions,
    os: `${os.type()} ${os.release()} (${process.platform} ${process.arch})`,
  });
  json('settings.json', { settings: sources.settings, journal: journal.meta });
  text('journal/integrity-check.txt', `${journal.integrity.join('\n')}\n`);
  json('journal/outbox-counts.json', journal.outboxCounts);
  json('journal/sync-history.json', journal.syncHistory);
  json('journal/server-errors.json', journal.serverErrors);

  const logNames = new Set<string>();
  for (const dir of new Set([sources.logDir, nodeLogDir(sources.dataDir)].filter((d) => d !== undefined))) {
    for (const file of listFiles(dir)) {
      let name = `logs/${file}`;
      for (let n = 2; logNames.has(name); n++) name = `logs/${n}-${file}`;
      logNames.add(name);
      text(name, readFileSync(path.join(dir, file), 'utf8'));
    }
  }
  const dumps = findCrashDumps(sources.crashDumpsDir);
  for (const dump of dumps) entries[`crash-dumps/${dump.name}`] = [redactBytes(readFileSync(dump.file), sources.secrets), { mtime: new Date(dump.at), level: 6 }];

  text('README.txt', readme(sources.now, dumps.length));
  const files = Object.keys(entries).sort();
  return { zip: zipSync(entries, { level: 6 }), files, crashDumps: dumps.length };
}

/** Builds the zip and writes it whole (a `.part` file renamed into place), so IT never gets half a file. */
export function saveDiagnosticsZip(destination: string, sources: DiagnosticsSources): SavedDiagnostics {
  const { zip, files, crashDumps } = buildDiagnosticsZip(sources);
  const part = `${destination}.part`;
  try {
    writeFileSync(part, zip);
    renameSync(part, destination);
  } finally {
    rmSync(part, { force: true });
  }
  return { path: destination, files, crashDumps };
}

function readJournal(file: string) {
  if (!existsSync(file)) return unreadable(`No journal at ${file}.`);
  let db: Database.Database | undefined;
  try {
    // Read-only, its own connection: the app's writes go on; WAL readers never block the writer.
    db = new Database(file, { readonly: true, fileMustExist: true });
    return {
      integrity: integrityCheck(db),
      versions: journalVersions(db),
      meta: localMeta(db),
      outboxCounts: outboxCounts(db),
      syncHistory: syncHistory(db),
      serverErrors: recentServerErrors(db),
    };
  } catch (error) {
    return unreadable(`The journal could not be read: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    db?.close();
  }
}

function unreadable(why: string) {
  return { integrity: [why], versions: {}, meta: {}, outboxCounts: { unreadable: why }, syncHistory: [], serverErrors: { unreadable: why } };
}

function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name)
      .sort();
  } catch {
    return []; // nothing logged there yet
  }
}

function readme(now: string, crashDumps: number): string {
  return [
    `Shopfloor diagnostics, saved ${now}.`,
    '',
    'versions.json                 app, Electron, Chromium, Node, SQLite, journal schema, operating system',
    'settings.json                 the sync server and other settings; what the journal keeps about this PC',
    'journal/integrity-check.txt   SQLite PRAGMA integrity_check of the journal: "ok" when it is sound',
    'journal/outbox-counts.json    changes in the outbox by state (pending, in_flight, conflict, rejected, ...)',
    'journal/sync-history.json     the last 200 sync cycles, newest first',
    'journal/server-errors.json    failed sync cycles and changes the server refused (code and sentence)',
    'logs/                         the app\'s log files, the current one and its archives',
    `crash-dumps/                  ${crashDumps ? `${crashDumps} crash dump(s) (minidumps) of the app` : 'none: the app has not crashed'}`,
    '',
    'Redacted: sign-in tokens, passwords and anything the secret store holds, and the text of notes',
    'and descriptions ("[redacted n chars]").',
    '',
  ].join('\n');
}
