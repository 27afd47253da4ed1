import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_UPDATE_POLICY, UpdatePolicy } from './updates/updatePolicy';

/**
 * What IT sets for a whole PC, outside any user's profile: a JSON file only administrators can
 * write (deployed by Group Policy, a software-distribution tool or a config-management run),
 * and environment variables for one PC. The environment wins over the file; the file over the
 * defaults. A broken file is reported and ignored, never a reason not to start.
 */
export const DEFAULT_LOCK_AFTER_MINUTES = 10;
/** A shift: a PC that never locks should say 0, not 10,000. */
const MAX_LOCK_AFTER_MINUTES = 720;
const LockAfterMinutes = z.coerce.number().int().min(0).max(MAX_LOCK_AFTER_MINUTES);

export const MachineConfigFile = z
  .object({
    /** The shop's sync server for every PC: Settings shows it and cannot change it. */
    serverUrl: z.url({ protocol: /^https?$/ }).optional(),
    /** off | notify | auto (core/updates/updatePolicy.ts). */
    updates: UpdatePolicy.optional(),
    /** Where the update feed is, when it is not `<sync server>/updates/`. */
    updatesUrl: z.url({ protocol: /^https?$/ }).optional(),
    /** Full screen, no menus, no way out but the sign-in screen's "Exit kiosk (IT)" (core/kiosk/kioskWindow.ts). */
    kiosk: z.boolean().optional(),
    /** Minutes without input before the lock screen goes up; 0 = never by inactivity (the OS lock and suspend still lock). */
    lockAfterMinutes: z.number().int().min(0).max(MAX_LOCK_AFTER_MINUTES).optional(),
  })
  .strict();
export type MachineConfigFile = z.infer<typeof MachineConfigFile>;

export interface MachineConfig {
  /** The sync server IT fixed for this PC (SHOPFLOOR_SERVER_URL, else the file's serverUrl), or none: Settings chooses. */
  serverUrl?: string;
  serverUrlSource?: 'environment' | 'config file';
  updatePolicy: UpdatePolicy;
  /** Where the policy came from, for the log and Settings: IT wants to see which one won. */
  updatePolicySource: 'environment' | 'config file' | 'default';
  updatesUrl?: string;
  /** Run as a kiosk: SHOPFLOOR_KIOSK=1|0 wins over the file's "kiosk"; off by default. */
  kiosk: boolean;
  /** Minutes without input before the app locks (0 = never by inactivity). */
  lockAfterMinutes: number;
  /** Sentences for the log: a file that could not be read or an environment value that is not valid. */
  problems: string[];
}

/** Where the machine-wide file lives: %ProgramData%\Shopfloor\config.json on Windows, /etc/shopfloor/config.json on Linux. */
export function machineConfigPath(platform: NodeJS.Platform, env: Record<string, string | undefined>): string {
  if (env.SHOPFLOOR_CONFIG) return env.SHOPFLOOR_CONFIG;
  if (platform === 'win32') return path.win32.join(env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData', 'Shopfloor', 'config.json');
  if (platform === 'darwin') return '/Library/Application Support/Shopfloor/config.json';
  return '/etc/shopfloor/config.json';
}

export function readMachineConfig(file: string, env: Record<string, string | undefined>): MachineConfig {
  const problems: string[] = [];
  const fromFile = readConfigFile(file, problems);
  const fromEnv = env.SHOPFLOOR_UPDATES ? UpdatePolicy.safeParse(env.SHOPFLOOR_UPDATES.trim().toLowerCase()) : undefined;
  if (fromEnv && !fromEnv.success) problems.push(`SHOPFLOOR_UPDATES=${env.SHOPFLOOR_UPDATES} is not one of off, notify, auto: ignored.`);
  const updatesUrl = env.SHOPFLOOR_UPDATES_URL || fromFile.updatesUrl;
  const kiosk = kioskSetting(env.SHOPFLOOR_KIOSK, problems) ?? fromFile.kiosk ?? false;
  const lockAfterMinutes = readLockAfterMinutes(env.SHOPFLOOR_LOCK_AFTER_MINUTES, problems) ?? fromFile.lockAfterMinutes ?? DEFAULT_LOCK_AFTER_MINUTES;
  const server = env.SHOPFLOOR_SERVER_URL
    ? { serverUrl: env.SHOPFLOOR_SERVER_URL, serverUrlSource: 'environment' as const }
    : fromFile.serverUrl
      ? { serverUrl: fromFile.serverUrl, serverUrlSource: 'config file' as const }
      : {};
  const shared = { ...server, updatesUrl, kiosk, lockAfterMinutes, problems };
  if (fromEnv?.success) return { updatePolicy: fromEnv.data, updatePolicySource: 'environment', ...shared };
  if (fromFile.updates) return { updatePolicy: fromFile.updates, updatePolicySource: 'config file', ...shared };
  return { updatePolicy: DEFAULT_UPDATE_POLICY, updatePolicySource: 'default', ...shared };
}

/** SHOPFLOOR_KIOSK: 1/true/yes or 0/false/no; unset or empty leaves it to the file. */
function kioskSetting(value: string | undefined, problems: string[]): boolean | undefined {
  const word = value?.trim().toLowerCase();
  if (!word) return undefined;
  if (['1', 'true', 'yes', 'on'].includes(word)) return true;
  if (['0', 'false', 'no', 'off'].includes(word)) return false;
  problems.push(`SHOPFLOOR_KIOSK=${value} is not 1 or 0: ignored.`);
  return undefined;
}

function readLockAfterMinutes(value: string | undefined, problems: string[]): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const parsed = LockAfterMinutes.safeParse(value.trim());
  if (parsed.success) return parsed.data;
  problems.push(`SHOPFLOOR_LOCK_AFTER_MINUTES=${value} is not a whole number of minutes from 0 to ${MAX_LOCK_AFTER_MINUTES}: ignored.`);
  return undefined;
}

function readConfigFile(file: string, problems: string[]): MachineConfigFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    // No file is the normal case on a PC IT did not configure.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') problems.push(`Cannot read ${file}: ${(error as Error).message}`);
    return {};
  }
  let json: unknown;
  try {
    // Notepad saves UTF-8 with a byte-order mark.
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    problems.push(`${file} is not valid JSON: ignored. It looks like {"serverUrl": "https://sync.shop.local:8443", "updates": "notify"}.`);
    return {};
  }
  const parsed = MachineConfigFile.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  problems.push(`${file}: ${issue.path.join('.') || 'the file'}: ${issue.message}. The file is ignored.`);
  return {};
}
