import type { Logger } from '../../main/core/logger';

export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  details: unknown[];
}

/** A real Logger that keeps what it was told, so tests can assert on warnings. */
export function memoryLogger(): Logger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const at =
    (level: LogEntry['level']) =>
    (message: string, ...details: unknown[]) =>
      entries.push({ level, message, details });
  return { entries, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
