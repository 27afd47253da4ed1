import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readCsv } from '../import/csv';
import { serviceContext } from '../services/context';
import { importAssets } from '../services/importAssets';
import { importUsers } from '../services/importUsers';
import { importWorkOrders } from '../services/importWorkOrders';
import { withCommandDatabase } from './database';
import { CommandError, runCommand } from './output';

const USAGE = `Usage: npm run server -- import assets|work-orders|users <file.csv> [--dry-run] [--skip-invalid] [--data <folder>] [--json]
Columns and examples: docs/import.md.`;

/** `npm run server -- import assets|work-orders|users <file.csv>`: the shop's register and accounts into the server's database. */
export async function runImportCommand(argv: string[]): Promise<void> {
  await runCommand(argv, USAGE, async () => {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        data: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'skip-invalid': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
    });
    const [kind, file] = positionals;
    const importer = kind === 'assets' ? importAssets : kind === 'work-orders' ? importWorkOrders : kind === 'users' ? importUsers : undefined;
    if (!importer) throw new CommandError(kind ? `Importing ${kind} is not supported yet.\n${USAGE}` : USAGE, 2, 'USAGE');
    if (!file) throw new CommandError(`Name the file to import.\n${USAGE}`, 2, 'USAGE');
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new CommandError(`Cannot read ${file}: ${(error as Error).message}`, 1, 'NOT_FOUND');
    }
    const { columns, rows } = readCsv(text);
    const result = await withCommandDatabase(values.data, (database) =>
      importer(serviceContext(database), columns, rows, { dryRun: values['dry-run'], skipInvalid: values['skip-invalid'] }),
    );
    const counts = `${result.created} new, ${result.updated} changed, ${result.unchanged} unchanged`;
    if (result.errors.length && !values['skip-invalid']) {
      const problems = result.errors.join('\n');
      if (values['dry-run']) throw new CommandError(`Dry run: ${counts}; ${result.errors.length} rows have errors, nothing was written:\n${problems}`, 1, 'VALIDATION_FAILED');
      throw new CommandError(`Nothing was imported: ${result.errors.length} rows have errors (fix them, or pass --skip-invalid):\n${problems}`, 1, 'VALIDATION_FAILED');
    }
    const skipped = result.errors.length ? `\n${values['dry-run'] ? 'Would skip' : 'Skipped'} ${result.errors.length} rows:\n${result.errors.join('\n')}` : '';
    const passwords = Object.entries(result.generatedPasswords ?? {}).map(([name, password]) => `${name}: ${password}`);
    const shown = passwords.length ? `\nGenerated passwords (shown only now, hand them over safely):\n${passwords.join('\n')}` : '';
    return [`${values['dry-run'] ? 'Dry run, nothing written: ' : `Imported ${kind}: `}${counts}.${skipped}${shown}`, result];
  });
}
