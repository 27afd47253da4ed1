import { randomUUID } from 'node:crypto';
import type { AssetsTable } from '../db/schema';
import { chunks } from '../domain/writeSession';
import { AssetImportRow, ASSET_COLUMNS, REQUIRED_ASSET_COLUMNS } from '../import/assetRows';
import type { CsvRow } from '../import/csv';
import { nowIso, type ServiceContext } from './context';
import { describeIssue, report, type ImportOptions, type ImportReport } from './importReport';

type Row = Omit<AssetsTable, 'version' | 'updated_at'>;
const COMPARED = ['name', 'location', 'category', 'manufacturer', 'model', 'serial_number', 'parent_id', 'status'] as const;

/**
 * The plant's asset register in: keyed by tag, so importing the same file
 * again changes nothing and a changed row updates its asset with a new
 * version. Everything in one transaction, every written asset in the change
 * feed, so workstations pull it on their next sync.
 */
export async function importAssets(ctx: ServiceContext, columns: string[], rows: CsvRow[], options: ImportOptions = {}): Promise<ImportReport> {
  const missing = REQUIRED_ASSET_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length) {
    return report({ errors: [`The file has no column ${missing.join(', ')}. Asset columns: ${ASSET_COLUMNS.join(', ')}.`] });
  }
  const errors: string[] = [];
  const valid: { line: number; row: AssetImportRow }[] = [];
  const seen = new Map<string, number>();
  for (const { line, values } of rows) {
    const present = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
    const parsed = AssetImportRow.safeParse(present);
    if (!parsed.success) {
      errors.push(describeIssue(line, parsed.error, present));
      continue;
    }
    const earlier = seen.get(parsed.data.tag);
    if (earlier) {
      errors.push(`line ${line}, tag: '${parsed.data.tag}' is already on line ${earlier}.`);
      continue;
    }
    seen.set(parsed.data.tag, line);
    valid.push({ line, row: parsed.data });
  }

  const { db } = ctx.database;
  return db.transaction().execute(async (tx) => {
    const existing = new Map<string, AssetsTable>();
    const wanted = [...new Set(valid.flatMap(({ row }) => [row.tag, ...(row.parent_tag ? [row.parent_tag] : [])]))];
    for (const tags of chunks(wanted)) {
      for (const asset of await tx.selectFrom('assets').selectAll().where('tag', 'in', tags).execute()) existing.set(asset.tag, asset);
    }
    const idOf = new Map<string, string>([...existing.values()].map((a) => [a.tag, a.id]));
    for (const { row } of valid) if (!idOf.has(row.tag)) idOf.set(row.tag, randomUUID());

    const inserts: AssetsTable[] = [];
    const updates: AssetsTable[] = [];
    let unchanged = 0;
    const now = nowIso(ctx);
    for (const { line, row } of valid) {
      const parentId = row.parent_tag ? idOf.get(row.parent_tag) : null;
      if (parentId === undefined) {
        errors.push(`line ${line}, parent_tag: no asset has the tag '${row.parent_tag}' (in the file or on the server).`);
        continue;
      }
      const next: Row = {
        id: idOf.get(row.tag)!,
        tag: row.tag,
        name: row.name,
        location: row.location,
        category: row.category,
        manufacturer: row.manufacturer,
        model: row.model,
        serial_number: row.serial_number,
        parent_id: parentId,
        status: row.status,
      };
      const current = existing.get(row.tag);
      if (!current) inserts.push({ ...next, version: 1, updated_at: now });
      else if (COMPARED.some((k) => current[k] !== next[k])) updates.push({ ...next, version: Number(current.version) + 1, updated_at: now });
      else unchanged += 1;
    }
    const counts = { created: inserts.length, updated: updates.length, unchanged, skipped: rows.length - inserts.length - updates.length - unchanged };
    if (options.dryRun || (errors.length && !options.skipInvalid)) return report({ ...counts, errors });

    // Parents before children: the foreign key is checked per statement.
    for (const some of chunks(parentsFirst(inserts))) {
      await tx.insertInto('assets').values(some).execute();
    }
    for (const asset of updates) {
      const { id, ...fields } = asset;
      await tx.updateTable('assets').set(fields).where('id', '=', id).execute();
    }
    for (const some of chunks([...inserts, ...updates])) {
      await tx.insertInto('change_log').values(some.map((a) => ({ entity: 'asset', entity_id: a.id, version: a.version }) as never)).execute();
    }
    return report({ ...counts, errors, written: true });
  });
}

function parentsFirst(assets: AssetsTable[]): AssetsTable[] {
  const byId = new Map(assets.map((a) => [a.id, a]));
  const depth = (a: AssetsTable, guard = 0): number => {
    const parent = a.parent_id ? byId.get(a.parent_id) : undefined;
    return parent && guard < 64 ? 1 + depth(parent, guard + 1) : 0;
  };
  return assets.map((a) => [depth(a), a] as const).sort((x, y) => x[0] - y[0]).map(([, a]) => a);
}


