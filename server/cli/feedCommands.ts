import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { writeFeedEpoch } from '../queries/meta';
import { withCommandDatabase } from './database';
import { runCommand } from './output';

/**
 * `npm run server -- renew-feed-epoch`: after the data was put back by other means (pg_restore on
 * PostgreSQL), every workstation must pull again from the start; a new epoch tells them so.
 */
export async function runRenewFeedEpoch(argv: string[]): Promise<void> {
  await runCommand(argv, 'Usage: npm run server -- renew-feed-epoch [--data <folder>] [--json]', async () => {
    const { values } = parseArgs({ args: argv, options: { data: { type: 'string' }, json: { type: 'boolean', default: false } } });
    const epoch = randomUUID();
    await withCommandDatabase(values.data, (database) => writeFeedEpoch(database.db, epoch));
    return ['Renewed the feed epoch: workstations will pull everything again and then send their unsent changes.', { epoch }];
  });
}
