import { createCore, DEMO_PASSWORD, type Core } from '../../../main/core';
import { silentLogger } from '../../../main/core/logger';
import { makeTempDir } from '../../helpers/tempDir';

/**
 * Another workstation on the same server (bob's, on a folder of its own),
 * signed in and synced once: what the specs use to change a work order
 * "meanwhile" and so produce conflicts and refusals. Sync is manual.
 */
export async function secondStation(serverUrl: string): Promise<{ core: Core; close(): void }> {
  const temp = makeTempDir('shopfloor-bob-');
  const core = createCore({ dataDir: temp.dir, logger: silentLogger, serverUrl, seedDemoData: false, autoSync: false });
  await core.handlers.signIn({ username: 'bob', password: DEMO_PASSWORD });
  await core.sync.syncNow();
  return { core, close: () => (core.close(), temp.remove()) };
}
