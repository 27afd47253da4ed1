import type { WorkOrder, WorkOrderPage, WorkOrderQuery, WorkOrderRecord, WorkOrderSort, WorkOrderSummary } from '../../../shared/domain/workOrder';
import type { LocalWorkOrder } from '../journal/replay';
import { cached, type Db } from './connection';
import { searchIndexLive } from './deferredIndexes';

/** The journal's view of work orders (`work_orders`) and the server's copy (`work_order_base`). */

interface WorkOrderRow {
  id: string;
  number: string | null;
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
  synced_at: string | null;
}

/** What the journal's tables say of a work order; its local state is added by journal/localState.ts. */
export type StoredWorkOrder = Omit<WorkOrder, 'localState' | 'pending' | 'refusal'>;
export type StoredWorkOrderSummary = Omit<WorkOrderSummary, 'localState' | 'pending' | 'refusal'>;
export type StoredWorkOrderPage = Omit<WorkOrderPage, 'items'> & { items: StoredWorkOrderSummary[] };

const fromRow = (r: WorkOrderRow): StoredWorkOrder => ({
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
  lastSyncedAt: r.synced_at,
});

/** `%`, `_` and the escape character itself are literal in what a technician types. */
export const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** What a technician typed as one FTS5 phrase: with the trigram tokenizer, "contains this text" (quotes doubled). */
const ftsPhrase = (text: string): string => `{number title} : "${text.replace(/"/g, '""')}"`;

/**
 * Each sort's ORDER BY terms, written exactly as migration 0040's index
 * expressions (and 0020's for `updated`) so SQLite walks an index instead of
 * sorting; every one ends in `id`, so rows with equal keys keep their place
 * from page to page. `t` is the table alias.
 */
const SORT_TERMS: Record<WorkOrderSort, (t: string) => string[]> = {
  updated: (t) => [`${t}.updated_at DESC`, `${t}.id`],
  due: (t) => [`${t}.due_at IS NULL`, `${t}.due_at`, `${t}.id`],
  priority: (t) => [
    `(CASE ${t}.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END)`,
    `${t}.updated_at DESC`,
    `${t}.id`,
  ],
  number: (t) => [`length(${t}.number)`, `${t}.number`, `${t}.id`],
};

/**
 * The list's SQL for one query: the page (`pageSql`), the count and their
 * parameters. Separate from running it so tests can read its query plan.
 * `searchIndex: false`: the search index is not kept up to date (a first pull
 * is under way, db/deferredIndexes.ts), so a text search scans.
 */
export function listQuery(query: WorkOrderQuery, currentUser: string | null, { searchIndex = true }: { searchIndex?: boolean } = {}) {
  const where: string[] = [];
  // A text search finds few rows through its index; then other filters only check those rows
  // (the unary + keeps SQLite from walking, say, every in-progress work order instead).
  const c = (column: string) => (query.search ? `+w.${column}` : `w.${column}`);
  const params: Record<string, unknown> = { limit: query.limit, offset: query.offset };
  if (query.status) {
    where.push(`${c('status')} = @status`);
    params.status = query.status;
  }
  if (query.priority) {
    where.push(`${c('priority')} = @priority`);
    params.priority = query.priority;
  }
  if (query.assetId) {
    where.push(`${c('asset_id')} = @assetId`);
    params.assetId = query.assetId;
  }
  if (query.assignedToMe) {
    where.push(`${c('assignee_id')} = @me`);
    params.me = currentUser ?? '';
  }
  if (query.search) {
    // Three characters or more: the trigram index finds the rows (a LIKE scan took ~90 ms on 100,000).
    // Shorter: too short for trigrams, so scan. Matching asset tags are looked up once, not joined row by row.
    const indexed = searchIndex && query.search.length >= 3;
    const text = indexed
      ? `w.rowid IN (SELECT rowid FROM work_orders_search WHERE work_orders_search MATCH @match)`
      : `(w.number LIKE @pattern ESCAPE '\\' OR w.title LIKE @pattern ESCAPE '\\')`;
    where.push(`(${text} OR w.asset_id IN (SELECT id FROM assets WHERE tag LIKE @pattern ESCAPE '\\'))`);
    params.pattern = likePattern(query.search);
    if (indexed) params.match = ftsPhrase(query.search);
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const terms = SORT_TERMS[query.sort];
  // With a text search, scanning the table and sorting the few matches beats walking a sort index row by row
  // (a unary + on the first term keeps SQLite from choosing that index).
  const order = terms('w')
    .map((term, i) => (i === 0 && query.search ? `+${term}` : term))
    .join(', ');

  return {
    pageSql: `SELECT p.*, a.tag AS asset_tag, a.name AS asset_name
     FROM (SELECT w.id, w.number, w.title, w.status, w.priority, w.asset_id, w.assignee_id, w.due_at, w.updated_at
           FROM work_orders w ${filter} ORDER BY ${order} LIMIT @limit OFFSET @offset) p
     LEFT JOIN assets a ON a.id = p.asset_id
     ORDER BY ${terms('p').join(', ')}`,
    countSql: `SELECT count(*) AS total FROM work_orders w ${filter}`,
    params,
  };
}

/**
 * One page of the list in the chosen order, filtered by status, priority,
 * asset and assignee and by a case-insensitive match on number, title or
 * asset tag.
 */
export function listWorkOrders(db: Db, query: WorkOrderQuery, currentUser: string | null = null): StoredWorkOrderPage {
  const { pageSql, countSql, params } = listQuery(query, currentUser, { searchIndex: !query.search || searchIndexLive(db) });
  const items = cached<Record<string, unknown>, WorkOrderRow>(db, pageSql)
    .all(params)
    .map((r) => ({
      id: r.id,
      number: r.number,
      title: r.title,
      status: r.status,
      priority: r.priority,
      assetId: r.asset_id,
      assetTag: r.asset_tag,
      assetName: r.asset_name,
      assigneeId: r.assignee_id,
      dueAt: r.due_at,
      updatedAt: r.updated_at,
    }));

  const { total } = cached<Record<string, unknown>, { total: number }>(db, countSql).get(params)!;
  return { items, total, offset: query.offset };
}

export function getWorkOrder(db: Db, id: string): StoredWorkOrder | undefined {
  const row = db
    .prepare<[string], WorkOrderRow>(
      `SELECT w.*, a.tag AS asset_tag, a.name AS asset_name, b.synced_at
       FROM work_orders w LEFT JOIN assets a ON a.id = w.asset_id LEFT JOIN work_order_base b ON b.id = w.id
       WHERE w.id = ?`,
    )
    .get(id);
  return row && fromRow(row);
}

export function countWorkOrders(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM work_orders').get() as { n: number }).n;
}

/** The view row as the journal shows it. */
export function writeWorkOrderView(db: Db, w: LocalWorkOrder): void {
  cached(
    db,
    `INSERT INTO work_orders (id, number, title, description, status, priority, asset_id, assignee_id,
       due_at, completed_at, completion_notes, version, created_at, created_by, updated_at, updated_by)
     VALUES (@id, @number, @title, @description, @status, @priority, @assetId, @assigneeId,
       @dueAt, @completedAt, @completionNotes, @version, @createdAt, @createdBy, @updatedAt, @updatedBy)
     ON CONFLICT (id) DO UPDATE SET number = excluded.number, title = excluded.title,
       description = excluded.description, status = excluded.status, priority = excluded.priority,
       asset_id = excluded.asset_id, assignee_id = excluded.assignee_id, due_at = excluded.due_at,
       completed_at = excluded.completed_at, completion_notes = excluded.completion_notes,
       version = excluded.version, created_at = excluded.created_at, created_by = excluded.created_by,
       updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(w);
}

export function deleteWorkOrderView(db: Db, id: string): void {
  cached(db, 'DELETE FROM work_orders WHERE id = ?').run(id);
}

/** The server's last known copy of a work order. */
export function readBase(db: Db, id: string): WorkOrderRecord | undefined {
  const row = cached<[string], { record: string }>(db, 'SELECT record FROM work_order_base WHERE id = ?').get(id);
  return row && (JSON.parse(row.record) as WorkOrderRecord);
}

export function writeBase(db: Db, record: WorkOrderRecord, syncedAt: string): void {
  cached(
    db,
    `INSERT INTO work_order_base (id, version, record, synced_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET version = excluded.version, record = excluded.record, synced_at = excluded.synced_at`,
  ).run(record.id, record.version, JSON.stringify(record), syncedAt);
}

export interface AssetInsert {
  id: string;
  tag: string;
  name: string;
  location: string;
}

/** Bulk load of server records as base and view in one transaction (the demo plant, pulled pages). */
export function insertAssetsAndWorkOrders(db: Db, assets: AssetInsert[], workOrders: WorkOrderRecord[], syncedAt: string): void {
  const insertAsset = db.prepare(
    'INSERT INTO assets (id, tag, name, location, category, version) VALUES (@id, @tag, @name, @location, @category, 1)',
  );
  db.transaction(() => {
    for (const a of assets) insertAsset.run({ ...a, category: a.name.replace(/ \d+$/, '') });
    for (const w of workOrders) {
      writeWorkOrderView(db, w);
      writeBase(db, w, syncedAt);
    }
  }).immediate();
}
