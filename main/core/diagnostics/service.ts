import type { DiagnosticsInfo, DiagnosticsSaved } from '../../../shared/domain/diagnostics';
import { AppError } from '../../../shared/ipc/result';
import type { SecretStore } from '../auth/secretStore';
import { latestCrashAt } from './crashDumps';
import { saveDiagnosticsZip } from './diagnosticsZip';
import { whyCannotWrite } from '../files/writeError';

/** Where the zip goes: the shell's native save dialog, or a test's answer. Null: cancelled. */
export type ChooseDiagnosticsPath = (suggestedName: string) => Promise<string | null>;

/** What the diagnostics zip takes beyond the profile folder; the shell knows these, plain Node has none. */
export interface DiagnosticsPlaces {
  /** The shell's log folder (electron-log's main.log and archives). */
  logDir?: string;
  /** Electron's crashDumps folder. */
  crashDumpsDir?: string;
  /** App, Electron and Chromium versions, as the shell knows them. */
  versions?: Record<string, string | undefined>;
}

export interface DiagnosticsDeps {
  dataDir: string;
  places: DiagnosticsPlaces;
  secrets: SecretStore;
  choosePath: ChooseDiagnosticsPath | undefined;
  settings: () => object;
  now: () => string;
}

/** The two channels of Settings → "Save diagnostics…". */
export function diagnosticsHandlers(deps: DiagnosticsDeps) {
  return {
    getDiagnosticsInfo: (): DiagnosticsInfo => ({ latestCrashAt: latestCrashAt(deps.places.crashDumpsDir) }),
    saveDiagnostics: async (): Promise<DiagnosticsSaved> => {
      if (!deps.choosePath) throw new AppError('VALIDATION_FAILED', 'Saving diagnostics is not available here.');
      const now = deps.now();
      const destination = await deps.choosePath(suggestedName(now));
      if (!destination) return { saved: false };
      try {
        const saved = saveDiagnosticsZip(destination, {
          dataDir: deps.dataDir,
          logDir: deps.places.logDir,
          crashDumpsDir: deps.places.crashDumpsDir,
          secrets: deps.secrets.values(),
          versions: deps.places.versions ?? {},
          settings: deps.settings(),
          now,
        });
        return { saved: true, path: saved.path, files: saved.files.length, crashDumps: saved.crashDumps };
      } catch (error) {
        throw new AppError('VALIDATION_FAILED', `The diagnostics could not be saved to ${destination}: ${whyCannotWrite(error)}. Choose another folder.`);
      }
    },
  };
}

/** shopfloor-diagnostics-2025-03-14-1030.zip: sorts by date, no characters Windows refuses. */
export function suggestedName(now: string): string {
  return `shopfloor-diagnostics-${now.slice(0, 16).replace('T', '-').replace(':', '')}.zip`;
}
