import { test as base } from 'vitest';
import { createCore, type Core, type CoreOptions } from '../../main/core';
import type { RunningServer, StartOptions } from '../../server';
import { makeTempDir } from './tempDir';
import { createTestLog, type TestLog } from './testLog';
import { makeTestDatabase, startTestServer, type TestDatabase, type TestDialect } from './testServer';

/**
 * The setup the integration tests share, as vitest fixtures (like the browser
 * harness in tests/e2e/harness/fixtures.ts): temporary folders, real sync
 * servers on loopback, cores for workstations, and one cleanup stack that
 * undoes all of it after each test, in reverse order, even when a step fails.
 * A fixture is only set up when a test names it.
 */
type Cleanup = () => void | Promise<void>;

export interface ServerOptions extends StartOptions {
  /** SQLite (default) or PostgreSQL (needs TEST_DATABASE_URL). */
  dialect?: TestDialect;
  /** Start on this database instead of a new one, e.g. a second instance on the same PostgreSQL schema. */
  database?: TestDatabase;
}

export interface IntegrationFixtures {
  /** What the cores and servers of this test logged at warn and above; printed only if the test fails. */
  testLog: TestLog;
  /** Registers something to undo after the test (a proxy, a child process, a second handle). */
  cleanup: (fn: Cleanup) => void;
  /** A fresh folder under the OS temp dir, removed after the test. */
  tempFolder: (prefix?: string) => string;
  /** A real sync server on loopback with a database of its own (or the one given); closed, then dropped, after the test. */
  startServer: (options?: ServerOptions) => Promise<RunningServer & { testDatabase: TestDatabase }>;
  /** A real SQLite sync server with the demo seed, started for the tests that name it. */
  server: RunningServer & { testDatabase: TestDatabase };
  /**
   * A workstation's core on a fresh folder (or `dataDir`), silent, closed after
   * the test once its sync worker is idle. Options go to createCore unchanged.
   */
  openCore: (options?: Partial<CoreOptions>) => Core & { dataDir: string };
}

export const test = base.extend<IntegrationFixtures>({
  // eslint-disable-next-line no-empty-pattern -- vitest reads the fixture's dependencies from this pattern.
  cleanup: async ({}, use) => {
    const stack: Cleanup[] = [];
    await use((fn) => void stack.push(fn));
    const errors: unknown[] = [];
    for (const fn of stack.reverse()) {
      try {
        await fn();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors, `${errors.length} cleanup steps failed`);
  },

  testLog: async ({ onTestFailed }, use) => {
    const log = createTestLog();
    onTestFailed(() => log.print());
    await use(log);
  },

  tempFolder: async ({ cleanup }, use) => {
    await use((prefix = 'shopfloor-test-') => {
      const temp = makeTempDir(prefix);
      cleanup(temp.remove);
      return temp.dir;
    });
  },

  startServer: async ({ cleanup, testLog }, use) => {
    await use(async ({ dialect = 'sqlite', database, ...options } = {}) => {
      let testDatabase = database;
      if (!testDatabase) {
        const created = makeTestDatabase(dialect);
        cleanup(() => created.drop());
        testDatabase = created;
      }
      const server = await startTestServer(testDatabase, { logger: testLog.serverLogger('server'), ...options });
      // Closing twice is harmless, so a test may stop its server half-way (the network gone) and cleanup still runs.
      const closeOnce = server.close;
      let closing: Promise<void> | undefined;
      server.close = () => (closing ??= closeOnce());
      cleanup(() => server.close());
      return Object.assign(server, { testDatabase });
    });
  },

  server: async ({ startServer }, use) => {
    await use(await startServer({ seed: 'demo' }));
  },

  openCore: async ({ cleanup, tempFolder, testLog }, use) => {
    let opened = 0;
    await use((options = {}) => {
      const dataDir = options.dataDir ?? tempFolder();
      const core = createCore({ logger: testLog.coreLogger(`core ${++opened}`), ...options, dataDir });
      cleanup(async () => {
        await core.sync.idle();
        core.close();
      });
      return Object.assign(core, { dataDir });
    });
  },
});

export { describe, expect } from 'vitest';
