import type { Kysely, Transaction } from 'kysely';
import type { HoursEntryRecord, UserSummary } from '../../shared/domain/records';
import { assigneeRefusal, assignmentRefusal, FINAL_STATUSES, hoursRefusal, requestDecisionRefusal, transitionRefusal } from '../../shared/domain/rules';
import { workOrderFromRequest, type WorkRequestRecord } from '../../shared/domain/workRequest';
import type { EditableWorkOrderFields, WorkOrderRecord } from '../../shared/domain/workOrder';
import { applyWorkOrderChanges, buildNewWorkOrder } from '../../shared/domain/workOrderChanges';
import type { Entity, HoursEntryCreatePayload, RejectionCode, WorkOrderCreatePayload, WorkRequestCreatePayload } from '../../shared/sync/protocol';
import type { DialectName } from '../db/database';
import type { ServerSchema } from '../db/schema';
import { hoursEntryRecord, workOrderRecord, workOrderRow, workRequestRecord, workRequestRow } from './records';

type Tx = Transaction<ServerSchema> | Kysely<ServerSchema>;

export type WriteOutcome<R> =
  /** `workOrder`: the work order a request's Accept created. */
  | { kind: 'applied'; record: R; workOrder?: WorkOrderRecord }
  | { kind: 'conflict'; record: WorkOrderRecord }
  | { kind: 'rejected'; code: RejectionCode; message: string; dependsOn?: string };

export interface WriteContext {
  user: UserSummary;
  /** The sync mutation that caused the write, or null for an online PATCH. */
  mutationId: string | null;
  now: string;
  /** The workstation that pushed (a work request records where it came from). */
  clientId?: string;
}

/** A supervisor's decision on a work request. */
export type RequestDecision = { kind: 'accept'; workOrderId: string } | { kind: 'decline'; reason: string };

/** The records a set of writes will read: loaded in one query each, before any decision. */
export interface WriteNeeds {
  workOrderIds: Iterable<string>;
  hoursIds?: Iterable<string>;
  assetIds?: Iterable<string>;
  /** Users named as assignees: whether each still has an active account. */
  userIds?: Iterable<string>;
  /** Work requests decided (or created: to tell a retry with a new mutation id from a new one). */
  requestIds?: Iterable<string>;
}

/** Rows per multi-row statement: well under SQLite's and PostgreSQL's parameter limits. */
const CHUNK = 500;
export const chunks = <T>(items: T[]) => Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

const rejected = (code: RejectionCode, message: string, dependsOn?: string) =>
  ({ kind: 'rejected', code, message, ...(dependsOn ? { dependsOn } : {}) }) as const;

interface AuditEntry {
  entity: Entity;
  entityId: string;
  action: string;
  mutationId: string | null;
  userId: string;
  at: string;
  before: unknown;
  after: unknown;
}

/**
 * The server's business rules for a batch of writes inside one transaction.
 * A push of a thousand changes used to cost a thousand transactions and ten
 * statements each; now everything the batch will read is loaded up front (on
 * PostgreSQL the work orders are locked, in id order so two instances never
 * deadlock), every change is decided in memory in order, exactly as before,
 * and the effects (records, feed, audit trail) are written in a few
 * multi-row statements by `flush`. New work-order numbers are reserved at
 * flush, only for creates that were applied, so numbering has no gaps.
 */
export class WriteSession {
  private readonly workOrders = new Map<string, WorkOrderRecord>();
  private readonly existing = new Set<string>();
  private readonly assets = new Set<string>();
  private readonly hours = new Set<string>();
  private readonly activeUsers = new Set<string>();
  private readonly refusedCreates = new Map<string, { mutationId: string; message: string }>();
  private readonly created: string[] = [];
  private readonly changed = new Set<string>();
  private readonly newHours: HoursEntryRecord[] = [];
  private readonly feed: { entity: Entity; entity_id: string; version: number }[] = [];
  private readonly audit: AuditEntry[] = [];
  /** Every record object handed out for a work order created here: they get its number at flush. */
  private readonly unnumbered: WorkOrderRecord[] = [];
  private readonly requests = new Map<string, WorkRequestRecord>();
  private readonly existingRequests = new Set<string>();
  private readonly createdRequests: string[] = [];
  private readonly changedRequests = new Set<string>();
  /** Request records handed out that name a work order created here: they get its number at flush. */
  private readonly requestsAwaitingNumber: WorkRequestRecord[] = [];

  private constructor(private readonly tx: Tx) {}

  static async open(tx: Tx, dialect: DialectName, needs: WriteNeeds): Promise<WriteSession> {
    const session = new WriteSession(tx);
    const workOrderIds = [...new Set(needs.workOrderIds)].sort();
    for (const ids of chunks(workOrderIds)) {
      let query = tx.selectFrom('work_orders').selectAll().where('id', 'in', ids).orderBy('id');
      if (dialect === 'postgres') query = query.forUpdate();
      for (const row of await query.execute()) {
        session.workOrders.set(row.id, workOrderRecord(row));
        session.existing.add(row.id);
      }
    }
    const missing = workOrderIds.filter((id) => !session.existing.has(id));
    for (const ids of chunks(missing)) {
      const refused = await tx
        .selectFrom('mutation_outcomes')
        .select(['entity_id', 'mutation_id', 'result_json'])
        .where('entity_id', 'in', ids)
        .where('type', '=', 'workOrder.create')
        .where('status', '=', 'rejected')
        .execute();
      for (const r of refused) {
        const message = (JSON.parse(r.result_json) as { message?: string }).message ?? '';
        session.refusedCreates.set(r.entity_id, { mutationId: r.mutation_id, message });
      }
    }
    for (const ids of chunks([...new Set(needs.hoursIds ?? [])])) {
      for (const row of await tx.selectFrom('hours_entries').select('id').where('id', 'in', ids).execute()) session.hours.add(row.id);
    }
    const requestIds = [...new Set(needs.requestIds ?? [])].sort();
    const requestAssets: string[] = [];
    for (const ids of chunks(requestIds)) {
      let query = tx.selectFrom('work_requests').selectAll().where('id', 'in', ids).orderBy('id');
      if (dialect === 'postgres') query = query.forUpdate();
      for (const row of await query.execute()) {
        session.requests.set(row.id, workRequestRecord(row));
        session.existingRequests.add(row.id);
        requestAssets.push(row.asset_id);
      }
    }
    for (const ids of chunks([...new Set([...(needs.assetIds ?? []), ...requestAssets])])) {
      for (const row of await tx.selectFrom('assets').select('id').where('id', 'in', ids).execute()) session.assets.add(row.id);
    }
    for (const ids of chunks([...new Set(needs.userIds ?? [])])) {
      const rows = await tx.selectFrom('users').select('id').where('id', 'in', ids).where('disabled_at', 'is', null).execute();
      for (const row of rows) session.activeUsers.add(row.id);
    }
    return session;
  }

  /** Who may assign whom (shared/domain/rules), then whether the assignee can be given work. */
  private assignmentRejection(user: UserSummary, from: string | null, to: string | null) {
    if (from === to) return null;
    const notAllowed = assignmentRefusal({ username: user.id, role: user.role }, from, to);
    if (notAllowed) return rejected('ASSIGNMENT_NOT_ALLOWED', notAllowed);
    const unavailable = assigneeRefusal(to, to !== null && this.activeUsers.has(to));
    return unavailable ? rejected('ASSIGNEE_UNAVAILABLE', unavailable) : null;
  }

  private assetMissing(assetId: string | null | undefined): boolean {
    return !!assetId && !this.assets.has(assetId);
  }

  /**
   * A record that does not exist may be one whose offline create was refused:
   * then anything built on it is refused too, naming that create (never lost,
   * never a bare "not found").
   */
  private missingWorkOrder(id: string) {
    const refusedCreate = this.refusedCreates.get(id);
    if (refusedCreate) {
      return rejected(
        'DEPENDENCY_REJECTED',
        `This depends on a new work order that was refused (${refusedCreate.message.replace(/\.$/, '')}), so it was refused too.`,
        refusedCreate.mutationId,
      );
    }
    return rejected('NOT_FOUND', 'This work order does not exist on the server.');
  }

  private record(write: AuditEntry & { version: number }) {
    this.feed.push({ entity: write.entity, entity_id: write.entityId, version: write.version });
    this.audit.push(write);
  }

  private keep(record: WorkOrderRecord) {
    this.workOrders.set(record.id, record);
    if (!this.existing.has(record.id)) this.unnumbered.push(record);
    return record;
  }

  /** A create refused before it reached the rules (its payload was invalid): what depends on it is refused too. */
  noteRefusedCreate(id: string, mutationId: string, message: string): void {
    if (!this.workOrders.has(id)) this.refusedCreates.set(id, { mutationId, message });
  }

  createWorkOrder(id: string, payload: WorkOrderCreatePayload, ctx: WriteContext): WriteOutcome<WorkOrderRecord> {
    const refuse = (code: RejectionCode, message: string) => {
      if (ctx.mutationId) this.noteRefusedCreate(id, ctx.mutationId, message);
      return rejected(code, message);
    };
    if (this.workOrders.has(id)) return rejected('ALREADY_EXISTS', 'A work order with this id already exists.');
    if (payload.status === 'completed' || payload.status === 'cancelled') {
      return refuse('INVALID_TRANSITION', 'A new work order starts open, in progress or on hold.');
    }
    if (this.assetMissing(payload.assetId)) return refuse('NOT_FOUND', 'The chosen asset does not exist.');
    const assignment = this.assignmentRejection(ctx.user, null, payload.assigneeId);
    if (assignment) return refuse(assignment.code, assignment.message);
    // The number is reserved at flush, only for creates that were applied.
    const record = this.keep({ ...buildNewWorkOrder(id, payload, ctx.user.id, ctx.now), number: '', version: 1 });
    this.refusedCreates.delete(id);
    this.created.push(id);
    this.record({ entity: 'workOrder', entityId: id, version: 1, action: 'create', userId: ctx.user.id, mutationId: ctx.mutationId, at: ctx.now, before: null, after: record });
    return { kind: 'applied', record };
  }

  /**
   * Update (changed fields) and overwrite (the whole editable record) are the
   * same write: only if the record is still at `baseVersion`, else a conflict
   * carrying the server's record. Rules are checked against the current record.
   */
  changeWorkOrder(
    id: string,
    baseVersion: number,
    fields: Partial<EditableWorkOrderFields>,
    action: 'update' | 'overwrite',
    ctx: WriteContext,
  ): WriteOutcome<WorkOrderRecord> {
    const current = this.workOrders.get(id);
    if (!current) return this.missingWorkOrder(id);
    if (current.version !== baseVersion) return { kind: 'conflict', record: current };

    const status = fields.status ?? current.status;
    const refusal = transitionRefusal(current.status, status, ctx.user.role);
    if (refusal) return rejected('INVALID_TRANSITION', refusal);
    // Completed and cancelled work orders are final: only reopening changes them.
    if (FINAL_STATUSES.includes(current.status) && status === current.status) {
      return rejected('WORK_ORDER_CLOSED', `${current.number || 'This work order'} is ${current.status}; it can no longer be changed.`);
    }
    if (fields.assetId !== undefined && this.assetMissing(fields.assetId)) return rejected('NOT_FOUND', 'The chosen asset does not exist.');
    if (fields.assigneeId !== undefined) {
      const assignment = this.assignmentRejection(ctx.user, current.assigneeId, fields.assigneeId);
      if (assignment) return assignment;
    }

    const next = this.keep({ ...applyWorkOrderChanges(current, fields, ctx.user.id, ctx.now), version: current.version + 1 });
    if (this.existing.has(id)) this.changed.add(id);
    this.record({ entity: 'workOrder', entityId: id, version: next.version, action, userId: ctx.user.id, mutationId: ctx.mutationId, at: ctx.now, before: current, after: next });
    return { kind: 'applied', record: next };
  }

  logHours(id: string, payload: HoursEntryCreatePayload, ctx: WriteContext): WriteOutcome<HoursEntryRecord> {
    if (this.hours.has(id)) return rejected('ALREADY_EXISTS', 'These hours were already logged.');
    const workOrder = this.workOrders.get(payload.workOrderId);
    if (!workOrder) return this.missingWorkOrder(payload.workOrderId);
    const refusal = hoursRefusal(workOrder.status);
    if (refusal) {
      return rejected('WORK_ORDER_CLOSED', `${refusal.replace(/\.$/, '')} (${workOrder.number || workOrder.title}, by ${workOrder.updatedBy}).`);
    }
    const record = hoursEntryRecord({
      id,
      work_order_id: payload.workOrderId,
      user_id: ctx.user.id,
      hours: payload.hours,
      work_date: payload.workDate,
      note: payload.note,
      performed_at: payload.performedAt,
      received_at: ctx.now,
      version: 1,
    });
    this.hours.add(id);
    this.newHours.push(record);
    this.record({ entity: 'hoursEntry', entityId: id, version: 1, action: 'create', userId: ctx.user.id, mutationId: ctx.mutationId, at: ctx.now, before: null, after: record });
    return { kind: 'applied', record };
  }

  /** An operator's report. The asset must exist; `carriedBy` is the token's user, `clientId` the pushing PC. */
  createRequest(id: string, payload: WorkRequestCreatePayload, ctx: WriteContext): WriteOutcome<WorkRequestRecord> {
    if (this.requests.has(id)) return rejected('ALREADY_EXISTS', 'This work request was already received.');
    if (this.assetMissing(payload.assetId)) return rejected('NOT_FOUND', 'The asset this request is about does not exist on the server.');
    const record: WorkRequestRecord = {
      id,
      assetId: payload.assetId,
      description: payload.description,
      urgency: payload.urgency,
      machineStopped: payload.machineStopped,
      requestedBy: payload.requestedBy,
      clientId: ctx.clientId ?? '',
      carriedBy: ctx.user.id,
      status: 'new',
      decidedBy: null,
      decidedAt: null,
      declineReason: null,
      workOrderId: null,
      workOrderNumber: null,
      reportedAt: payload.reportedAt,
      receivedAt: ctx.now,
      updatedAt: ctx.now,
      version: 1,
    };
    this.requests.set(id, record);
    this.createdRequests.push(id);
    this.record({ entity: 'workRequest', entityId: id, version: 1, action: 'create', userId: ctx.user.id, mutationId: ctx.mutationId, at: ctx.now, before: null, after: record });
    return { kind: 'applied', record };
  }

  /**
   * Accept (a new work order, numbered at flush, linked both ways) or decline
   * (with the reason). Only a supervisor or admin, and only while the request
   * is new: the second of two decisions is refused, never a silent overwrite.
   * An applied Accept carries the new work order too.
   */
  decideRequest(id: string, decision: RequestDecision, ctx: WriteContext): WriteOutcome<WorkRequestRecord> {
    const current = this.requests.get(id);
    if (!current) return rejected('NOT_FOUND', 'This work request does not exist on the server.');
    const refusal = requestDecisionRefusal(ctx.user.role, current.status);
    if (refusal) {
      const by = current.decidedBy ? ` (${current.decidedBy}, ${current.decidedAt})` : '';
      return rejected(refusal.code, refusal.code === 'REQUEST_ALREADY_DECIDED' ? `${refusal.message.replace(/\.$/, '')}${by}.` : refusal.message);
    }
    let workOrder: WorkOrderRecord | null = null;
    if (decision.kind === 'accept') {
      const created = this.createWorkOrder(decision.workOrderId, workOrderFromRequest(current), ctx);
      if (created.kind !== 'applied') return created;
      workOrder = created.record;
    }
    const next: WorkRequestRecord = {
      ...current,
      status: decision.kind === 'accept' ? 'accepted' : 'declined',
      decidedBy: ctx.user.id,
      decidedAt: ctx.now,
      declineReason: decision.kind === 'decline' ? decision.reason : null,
      workOrderId: workOrder?.id ?? null,
      workOrderNumber: workOrder?.number || null,
      updatedAt: ctx.now,
      version: current.version + 1,
    };
    this.requests.set(id, next);
    if (this.existingRequests.has(id)) this.changedRequests.add(id);
    if (workOrder) this.requestsAwaitingNumber.push(next);
    this.record({ entity: 'workRequest', entityId: id, version: next.version, action: decision.kind, userId: ctx.user.id, mutationId: ctx.mutationId, at: ctx.now, before: current, after: next });
    return { kind: 'applied', record: next, ...(workOrder ? { workOrder } : {}) };
  }

  /** Writes everything decided, in a few statements. Records handed out are complete (numbered) afterwards. */
  async flush(): Promise<void> {
    const { tx } = this;
    if (this.created.length) {
      // One row, updated in the writer's transaction: numbers are unique across instances.
      const { value } = await tx
        .updateTable('counters')
        .set((eb) => ({ value: eb('value', '+', this.created.length) }))
        .where('name', '=', 'work_order_number')
        .returning('value')
        .executeTakeFirstOrThrow();
      const first = Number(value) - this.created.length + 1;
      const numbers = new Map(this.created.map((id, i) => [id, `WO-${first + i}`]));
      for (const record of this.unnumbered) record.number = numbers.get(record.id)!;
      for (const request of this.requestsAwaitingNumber) request.workOrderNumber = numbers.get(request.workOrderId!) ?? request.workOrderNumber;
      for (const rows of chunks(this.created.map((id) => workOrderRow(this.workOrders.get(id)!)))) {
        await tx.insertInto('work_orders').values(rows).execute();
      }
    }
    for (const rows of chunks([...this.changed].map((id) => workOrderRow(this.workOrders.get(id)!)))) {
      await tx
        .insertInto('work_orders')
        .values(rows)
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => ({
            title: eb.ref('excluded.title'),
            description: eb.ref('excluded.description'),
            status: eb.ref('excluded.status'),
            priority: eb.ref('excluded.priority'),
            asset_id: eb.ref('excluded.asset_id'),
            assignee_id: eb.ref('excluded.assignee_id'),
            due_at: eb.ref('excluded.due_at'),
            completed_at: eb.ref('excluded.completed_at'),
            completion_notes: eb.ref('excluded.completion_notes'),
            version: eb.ref('excluded.version'),
            updated_at: eb.ref('excluded.updated_at'),
            updated_by: eb.ref('excluded.updated_by'),
          })),
        )
        .execute();
    }
    for (const rows of chunks(this.newHours)) {
      await tx
        .insertInto('hours_entries')
        .values(
          rows.map((h) => ({
            id: h.id,
            work_order_id: h.workOrderId,
            user_id: h.userId,
            hours: h.hours,
            work_date: h.workDate,
            note: h.note,
            performed_at: h.performedAt,
            received_at: h.receivedAt!,
            version: h.version,
          })),
        )
        .execute();
    }
    // After the work orders: an accepted request names its work order.
    for (const rows of chunks(this.createdRequests.map((id) => workRequestRow(this.requests.get(id)!)))) {
      await tx.insertInto('work_requests').values(rows).execute();
    }
    for (const id of this.changedRequests) {
      await tx.updateTable('work_requests').set(workRequestRow(this.requests.get(id)!)).where('id', '=', id).execute();
    }
    // The feed and the audit trail, in the order the writes were decided.
    for (const rows of chunks(this.feed)) await tx.insertInto('change_log').values(rows as never).execute();
    for (const rows of chunks(this.audit)) {
      await tx
        .insertInto('audit_log')
        .values(
          rows.map((a) => ({
            entity: a.entity,
            entity_id: a.entityId,
            action: a.action,
            mutation_id: a.mutationId,
            user_id: a.userId,
            at: a.at,
            before_json: a.before === null ? null : JSON.stringify(a.before),
            after_json: a.after === null ? null : JSON.stringify(a.after),
          })),
        )
        .execute();
    }
  }
}

export async function findWorkOrder(tx: Tx, id: string): Promise<WorkOrderRecord | undefined> {
  const row = await tx.selectFrom('work_orders').selectAll().where('id', '=', id).executeTakeFirst();
  return row && workOrderRecord(row);
}
