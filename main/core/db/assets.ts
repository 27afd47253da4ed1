import type { Asset, AssetDetail, AssetPage, AssetQueryInput, LookupResult } from '../../../shared/domain/views';
import type { Db } from './connection';
import { likePattern, listWorkOrders, type StoredWorkOrderSummary } from './workOrders';

interface AssetRow {
  id: string;
  tag: string;
  name: string;
  location: string;
  category: string;
  manufacturer: string;
  model: string;
  serial_number: string;
  status: Asset['status'];
}

const fromRow = (r: AssetRow): Asset => ({
  id: r.id,
  tag: r.tag,
  name: r.name,
  location: r.location,
  category: r.category,
  manufacturer: r.manufacturer,
  model: r.model,
  serialNumber: r.serial_number,
  status: r.status,
});

/** Assets by tag, then name; search matches tag, name or location. */
export function listAssets(db: Db, query: Required<AssetQueryInput>): AssetPage {
  const filter = query.search
    ? "WHERE tag LIKE @pattern ESCAPE '\\' OR name LIKE @pattern ESCAPE '\\' OR location LIKE @pattern ESCAPE '\\'"
    : '';
  const params = { pattern: likePattern(query.search), limit: query.limit, offset: query.offset };
  const items = db
    .prepare<typeof params, AssetRow>(`SELECT * FROM assets ${filter} ORDER BY tag LIMIT @limit OFFSET @offset`)
    .all(params)
    .map(fromRow);
  const { total } = db.prepare<typeof params, { total: number }>(`SELECT count(*) AS total FROM assets ${filter}`).get(params)!;
  return { items, total, offset: query.offset };
}

/** An asset and its work orders (their local states are added by the caller). */
export function getAsset(db: Db, id: string, currentUser: string | null): (Omit<AssetDetail, 'workOrders'> & { workOrders: StoredWorkOrderSummary[] }) | undefined {
  const row = db.prepare<[string], AssetRow>('SELECT * FROM assets WHERE id = ?').get(id);
  if (!row) return undefined;
  const { items } = listWorkOrders(
    db,
    { search: '', status: null, priority: null, assetId: id, assignedToMe: false, sort: 'updated', offset: 0, limit: 200 },
    currentUser,
  );
  return { asset: fromRow(row), workOrders: items };
}

/**
 * What a barcode scanner typed: an asset tag or a work-order number, exact
 * and case-insensitive, from the journal (so it works offline).
 */
export function lookupCode(db: Db, code: string): LookupResult {
  const asset = db.prepare<[string], { id: string }>('SELECT id FROM assets WHERE tag = ? COLLATE NOCASE').get(code);
  if (asset) return { kind: 'asset', id: asset.id };
  const workOrder = db.prepare<[string], { id: string }>('SELECT id FROM work_orders WHERE number = ? COLLATE NOCASE').get(code);
  return workOrder ? { kind: 'workOrder', id: workOrder.id } : { kind: 'none' };
}
