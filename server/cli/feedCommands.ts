import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { writeFeedEpoch } from '../queries/meta';
import { openForCommand } from './database';
import { CommandError, fail, succeed } from './output';

/**
 * `npm run server -- renew-feed-epoch`: after the data was put back by other means (pg_restore on
 * PostgreSQL), every workstation must pull again from the start; a new epoch tells them so.
 */
export async function runRenewFeedEpoch(argv: string[]): Promise<void> {
  let json = argv.includes('--json');
  try {
    const { values } = parseArgs({ args: argv, options: { data: { type: 'string' }, json: { type: 'boolean', default: false } } });
    json = values.json;
    const database = await openForCommand(values.data);
    try {
      const epoch = randomUUID();
      await writeFeedEpoch(database.db, epoch);
      succeed(json, 'Renewed the feed epoch: workstations will pull everything again and then send their unsent changes.', { epoch });
    } finally {
      await database.destroy();
    }
  } catch (error) {
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      fail(json, new CommandError(`${error.message}\nUsage: npm run server -- renew-feed-epoch [--data <folder>] [--json]`, 2, 'USAGE'));
    }
    fail(json, error);
  }
}
