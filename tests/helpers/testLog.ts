import type { Logger } from '../../main/core/logger';

/**
 * What the cores and servers of one integration test said at warn and above,
 * kept in memory and printed only when the test fails: a sync cycle that
 * "failed" then shows why (the worker logs the error), and a server's 500 its
 * stack, instead of only the assertion that noticed.
 */
export interface TestLog {
  /** For createCore: keeps warn and error, drops the rest. */
  coreLogger(source: string): Logger;
  /** For Fastify's `logger` option: pino options that write warn and above here. */
  serverLogger(source: string): { level: string; stream: { write(line: string): void } };
  print(): void;
}

const MAX_LINES = 200;

export function createTestLog(): TestLog {
  const lines: string[] = [];
  const keep = (line: string) => {
    lines.push(line);
    if (lines.length > MAX_LINES) lines.shift();
  };
  const detail = (value: unknown) => (value instanceof Error ? (value.stack ?? value.message) : typeof value === 'string' ? value : JSON.stringify(value));
  return {
    coreLogger: (source) => ({
      debug() {},
      info() {},
      warn: (message, ...details) => keep(`[${source}] warn: ${message} ${details.map(detail).join(' ')}`),
      error: (message, ...details) => keep(`[${source}] error: ${message} ${details.map(detail).join(' ')}`),
    }),
    serverLogger: (source) => ({ level: 'warn', stream: { write: (line) => keep(`[${source}] ${line.trim()}`) } }),
    print() {
      if (lines.length) console.log(`What the cores and servers of this test logged (warn and above):\n${lines.join('\n')}`);
    },
  };
}
