import type { Settings } from '../../shared/domain/views';
import { AppError } from '../../shared/ipc/result';
import { SyncClient } from './sync/syncClient';
import type { ServerChoice } from './serverChoice';

/** Starting with the computer is the shell's business (Electron's login items); tests pass a memory one. */
export interface LoginItemPort {
  get(): boolean;
  set(on: boolean): void;
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
