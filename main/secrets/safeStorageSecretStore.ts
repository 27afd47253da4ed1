import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SafeStorage } from 'electron';
import type { SecretStore } from '../core/auth/secretStore';
import type { Logger } from '../core/logger';

type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & {
  getSelectedStorageBackend?: () => string;
};

/**
 * Server tokens, encrypted with Electron's safeStorage (Keychain, DPAPI,
 * libsecret/kwallet) into one file. When encryption is unavailable, or on
 * Linux only the plain-text backend exists, nothing is written to disk: the
 * secrets live in memory and the technician is told they must sign in again
 * after a restart (STYLE.md item 18).
 */
export function createSafeStorageSecretStore(
  safeStorage: SafeStorageLike,
  file: string,
  logger: Logger,
  platform: NodeJS.Platform = process.platform,
): SecretStore {
  // Only Linux can fall back to a plain-text backend (basic_text); elsewhere the OS keychain is used.
  const backend = platform === 'linux' ? safeStorage.getSelectedStorageBackend?.() : undefined;
  const persistent = safeStorage.isEncryptionAvailable() && backend !== 'basic_text' && backend !== 'unknown';
  if (!persistent) logger.warn('secure storage unavailable: sign-in tokens kept in memory only', { backend });

  const secrets = new Map<string, string>();
  if (persistent) {
    try {
      const stored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
      for (const [key, value] of Object.entries(stored)) secrets.set(key, safeStorage.decryptString(Buffer.from(value, 'base64')));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') logger.warn('stored sign-in tokens unreadable; signing in again will renew them', error);
    }
  }
  const save = () => {
    if (!persistent) return;
    const encrypted = Object.fromEntries([...secrets].map(([key, value]) => [key, safeStorage.encryptString(value).toString('base64')]));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(`${file}.tmp`, JSON.stringify(encrypted), { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
  };
  return {
    persistent,
    get: (key) => secrets.get(key),
    set: (key, value) => {
      secrets.set(key, value);
      save();
    },
    delete: (key) => {
      secrets.delete(key);
      save();
    },
    values: () => [...secrets.values()],
  };
}
