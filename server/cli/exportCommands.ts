import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'csv-stringify/sync';
import { WorkDate } from '../../shared/domain/records';
import { serviceContext } from '../services/context';
import { EXPORT_KINDS, exportTable, type ExportKind } from '../services/exportCsv';
import { withCommandDatabase } from './database';
import { CommandError, runCommand } from './output';

const USAGE = `Usage: npm run server -- export work-orders|assets|hours --out <file.csv> [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--data <folder>] [--json]`;

/** `npm run server -- export …`: a CSV file Excel opens as it is (UTF-8 BOM, CRLF, quoted where needed). */
export async function runExportCommand(argv: string[]): Promise<void> {
  await runCommand(argv, USAGE, async () => {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { data: { type: 'string' }, out: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean', default: false } },
    });
    const [kind] = positionals;
    if (!kind || !(EXPORT_KINDS as readonly string[]).includes(kind)) throw new CommandError(kind ? `There is no export of ${kind}.\n${USAGE}` : USAGE, 2, 'USAGE');
    if (!values.out) throw new CommandError(`Say where to write the file: --out <file.csv>.\n${USAGE}`, 2, 'USAGE');
    if (existsSync(values.out)) throw new CommandError(`${values.out} exists already: choose a new file name.`, 1, 'VALIDATION_FAILED');
    for (const [name, value] of [['from', values.from], ['to', values.to]] as const) {
      if (value !== undefined && !WorkDate.safeParse(value).success) throw new CommandError(`--${name} must be a date like 2026-11-27.`, 2, 'USAGE');
    }
    if (kind === 'assets' && (values.from || values.to)) throw new CommandError('Assets are exported whole: --from and --to apply to work orders and hours.', 2, 'USAGE');
    const table = await withCommandDatabase(values.data, (database) =>
      exportTable(serviceContext(database), kind as ExportKind, { from: values.from, to: values.to }),
    );
    writeFileSync(values.out, stringify([table.columns, ...table.rows], { bom: true, record_delimiter: 'windows' }));
    const file = path.resolve(values.out);
    return [`Wrote ${table.rows.length} ${kind === 'hours' ? 'hours entries' : kind.replace('-', ' ')} to ${file}.`, { file, rows: table.rows.length }];
  });
}
