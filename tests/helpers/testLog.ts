import type { Logger } from '../../main/core/logger';
import { memoryLogger, type LogEntry } from './memoryLogger';

/**
 * What the cores and servers of one integration test said at warn and above,
 * printed only when the test fails: a sync cycle that "failed" then shows why
 * (the worker logs the error), and a server's 500 its stack, instead of only
 * the assertion that noticed.
 */
export interface TestLog {
  /** For createCore: a memory logger whose warnings and errors are printed if the test fails. */
  coreLogger(source: string): Logger;
  /** For Fastify's `logger` option: pino options that write warn and above here. */
  serverLogger(source: string): { level: string; stream: { write(line: string): void } };
  print(): void;
}

const detail = (value: unknown) => (value instanceof Error ? (value.stack ?? value.message) : typeof value === 'string' ? value : JSON.stringify(value));
const line = (source: string, { level, message, details }: LogEntry) => `[${source}] ${level}: ${[message, ...details.map(detail)].join(' ')}`;

export function createTestLog(): TestLog {
  // Per core and server, read when printing (a core keeps its entries in its memory logger).
  const sources: (() => string[])[] = [];
  return {
    coreLogger: (source) => {
      const logger = memoryLogger();
      sources.push(() => logger.entries.filter((e) => e.level === 'warn' || e.level === 'error').map((e) => line(source, e)));
      return logger;
    },
    serverLogger: (source) => {
      const lines: string[] = [];
      sources.push(() => lines);
      return { level: 'warn', stream: { write: (text) => void lines.push(`[${source}] ${text.trim()}`) } };
    },
    print() {
      const lines = sources.flatMap((read) => read());
      if (lines.length) console.log(`What the cores and servers of this test logged (warn and above):\n${lines.join('\n')}`);
    },
  };
}
