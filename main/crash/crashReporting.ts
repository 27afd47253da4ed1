import { app, crashReporter } from 'electron';

/**
 * A crash of the app leaves a minidump on this PC (Electron's crashReporter,
 * Crashpad underneath), in `app.getPath('crashDumps')`. Nothing leaves the PC
 * unless IT sets SHOPFLOOR_CRASH_REPORT_URL (a Crashpad/minidump upload
 * endpoint) in the machine's environment; otherwise the dumps wait there, and
 * Settings → "Save diagnostics…" puts them in the zip for IT.
 * Call before `ready`, so a crash during start-up is caught too.
 */
export function startCrashReporting(submitUrl: string | undefined = process.env.SHOPFLOOR_CRASH_REPORT_URL || undefined): string {
  crashReporter.start(submitUrl ? { submitURL: submitUrl, uploadToServer: true, compress: true } : { uploadToServer: false });
  return app.getPath('crashDumps');
}
