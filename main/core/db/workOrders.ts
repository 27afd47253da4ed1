import type { WorkOrder, WorkOrderPage, WorkOrderQuery } from '../../../shared/domain/workOrder';
import type { Db } from './connection';

/** Row shapes as SQLite returns them (snake_case, nulls). */
interface WorkOrderRow {
  id: string;
  number: string;
  title: string;
  description: string;
  status: WorkOrder['status'];
  priority: WorkOrder['priority'];
  asset_id: string | null;
  asset_tag: string | null;
  asset_name: string | null;
  assignee_id: string | null;
  due_at: string | null;
  completed_at: string | null;
  completion_notes: string | null;
  version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

const fromRow = (r: WorkOrderRow): WorkOrder => ({
  id: r.id,
  number: r.number,
  title: r.title,
  description: r.description,
  status: r.status,
  priority: r.priority,
  assetId: r.asset_id,
  assetTag: r.asset_tag,
  assetName: r.asset_name,
  assigneeId: r.assignee_id,
  dueAt: r.due_at,
  completedAt: r.completed_at,
  completionNotes: r.completion_notes,
  version: r.version,
  createdAt: r.created_at,
  createdBy: r.created_by,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

/** `%`, `_` and the escape character itself are literal in what a technician types. */
export const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * One page of the list, newest change first, filtered by status and by a
 * case-insensitive match on number, title or asset tag.
 */
export function listWorkOrders(db: Db, query: WorkOrderQuery): WorkOrderPage {
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: query.limit, offset: query.offset };
  if (query.status) {
    where.push('w.status = @status');
    params.status = query.status;
  }
  if (query.search) {
    where.push(
      "(w.number LIKE @pattern ESCAPE '\\' OR w.title LIKE @pattern ESCAPE '\\' OR a.tag LIKE @pattern ESCAPE '\\')",
    );
    params.pattern = likePattern(query.search);
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const from = 'FROM work_orders w LEFT JOIN assets a ON a.id = w.asset_id';

  const items = db
    .prepare<Record<string, unknown>, WorkOrderRow>(
      `SELECT w.id, w.number, w.title, w.status, w.priority, w.due_at, w.updated_at,
              a.tag AS asset_tag, a.name AS asset_name
       ${from} ${filter}
       ORDER BY w.updated_at DESC, w.id
       LIMIT @limit OFFSET @offset`,
    )
    .all(params)
    .map((r) => ({
      id: r.id,
      number: r.number,
      title: r.title,
      status: r.status,
      priority: r.priority,
      assetTag: r.asset_tag,
      assetName: r.asset_name,
      dueAt: r.due_at,
      updatedAt: r.updated_at,
    }));

  const { total } = db
    .prepare<Record<string, unknown>, { total: number }>(`SELECT count(*) AS total ${from} ${filter}`)
    .get(params)!;

  return { items, total, offset: query.offset };
}

export function getWorkOrder(db: Db, id: string): WorkOrder | undefined {
  const row = db
    .prepare<[string], WorkOrderRow>(
      `SELECT w.*, a.tag AS asset_tag, a.name AS asset_name
       FROM work_orders w LEFT JOIN assets a ON a.id = w.asset_id
       WHERE w.id = ?`,
    )
    .get(id);
  return row && fromRow(row);
}

export function countWorkOrders(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM work_orders').get() as { n: number }).n;
}

export interface AssetInsert {
  id: string;
  tag: string;
  name: string;
  location: string;
}

export type WorkOrderInsert = Omit<WorkOrder, 'assetTag' | 'assetName'>;

/** Bulk insert in one transaction (demo data now, pulled pages later). */
export function insertAssetsAndWorkOrders(db: Db, assets: AssetInsert[], workOrders: WorkOrderInsert[]): void {
  const insertAsset = db.prepare(
    'INSERT INTO assets (id, tag, name, location, version) VALUES (@id, @tag, @name, @location, 1)',
  );
  const insertWorkOrder = db.prepare(
    `INSERT INTO work_orders (id, number, title, description, status, priority, asset_id, assignee_id,
       due_at, completed_at, completion_notes, version, created_at, created_by, updated_at, updated_by)
     VALUES (@id, @number, @title, @description, @status, @priority, @assetId, @assigneeId,
       @dueAt, @completedAt, @completionNotes, @version, @createdAt, @createdBy, @updatedAt, @updatedBy)`,
  );
  db.transaction(() => {
    for (const a of assets) insertAsset.run(a);
    for (const w of workOrders) insertWorkOrder.run(w);
  }).immediate();
}
