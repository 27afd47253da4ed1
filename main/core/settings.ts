import type { Settings } from '../../shared/domain/views';
import { AppError } from '../../shared/ipc/result';
import type { Db } from './db/connection';
import { SyncClient } from './sync/syncClient';
import type { SyncWorker } from './sync/worker';

/** Starting with the computer is the shell's business (Electron's login items); tests pass a memory one. */
export interface LoginItemPort {
  get(): boolean;
  set(on: boolean): void;
}

/** Which server this PC syncs with, and where it came from. */
export interface ServerChoice {
  url: string | undefined;
  demo: boolean;
  /** Set by IT (environment): Settings shows it but cannot change it. */
  fixed: boolean;
}

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i;

/**
 * STYLE.md item 21: packaged builds talk to the server over https only
 * (plain http is accepted for a server on this very computer).
 */
export function checkServerUrl(raw: string, requireHttps: boolean): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError('VALIDATION_FAILED', 'That is not a web address. It looks like https://shopfloor.example.com.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new AppError('VALIDATION_FAILED', 'The address must start with https://');
  if (requireHttps && url.protocol === 'http:' && !LOOPBACK.test(url.hostname)) {
    throw new AppError('VALIDATION_FAILED', 'Use a secure address (https://): the server would see passwords and work orders in the clear.');
  }
  return url.origin;
}

export function savedServerUrl(db: Db): string | undefined {
  return (db.prepare("SELECT value FROM local_meta WHERE key = 'server_url'").get() as { value: string } | undefined)?.value;
}

export function saveServerUrl(db: Db, url: string, worker: SyncWorker): void {
  db.transaction(() => {
    db.prepare("INSERT INTO local_meta (key, value) VALUES ('server_url', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(url);
    // Another server has another feed: start it over (the outbox is kept and sent there).
    db.prepare("DELETE FROM local_meta WHERE key = 'pull_cursor'").run();
  }).immediate();
  worker.setClient(new SyncClient(url));
}

export async function testConnection(url: string): Promise<{ ok: boolean; message: string }> {
  return (await new SyncClient(url).healthy())
    ? { ok: true, message: 'The server answered. Connection works.' }
    : { ok: false, message: 'No answer from this address. Check it, and that this computer is on the network.' };
}

export function currentSettings(server: ServerChoice, loginItem: LoginItemPort | undefined): Settings {
  return {
    serverUrl: server.url ?? null,
    demoServer: server.demo,
    serverFixed: server.fixed,
    startWithComputer: loginItem?.get() ?? false,
    startWithComputerSupported: loginItem !== undefined,
  };
}
