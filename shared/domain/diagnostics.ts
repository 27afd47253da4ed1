import { z } from 'zod';

/** What Settings shows before "Save diagnostics…": whether a crash report will go in. */
export const DiagnosticsInfo = z.object({
  /** When the newest crash dump on this PC was written (ISO), or null when the app never crashed. */
  latestCrashAt: z.string().nullable(),
});
export type DiagnosticsInfo = z.infer<typeof DiagnosticsInfo>;

/** "Save diagnostics…": saved where the technician chose, or cancelled in the save dialog. */
export const DiagnosticsSaved = z.discriminatedUnion('saved', [
  z.object({
    saved: z.literal(true),
    path: z.string(),
    /** How many files the zip holds, and how many of them are crash dumps. */
    files: z.number().int().nonnegative(),
    crashDumps: z.number().int().nonnegative(),
  }),
  z.object({ saved: z.literal(false) }),
]);
export type DiagnosticsSaved = z.infer<typeof DiagnosticsSaved>;
