import { parseArgs } from 'node:util';
import { backupSqlite, restoreSqlite } from '../services/backup';
import { DEFAULT_DATA_DIR } from './database';
import { CommandError, runCommand } from './output';

const USAGE = `Usage: npm run server -- backup --to <file> [--data <folder>] [--json]
       npm run server -- restore --from <file> [--data <folder>] [--json]
On PostgreSQL use pg_dump and pg_restore (docs/operations.md).`;

/** `npm run server -- backup|restore …` for the SQLite database in --data. */
export async function runBackupCommand(command: 'backup' | 'restore', argv: string[]): Promise<void> {
  await runCommand(argv, USAGE, async () => {
    const { values } = parseArgs({
      args: argv,
      options: { data: { type: 'string' }, to: { type: 'string' }, from: { type: 'string' }, json: { type: 'boolean', default: false } },
    });
    if (process.env.DATABASE_URL) throw new CommandError(`DATABASE_URL is set: this server keeps its data in PostgreSQL.\n${USAGE}`, 2, 'USAGE');
    const dataDir = values.data ?? DEFAULT_DATA_DIR;
    if (command === 'backup') {
      if (!values.to) throw new CommandError(`Say where to write the backup: --to <file>.\n${USAGE}`, 2, 'USAGE');
      const result = await backupSqlite(dataDir, values.to);
      return [`Backed up the server database to ${result.file}.`, result];
    }
    if (!values.from) throw new CommandError(`Say which backup to restore: --from <file>.\n${USAGE}`, 2, 'USAGE');
    const result = await restoreSqlite(dataDir, values.from);
    return [`Restored ${values.from}. Workstations will pull everything again and then send their unsent changes.`, result];
  });
}
