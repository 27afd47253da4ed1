import { EDITABLE_WORK_ORDER_FIELDS, type EditableWorkOrderFields, type WorkOrderRecord } from '../../../shared/domain/workOrder';
import { label } from '../../../shared/domain/conflictWords';
import { contestedFields, mergedChanges, type Picks } from '../../../shared/domain/conflictPicks';
import type { ConflictChoice, DiscardedChange, RefusedChange, WorkOrderConflict } from '../../../shared/domain/sync';
import { settledOutcome, type MutationResult } from '../../../shared/sync/protocol';
import { AppError } from '../../../shared/ipc/result';
import { assignmentRefusal } from '../../../shared/domain/rules';
import { Role } from '../../../shared/sync/accounts';
import type { LocalUser } from '../auth/session';
import type { Db } from '../db/connection';
import { readBase } from '../db/workOrders';
import { acknowledgeRejected, enqueue, listOutbox, supersedeWorkOrderChanges, unsyncedForWorkOrder, type OutboxEntry } from '../journal/outbox';
import { replay } from '../journal/replay';
import { adoptServerRecord, refreshWorkOrderView } from '../journal/workOrderView';

type Field = keyof EditableWorkOrderFields;

/** The fields where mine, theirs or the version both started from differ. */
export function diffFields(before: WorkOrderRecord, mine: EditableWorkOrderFields, theirs: WorkOrderRecord) {
  return EDITABLE_WORK_ORDER_FIELDS.filter((f) => mine[f] !== before[f] || theirs[f] !== before[f]).map((field) => ({
    field,
    before: before[field],
    mine: mine[field],
    theirs: theirs[field],
  }));
}

/** Merge is offered only when the two sides changed different fields (or a field to the same value). */
export const mergeable = (fields: ReturnType<typeof diffFields>) => contestedFields(fields).length === 0;

/** What the technician decided: one of the choices, or a merge with a side picked for each field both changed. */
export type Decision = { choice: ConflictChoice } | { choice: 'fields'; picks: Picks };

const editable = (record: Pick<WorkOrderRecord, Field>): EditableWorkOrderFields =>
  Object.fromEntries(EDITABLE_WORK_ORDER_FIELDS.map((f) => [f, record[f]])) as EditableWorkOrderFields;

interface OpenConflict {
  entry: OutboxEntry;
  before: WorkOrderRecord;
  mine: EditableWorkOrderFields;
  theirs: WorkOrderRecord;
}

function openConflict(db: Db, workOrderId: string): OpenConflict | undefined {
  const entries = unsyncedForWorkOrder(db, workOrderId);
  const entry = entries.find((e) => e.state === 'conflict');
  // "Before" is the record the technician's first unsent change was made against, even if a pull moved the base on since.
  const before = entries.find((e) => e.baseRecord)?.baseRecord ?? readBase(db, workOrderId);
  if (!entry || !before) return undefined;
  const answer = settledOutcome(entry.result as MutationResult);
  if (answer.status !== 'conflict') return undefined;
  const theirs = answer.record;
  const mine = replay(workOrderId, before, entries)!;
  return { entry, before, mine: withinRights(db, entry.userId, before, editable(mine), theirs), theirs };
}

/**
 * "Mine" holds what its author may set. Who has the job is a supervisor's
 * call (shared/domain/rules): when a technician did not touch the assignee
 * and a supervisor changed it meanwhile, their side takes the supervisor's
 * choice. Otherwise Keep mine would send the old assignee, the server would
 * refuse the whole change, and the technician's status and notes with it.
 */
function withinRights(db: Db, userId: string, before: WorkOrderRecord, mine: EditableWorkOrderFields, theirs: WorkOrderRecord): EditableWorkOrderFields {
  if (mine.assigneeId !== before.assigneeId) return mine;
  const account = db.prepare<[string], { role: string }>('SELECT role FROM local_accounts WHERE username = ?').get(userId);
  // An author this PC no longer knows is taken as a technician: the rule then never sends an assignment they may not make.
  const role = Role.safeParse(account?.role).data ?? 'technician';
  return assignmentRefusal({ username: userId, role }, theirs.assigneeId, mine.assigneeId) ? { ...mine, assigneeId: theirs.assigneeId } : mine;
}

/** One notification per work order in conflict, with who changed it and when, and what differs. */
export function listConflicts(db: Db): WorkOrderConflict[] {
  const ids = [...new Set(listOutbox(db, ['conflict']).map((e) => e.workOrderId))];
  return ids.flatMap((id) => {
    const c = openConflict(db, id);
    if (!c) return [];
    const fields = diffFields(c.before, c.mine, c.theirs);
    return [
      {
        workOrderId: id,
        number: c.theirs.number,
        title: c.mine.title,
        changedBy: c.theirs.updatedBy,
        changedAt: c.theirs.updatedAt,
        serverVersion: c.theirs.version,
        madeBy: c.entry.userId,
        fields: fields.map((f) => ({ ...f, before: f.before ?? null, mine: f.mine ?? null, theirs: f.theirs ?? null })),
        canMerge: mergeable(fields),
      },
    ];
  });
}

/**
 * The technician's decision, in one local transaction:
 * - overwrite: a new mutation with their whole record, against the server
 *   version they were shown (a newer third change raises a new conflict);
 * - discard: their changes are dropped (kept as `discarded`), the server's record stays;
 * - merge: only the fields they changed, against the server version;
 * - fields: a merge where, for each field both changed, their pick says whose
 *   value wins (shared/domain/conflictPicks.ts is the rule).
 */
export function resolveConflict(db: Db, user: LocalUser, workOrderId: string, decision: Decision, now: string): void {
  db.transaction(() => {
    const c = openConflict(db, workOrderId);
    if (!c) throw new AppError('NOT_FOUND', 'This conflict was already resolved.');
    const { choice } = decision;
    let payload: Record<string, unknown> = {};
    if (choice === 'overwrite') payload = c.mine;
    if (choice === 'merge' || choice === 'fields') {
      const merged = mergedChanges(diffFields(c.before, c.mine, c.theirs), choice === 'fields' ? decision.picks : {});
      if (!merged.ok) throw new AppError('VALIDATION_FAILED', pickProblem(merged, c.theirs.updatedBy));
      payload = merged.changes;
    }
    supersedeWorkOrderChanges(db, workOrderId, choice === 'discard' ? 'discarded' : 'resolved');
    adoptServerRecord(db, c.theirs, now);
    if (Object.keys(payload).length) {
      enqueue(db, {
        type: choice === 'overwrite' ? 'workOrder.overwrite' : 'workOrder.update',
        entityId: workOrderId,
        workOrderId,
        baseVersion: c.theirs.version,
        baseRecord: c.theirs,
        payload,
        userId: user.username,
        createdAt: now,
      });
    }
    refreshWorkOrderView(db, workOrderId);
  }).immediate();
}

/** Why a merge cannot be made as asked, in the card's words. */
function pickProblem(merged: { missing: string[]; unexpected: string[] }, them: string): string {
  const names = (fields: string[]) => fields.map(label).join(', ');
  if (merged.missing.length) return `You and ${them} both changed ${names(merged.missing)}: pick whose value to keep, or choose Keep mine or Take ${them}’s.`;
  return `Only one side changed ${names(merged.unexpected)}, so there is nothing to pick there. Look at the conflict again and decide.`;
}

/** Changes dropped by "Discard my changes", newest first: the technician's words are never silently gone. */
export function listDiscarded(db: Db): DiscardedChange[] {
  return db
    .prepare<[], { id: string; work_order_id: string; payload: string; user_id: string; created_at: string; number: string | null; title: string | null }>(
      `SELECT o.id, o.work_order_id, o.payload, o.user_id, o.created_at, w.number, w.title
       FROM outbox o LEFT JOIN work_orders w ON w.id = o.work_order_id
       WHERE o.state = 'discarded' ORDER BY o.seq DESC`,
    )
    .all()
    .map((r) => ({
      id: r.id,
      workOrderId: r.work_order_id,
      workOrderLabel: [r.number, r.title].filter(Boolean).join(' ') || 'a work order',
      payload: r.payload,
      userId: r.user_id,
      createdAt: r.created_at,
    }));
}

/** Changes the server refused: unacknowledged ones are the error notifications, the rest the history. */
export function listRefused(db: Db): RefusedChange[] {
  const rows = db
    .prepare<[], { id: string; type: string; work_order_id: string; payload: string; user_id: string; created_at: string; result: string; acknowledged_at: string | null; number: string | null; title: string | null }>(
      `SELECT o.id, o.type, o.work_order_id, o.payload, o.user_id, o.created_at, o.result, o.acknowledged_at, w.number, w.title
       FROM outbox o LEFT JOIN work_orders w ON w.id = o.work_order_id
       WHERE o.state = 'rejected' ORDER BY o.seq DESC`,
    )
    .all();
  return rows.map((r) => {
    const result = settledOutcome(JSON.parse(r.result) as MutationResult);
    const payload = JSON.parse(r.payload) as Record<string, unknown>;
    return {
      id: r.id,
      type: r.type as RefusedChange['type'],
      workOrderId: r.work_order_id,
      workOrderLabel: r.type.startsWith('workRequest.')
        ? 'a work request'
        : (r.number ?? (typeof payload.title === 'string' ? payload.title : null) ?? r.title ?? 'a work order'),
      code: result.status === 'rejected' ? result.code : 'VALIDATION_FAILED',
      message: result.status === 'rejected' ? result.message : 'The server refused this change.',
      payload: JSON.stringify(payload),
      userId: r.user_id,
      createdAt: r.created_at,
      acknowledgedAt: r.acknowledged_at,
    };
  });
}

/** "Okay": the notification goes; the refused change stays in the history, never deleted. */
export function acknowledgeRefused(db: Db, id: string, now: string): void {
  if (!acknowledgeRejected(db, id, now)) throw new AppError('NOT_FOUND', 'This refused change is not on this computer.');
}

/** The refused-change history as CSV (RFC 4180 quoting), for a supervisor or to re-enter hours elsewhere. */
export function refusedAsCsv(db: Db): string {
  const quote = (value: unknown) => `"${String(value ?? '').replace(/"/g, '""')}"`;
  const header = ['when', 'user', 'change', 'work order', 'code', 'reason', 'data', 'acknowledged'];
  const lines = listRefused(db).map((r) =>
    [r.createdAt, r.userId, r.type, r.workOrderLabel, r.code, r.message, r.payload, r.acknowledgedAt ?? ''].map(quote).join(','),
  );
  return [header.map(quote).join(','), ...lines].join('\r\n') + '\r\n';
}
