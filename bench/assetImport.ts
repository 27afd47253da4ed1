import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openForCommand } from '../server/cli/database';
import { countFeedRows } from '../server/queries/feed';
import { readCsv } from '../server/import/csv';
import { serviceContext } from '../server/services/context';
import { importAssets } from '../server/services/importAssets';
import { makeTempDir } from '../tests/helpers/tempDir';

/** The target for a plant's whole register. */
export const ASSET_IMPORT_TARGET_SECONDS = 20;

const LOCATIONS = ['Hall A', 'Hall B', 'Paint shop', 'Boiler house', 'Warehouse'];
const KINDS = [['CNC', 'CNC mill'], ['CMP', 'Air compressor'], ['PMP', 'Pump'], ['CNV', 'Conveyor'], ['RBT', 'Welding robot']] as const;

/** A register of n assets as a plant exports it: every column, one in ten a part of the machine above it. */
function registerCsv(n: number): string {
  const lines = ['tag,name,location,category,manufacturer,model,serial_number,parent_tag,status'];
  for (let i = 0; i < n; i++) {
    const [prefix, kind] = KINDS[i % KINDS.length]!;
    const tag = `${prefix}-${String(i).padStart(6, '0')}`;
    const parent = i % 10 === 9 ? `${KINDS[(i - 1) % KINDS.length]![0]}-${String(i - 1).padStart(6, '0')}` : '';
    lines.push([tag, `"${kind} ${i}, line ${i % 40}"`, LOCATIONS[i % LOCATIONS.length], kind, 'Grundfos', `M-${i % 97}`, `SN${1_000_000 + i}`, parent, i % 50 ? 'in_service' : 'out_of_service'].join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * asset_import: `npm run server -- import assets register.csv` with n rows into an empty SQLite
 * server, through the same steps the command takes (open and migrate the database, read and
 * parse the file, check every row, write in one transaction), timed as a whole.
 */
export async function assetImport(n: number): Promise<Record<string, unknown>> {
  const temp = makeTempDir('shopfloor-bench-import-');
  try {
    const file = path.join(temp.dir, 'register.csv');
    writeFileSync(file, registerCsv(n));
    const start = performance.now();
    const database = await openForCommand(path.join(temp.dir, 'server'));
    try {
      const { columns, rows } = readCsv(readFileSync(file, 'utf8'));
      const result = await importAssets(serviceContext(database), columns, rows);
      const seconds = (performance.now() - start) / 1000;
      if (result.created !== n || result.errors.length) throw new Error(`asset import: ${result.created} created, errors: ${result.errors.slice(0, 3).join('; ')}`);
      if ((await countFeedRows(database.db)) !== n) throw new Error('asset import: not every asset is in the change feed');
      return {
        name: 'asset_import',
        n,
        seconds: +seconds.toFixed(2),
        perSecond: Math.round(n / seconds),
        target: `≤ ${ASSET_IMPORT_TARGET_SECONDS} s`,
        met: seconds <= ASSET_IMPORT_TARGET_SECONDS,
      };
    } finally {
      await database.destroy();
    }
  } finally {
    temp.remove();
  }
}
