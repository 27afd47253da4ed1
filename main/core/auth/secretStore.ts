/**
 * Where server tokens live. The shell backs it with Electron's safeStorage
 * (OS keychain / DPAPI / libsecret); when only plain-text storage is
 * available it refuses to persist and keeps secrets in memory, and says so.
 */
export interface SecretStore {
  /** False when secrets will not survive a restart (and the technician is told). */
  readonly persistent: boolean;
  get(key: string): string | undefined;
  set(key: string, value: string): void;
  delete(key: string): void;
  /** Every value held, so diagnostics can remove them wherever they appear. */
  values(): string[];
}

export function memorySecretStore(): SecretStore {
  const secrets = new Map<string, string>();
  return {
    persistent: false,
    get: (key) => secrets.get(key),
    set: (key, value) => void secrets.set(key, value),
    delete: (key) => void secrets.delete(key),
    values: () => [...secrets.values()],
  };
}
