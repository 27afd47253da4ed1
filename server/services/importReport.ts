import type { z } from 'zod';

export interface ImportOptions {
  /** Check and count, write nothing. */
  dryRun?: boolean;
  /** Import the valid rows and report the others; without it any error writes nothing. */
  skipInvalid?: boolean;
}

export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  written: boolean;
  errors: string[];
  /** User imports: passwords the server generated, shown once. */
  generatedPasswords?: Record<string, string>;
}

export function report(partial: Partial<ImportReport>): ImportReport {
  return { created: 0, updated: 0, unchanged: 0, skipped: 0, written: false, errors: [], ...partial };
}

/** "line 14, status: 'retird' is not one of in_service, out_of_service, retired". */
export function describeIssue(line: number, error: z.ZodError, values: Record<string, string>): string {
  const issue = error.issues[0]!;
  const column = String(issue.path[0] ?? '');
  const value = values[column];
  if (issue.code === 'invalid_value' && 'values' in issue) {
    return `line ${line}, ${column}: '${value}' is not one of ${(issue.values as unknown[]).join(', ')}.`;
  }
  if (value === undefined) return `line ${line}, ${column}: the cell is empty, and it is required.`;
  return `line ${line}, ${column}: ${issue.message}`;
}
