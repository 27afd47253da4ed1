import { z } from 'zod';

/**
 * When the app may update itself, decided without Electron so every case is a unit test
 * (tests/unit/updatePolicy.test.ts). The shell (main/updates/) feeds it what the updater and the
 * journal say and does what it answers; it never calls quitAndInstall on its own.
 *
 * The one rule that matters: an update never installs while changes are unsent or a sync runs.
 * A running sync is waited for; unsent changes are synced first; what a sync cannot send
 * (offline, conflicts waiting for the technician) is the technician's call.
 */

/** Set by IT per PC or for the machine (machineConfig.ts). */
export const UPDATE_POLICIES = ['off', 'notify', 'auto'] as const;
export const UpdatePolicy = z.enum(UPDATE_POLICIES);
export type UpdatePolicy = z.infer<typeof UpdatePolicy>;

/** A PC no IT person has configured tells its technician and installs nothing by itself. */
export const DEFAULT_UPDATE_POLICY: UpdatePolicy = 'notify';

export type UpdaterState = { state: 'none' } | { state: 'downloading'; version: string } | { state: 'downloaded'; version: string };

export interface JournalState {
  /** Changes the server does not have yet (pending or in flight): a sync can send them. */
  unsent: number;
  /** Work order conflicts waiting for Overwrite / Discard / Merge: no sync sends them. */
  conflicts: number;
  syncRunning: boolean;
}

export interface UpdateSituation {
  policy: UpdatePolicy;
  updater: UpdaterState;
  journal: JournalState;
  /** Who wants the install: the policy (`auto`), or the technician who pressed "Install now". */
  requestedBy: 'policy' | 'technician';
  /** A sync already ran for this install and ended: whatever is still unsent, it could not send. */
  syncedForThisInstall: boolean;
}

export type UpdateAction =
  /** Off, nothing downloaded yet, or nothing to do. */
  | { do: 'nothing' }
  /** `notify`: say a new version is ready; the technician installs it when it suits them. */
  | { do: 'tell'; version: string }
  /** Everything is on the server and no sync runs: quit and install. */
  | { do: 'install'; version: string }
  /** A sync is running: decide again when it ends. */
  | { do: 'wait-for-sync' }
  /** Changes are unsent: sync now, then decide again (with syncedForThisInstall). */
  | { do: 'sync-first' }
  /** The sync could not send everything: the technician chooses to install anyway (changes stay on the PC) or later. */
  | { do: 'ask'; version: string; unsent: number; conflicts: number };

export function decideUpdate(s: UpdateSituation): UpdateAction {
  if (s.policy === 'off' || s.updater.state !== 'downloaded') return { do: 'nothing' };
  const version = s.updater.version;
  if (s.policy === 'notify' && s.requestedBy === 'policy') return { do: 'tell', version };
  const { unsent, conflicts, syncRunning } = s.journal;
  if (syncRunning) return { do: 'wait-for-sync' };
  if (unsent === 0 && conflicts === 0) return { do: 'install', version };
  if (unsent > 0 && !s.syncedForThisInstall) return { do: 'sync-first' };
  return { do: 'ask', version, unsent, conflicts };
}

/** The sentence the technician reads when asked, and the two answers. */
export function askSentence(action: Extract<UpdateAction, { do: 'ask' }>): { message: string; detail: string } {
  const waiting = [
    action.unsent && `${action.unsent} change${action.unsent === 1 ? '' : 's'} not yet on the server`,
    action.conflicts && `${action.conflicts} conflict${action.conflicts === 1 ? '' : 's'} to decide`,
  ].filter(Boolean);
  return {
    message: `Shopfloor ${action.version} is ready to install.`,
    detail:
      `This computer has ${waiting.join(' and ')}. They stay saved on this computer and are sent after the update, ` +
      'but until then nobody else sees them. Install now, or later when they are sent?',
  };
}

export interface UpdaterSettings {
  /** Check the feed at all. */
  enabled: boolean;
  autoDownload: boolean;
  /** Always false: electron-updater would install on quit without asking us. */
  autoInstallOnAppQuit: false;
  /** electron-updater's generic provider, on the shop's sync server. */
  feed: { provider: 'generic'; url: string; useMultipleRangeRequest: false } | null;
  /** Why updates are off, for the log. */
  reason?: string;
}

/**
 * How the shell sets electron-updater up. The feed is `<server>/updates/` on the sync server the PC
 * uses (or the address IT gives). One range per request: the server answers single ranges
 * (@fastify/static), so the updater asks for the changed blocks one range at a time.
 */
export function updaterSettings(policy: UpdatePolicy, where: { serverUrl?: string; updatesUrl?: string; demoServer: boolean }): UpdaterSettings {
  const off = (reason: string): UpdaterSettings => ({ enabled: false, autoDownload: false, autoInstallOnAppQuit: false, feed: null, reason });
  if (policy === 'off') return off('IT turned updates off on this computer.');
  const base = where.updatesUrl ?? (where.serverUrl && !where.demoServer ? `${new URL(where.serverUrl).origin}/updates/` : undefined);
  if (!base) return off('No sync server is set up: there is no update feed to ask.');
  const url = base.endsWith('/') ? base : `${base}/`;
  return { enabled: true, autoDownload: true, autoInstallOnAppQuit: false, feed: { provider: 'generic', url, useMultipleRangeRequest: false } };
}
