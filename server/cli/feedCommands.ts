import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { ServerDatabase } from '../db/database';
import { writeFeedEpoch } from '../queries/meta';
import { compactFeed } from '../services/compactFeed';
import { withCommandDatabase } from './database';
import { runCommand, type CommandAnswer } from './output';

/**
 * `npm run server -- renew-feed-epoch`: after the data was put back by other means (pg_restore on
 * PostgreSQL), every workstation must pull again from the start; a new epoch tells them so.
 */
export async function runRenewFeedEpoch(argv: string[]): Promise<void> {
  await feedCommand('renew-feed-epoch', argv, async (database) => {
    const epoch = randomUUID();
    await writeFeedEpoch(database.db, epoch);
    return ['Renewed the feed epoch: workstations will pull everything again and then send their unsent changes.', { epoch }];
  });
}

/**
 * `npm run server -- compact`: keeps only the latest change of each record in the change feed, so a
 * new workstation's first pull (and every pull after a long time away) reads one row per record.
 * Safe while the server serves; workstations keep their cursors.
 */
export async function runCompact(argv: string[]): Promise<void> {
  await feedCommand('compact', argv, async (database) => {
    const { removed, kept } = await compactFeed(database);
    const total = removed.workOrder + removed.asset + removed.hoursEntry + removed.workRequest;
    const sentence =
      total === 0
        ? `The change feed was already compact: nothing removed; it holds ${kept} changes.`
        : `Removed ${total} older changes from the change feed (work orders: ${removed.workOrder}, assets: ${removed.asset}, hours entries: ${removed.hoursEntry}, work requests: ${removed.workRequest}); ` +
          `it now holds ${kept} changes, the latest of each record.`;
    return [sentence, { removed, total, kept }];
  });
}

/** The feed commands take only --data (or DATABASE_URL) and --json. */
async function feedCommand(name: string, argv: string[], work: (database: ServerDatabase) => Promise<CommandAnswer>): Promise<void> {
  await runCommand(argv, `Usage: npm run server -- ${name} [--data <folder>] [--json]`, async () => {
    const { values } = parseArgs({ args: argv, options: { data: { type: 'string' }, json: { type: 'boolean', default: false } } });
    return withCommandDatabase(values.data, work);
  });
}
