import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS } from '../../shared/ipc/channels';
import { createCore, DEMO_PASSWORD, type Core } from '../../main/core';
import { silentLogger } from '../../main/core/logger';
import { createDispatch, type Dispatch } from '../../main/ipc/dispatch';
import { makeTempDir } from '../helpers/tempDir';

/**
 * Every IPC channel gets random and malformed payloads through the real
 * dispatcher into a real core: the answer is a Result, an error is one a
 * technician can be shown (never INTERNAL), and a refused request changes
 * nothing in the journal.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);
const CHANNELS = Object.values(INVOKE_CHANNELS).filter((c) => c !== 'sync:openConflict' && c !== 'session:signIn');

let core: Core;
let dispatch: Dispatch;
let journal: Database.Database;
const temp = makeTempDir('shopfloor-ipc-fuzz-');

beforeAll(async () => {
  core = createCore({ dataDir: temp.dir, logger: silentLogger, autoSync: false });
  await core.handlers.signIn({ username: 'alice', password: DEMO_PASSWORD });
  dispatch = createDispatch(core.handlers, silentLogger);
  journal = new Database(core.journalPath, { readonly: true });
});
afterAll(() => {
  journal.close();
  core.close();
  temp.remove();
});

/**
 * SQLite's data_version, read on a second connection, changes whenever the
 * core's connection commits anything: equal before and after means nothing
 * was written.
 */
const fingerprint = (): number => journal.pragma('data_version', { simple: true }) as number;

const payload = fc.oneof(
  fc.anything(),
  fc.jsonValue(),
  fc.record(
    {
      id: fc.oneof(fc.string(), fc.uuid()),
      workOrderId: fc.string(),
      title: fc.string(),
      hours: fc.oneof(fc.double(), fc.integer()),
      workDate: fc.string(),
      search: fc.string(),
      limit: fc.oneof(fc.integer(), fc.double()),
      offset: fc.integer(),
      status: fc.string(),
      changes: fc.dictionary(fc.string(), fc.anything()),
      url: fc.string(),
      code: fc.string(),
      on: fc.anything(),
    },
    { requiredKeys: [] },
  ),
);

describe('IPC fuzzing', () => {
  it(`answers ${RUNS} random payloads on every channel with a Result; refusals change nothing`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CHANNELS), payload, async (channel, input) => {
        const before = fingerprint();
        const result = await dispatch(channel, input);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) {
          expect(['BAD_REQUEST', 'VALIDATION_FAILED', 'NOT_FOUND', 'NOT_SIGNED_IN']).toContain(result.error.code);
          expect(result.error.message.length).toBeGreaterThan(5);
          expect(fingerprint()).toBe(before);
        }
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('refuses a channel that is not in the contract', async () => {
    for (const channel of ['', 'fs:read', '__proto__', 'constructor', 'workorders:delete']) {
      expect(await dispatch(channel, {})).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
  });
});
