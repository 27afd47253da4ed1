import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSafeStorageSecretStore } from '../../main/secrets/safeStorageSecretStore';
import { memoryLogger } from '../helpers/memoryLogger';
import { makeTempDir } from '../helpers/tempDir';

/** Electron's safeStorage is the seam we fake: a reversible "encryption" that marks its output. */
function fakeSafeStorage(available: boolean, backend = 'gnome_libsecret') {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (text: string) => Buffer.from(`enc:${Buffer.from(text).toString('hex')}`),
    decryptString: (data: Buffer) => Buffer.from(data.toString().slice(4), 'hex').toString(),
  };
}

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));
const file = () => {
  const temp = makeTempDir();
  cleanups.push(temp.remove);
  return path.join(temp.dir, 'secrets.json');
};

describe('safeStorage secret store', () => {
  it('writes tokens only encrypted and reads them back after a restart', () => {
    const where = file();
    const store = createSafeStorageSecretStore(fakeSafeStorage(true), where, memoryLogger());
    store.set('token:alice', 'super-secret-token');
    expect(store.persistent).toBe(true);
    expect(readFileSync(where, 'utf8')).not.toContain('super-secret-token');
    const again = createSafeStorageSecretStore(fakeSafeStorage(true), where, memoryLogger());
    expect(again.get('token:alice')).toBe('super-secret-token');
  });

  const memoryOnly = (safeStorage: ReturnType<typeof fakeSafeStorage>) => {
    const where = file();
    const logger = memoryLogger();
    const store = createSafeStorageSecretStore(safeStorage, where, logger, 'linux');
    store.set('token:bob', 'abc');
    expect(store.persistent).toBe(false);
    expect(store.get('token:bob')).toBe('abc');
    expect(existsSync(where)).toBe(false);
    expect(logger.entries).toContainEqual(expect.objectContaining({ level: 'warn' }));
  };

  it('keeps secrets in memory only, and says so, when encryption is unavailable', () => memoryOnly(fakeSafeStorage(false)));

  it('keeps secrets in memory only when Linux offers only plain-text storage', () =>
    memoryOnly(fakeSafeStorage(true, 'basic_text')),
  );
});
