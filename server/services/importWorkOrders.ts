import { randomUUID } from 'node:crypto';
import type { WorkOrderRecord } from '../../shared/domain/workOrder';
import { workOrderRecord, workOrderRow } from '../domain/records';
import { chunks } from '../domain/writeSession';
import type { CsvRow } from '../import/csv';
import { REQUIRED_WORK_ORDER_COLUMNS, WORK_ORDER_COLUMNS, WorkOrderImportRow } from '../import/workOrderRows';
import { nowIso, type ServiceContext } from './context';
import { describeIssue, report, type ImportOptions, type ImportReport } from './importReport';

/** Who changed a record, as the feed and the audit trail show it, when an import did. */
export const IMPORT_USER_ID = 'import';
const COMPARED = ['title', 'description', 'assetId', 'priority', 'status', 'assigneeId', 'dueAt'] as const;

/**
 * Open work orders from another system, keyed by external_id: a second
 * import changes nothing, a changed row updates its work order with a new
 * version. New ones get numbers like any other; every write goes to the
 * change feed and the audit trail, in one transaction.
 */
export async function importWorkOrders(ctx: ServiceContext, columns: string[], rows: CsvRow[], options: ImportOptions = {}): Promise<ImportReport> {
  const missing = REQUIRED_WORK_ORDER_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length) return report({ errors: [`The file has no column ${missing.join(', ')}. Work-order columns: ${WORK_ORDER_COLUMNS.join(', ')}.`] });
  const errors: string[] = [];
  const valid: { line: number; row: WorkOrderImportRow }[] = [];
  const seen = new Map<string, number>();
  for (const { line, values } of rows) {
    const present = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
    const parsed = WorkOrderImportRow.safeParse(present);
    if (!parsed.success) {
      errors.push(describeIssue(line, parsed.error, present));
      continue;
    }
    const earlier = seen.get(parsed.data.external_id);
    if (earlier) {
      errors.push(`line ${line}, external_id: '${parsed.data.external_id}' is already on line ${earlier}.`);
      continue;
    }
    seen.set(parsed.data.external_id, line);
    valid.push({ line, row: parsed.data });
  }
  const { db, dialect } = ctx.database;
  return db.transaction().execute(async (tx) => {
    const assetIds = new Map<string, string>();
    const users = new Set<string>();
    const existing = new Map<string, WorkOrderRecord>();
    const tags = [...new Set(valid.flatMap(({ row }) => (row.asset_tag ? [row.asset_tag] : [])))];
    const names = [...new Set(valid.flatMap(({ row }) => (row.assignee ? [row.assignee] : [])))];
    for (const some of chunks(tags)) for (const a of await tx.selectFrom('assets').select(['id', 'tag']).where('tag', 'in', some).execute()) assetIds.set(a.tag, a.id);
    for (const some of chunks(names)) for (const u of await tx.selectFrom('users').select('id').where('username', 'in', some).execute()) users.add(u.id);
    for (const some of chunks(valid.map(({ row }) => row.external_id))) {
      let query = tx.selectFrom('work_orders').selectAll().where('external_id', 'in', some).orderBy('id');
      if (dialect === 'postgres') query = query.forUpdate();
      for (const w of await query.execute()) existing.set(w.external_id!, workOrderRecord(w));
    }

    const now = nowIso(ctx);
    const creates: { externalId: string; record: WorkOrderRecord }[] = [];
    const updates: { before: WorkOrderRecord; record: WorkOrderRecord }[] = [];
    let unchanged = 0;
    for (const { line, row } of valid) {
      const assetId = row.asset_tag ? assetIds.get(row.asset_tag) : null;
      if (assetId === undefined) {
        errors.push(`line ${line}, asset_tag: no asset has the tag '${row.asset_tag}'.`);
        continue;
      }
      if (row.assignee && !users.has(row.assignee)) {
        errors.push(`line ${line}, assignee: there is no user called '${row.assignee}'.`);
        continue;
      }
      const fields = {
        title: row.title,
        description: row.description,
        assetId,
        priority: row.priority,
        status: row.status,
        assigneeId: row.assignee ?? null,
        dueAt: row.due_date ? `${row.due_date}T00:00:00.000Z` : null,
      };
      const before = existing.get(row.external_id);
      const completedAt = (previous: string | null) => (row.status === 'completed' ? (previous ?? now) : null);
      if (!before) {
        creates.push({
          externalId: row.external_id,
          record: { id: randomUUID(), number: '', ...fields, completedAt: completedAt(null), completionNotes: null, version: 1, createdAt: now, createdBy: IMPORT_USER_ID, updatedAt: now, updatedBy: IMPORT_USER_ID },
        });
      } else if (COMPARED.some((k) => before[k] !== fields[k])) {
        updates.push({ before, record: { ...before, ...fields, completedAt: completedAt(before.completedAt), version: before.version + 1, updatedAt: now, updatedBy: IMPORT_USER_ID } });
      } else unchanged += 1;
    }
    const counts = { created: creates.length, updated: updates.length, unchanged, skipped: rows.length - creates.length - updates.length - unchanged };
    if (options.dryRun || (errors.length && !options.skipInvalid)) return report({ ...counts, errors });

    if (creates.length) {
      // Numbers from the same counter, in the same way, as work orders created by workstations.
      const { value } = await tx
        .updateTable('counters')
        .set((eb) => ({ value: eb('value', '+', creates.length) }))
        .where('name', '=', 'work_order_number')
        .returning('value')
        .executeTakeFirstOrThrow();
      const first = Number(value) - creates.length + 1;
      creates.forEach((c, i) => (c.record.number = `WO-${first + i}`));
      for (const some of chunks(creates)) {
        await tx.insertInto('work_orders').values(some.map((c) => ({ ...workOrderRow(c.record), external_id: c.externalId }))).execute();
      }
    }
    for (const { record } of updates) {
      const { id, ...row } = workOrderRow(record);
      await tx.updateTable('work_orders').set(row).where('id', '=', id).execute();
    }
    const written = [...creates.map((c) => ({ before: null, record: c.record })), ...updates];
    for (const some of chunks(written)) {
      await tx.insertInto('change_log').values(some.map(({ record }) => ({ entity: 'workOrder', entity_id: record.id, version: record.version }) as never)).execute();
      await tx
        .insertInto('audit_log')
        .values(
          some.map(({ before, record }) => ({
            entity: 'workOrder',
            entity_id: record.id,
            action: 'import',
            mutation_id: null,
            user_id: IMPORT_USER_ID,
            at: now,
            before_json: before && JSON.stringify(before),
            after_json: JSON.stringify(record),
          })),
        )
        .execute();
    }
    return report({ ...counts, errors, written: true });
  });
}
