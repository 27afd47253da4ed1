import type { ServiceContext } from './context';

/** What payroll and planners get out of the server: one table per kind, as rows of cells. */
export const EXPORT_KINDS = ['work-orders', 'assets', 'hours'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export interface ExportRange {
  /** YYYY-MM-DD, inclusive: hours by work date, work orders by the day they were created. */
  from?: string;
  to?: string;
}

export interface ExportTable {
  columns: string[];
  rows: (string | number | null)[][];
}

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : null);

export async function exportTable(ctx: ServiceContext, kind: ExportKind, range: ExportRange = {}): Promise<ExportTable> {
  const { db } = ctx.database;
  const after = range.from ?? '0000-01-01';
  const before = range.to ?? '9999-12-31';
  if (kind === 'hours') {
    const rows = await db
      .selectFrom('hours_entries')
      .innerJoin('work_orders', 'work_orders.id', 'hours_entries.work_order_id')
      .leftJoin('users', 'users.id', 'hours_entries.user_id')
      .select(['hours_entries.user_id', 'users.username', 'work_orders.number', 'hours_entries.work_date', 'hours_entries.hours', 'hours_entries.note'])
      .where('hours_entries.work_date', '>=', after)
      .where('hours_entries.work_date', '<=', before)
      .orderBy('hours_entries.work_date')
      .orderBy('hours_entries.user_id')
      .orderBy('work_orders.number')
      .execute();
    return {
      columns: ['user', 'work_order', 'date', 'hours', 'note'],
      rows: rows.map((r) => [r.username ?? r.user_id, r.number, r.work_date, Number(r.hours), r.note]),
    };
  }
  if (kind === 'work-orders') {
    const rows = await db
      .selectFrom('work_orders')
      .leftJoin('assets', 'assets.id', 'work_orders.asset_id')
      .select([
        'work_orders.number',
        'work_orders.external_id',
        'work_orders.title',
        'work_orders.description',
        'work_orders.status',
        'work_orders.priority',
        'assets.tag',
        'work_orders.assignee_id',
        'work_orders.due_at',
        'work_orders.created_at',
        'work_orders.created_by',
        'work_orders.completed_at',
        'work_orders.completion_notes',
      ])
      .where('work_orders.created_at', '>=', after)
      // Timestamps are ISO text: every moment of the day 'before' sorts below 'beforeT99'.
      .where('work_orders.created_at', '<', `${before}T99`)
      .orderBy('work_orders.number')
      .execute();
    return {
      columns: ['number', 'external_id', 'title', 'description', 'status', 'priority', 'asset_tag', 'assignee', 'due_date', 'created', 'created_by', 'completed', 'completion_notes'],
      rows: rows.map((r) => [
        r.number,
        r.external_id ?? null,
        r.title,
        r.description,
        r.status,
        r.priority,
        r.tag,
        r.assignee_id,
        day(r.due_at),
        day(r.created_at),
        r.created_by,
        day(r.completed_at),
        r.completion_notes,
      ]),
    };
  }
  const rows = await db.selectFrom('assets as a').leftJoin('assets as p', 'p.id', 'a.parent_id').select(['a.tag', 'a.name', 'a.location', 'a.category', 'a.manufacturer', 'a.model', 'a.serial_number', 'p.tag as parent_tag', 'a.status']).orderBy('a.tag').execute();
  return {
    // The import's columns: an exported register can be edited and imported again.
    columns: ['tag', 'name', 'location', 'category', 'manufacturer', 'model', 'serial_number', 'parent_tag', 'status'],
    rows: rows.map((r) => [r.tag, r.name, r.location, r.category, r.manufacturer, r.model, r.serial_number, r.parent_tag, r.status]),
  };
}
